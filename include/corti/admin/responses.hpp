// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_RESPONSES_HPP
#define CORTI_ADMIN_RESPONSES_HPP

/** @file
    Response parsers: pure functions from an `http_response` to a value or a
    precise error.

    Every parser first classifies the status: a 3xx is
    `errc::redirect_not_followed`; a 4xx/5xx is `errc::api_error` (see
    `parse_api_error`); a status other than the operation's documented
    success is `errc::unexpected_status`. A success body must then have
    `Content-Type: application/json` (`errc::bad_content_type`), fit in
    `limits::max_body_size` (`errc::body_too_large`), and match the schema
    (the JSON errors of `errc`).

    Memory: every parser of a JSON body takes an optional `parse_arena*`. A
    parser given one takes its working memory from it and reports
    `errc::out_of_memory` when it runs out (see `parse_arena`); without one,
    it uses a small buffer of its own and the heap beyond it.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/json/error_body.hpp>
#include <corti/admin/detail/json/reader.hpp>
#include <corti/admin/detail/utf8.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/parse_arena.hpp>
#include <corti/admin/validate.hpp>


#include <initializer_list>
#include <string>
#include <string_view>

namespace corti {
namespace admin {

namespace detail {

template<>
struct json_schema<user>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("email", &user::email, &is_valid_email),
                               json_field("firstName", &user::first_name),
                               json_field("lastName", &user::last_name),
                               json_field("enabled", &user::enabled),
                               json_field("id", &user::id),
                               json_field("emailVerified", &user::email_verified),
                               json_field("createdAt", &user::created_at));
    }
};

template<>
struct json_enum<region>
{
    static constexpr std::pair<std::string_view, region> values[] = {{"eu", region::eu}, {"us", region::us}};
};

template<>
struct json_schema<customer>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("displayName", &customer::display_name),
                               json_field("tenantName", &customer::tenant_name),
                               json_field("region", &customer::region),
                               json_field("customerId", &customer::customer_id),
                               json_field("isNfr", &customer::is_nfr),
                               json_field("createdAt", &customer::created_at));
    }
};

template<>
struct json_schema<pagination>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("page", &pagination::page), json_field("pageSize", &pagination::page_size),
                               json_field("hasNextPage", &pagination::has_next_page),
                               json_field("total", &pagination::total));
    }
};

template<>
struct json_schema<customer_page>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("customers", &customer_page::customers),
                               json_field("pagination", &customer_page::pagination));
    }
};

template<>
struct json_schema<user_page>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("users", &user_page::users), json_field("pagination", &user_page::pagination));
    }
};

template<>
struct json_schema<quota_usage>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("quota", &quota_usage::quota), json_field("usage", &quota_usage::usage),
                               json_field("remaining", &quota_usage::remaining));
    }
};

template<>
struct json_schema<customer_quotas>
{
    static constexpr auto fields() { return std::make_tuple(json_field("users", &customer_quotas::users)); }
};

template<>
struct json_schema<tenant_quota>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("region", &tenant_quota::region), json_field("tenantName", &tenant_quota::tenant_name),
                               json_field("users", &tenant_quota::users));
    }
};

template<>
struct json_schema<project_quotas>
{
    static constexpr auto fields() { return std::make_tuple(json_field("quotas", &project_quotas::quotas)); }
};

/// The token response as read; the token moves into a `secret` at once.
struct token_body
{
    std::string access_token;
    std::string token_type;
    std::int64_t expires_in = 0;

    ~token_body() { secure_wipe(access_token); }
};

template<>
struct json_schema<token_body>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("accessToken", &token_body::access_token),
                               json_field("tokenType", &token_body::token_type),
                               json_field("expiresIn", &token_body::expires_in));
    }
};

struct consumption_body
{
    double consumption = 0;
};

template<>
struct json_schema<consumption_body>
{
    static constexpr auto fields() { return std::make_tuple(json_field("consumption", &consumption_body::consumption)); }
};

/// Returns the request id of a response, from the usual headers.
inline std::string_view find_request_id(http_headers const& h) noexcept
{
    for(auto name : {"x-request-id", "request-id", "x-correlation-id", "sb-request-id"})
    {
        auto const v = h.find(name);
        if(!v.empty())
            return v;
    }
    return {};
}

} // namespace detail

/** Makes the error for a 4xx or 5xx response.

    The body is read tolerantly: when it is a JSON object (whatever the
    `Content-Type` says) the message is the first string found in its
    `error`, `message`, `msg`, `error_description` or `detail` member, or in
    `error.message`; otherwise it is a bounded excerpt of the body. Control
    characters are replaced and the message is at most 512 bytes.

    @return an `error` with `code == errc::api_error`, `http_status`,
    `message` and `request_id` (from `x-request-id`, `request-id`,
    `x-correlation-id` or `sb-request-id`).
*/
inline error parse_api_error(http_response const& r, limits const& lim = {})
{
    error e(errc::api_error);
    e.http_status = r.status;
    e.request_id = std::string(detail::find_request_id(r.headers));

    if(!r.body.empty() && r.body.size() <= lim.max_body_size)
    {
        detail::error_body_handler h;
        if(detail::read_error_body(r.body, h, lim.max_depth) && !h.message.empty())
        {
            e.message = std::move(h.message);
            return e;
        }
    }
    detail::append_sanitized(e.message, detail::trim_ows(r.body), detail::max_server_message);
    return e;
}

namespace detail {

/** Classifies the status and checks the body's envelope.

    @return nothing when `r.status` is one of `success` and, if
    `json_body`, the body has the JSON media type and fits the limit; else
    the error (see the file comment).
*/
inline result<void> check_response(http_response const& r, std::initializer_list<unsigned> success, bool json_body,
                                    limits const& lim)
{
    auto const with_id = [&](error e) {
        e.http_status = r.status;
        e.request_id = std::string(find_request_id(r.headers));
        return e;
    };
    if(r.status >= 400 && r.status <= 599)
        return parse_api_error(r, lim);
    if(r.status >= 300 && r.status <= 399)
    {
        std::string msg = "redirects are not followed";
        auto const loc = r.headers.find("Location");
        if(!loc.empty())
        {
            msg += "; Location: ";
            append_sanitized(msg, loc, 256);
        }
        return with_id(error(errc::redirect_not_followed, std::move(msg)));
    }
    bool ok = false;
    for(unsigned s : success)
        ok = ok || s == r.status;
    if(!ok)
        return with_id(error(errc::unexpected_status, "status " + std::to_string(r.status) + " is not documented for this operation"));
    if(!json_body)
    {
        if(!r.body.empty())
            return with_id(error(errc::unexpected_body, "the response must not have a body"));
        return {};
    }
    auto const* const ct_field = r.headers.find_field("Content-Type");
    if(!ct_field)
        return with_id(error(errc::bad_content_type, "no Content-Type"));
    std::string_view const ct = ct_field->value;
    if(!is_json_media_type(ct))
    {
        std::string msg = "Content-Type is ";
        append_sanitized(msg, ct, 128);
        return with_id(error(errc::bad_content_type, std::move(msg)));
    }
    if(r.body.size() > lim.max_body_size)
        return with_id(error(errc::body_too_large, std::to_string(r.body.size()) + " bytes, the limit is " +
                                                       std::to_string(lim.max_body_size)));
    return {};
}

/*  The API's rules beyond what a schema says, for the types that have some:
    nothing, or the error with the JSON Pointer of the value (`at` is the
    pointer of the checked object). Every response parser and `from_json`
    apply them after reading.
*/
template<class T>
result<void> check_rules(T const&)
{
    return {};
}

inline result<void> check_rules(pagination const& p, std::string const& at)
{
    if(!p.has_next_page && !p.total)
        return error(errc::missing_field, "neither hasNextPage nor total", at + "/hasNextPage");
    if(p.page < 1)
        return error(errc::invalid_value, "must be at least 1", at + "/page");
    if(p.page_size < 1)
        return error(errc::invalid_value, "must be at least 1", at + "/pageSize");
    if(p.total && *p.total < 0)
        return error(errc::invalid_value, "must not be negative", at + "/total");
    return {};
}

inline result<void> check_rules(quota_usage const& q, std::string const& at)
{
    if(q.quota < -1)
        return error(errc::invalid_value, "must be -1 (unlimited) or more", at + "/quota");
    if(q.usage < 0)
        return error(errc::invalid_value, "must not be negative", at + "/usage");
    if(q.remaining && *q.remaining < -1)
        return error(errc::invalid_value, "must be -1 (unlimited) or more", at + "/remaining");
    return {};
}

inline result<void> check_rules(pagination const& p) { return check_rules(p, ""); }
inline result<void> check_rules(quota_usage const& q) { return check_rules(q, ""); }
inline result<void> check_rules(customer_page const& p) { return check_rules(p.pagination, "/pagination"); }
inline result<void> check_rules(user_page const& p) { return check_rules(p.pagination, "/pagination"); }
inline result<void> check_rules(customer_quotas const& q) { return check_rules(q.users, "/users"); }
inline result<void> check_rules(tenant_quota const& q) { return check_rules(q.users, "/users"); }

inline result<void> check_rules(project_quotas const& q)
{
    for(std::size_t i = 0; i < q.quotas.size(); ++i)
        if(auto ok = check_rules(q.quotas[i].users, "/quotas/" + std::to_string(i) + "/users"); !ok)
            return ok;
    return {};
}

inline result<void> check_rules(token_body const& b)
{
    if(b.access_token.empty())
        return error(errc::invalid_value, "empty token", "/accessToken");
    if(!iequals(b.token_type, "bearer"))
        return error(errc::invalid_value, "not a bearer token", "/tokenType");
    if(b.expires_in < 0)
        return error(errc::invalid_value, "must not be negative", "/expiresIn");
    return {};
}

inline result<void> check_rules(consumption_body const& c)
{
    if(c.consumption < 0)
        return error(errc::invalid_value, "must not be negative", "/consumption");
    return {};
}

/// The token of a checked `/auth/token` body (the body's copy is wiped when it goes).
inline access_token to_access_token(token_body&& b)
{
    access_token t;
    t.token = secret(std::move(b.access_token));
    t.token_type = std::move(b.token_type);
    t.expires_in = b.expires_in;
    return t;
}

/** Reads one document into a `T` by its schema (`read(out)`: from a text,
    or from a Boost.JSON value), then checks the API's rules beyond the
    schema (`check_rules`): what a response parser and `from_json` both do.
*/
template<class T, class Read>
result<T> read_checked(Read read)
{
    result<T> out(boost::system::in_place_value);
    if(auto ok = read(*out); !ok)
        return ok.error();
    if(auto ok = check_rules(*out); !ok)
        return ok.error();
    return out;
}

/// `read_checked` over a JSON text.
template<class T>
result<T> read_value(std::string_view text, config const& cfg, parse_arena* arena = nullptr)
{
    return read_checked<T>([&](T& out) { return read_json(text, out, cfg.limits, cfg.strictness, arena); });
}

/// Checks the envelope, then reads the JSON body into a `T` (working memory
/// from `arena` when not null).
template<class T>
result<T> parse_json_response(http_response const& r, std::initializer_list<unsigned> success, config const& cfg,
                              parse_arena* arena = nullptr)
{
    if(auto ok = check_response(r, success, true, cfg.limits); !ok)
        return ok.error();
    result<T> out = read_value<T>(r.body, cfg, arena);
    if(!out)
    {
        error e = std::move(out.error());
        e.http_status = r.status;
        e.request_id = std::string(find_request_id(r.headers));
        return e;
    }
    return out;
}

} // namespace detail

/** Parses the response of `/auth/token`: 200 with `accessToken` (non-empty),
    `tokenType` (`bearer` in any case) and `expiresIn` (seconds, not negative).

    @return the token, or the errors listed in the file comment;
    `invalid_value` for an empty token, another token type or a negative
    lifetime. No error contains the token.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<access_token> parse_token_response(http_response const& r, config const& cfg,
                                                 parse_arena* arena = nullptr)
{
    auto body = detail::parse_json_response<detail::token_body>(r, {200}, cfg, arena);
    if(!body)
        return body.error();
    return detail::to_access_token(std::move(*body));
}

/** Parses "list customers for a project": 200 with `customers` (array of
    customer: `displayName`, `tenantName`, `region` (`eu` or `us`),
    `customerId` required; `isNfr`, `createdAt` optional) and `pagination`
    (`page`, `pageSize`, and `hasNextPage` or `total`).

    @return the page, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer_page> parse_list_customers_response(http_response const& r, config const& cfg,
                                                           parse_arena* arena = nullptr)
{
    return detail::parse_json_response<customer_page>(r, {200}, cfg, arena);
}

/** Parses "create a new customer": 200 or 201 (the API leaves it open) with a customer.
    @return the customer, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer> parse_create_customer_response(http_response const& r, config const& cfg,
                                                       parse_arena* arena = nullptr)
{
    return detail::parse_json_response<customer>(r, {200, 201}, cfg, arena);
}

/** Parses "update a customer": 200 with a customer.
    @return the customer, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer> parse_update_customer_response(http_response const& r, config const& cfg,
                                                       parse_arena* arena = nullptr)
{
    return detail::parse_json_response<customer>(r, {200}, cfg, arena);
}

/** Parses "delete a customer": 204 with an empty body. The API reference
    for this operation was never seen; a 200 is accepted too, its body
    ignored.

    @return nothing, or the errors listed in the file comment
    (`unexpected_body` for a 204 with a body).
*/
inline result<void> parse_delete_customer_response(http_response const& r, config const& cfg)
{
    if(r.status == 200)
        return {};
    return detail::check_response(r, {204}, false, cfg.limits);
}

/** Parses "get quotas for a customer": 200 with `{"users": {quota, usage, remaining}}`
    (`quota` -1 = unlimited, at least -1; `usage` not negative).
    @return the quotas, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer_quotas> parse_customer_quotas_response(http_response const& r, config const& cfg,
                                                              parse_arena* arena = nullptr)
{
    return detail::parse_json_response<customer_quotas>(r, {200}, cfg, arena);
}

/** Parses "list users for a customer": 200 with `users` (array of user, as
    in `parse_create_user_response`) and `pagination`.
    @return the page, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<user_page> parse_list_users_response(http_response const& r, config const& cfg,
                                                   parse_arena* arena = nullptr)
{
    return detail::parse_json_response<user_page>(r, {200}, cfg, arena);
}

/** Parses "update a user": 200 with a user.
    @return the user, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<user> parse_update_user_response(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
{
    return detail::parse_json_response<user>(r, {200}, cfg, arena);
}

/** Parses "delete a user": 204 with an empty body.
    @return nothing, or the errors listed in the file comment.
*/
inline result<void> parse_delete_user_response(http_response const& r, config const& cfg)
{
    return detail::check_response(r, {204}, false, cfg.limits);
}

/** Parses "get usage consumption for a user": 200 with `{"consumption": number}`,
    finite and not negative.
    @return the credits consumed in the window, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<double> parse_user_consumption_response(http_response const& r, config const& cfg,
                                                      parse_arena* arena = nullptr)
{
    auto c = detail::parse_json_response<detail::consumption_body>(r, {200}, cfg, arena);
    if(!c)
        return c.error();
    return c->consumption;
}

/** Parses "get quotas for all tenants within a project": 200 with `quotas`
    (array of `{region, tenantName, users: {quota, usage, remaining}}`).
    @return the quotas, or the errors listed in the file comment.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<project_quotas> parse_project_quotas_response(http_response const& r, config const& cfg,
                                                            parse_arena* arena = nullptr)
{
    return detail::parse_json_response<project_quotas>(r, {200}, cfg, arena);
}

/** Parses the response of "create a new user and add it to the customer".

    Success is 200 or 201 (the API leaves it open) with a `user` object:
    `email` (a valid address), `firstName`, `lastName`, `enabled` required;
    `id` (UUID), `emailVerified`, `createdAt` (RFC 3339) optional; no `null`.

    @return the user, or `redirect_not_followed`, `api_error`,
    `unexpected_status`, `bad_content_type`, `body_too_large`,
    `malformed_json`, `too_deep`, `string_too_long`, `duplicate_key`,
    `missing_field`, `unknown_field` (strict mode only), `wrong_type`,
    `invalid_value`, `out_of_memory` (an arena too small); `error::field`
    is the JSON Pointer of the bad value.
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<user> parse_create_user_response(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
{
    return detail::parse_json_response<user>(r, {200, 201}, cfg, arena);
}

/// As above, with the default limits and `strictness::tolerant`.
inline result<user> parse_create_user_response(http_response const& r)
{
    return parse_create_user_response(r, config{});
}

/** As above, with the parser's working memory taken from `arena` (the
    same as passing `&arena`): no heap
    allocation depends on the body beyond the fields of the result (see
    `parse_arena`). A body the arena cannot hold is `errc::out_of_memory`;
    an error response (4xx/5xx) is read by `parse_api_error`, whose heap use
    does not depend on the body's size (about 2 KB at most).
*/
inline result<user> parse_create_user_response(http_response const& r, config const& cfg, parse_arena& arena)
{
    return detail::parse_json_response<user>(r, {200, 201}, cfg, &arena);
}

} // namespace admin
} // namespace corti

#endif
