// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_REQUESTS_HPP
#define CORTI_ADMIN_REQUESTS_HPP

/** @file
    Request builders: pure functions from a `config`, the arguments of an
    operation and the bearer token to an `http_request`. Every argument is
    checked here, so nothing invalid is ever sent.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/request_parts.hpp>
#include <corti/admin/detail/json/writer.hpp>
#include <corti/admin/encode.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/validate.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

/** Builds "authenticate user and get access token": `POST {base}/auth/token`
    with `{"email","password"}` (no `Authorization` header).

    @return the request, or `errc::invalid_field` (`/email` when not a valid
    address, `/password` when empty or not valid UTF-8). No message contains
    the password.
*/
inline result<http_request> make_fetch_token_request(config const& cfg, std::string_view email, secret const& password)
{
    if(auto r = detail::check_field(is_valid_email(email), "/email", "not a valid email address"); !r)
        return r.error();
    if(auto r = detail::check_field(!password.empty() && detail::utf8_count(password.reveal()) != detail::invalid_utf8,
                                    "/password", "must be non-empty valid UTF-8");
       !r)
        return r.error();
    http_request req = detail::start_request(cfg, http_method::post);
    req.target += "/auth/token";
    std::string body = detail::body_buffer(email.size() + password.size());
    detail::json_object_writer w(body);
    w.string("email", email);
    w.string("password", password.reveal());
    w.finish();
    detail::set_json_body(req, std::move(body), true);
    return req;
}

/** Builds "list customers for a project":
    `GET {base}/projects/{projectId}/customers?page={page}&pageSize={pageSize}`.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`,
    `page`, `pageSize`).
*/
inline result<http_request> make_list_customers_request(config const& cfg, secret const& token,
                                                        std::string_view project_id, page_request const& page = {})
{
    if(auto r = detail::check_page(page); !r)
        return r.error();
    auto req = detail::project_request(cfg, token, http_method::get, project_id);
    if(req)
    {
        req->target += "/customers";
        detail::append_query(req->target,
                             {{"page", std::to_string(page.page)}, {"pageSize", std::to_string(page.page_size)}});
    }
    return req;
}

/** Builds "create a new customer": `POST {base}/projects/{projectId}/customers`
    with `displayName`, `customerId`, and `tenantName`, `region`, `isNfr` when set.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`) or
    `errc::invalid_field` (`/displayName` per `is_valid_name`, `/customerId`
    per `check_path_parameter` with 64 code points, `/tenantName` per
    `is_valid_tenant_name`).
*/
inline result<http_request> make_create_customer_request(config const& cfg, secret const& token,
                                                         std::string_view project_id, new_customer const& c)
{
    if(auto r = detail::check_field(is_valid_name(c.display_name), "/displayName", detail::name_rule); !r)
        return r.error();
    if(auto r = detail::check_id_field(c.customer_id, "/customerId"); !r)
        return r.error();
    if(c.tenant_name)
        if(auto r = detail::check_field(is_valid_tenant_name(*c.tenant_name), "/tenantName",
                                        "must be 1 to 14 characters of valid UTF-8 without control characters");
           !r)
            return r.error();
    auto req = detail::project_request(cfg, token, http_method::post, project_id);
    if(!req)
        return req;
    req->target += "/customers";
    std::string body =
        detail::body_buffer(c.display_name.size() + c.customer_id.size() + (c.tenant_name ? c.tenant_name->size() : 0));
    detail::json_object_writer w(body);
    w.string("displayName", c.display_name);
    w.string("customerId", c.customer_id);
    if(c.tenant_name)
        w.string("tenantName", *c.tenant_name);
    if(c.region)
        w.string("region", to_string(*c.region));
    if(c.is_nfr)
        w.boolean("isNfr", *c.is_nfr);
    w.finish();
    detail::set_json_body(*req, std::move(body), false);
    return req;
}

/** Builds "update a customer":
    `PATCH {base}/projects/{projectId}/customers/{customerId}` with the fields
    of `u` that are set (`{}` when none is).

    @return the request, or `errc::invalid_argument` (`token`, `projectId`,
    `customerId`) or `errc::invalid_field` (`/displayName`, `/customerId`).
*/
inline result<http_request> make_update_customer_request(config const& cfg, secret const& token,
                                                         std::string_view project_id, std::string_view customer_id,
                                                         customer_update const& u)
{
    if(u.display_name)
        if(auto r = detail::check_field(is_valid_name(*u.display_name), "/displayName", detail::name_rule); !r)
            return r.error();
    if(u.customer_id)
        if(auto r = detail::check_id_field(*u.customer_id, "/customerId"); !r)
            return r.error();
    auto req = detail::customer_request(cfg, token, http_method::patch, project_id, customer_id);
    if(!req)
        return req;
    std::string body = detail::body_buffer((u.display_name ? u.display_name->size() : 0) +
                                           (u.customer_id ? u.customer_id->size() : 0));
    detail::json_object_writer w(body);
    if(u.display_name)
        w.string("displayName", *u.display_name);
    if(u.customer_id)
        w.string("customerId", *u.customer_id);
    if(u.is_nfr)
        w.boolean("isNfr", *u.is_nfr);
    w.finish();
    detail::set_json_body(*req, std::move(body), false);
    return req;
}

/** Builds "delete a customer": `DELETE {base}/projects/{projectId}/customers/{customerId}`.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`, `customerId`).
*/
inline result<http_request> make_delete_customer_request(config const& cfg, secret const& token,
                                                         std::string_view project_id, std::string_view customer_id)
{
    return detail::customer_request(cfg, token, http_method::delete_, project_id, customer_id);
}

/** Builds "get quotas for a customer":
    `GET {base}/projects/{projectId}/customers/{customerId}/quotas`.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`, `customerId`).
*/
inline result<http_request> make_get_customer_quotas_request(config const& cfg, secret const& token,
                                                             std::string_view project_id, std::string_view customer_id)
{
    auto req = detail::customer_request(cfg, token, http_method::get, project_id, customer_id);
    if(req)
        req->target += "/quotas";
    return req;
}

/** Builds "list users for a customer":
    `GET {base}/projects/{projectId}/customers/{customerId}/users?page={page}&pageSize={pageSize}`.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`,
    `customerId`, `page`, `pageSize`).
*/
inline result<http_request> make_list_users_request(config const& cfg, secret const& token, std::string_view project_id,
                                                    std::string_view customer_id, page_request const& page = {})
{
    if(auto r = detail::check_page(page); !r)
        return r.error();
    auto req = detail::customer_request(cfg, token, http_method::get, project_id, customer_id);
    if(req)
    {
        req->target += "/users";
        detail::append_query(req->target,
                             {{"page", std::to_string(page.page)}, {"pageSize", std::to_string(page.page_size)}});
    }
    return req;
}

/** Builds "create a new user and add it to the customer":
    `POST {base}/projects/{projectId}/customers/{customerId}/users`.

    The body is `{"email","firstName","lastName"}` plus `"password"` when set,
    in that order, as JSON (`detail::append_json_string`; every value is
    valid UTF-8, checked above, so the body is valid JSON).

    @param cfg where the request goes (`endpoint`, `user_agent`)
    @param token the bearer token from `/auth/token`
    @param project_id the Console project ID (1 to 256 code points)
    @param customer_id the customer's ID (1 to 64 code points)
    @param u the user to create

    @return the request, or
    - `errc::invalid_argument` (`field`: `token`, `projectId` or `customerId`)
      for a token or path parameter `check_token` / `check_path_parameter`
      rejects;
    - `errc::invalid_field` (`field`: `/email`, `/firstName`, `/lastName`,
      `/password`) for a field that fails `is_valid_email`, `is_valid_name`
      or `is_valid_password` (which also reject invalid UTF-8).
    No message ever contains the token or the password.
*/
inline result<http_request> make_create_user_request(config const& cfg, secret const& token,
                                                     std::string_view project_id, std::string_view customer_id,
                                                     new_user const& u)
{
    if(auto r = detail::check_field(is_valid_email(u.email), "/email", "not a valid email address"); !r)
        return r.error();
    if(auto r = detail::check_field(is_valid_name(u.first_name), "/firstName", detail::name_rule); !r)
        return r.error();
    if(auto r = detail::check_field(is_valid_name(u.last_name), "/lastName", detail::name_rule); !r)
        return r.error();
    if(u.password)
        if(auto r = detail::check_field(is_valid_password(u.password->reveal()), "/password", detail::password_rule);
           !r)
            return r.error();
    auto req = detail::customer_request(cfg, token, http_method::post, project_id, customer_id);
    if(!req)
        return req;
    req->target += "/users";
    std::string body = detail::body_buffer(u.email.size() + u.first_name.size() + u.last_name.size() +
                                           (u.password ? u.password->size() : 0));
    detail::json_object_writer w(body);
    w.string("email", u.email);
    w.string("firstName", u.first_name);
    w.string("lastName", u.last_name);
    if(u.password)
        w.string("password", u.password->reveal());
    w.finish();
    detail::set_json_body(*req, std::move(body), u.password.has_value());
    return req;
}

/** Builds "update a user":
    `PATCH {base}/projects/{projectId}/customers/{customerId}/users/{userId}`
    with the fields of `u` that are set (`{}` when none is).

    @return the request, or `errc::invalid_argument` (`token`, `projectId`,
    `customerId`) or `errc::invalid_field` (`/firstName`, `/lastName`,
    `/password`). No message contains the password.
*/
inline result<http_request> make_update_user_request(config const& cfg, secret const& token,
                                                     std::string_view project_id, std::string_view customer_id,
                                                     uuid const& user_id, user_update const& u)
{
    if(u.first_name)
        if(auto r = detail::check_field(is_valid_name(*u.first_name), "/firstName", detail::name_rule); !r)
            return r.error();
    if(u.last_name)
        if(auto r = detail::check_field(is_valid_name(*u.last_name), "/lastName", detail::name_rule); !r)
            return r.error();
    if(u.password)
        if(auto r = detail::check_field(is_valid_password(u.password->reveal()), "/password", detail::password_rule);
           !r)
            return r.error();
    auto req = detail::user_request(cfg, token, http_method::patch, project_id, customer_id, user_id);
    if(!req)
        return req;
    std::string body =
        detail::body_buffer((u.first_name ? u.first_name->size() : 0) + (u.last_name ? u.last_name->size() : 0) +
                            (u.password ? u.password->size() : 0));
    detail::json_object_writer w(body);
    if(u.first_name)
        w.string("firstName", *u.first_name);
    if(u.last_name)
        w.string("lastName", *u.last_name);
    if(u.enabled)
        w.boolean("enabled", *u.enabled);
    if(u.password)
        w.string("password", u.password->reveal());
    w.finish();
    detail::set_json_body(*req, std::move(body), u.password.has_value());
    return req;
}

/** Builds "delete a user":
    `DELETE {base}/projects/{projectId}/customers/{customerId}/users/{userId}`.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`, `customerId`).
*/
inline result<http_request> make_delete_user_request(config const& cfg, secret const& token,
                                                     std::string_view project_id, std::string_view customer_id,
                                                     uuid const& user_id)
{
    return detail::user_request(cfg, token, http_method::delete_, project_id, customer_id, user_id);
}

/** Builds "get usage consumption for a user within a time window":
    `GET {base}/projects/{projectId}/customers/{customerId}/users/{userId}/consumption?from=&to=[&windowTimeZone=]`.
    Both ends are inclusive; they are sent in RFC 3339 with `+` and `:`
    percent-encoded.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`,
    `customerId`, `to` when it is before `from`, `windowTimeZone` when not
    `is_valid_time_zone_name`).
*/
inline result<http_request>
make_get_user_consumption_request(config const& cfg, secret const& token, std::string_view project_id,
                                  std::string_view customer_id, uuid const& user_id, date_time const& from,
                                  date_time const& to, std::optional<std::string_view> window_time_zone = std::nullopt)
{
    auto const instant = [](date_time const& t) { return std::make_pair(t.to_unix_seconds(), t.nanosecond); };
    if(instant(to) < instant(from))
        return error(errc::invalid_argument, "must not be before from", "to");
    if(window_time_zone && !is_valid_time_zone_name(*window_time_zone))
        return error(errc::invalid_argument, "not an IANA time-zone name", "windowTimeZone");
    auto req = detail::user_request(cfg, token, http_method::get, project_id, customer_id, user_id);
    if(!req)
        return req;
    req->target += "/consumption";
    if(window_time_zone)
        detail::append_query(
            req->target, {{"from", from.to_string()}, {"to", to.to_string()}, {"windowTimeZone", *window_time_zone}});
    else
        detail::append_query(req->target, {{"from", from.to_string()}, {"to", to.to_string()}});
    return req;
}

/** Builds "get quotas for all tenants within a project":
    `GET {base}/projects/{projectId}/quotas`.

    @return the request, or `errc::invalid_argument` (`token`, `projectId`).
*/
inline result<http_request> make_get_project_quotas_request(config const& cfg, secret const& token,
                                                            std::string_view project_id)
{
    auto req = detail::project_request(cfg, token, http_method::get, project_id);
    if(req)
        req->target += "/quotas";
    return req;
}

} // namespace admin
} // namespace corti

#endif
