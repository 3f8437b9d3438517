// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "api.hpp"

#include "util.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace local_server {
namespace json = boost::json;

namespace {

// --- JSON shapes of the API's objects ----------------------------------------

json::object to_json(customer_record const& c)
{
    return {{"displayName", c.display_name}, {"tenantName", c.tenant_name}, {"region", c.region},
            {"customerId", c.customer_id},   {"isNfr", c.is_nfr},           {"createdAt", c.created_at}};
}

json::object to_json(user_record const& u)
{
    return {{"id", u.id},
            {"email", u.email},
            {"firstName", u.first_name},
            {"lastName", u.last_name},
            {"emailVerified", u.email_verified},
            {"enabled", u.enabled},
            {"createdAt", u.created_at}};
}

// QuotaUsage: quota -1 means unlimited, and then remaining is -1 too.
json::object quota_json(std::int64_t quota, std::int64_t usage)
{
    std::int64_t remaining = quota < 0 ? -1 : std::max<std::int64_t>(0, quota - usage);
    return {{"quota", quota}, {"usage", usage}, {"remaining", remaining}};
}

// --- Pagination ---------------------------------------------------------------

struct page_params
{
    std::int64_t number = 1;
    std::int64_t size = 20;
};

std::int64_t page_param(parsed_target const& target, char const* key, std::int64_t fallback, std::int64_t max)
{
    auto text = query_value(target, key);
    if(!text)
        return fallback;
    bool digits = !text->empty() && text->size() <= 9 &&
                  std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
    std::int64_t n = digits ? std::stoll(*text) : 0;
    if(n < 1 || n > max)
        throw_bad_request(std::string("query parameter '") + key + "' must be an integer from 1 to " +
                          std::to_string(max));
    return n;
}

page_params page_from(parsed_target const& target)
{
    return {page_param(target, "page", 1, 999999999), page_param(target, "pageSize", 20, 1000)};
}

// One page of `items` as a JSON array, plus the pagination object.
template<class T>
std::pair<json::array, json::object> paginate(std::vector<T> const& items, page_params page, pagination_style style)
{
    auto const total = static_cast<std::int64_t>(items.size());
    std::int64_t const first = (page.number - 1) * page.size; // both < 1e9: no overflow
    json::array out;
    for(std::int64_t i = first; i < total && i < first + page.size; ++i)
        out.push_back(to_json(items[static_cast<std::size_t>(i)]));
    json::object pagination{{"page", page.number}, {"pageSize", page.size}};
    if(style == pagination_style::total)
        pagination["total"] = total;
    else
        pagination["hasNextPage"] = first + page.size < total;
    return {std::move(out), std::move(pagination)};
}

// --- Lookups and validation ---------------------------------------------------

[[noreturn]] void not_found(char const* what)
{
    throw api_error{http::status::not_found, "not_found", std::string(what) + " not found"};
}

customer_record& customer_or_404(project_record& project, std::string const& id)
{
    customer_record* c = project.find_customer(id);
    if(!c)
        not_found("customer");
    return *c;
}

user_record& user_or_404(customer_record& customer, std::string const& id)
{
    user_record* u = customer.find_user(id);
    if(!u)
        not_found("user");
    return *u;
}

void check_length(std::string const& value, char const* field, std::size_t min, std::size_t max)
{
    auto n = utf8_length(value);
    if(n < min || n > max)
        throw_bad_request(std::string("field '") + field + "' must be " + std::to_string(min) + " to " +
                          std::to_string(max) + " characters long");
}

void check_password(std::optional<std::string> const& password)
{
    if(password)
        check_length(*password, "password", 16, 64);
}

[[noreturn]] void quota_exceeded()
{
    throw api_error{http::status::forbidden, "quota_exceeded", "the customer's user quota is exhausted"};
}

[[noreturn]] void conflict(std::string message)
{
    throw api_error{http::status::conflict, "conflict", std::move(message)};
}

} // namespace

api::api(server_options const& options)
    : options_(options), store_(options.projects, options.seed_customers),
      tokens_(std::chrono::seconds(options.token_ttl_seconds))
{
}

reply api::handle(request const& req, parsed_target const& target)
{
    try
    {
        auto route = match_route(target.segments);
        if(!route || is_test_route(route->id))
            not_found("route");
        if(!route->allows(req.method()))
            throw api_error{http::status::method_not_allowed,
                            "method_not_allowed",
                            "method not allowed on this path",
                            {{"Allow", route->allow_header()}}};
        if(route->id != route_id::auth_token)
            require_bearer(req);
        return dispatch(*route, req, target);
    }
    catch(api_error const& e)
    {
        reply answer = error_reply(e.status, e.code, e.message);
        answer.headers = e.headers;
        return answer;
    }
}

reply api::dispatch(route_match const& route, request const& req, parsed_target const& target)
{
    if(route.id == route_id::auth_token)
        return issue_token(req);

    project_record& project = project_or_404(route.params.at(0));
    bool const is_get = req.method() == http::verb::get;
    switch(route.id)
    {
    case route_id::customers: return is_get ? list_customers(project, target) : create_customer(project, req);
    case route_id::project_quotas: return project_quotas(project);
    default: break;
    }

    customer_record& customer = customer_or_404(project, route.params.at(1));
    bool const is_patch = req.method() == http::verb::patch;
    switch(route.id)
    {
    case route_id::customer:
        return is_patch ? update_customer(project, customer, req) : delete_customer(project, customer);
    case route_id::customer_quotas: return customer_quotas(customer);
    case route_id::users: return is_get ? list_users(customer, target) : create_user(customer, req);
    default: break;
    }

    user_record& user = user_or_404(customer, route.params.at(2));
    if(route.id == route_id::user_consumption)
        return user_consumption(target);
    return is_patch ? update_user(customer, user, req) : delete_user(customer, user);
}

void api::require_bearer(request const& req) const
{
    auto const field = req[http::field::authorization];
    std::string_view header(field.data(), field.size());
    constexpr std::string_view scheme = "bearer ";
    bool ok = header.size() > scheme.size() && iequals(header.substr(0, scheme.size()), scheme) &&
              tokens_.is_valid(std::string(trim(header.substr(scheme.size()))));
    if(!ok)
        throw api_error{http::status::unauthorized,
                        "unauthorized",
                        "missing or invalid bearer token",
                        {{"WWW-Authenticate", "Bearer"}}};
}

project_record& api::project_or_404(std::string const& id)
{
    project_record* p = store_.find_project(id);
    if(!p)
        not_found("project");
    return *p;
}

http::status api::create_status() const
{
    return options_.create_status == 200 ? http::status::ok : http::status::created;
}

// --- Handlers -----------------------------------------------------------------

reply api::issue_token(request const& req)
{
    json::object body = json_body(req);
    std::string email = required_string(body, "email");
    std::string password = required_string(body, "password");
    if(!iequals(email, options_.email) || password != options_.password)
        throw api_error{http::status::unauthorized, "invalid_credentials", "invalid email or password"};
    return json_reply(
        http::status::ok,
        json::object{{"accessToken", tokens_.issue()}, {"tokenType", "bearer"}, {"expiresIn", tokens_.ttl().count()}});
}

reply api::list_customers(project_record& project, parsed_target const& target)
{
    auto [items, pagination] = paginate(project.customers, page_from(target), options_.pagination);
    return json_reply(http::status::ok,
                      json::object{{"customers", std::move(items)}, {"pagination", std::move(pagination)}});
}

reply api::create_customer(project_record& project, request const& req)
{
    json::object body = json_body(req);
    customer_record c;
    c.display_name = required_string(body, "displayName");
    c.customer_id = required_string(body, "customerId");
    check_length(c.display_name, "displayName", 1, 1000);
    check_length(c.customer_id, "customerId", 1, 64);
    if(auto tenant = string_field(body, "tenantName"))
    {
        check_length(*tenant, "tenantName", 1, 14);
        c.tenant_name = *tenant;
    }
    if(auto region = string_field(body, "region"))
    {
        if(*region != "eu" && *region != "us")
            throw_bad_request("field 'region' must be \"eu\" or \"us\"");
        c.region = *region;
    }
    c.is_nfr = bool_field(body, "isNfr").value_or(false);
    if(project.find_customer(c.customer_id))
        conflict("a customer with this customerId already exists");

    c.created_at = now_rfc3339();
    project.customers.push_back(std::move(c));
    return json_reply(create_status(), to_json(project.customers.back()));
}

reply api::update_customer(project_record& project, customer_record& customer, request const& req)
{
    json::object body = json_body(req);
    // Validate everything before changing anything.
    auto display_name = string_field(body, "displayName");
    auto new_id = string_field(body, "customerId");
    auto is_nfr = bool_field(body, "isNfr");
    if(display_name)
        check_length(*display_name, "displayName", 1, 1000);
    if(new_id)
    {
        check_length(*new_id, "customerId", 1, 64);
        if(*new_id != customer.customer_id && project.find_customer(*new_id))
            conflict("a customer with this customerId already exists");
    }

    if(display_name)
        customer.display_name = *display_name;
    if(new_id)
        customer.customer_id = *new_id;
    if(is_nfr)
        customer.is_nfr = *is_nfr;
    return json_reply(http::status::ok, to_json(customer));
}

reply api::delete_customer(project_record& project, customer_record& customer)
{
    project.erase_customer(std::string(customer.customer_id)); // copy: erasing invalidates `customer`
    return no_content_reply();
}

reply api::customer_quotas(customer_record const& customer) const
{
    return json_reply(http::status::ok,
                      json::object{{"users", quota_json(options_.user_quota, customer.enabled_users())}});
}

reply api::list_users(customer_record& customer, parsed_target const& target)
{
    auto [items, pagination] = paginate(customer.users, page_from(target), options_.pagination);
    return json_reply(http::status::ok,
                      json::object{{"users", std::move(items)}, {"pagination", std::move(pagination)}});
}

reply api::create_user(customer_record& customer, request const& req)
{
    json::object body = json_body(req);
    user_record u;
    u.email = required_string(body, "email");
    u.first_name = required_string(body, "firstName");
    u.last_name = required_string(body, "lastName");
    if(!looks_like_email(u.email))
        throw_bad_request("field 'email' must be an email address");
    if(u.first_name.empty())
        throw_bad_request("field 'firstName' must not be empty");
    if(u.last_name.empty())
        throw_bad_request("field 'lastName' must not be empty");
    check_password(string_field(body, "password")); // validated, never stored
    if(customer.has_email(u.email))
        conflict("a user with this email already exists in the customer");
    if(options_.user_quota >= 0 && customer.enabled_users() >= options_.user_quota)
        quota_exceeded();

    u.id = random_uuid_v4();
    u.created_at = now_rfc3339();
    customer.users.push_back(std::move(u));
    return json_reply(create_status(), to_json(customer.users.back()));
}

reply api::update_user(customer_record& customer, user_record& user, request const& req)
{
    json::object body = json_body(req);
    auto first_name = string_field(body, "firstName");
    auto last_name = string_field(body, "lastName");
    auto enabled = bool_field(body, "enabled");
    check_password(string_field(body, "password"));
    if(first_name && first_name->empty())
        throw_bad_request("field 'firstName' must not be empty");
    if(last_name && last_name->empty())
        throw_bad_request("field 'lastName' must not be empty");
    // Re-enabling a user takes a slot of the quota.
    if(enabled && *enabled && !user.enabled && options_.user_quota >= 0 &&
       customer.enabled_users() >= options_.user_quota)
        quota_exceeded();

    if(first_name)
        user.first_name = *first_name;
    if(last_name)
        user.last_name = *last_name;
    if(enabled)
        user.enabled = *enabled;
    return json_reply(http::status::ok, to_json(user));
}

reply api::delete_user(customer_record& customer, user_record& user)
{
    customer.erase_user(std::string(user.id)); // copy: erasing invalidates `user`
    return no_content_reply();
}

reply api::user_consumption(parsed_target const& target)
{
    auto read_instant = [&](char const* key) {
        auto text = query_value(target, key);
        if(!text)
            throw_bad_request(std::string("query parameter '") + key + "' is required");
        auto t = parse_rfc3339(*text);
        if(!t)
            throw_bad_request(std::string("query parameter '") + key + "' must be an RFC 3339 date-time");
        return *t;
    };
    instant from = read_instant("from");
    instant to = read_instant("to");
    if(!(from <= to))
        throw_bad_request("'from' must not be after 'to'");
    if(auto zone = query_value(target, "windowTimeZone"); zone && zone->empty())
        throw_bad_request("query parameter 'windowTimeZone' must not be empty");

    // Deterministic stand-in: half a credit per whole hour in the window.
    std::int64_t seconds = to.seconds - from.seconds - (to.nanos < from.nanos ? 1 : 0);
    double consumption = static_cast<double>(seconds / 3600) * 0.5;
    return json_reply(http::status::ok, json::object{{"consumption", consumption}});
}

reply api::project_quotas(project_record const& project) const
{
    // One entry per distinct (tenantName, region), in order of first appearance.
    struct group
    {
        std::string tenant, region;
        std::int64_t customers = 0, usage = 0;
    };
    std::vector<group> groups;
    for(auto const& c : project.customers)
    {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](group const& g) { return g.tenant == c.tenant_name && g.region == c.region; });
        if(it == groups.end())
            it = groups.insert(groups.end(), group{c.tenant_name, c.region});
        it->customers += 1;
        it->usage += c.enabled_users();
    }
    json::array quotas;
    for(auto const& g : groups)
    {
        std::int64_t quota = options_.user_quota < 0 ? -1 : options_.user_quota * g.customers;
        quotas.push_back(
            json::object{{"region", g.region}, {"tenantName", g.tenant}, {"users", quota_json(quota, g.usage)}});
    }
    return json_reply(http::status::ok, json::object{{"quotas", std::move(quotas)}});
}

} // namespace local_server
