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

#include <corti/admin/api_error.hpp>
#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/operations.hpp>
#include <corti/admin/parse_arena.hpp>

namespace corti {
namespace admin {

/** Parses the response of `/auth/token`: 200 with `accessToken` (non-empty),
    `tokenType` (`bearer` in any case) and `expiresIn` (seconds, not negative).

    @return the token, or the errors listed in the file comment;
    `invalid_value` for an empty token, another token type or a negative
    lifetime. No error contains the token.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<access_token> parse_fetch_token_response(http_response const& r, config const& cfg,
                                                       parse_arena* arena = nullptr)
{
    return operations::parse<operations::fetch_token>(r, cfg, arena);
}

/** Parses "list customers for a project": 200 with `customers` (array of
    customer: `displayName`, `tenantName`, `region` (`eu` or `us`),
    `customerId` required; `isNfr`, `createdAt` optional) and `pagination`
    (`page`, `pageSize`, and `hasNextPage` or `total`).

    @return the page, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer_page> parse_list_customers_response(http_response const& r, config const& cfg,
                                                           parse_arena* arena = nullptr)
{
    return operations::parse<operations::list_customers>(r, cfg, arena);
}

/** Parses "create a new customer": 200 or 201 (the API leaves it open) with a customer.
    @return the customer, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer> parse_create_customer_response(http_response const& r, config const& cfg,
                                                       parse_arena* arena = nullptr)
{
    return operations::parse<operations::create_customer>(r, cfg, arena);
}

/** Parses "update a customer": 200 with a customer.
    @return the customer, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer> parse_update_customer_response(http_response const& r, config const& cfg,
                                                       parse_arena* arena = nullptr)
{
    return operations::parse<operations::update_customer>(r, cfg, arena);
}

/** Parses "delete a customer": 204 with an empty body. The API reference
    for this operation was never seen; a 200 is accepted too, its body
    ignored.

    @return nothing, or the errors listed in the file comment
    (`unexpected_body` for a 204 with a body).
    @param r the response.
    @param cfg the bounds (`config::limits`).
*/
inline result<void> parse_delete_customer_response(http_response const& r, config const& cfg)
{
    return operations::parse<operations::delete_customer>(r, cfg);
}

/** Parses "get quotas for a customer": 200 with `{"users": {quota, usage, remaining}}`
    (`quota` -1 = unlimited, at least -1; `usage` not negative).
    @return the quotas, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<customer_quotas> parse_get_customer_quotas_response(http_response const& r, config const& cfg,
                                                                  parse_arena* arena = nullptr)
{
    return operations::parse<operations::get_customer_quotas>(r, cfg, arena);
}

/** Parses "list users for a customer": 200 with `users` (array of user, as
    in `parse_create_user_response`) and `pagination`.
    @return the page, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<user_page> parse_list_users_response(http_response const& r, config const& cfg,
                                                   parse_arena* arena = nullptr)
{
    return operations::parse<operations::list_users>(r, cfg, arena);
}

/** Parses "update a user": 200 with a user.
    @return the user, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<user> parse_update_user_response(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
{
    return operations::parse<operations::update_user>(r, cfg, arena);
}

/** Parses "delete a user": 204 with an empty body.
    @return nothing, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds (`config::limits`).
*/
inline result<void> parse_delete_user_response(http_response const& r, config const& cfg)
{
    return operations::parse<operations::delete_user>(r, cfg);
}

/** Parses "get usage consumption for a user": 200 with `{"consumption": number}`,
    finite and not negative.
    @return the credits consumed in the window, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<double> parse_get_user_consumption_response(http_response const& r, config const& cfg,
                                                          parse_arena* arena = nullptr)
{
    return operations::parse<operations::get_user_consumption>(r, cfg, arena);
}

/** Parses "get quotas for all tenants within a project": 200 with `quotas`
    (array of `{region, tenantName, users: {quota, usage, remaining}}`).
    @return the quotas, or the errors listed in the file comment.
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<project_quotas> parse_get_project_quotas_response(http_response const& r, config const& cfg,
                                                                parse_arena* arena = nullptr)
{
    return operations::parse<operations::get_project_quotas>(r, cfg, arena);
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
    @param r the response.
    @param cfg the bounds and the unknown-field policy (`config::limits`, `config::strictness`).
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`).
*/
inline result<user> parse_create_user_response(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
{
    return operations::parse<operations::create_user>(r, cfg, arena);
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
    return operations::parse<operations::create_user>(r, cfg, &arena);
}

} // namespace admin
} // namespace corti

#endif
