// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_REQUEST_PARTS_HPP
#define CORTI_ADMIN_DETAIL_REQUEST_PARTS_HPP

/** @file
    The parts every request builder shares: the start of a request, the resource paths, the query, the
    checks of body fields, and the body's buffer.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/json/writer.hpp>
#include <corti/admin/encode.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/uuid.hpp>
#include <corti/admin/validate.hpp>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

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
    r.target.reserve(cfg.endpoint.encoded_base_path.size() + 128);
    r.target = cfg.endpoint.encoded_base_path;
    r.headers.reserve(6); // Host, User-Agent, Accept, Authorization, Content-Type (+1)
    r.headers.add("Host", cfg.endpoint.host_header());
    r.headers.add("User-Agent", cfg.user_agent);
    r.headers.add("Accept", "application/json");
    return r;
}

inline void add_bearer(http_request& r, secret const& token)
{
    std::string& v = r.headers.add("Authorization", std::string()).value;
    v.reserve(7 + token.size());
    v += "Bearer ";
    v += token.reveal();
}

/** Puts `token` in the `Authorization` field of a request built by one of
    the builders (the old value is wiped first): the client builds a call's
    request once and gives it each new token it fetches.

    @return nothing, or `check_token`'s error.
*/
inline result<void> set_bearer(http_request& r, secret const& token)
{
    if(auto ok = check_token(token); !ok)
        return ok;
    http_field* f = r.headers.find_field("Authorization");
    if(!f)
    {
        add_bearer(r, token);
        return {};
    }
    secure_wipe(f->value);
    f->value.clear();
    f->value += "Bearer ";
    f->value += token.reveal();
    return {};
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

namespace detail {

/// Checks the token and the project, then starts `{base}/projects/{projectId}`.
inline result<http_request> project_request(config const& cfg, secret const& token, http_method m,
                                            std::string_view project_id)
{
    if(auto r = check_token(token); !r)
        return r.error();
    if(auto r = check_path_parameter("projectId", project_id, max_project_id_length); !r)
        return r.error();
    http_request req = start_request(cfg, m);
    req.target += "/projects";
    append_path_segment(req.target, project_id);
    add_bearer(req, token);
    return req;
}

/// `{base}/projects/{projectId}/customers/{customerId}`.
inline result<http_request> customer_request(config const& cfg, secret const& token, http_method m,
                                             std::string_view project_id, std::string_view customer_id)
{
    if(auto r = check_path_parameter("customerId", customer_id, max_customer_id_length); !r)
        return r.error();
    auto req = project_request(cfg, token, m, project_id);
    if(req)
    {
        req->target += "/customers";
        append_path_segment(req->target, customer_id);
    }
    return req;
}

/// `{base}/projects/{projectId}/customers/{customerId}/users/{userId}`.
inline result<http_request> user_request(config const& cfg, secret const& token, http_method m,
                                         std::string_view project_id, std::string_view customer_id, uuid const& user_id)
{
    auto req = customer_request(cfg, token, m, project_id, customer_id);
    if(req)
    {
        req->target += "/users/";
        char id[uuid::text_size];
        user_id.to_chars(id);
        req->target.append(id, uuid::text_size);
    }
    return req;
}

/// Appends `?name=value&...`, each value percent-encoded (RFC 3986 unreserved
/// characters stay literal, so `+` and `:` are always escaped).
inline void append_query(std::string& target,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> params)
{
    namespace urls = boost::urls;
    char sep = '?';
    for(auto const& [name, value] : params)
    {
        target += sep;
        target += name;
        target += '=';
        std::size_t const n = urls::encoded_size(value, urls::unreserved_chars);
        std::size_t const at = target.size();
        target.resize(at + n);
        urls::encode(&target[at], n, value, urls::unreserved_chars);
        sep = '&';
    }
}

inline result<void> check_page(page_request const& p)
{
    if(p.page < 1)
        return error(errc::invalid_argument, "must be at least 1", "page");
    if(p.page_size < 1)
        return error(errc::invalid_argument, "must be at least 1", "pageSize");
    return {};
}

/// A body field that is later used as a path parameter (`customerId`).
inline result<void> check_id_field(std::string_view value, char const* pointer)
{
    if(auto r = check_path_parameter(pointer + 1, value, max_customer_id_length); !r)
        return error(errc::invalid_field, r.error().message, pointer);
    return {};
}

inline constexpr char const* name_rule = "must be 1 to 255 characters of valid UTF-8 without control characters";
inline constexpr char const* password_rule = "must be 16 to 64 characters of valid UTF-8";

/// Reserves room for the worst case (every byte escaped as \u00XX), so the
/// body never reallocates and leaves a copy of a password in freed memory.
inline std::string body_buffer(std::size_t field_bytes)
{
    std::string b;
    b.reserve(128 + 6 * field_bytes); // the keys and punctuation, and each value escaped at worst
    return b;
}

} // namespace detail

} // namespace admin
} // namespace corti

#endif
