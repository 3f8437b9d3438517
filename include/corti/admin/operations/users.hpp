// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_USERS_HPP
#define CORTI_ADMIN_OPERATIONS_USERS_HPP

/** @file
    The operations on a customer's users. One descriptor each; see `<corti/admin/operations.hpp>`.
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

/// "List users for a customer": `GET /projects/{projectId}/customers/{customerId}/users?page=&pageSize=`.
struct list_users
{
    static constexpr std::string_view name = "list_users";  ///< The operation's name.
    static constexpr http_method method = http_method::get; ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}/users"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};    ///< The success statuses.
    static constexpr bool retryable = true;                   ///< A retry policy may send it again.
    using result_type = user_page;                            ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    page_request page{};          ///< Which page.

    /// The request (`make_list_users_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_list_users_request(cfg, token, project_id, customer_id, page);
    }

    /// Reads the answer (`parse_list_users_response`).
    static result<user_page> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<user_page>(r, success, cfg, arena);
    }
};

/// "Create a new user and add it to the customer": `POST /projects/{projectId}/customers/{customerId}/users`.
struct create_user
{
    static constexpr std::string_view name = "create_user";  ///< The operation's name.
    static constexpr http_method method = http_method::post; ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}/users"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 2> success{200,
                                                     201}; ///< The success statuses (the API leaves 200 or 201 open).
    static constexpr bool retryable = false;               ///< A retry policy may send it again.
    using result_type = user;                              ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    new_user const& body;         ///< The user to create.

    /// The request (`make_create_user_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_create_user_request(cfg, token, project_id, customer_id, body);
    }

    /// The password the request carries, if any.
    std::string_view sent_secret() const noexcept
    {
        return body.password ? body.password->reveal() : std::string_view();
    }

    /// Reads the answer (`parse_create_user_response`).
    static result<user> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<user>(r, success, cfg, arena);
    }
};

/// "Update a user": `PATCH /projects/{projectId}/customers/{customerId}/users/{userId}`.
struct update_user
{
    static constexpr std::string_view name = "update_user";   ///< The operation's name.
    static constexpr http_method method = http_method::patch; ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}/users/{userId}"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};             ///< The success statuses.
    static constexpr bool retryable = false;                           ///< A retry policy may send it again.
    using result_type = user;                                          ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    uuid user_id;                 ///< The user.
    user_update const& body;      ///< The fields to change.

    /// The request (`make_update_user_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_update_user_request(cfg, token, project_id, customer_id, user_id, body);
    }

    /// The password the request carries, if any.
    std::string_view sent_secret() const noexcept
    {
        return body.password ? body.password->reveal() : std::string_view();
    }

    /// Reads the answer (`parse_update_user_response`).
    static result<user> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<user>(r, success, cfg, arena);
    }
};

/// "Delete a user": `DELETE /projects/{projectId}/customers/{customerId}/users/{userId}`.
struct delete_user
{
    static constexpr std::string_view name = "delete_user";     ///< The operation's name.
    static constexpr http_method method = http_method::delete_; ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}/users/{userId}"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{204};             ///< The success statuses.
    static constexpr bool retryable = true;                            ///< A retry policy may send it again.
    using result_type = void;                                          ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    uuid user_id;                 ///< The user.

    /// The request (`make_delete_user_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_delete_user_request(cfg, token, project_id, customer_id, user_id);
    }

    /// Reads the answer (`parse_delete_user_response`).
    static result<void> parse(http_response const& r, config const& cfg, parse_arena* = nullptr)
    {
        return detail::check_response(r, success, false, cfg.limits);
    }
};

/** "Get usage consumption for a user within a time window":
    `GET /projects/{projectId}/customers/{customerId}/users/{userId}/consumption?from=&to=&windowTimeZone=`.
*/
struct get_user_consumption
{
    static constexpr std::string_view name = "get_user_consumption"; ///< The operation's name.
    static constexpr http_method method = http_method::get;          ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}/users/{userId}/consumption"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};                         ///< The success statuses.
    static constexpr bool retryable = true; ///< A retry policy may send it again.
    using result_type = double;             ///< What it returns.

    std::string_view project_id;                        ///< The Console project.
    std::string_view customer_id;                       ///< The customer.
    uuid user_id;                                       ///< The user.
    date_time from;                                     ///< The window's start (inclusive).
    date_time to;                                       ///< The window's end (inclusive).
    std::optional<std::string_view> window_time_zone{}; ///< An IANA time zone for the window, if any.

    /// The request (`make_get_user_consumption_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_get_user_consumption_request(cfg, token, project_id, customer_id, user_id, from, to,
                                                 window_time_zone);
    }

    /// Reads the answer (`parse_get_user_consumption_response`).
    static result<double> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        auto c = detail::parse_json_response<detail::consumption_body>(r, success, cfg, arena);
        if(!c)
            return c.error();
        return c->consumption;
    }
};

} // namespace operations
} // namespace admin
} // namespace corti

#endif
