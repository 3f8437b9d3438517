// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_REQUESTS_HPP
#define CORTI_ADMIN_REQUESTS_HPP

/** @file
    Request builders: pure functions from a `config`, the arguments of an
    operation and the bearer token to an `http_request`. Every argument is
    checked here, so nothing invalid is ever sent.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/json_writer.hpp>
#include <corti/admin/encode.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/validate.hpp>

#include <string>
#include <string_view>

namespace corti {
namespace admin {

/** Checks a bearer token: non-empty visible ASCII (no spaces, no CR/LF, so
    it can never inject a header).

    @return nothing, or `errc::invalid_argument` with `field = "token"`.
    The message never contains the token.
*/
inline result<void> check_token(secret const& token)
{
    if(token.empty())
        return error(errc::invalid_argument, "the bearer token is empty", "token");
    for(char c : token.reveal())
        if(c <= ' ' || c > '~')
            return error(errc::invalid_argument, "the bearer token has a character that is not visible ASCII", "token");
    return {};
}

namespace detail {

/// Starts a request to `cfg.endpoint`: method, `target` = base path, and the
/// headers every operation sends.
inline http_request start_request(config const& cfg, http_method m)
{
    http_request r;
    r.method = m;
    r.tls = cfg.endpoint.tls;
    r.host = cfg.endpoint.host;
    r.port = cfg.endpoint.port;
    r.target.reserve(cfg.endpoint.base_path.size() + 128);
    r.target = cfg.endpoint.base_path;
    r.headers.add("Host", cfg.endpoint.host_header());
    r.headers.add("User-Agent", cfg.user_agent);
    r.headers.add("Accept", "application/json");
    return r;
}

inline void add_bearer(http_request& r, secret const& token)
{
    std::string v;
    v.reserve(7 + token.size());
    v += "Bearer ";
    v += token.reveal();
    r.headers.add("Authorization", v);
    secure_wipe(v);
}

/// Sets a JSON body and its `Content-Type`.
inline void set_json_body(http_request& r, std::string&& body, bool sensitive)
{
    r.headers.add("Content-Type", "application/json");
    r.body = std::move(body);
    r.sensitive_body = sensitive;
}

/// Checks a required or optional string field of a request body.
inline result<void> check_field(bool ok, char const* pointer, char const* why)
{
    if(!ok)
        return error(errc::invalid_field, why, pointer);
    return {};
}

} // namespace detail

/** Builds "create a new user and add it to the customer":
    `POST {base}/projects/{projectId}/customers/{customerId}/users`.

    The body is `{"email","firstName","lastName"}` plus `"password"` when set,
    in that order, serialized by Boost.JSON.

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
inline result<http_request> make_create_user_request(config const& cfg, secret const& token, std::string_view project_id,
                                                     std::string_view customer_id, new_user const& u)
{
    if(auto r = check_token(token); !r)
        return r.error();
    if(auto r = check_path_parameter("projectId", project_id, max_project_id_length); !r)
        return r.error();
    if(auto r = check_path_parameter("customerId", customer_id, max_customer_id_length); !r)
        return r.error();
    if(auto r = detail::check_field(is_valid_email(u.email), "/email", "not a valid email address"); !r)
        return r.error();
    if(auto r = detail::check_field(is_valid_name(u.first_name), "/firstName",
                                    "must be 1 to 255 characters of valid UTF-8 without control characters");
       !r)
        return r.error();
    if(auto r = detail::check_field(is_valid_name(u.last_name), "/lastName",
                                    "must be 1 to 255 characters of valid UTF-8 without control characters");
       !r)
        return r.error();
    if(u.password)
        if(auto r = detail::check_field(is_valid_password(u.password->reveal()), "/password",
                                        "must be 16 to 64 characters of valid UTF-8");
           !r)
            return r.error();

    http_request req = detail::start_request(cfg, http_method::post);
    req.target += "/projects";
    append_path_segment(req.target, project_id);
    req.target += "/customers";
    append_path_segment(req.target, customer_id);
    req.target += "/users";
    detail::add_bearer(req, token);

    std::string body;
    // Room for the worst case (every byte escaped as \u00XX), so the buffer
    // never reallocates and leaves a copy of the password in freed memory.
    body.reserve(64 + 6 * (u.email.size() + u.first_name.size() + u.last_name.size() +
                           (u.password ? u.password->size() : 0)));
    detail::json_object_writer w(body);
    w.string("email", u.email);
    w.string("firstName", u.first_name);
    w.string("lastName", u.last_name);
    if(u.password)
        w.string("password", u.password->reveal());
    w.finish();
    detail::set_json_body(req, std::move(body), u.password.has_value());
    return req;
}

} // namespace admin
} // namespace corti

#endif
