#include "api.hpp"

#include "util.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace local_server {
namespace json = boost::json;

namespace {

// --- JSON shapes of the API's objects ----------------------------------------

json::object to_json(Customer const& c) {
    return {{"displayName", c.display_name}, {"tenantName", c.tenant_name},
            {"region", c.region},            {"customerId", c.customer_id},
            {"isNfr", c.is_nfr},             {"createdAt", c.created_at}};
}

json::object to_json(User const& u) {
    return {{"id", u.id},
            {"email", u.email},
            {"firstName", u.first_name},
            {"lastName", u.last_name},
            {"emailVerified", u.email_verified},
            {"enabled", u.enabled},
            {"createdAt", u.created_at}};
}

// QuotaUsage: quota -1 means unlimited, and then remaining is -1 too.
json::object quota_json(std::int64_t quota, std::int64_t usage) {
    std::int64_t remaining = quota < 0 ? -1 : std::max<std::int64_t>(0, quota - usage);
    return {{"quota", quota}, {"usage", usage}, {"remaining", remaining}};
}

// --- Pagination ---------------------------------------------------------------

struct Page {
    std::int64_t number = 1;
    std::int64_t size = 20;
};

std::int64_t page_param(Target const& target, char const* key, std::int64_t fallback, std::int64_t max) {
    auto text = query_value(target, key);
    if (!text) return fallback;
    bool digits = !text->empty() && text->size() <= 9 &&
                  std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
    std::int64_t n = digits ? std::stoll(*text) : 0;
    if (n < 1 || n > max)
        throw_bad_request(std::string("query parameter '") + key + "' must be an integer from 1 to " +
                          std::to_string(max));
    return n;
}

Page page_from(Target const& target) {
    return {page_param(target, "page", 1, 999999999), page_param(target, "pageSize", 20, 1000)};
}

// One page of `items` as a JSON array, plus the pagination object.
template <class T>
std::pair<json::array, json::object> paginate(std::vector<T> const& items, Page page,
                                              PaginationStyle style) {
    auto const total = static_cast<std::int64_t>(items.size());
    std::int64_t const first = (page.number - 1) * page.size;  // both < 1e9: no overflow
    json::array out;
    for (std::int64_t i = first; i < total && i < first + page.size; ++i)
        out.push_back(to_json(items[static_cast<std::size_t>(i)]));
    json::object pagination{{"page", page.number}, {"pageSize", page.size}};
    if (style == PaginationStyle::total)
        pagination["total"] = total;
    else
        pagination["hasNextPage"] = first + page.size < total;
    return {std::move(out), std::move(pagination)};
}

// --- Lookups and validation ---------------------------------------------------

[[noreturn]] void not_found(char const* what) {
    throw ApiError{http::status::not_found, "not_found", std::string(what) + " not found"};
}

Customer& customer_or_404(Project& project, std::string const& id) {
    Customer* c = project.find_customer(id);
    if (!c) not_found("customer");
    return *c;
}

User& user_or_404(Customer& customer, std::string const& id) {
    User* u = customer.find_user(id);
    if (!u) not_found("user");
    return *u;
}

void check_length(std::string const& value, char const* field, std::size_t min, std::size_t max) {
    auto n = utf8_length(value);
    if (n < min || n > max)
        throw_bad_request(std::string("field '") + field + "' must be " + std::to_string(min) + " to " +
                          std::to_string(max) + " characters long");
}

void check_password(std::optional<std::string> const& password) {
    if (password) check_length(*password, "password", 16, 64);
}

[[noreturn]] void quota_exceeded() {
    throw ApiError{http::status::forbidden, "quota_exceeded", "the customer's user quota is exhausted"};
}

[[noreturn]] void conflict(std::string message) {
    throw ApiError{http::status::conflict, "conflict", std::move(message)};
}

}  // namespace

Api::Api(Options const& options)
    : options_(options),
      store_(options.projects, options.seed_customers),
      tokens_(std::chrono::seconds(options.token_ttl_seconds)) {}

Reply Api::handle(Request const& req, Target const& target) {
    try {
        auto route = match_route(target.segments);
        if (!route || is_test_route(route->id)) not_found("route");
        if (!route->allows(req.method()))
            throw ApiError{http::status::method_not_allowed, "method_not_allowed",
                           "method not allowed on this path", {{"Allow", route->allow_header()}}};
        if (route->id != RouteId::auth_token) require_bearer(req);
        return dispatch(*route, req, target);
    } catch (ApiError const& e) {
        Reply reply = error_reply(e.status, e.code, e.message);
        reply.headers = e.headers;
        return reply;
    }
}

Reply Api::dispatch(RouteMatch const& route, Request const& req, Target const& target) {
    if (route.id == RouteId::auth_token) return issue_token(req);

    Project& project = project_or_404(route.params.at(0));
    bool const is_get = req.method() == http::verb::get;
    switch (route.id) {
        case RouteId::customers:
            return is_get ? list_customers(project, target) : create_customer(project, req);
        case RouteId::project_quotas:
            return project_quotas(project);
        default:
            break;
    }

    Customer& customer = customer_or_404(project, route.params.at(1));
    bool const is_patch = req.method() == http::verb::patch;
    switch (route.id) {
        case RouteId::customer:
            return is_patch ? update_customer(project, customer, req) : delete_customer(project, customer);
        case RouteId::customer_quotas:
            return customer_quotas(customer);
        case RouteId::users:
            return is_get ? list_users(customer, target) : create_user(customer, req);
        default:
            break;
    }

    User& user = user_or_404(customer, route.params.at(2));
    if (route.id == RouteId::user_consumption) return user_consumption(target);
    return is_patch ? update_user(customer, user, req) : delete_user(customer, user);
}

void Api::require_bearer(Request const& req) const {
    auto const field = req[http::field::authorization];
    std::string_view header(field.data(), field.size());
    constexpr std::string_view scheme = "bearer ";
    bool ok = header.size() > scheme.size() && iequals(header.substr(0, scheme.size()), scheme) &&
              tokens_.is_valid(std::string(trim(header.substr(scheme.size()))));
    if (!ok)
        throw ApiError{http::status::unauthorized, "unauthorized", "missing or invalid bearer token",
                       {{"WWW-Authenticate", "Bearer"}}};
}

Project& Api::project_or_404(std::string const& id) {
    Project* p = store_.find_project(id);
    if (!p) not_found("project");
    return *p;
}

http::status Api::create_status() const {
    return options_.create_status == 200 ? http::status::ok : http::status::created;
}

// --- Handlers -----------------------------------------------------------------

Reply Api::issue_token(Request const& req) {
    json::object body = json_body(req);
    std::string email = required_string(body, "email");
    std::string password = required_string(body, "password");
    if (!iequals(email, options_.email) || password != options_.password)
        throw ApiError{http::status::unauthorized, "invalid_credentials", "invalid email or password"};
    return json_reply(http::status::ok, json::object{{"accessToken", tokens_.issue()},
                                                     {"tokenType", "bearer"},
                                                     {"expiresIn", tokens_.ttl().count()}});
}

Reply Api::list_customers(Project& project, Target const& target) {
    auto [items, pagination] = paginate(project.customers, page_from(target), options_.pagination);
    return json_reply(http::status::ok,
                      json::object{{"customers", std::move(items)}, {"pagination", std::move(pagination)}});
}

Reply Api::create_customer(Project& project, Request const& req) {
    json::object body = json_body(req);
    Customer c;
    c.display_name = required_string(body, "displayName");
    c.customer_id = required_string(body, "customerId");
    check_length(c.display_name, "displayName", 1, 1000);
    check_length(c.customer_id, "customerId", 1, 64);
    if (auto tenant = string_field(body, "tenantName")) {
        check_length(*tenant, "tenantName", 1, 14);
        c.tenant_name = *tenant;
    }
    if (auto region = string_field(body, "region")) {
        if (*region != "eu" && *region != "us") throw_bad_request("field 'region' must be \"eu\" or \"us\"");
        c.region = *region;
    }
    c.is_nfr = bool_field(body, "isNfr").value_or(false);
    if (project.find_customer(c.customer_id)) conflict("a customer with this customerId already exists");

    c.created_at = now_rfc3339();
    project.customers.push_back(std::move(c));
    return json_reply(create_status(), to_json(project.customers.back()));
}

Reply Api::update_customer(Project& project, Customer& customer, Request const& req) {
    json::object body = json_body(req);
    // Validate everything before changing anything.
    auto display_name = string_field(body, "displayName");
    auto new_id = string_field(body, "customerId");
    auto is_nfr = bool_field(body, "isNfr");
    if (display_name) check_length(*display_name, "displayName", 1, 1000);
    if (new_id) {
        check_length(*new_id, "customerId", 1, 64);
        if (*new_id != customer.customer_id && project.find_customer(*new_id))
            conflict("a customer with this customerId already exists");
    }

    if (display_name) customer.display_name = *display_name;
    if (new_id) customer.customer_id = *new_id;
    if (is_nfr) customer.is_nfr = *is_nfr;
    return json_reply(http::status::ok, to_json(customer));
}

Reply Api::delete_customer(Project& project, Customer& customer) {
    project.erase_customer(std::string(customer.customer_id));  // copy: erasing invalidates `customer`
    return no_content_reply();
}

Reply Api::customer_quotas(Customer const& customer) const {
    return json_reply(http::status::ok,
                      json::object{{"users", quota_json(options_.user_quota, customer.enabled_users())}});
}

Reply Api::list_users(Customer& customer, Target const& target) {
    auto [items, pagination] = paginate(customer.users, page_from(target), options_.pagination);
    return json_reply(http::status::ok,
                      json::object{{"users", std::move(items)}, {"pagination", std::move(pagination)}});
}

Reply Api::create_user(Customer& customer, Request const& req) {
    json::object body = json_body(req);
    User u;
    u.email = required_string(body, "email");
    u.first_name = required_string(body, "firstName");
    u.last_name = required_string(body, "lastName");
    if (!looks_like_email(u.email)) throw_bad_request("field 'email' must be an email address");
    if (u.first_name.empty()) throw_bad_request("field 'firstName' must not be empty");
    if (u.last_name.empty()) throw_bad_request("field 'lastName' must not be empty");
    check_password(string_field(body, "password"));  // validated, never stored
    if (customer.has_email(u.email)) conflict("a user with this email already exists in the customer");
    if (options_.user_quota >= 0 && customer.enabled_users() >= options_.user_quota) quota_exceeded();

    u.id = random_uuid_v4();
    u.created_at = now_rfc3339();
    customer.users.push_back(std::move(u));
    return json_reply(create_status(), to_json(customer.users.back()));
}

Reply Api::update_user(Customer& customer, User& user, Request const& req) {
    json::object body = json_body(req);
    auto first_name = string_field(body, "firstName");
    auto last_name = string_field(body, "lastName");
    auto enabled = bool_field(body, "enabled");
    check_password(string_field(body, "password"));
    if (first_name && first_name->empty()) throw_bad_request("field 'firstName' must not be empty");
    if (last_name && last_name->empty()) throw_bad_request("field 'lastName' must not be empty");
    // Re-enabling a user takes a slot of the quota.
    if (enabled && *enabled && !user.enabled && options_.user_quota >= 0 &&
        customer.enabled_users() >= options_.user_quota)
        quota_exceeded();

    if (first_name) user.first_name = *first_name;
    if (last_name) user.last_name = *last_name;
    if (enabled) user.enabled = *enabled;
    return json_reply(http::status::ok, to_json(user));
}

Reply Api::delete_user(Customer& customer, User& user) {
    customer.erase_user(std::string(user.id));  // copy: erasing invalidates `user`
    return no_content_reply();
}

Reply Api::user_consumption(Target const& target) {
    auto instant = [&](char const* key) {
        auto text = query_value(target, key);
        if (!text) throw_bad_request(std::string("query parameter '") + key + "' is required");
        auto t = parse_rfc3339(*text);
        if (!t) throw_bad_request(std::string("query parameter '") + key + "' must be an RFC 3339 date-time");
        return *t;
    };
    Instant from = instant("from");
    Instant to = instant("to");
    if (!(from <= to)) throw_bad_request("'from' must not be after 'to'");
    if (auto zone = query_value(target, "windowTimeZone"); zone && zone->empty())
        throw_bad_request("query parameter 'windowTimeZone' must not be empty");

    // Deterministic stand-in: half a credit per whole hour in the window.
    std::int64_t seconds = to.seconds - from.seconds - (to.nanos < from.nanos ? 1 : 0);
    double consumption = static_cast<double>(seconds / 3600) * 0.5;
    return json_reply(http::status::ok, json::object{{"consumption", consumption}});
}

Reply Api::project_quotas(Project const& project) const {
    // One entry per distinct (tenantName, region), in order of first appearance.
    struct Group {
        std::string tenant, region;
        std::int64_t customers = 0, usage = 0;
    };
    std::vector<Group> groups;
    for (auto const& c : project.customers) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](Group const& g) {
            return g.tenant == c.tenant_name && g.region == c.region;
        });
        if (it == groups.end()) it = groups.insert(groups.end(), Group{c.tenant_name, c.region});
        it->customers += 1;
        it->usage += c.enabled_users();
    }
    json::array quotas;
    for (auto const& g : groups) {
        std::int64_t quota = options_.user_quota < 0 ? -1 : options_.user_quota * g.customers;
        quotas.push_back(json::object{
            {"region", g.region}, {"tenantName", g.tenant}, {"users", quota_json(quota, g.usage)}});
    }
    return json_reply(http::status::ok, json::object{{"quotas", std::move(quotas)}});
}

}  // namespace local_server
