// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_TOKEN_HPP
#define CORTI_ADMIN_OPERATIONS_TOKEN_HPP

/** @file
    The token operation: `fetch_token` (`POST /auth/token`). One descriptor each; see `<corti/admin/operations.hpp>`.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/date_time.hpp>
#include <corti/admin/detail/read_response.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/parse_arena.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/uuid.hpp>

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace operations {

/// "Authenticate user and get access token": `POST /auth/token`. Sent without a bearer token.
struct fetch_token
{
    static constexpr std::string_view name = "fetch_token";  ///< The operation's name.
    static constexpr http_method method = http_method::post; ///< The HTTP method.
    static constexpr std::string_view path = "/auth/token";  ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};   ///< The success statuses.
    static constexpr bool retryable = false;                 ///< A retry policy may send it again.
    using result_type = access_token;                        ///< What it returns.

    std::string_view email; ///< The Console user's email address.
    secret const& password; ///< Their password.

    /// The request (`make_fetch_token_request`); the bearer token is not used.
    result<http_request> build(config const& cfg, secret const& /*token*/) const
    {
        return make_fetch_token_request(cfg, email, password);
    }

    /// The password the request carries.
    std::string_view sent_secret() const noexcept { return password.reveal(); }

    /// Reads the answer (`parse_fetch_token_response`).
    static result<access_token> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        auto body = detail::parse_json_response<detail::token_body>(r, success, cfg, arena);
        if(!body)
            return body.error();
        return detail::to_access_token(std::move(*body));
    }
};

} // namespace operations
} // namespace admin
} // namespace corti

#endif
