// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_TOKEN_HPP
#define CORTI_ADMIN_OPERATIONS_TOKEN_HPP

/** @file
    The token operation, `fetch_token`. See `<corti/admin/operations.hpp>`.
*/

#include <corti/admin/operations/info.hpp>
#include <corti/admin/requests.hpp>

#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace operations {

/// "Authenticate user and get access token". Sent without a bearer token.
struct fetch_token
{
    /// The operation's facts.
    static constexpr operation_info info{"fetch_token", http_method::post, "/auth/token", {200}};
    using result_type = access_token; ///< What it returns.

    std::string_view email; ///< The Console user's email address.
    secret const& password; ///< Their password.

    /// The request (`make_fetch_token_request`); `token` is not used.
    result<http_request> build(config const& cfg, secret const& /*token*/) const
    {
        return make_fetch_token_request(cfg, email, password);
    }

    /// The password the request carries.
    std::string_view sent_secret() const noexcept { return password.reveal(); }

    /// Reads the answer (`parse_fetch_token_response`): the token moves into a `secret` at once.
    static result<access_token> parse(http_response const& r, config const& cfg, parse_arena* arena)
    {
        auto body = detail::parse_json_response<detail::token_body>(r, info.success, cfg, arena);
        if(!body)
            return body.error();
        return detail::to_access_token(std::move(*body));
    }
};

} // namespace operations
} // namespace admin
} // namespace corti

#endif
