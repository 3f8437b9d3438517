// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_USERS_HPP
#define CORTI_ADMIN_OPERATIONS_USERS_HPP

/** @file
    The operations on a customer's users. See `<corti/admin/operations.hpp>`.
*/

#include <corti/admin/date_time.hpp>
#include <corti/admin/operations/info.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/uuid.hpp>

#include <optional>
#include <string_view>

namespace corti {
namespace admin {
namespace operations {

/// "List users for a customer" (one page).
struct list_users
{
    /// The operation's facts.
    static constexpr operation_info info{
        "list_users", http_method::get, "/projects/{projectId}/customers/{customerId}/users", {200}};
    using result_type = user_page; ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    page_request page{};          ///< Which page.

    /// The request (`make_list_users_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_list_users_request(cfg, token, project_id, customer_id, page);
    }
};

/// "Create a new user and add it to the customer" (200 or 201: the API leaves it open).
struct create_user
{
    /// The operation's facts.
    static constexpr operation_info info{
        "create_user", http_method::post, "/projects/{projectId}/customers/{customerId}/users", {200, 201}};
    using result_type = user; ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    new_user const& body;         ///< The user to create.

    /// The request (`make_create_user_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_create_user_request(cfg, token, project_id, customer_id, body);
    }

    /// The password the request carries, if any.
    std::string_view sent_secret() const noexcept { return detail::reveal_or_empty(body.password); }
};

/// "Update a user".
struct update_user
{
    /// The operation's facts.
    static constexpr operation_info info{
        "update_user", http_method::patch, "/projects/{projectId}/customers/{customerId}/users/{userId}", {200}};
    using result_type = user; ///< What it returns.

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
    std::string_view sent_secret() const noexcept { return detail::reveal_or_empty(body.password); }
};

/// "Delete a user".
struct delete_user
{
    /// The operation's facts.
    static constexpr operation_info info{
        "delete_user", http_method::delete_, "/projects/{projectId}/customers/{customerId}/users/{userId}", {204}};
    using result_type = void; ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    uuid user_id;                 ///< The user.

    /// The request (`make_delete_user_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_delete_user_request(cfg, token, project_id, customer_id, user_id);
    }
};

/// "Get usage consumption for a user within a time window" (`?from=&to=&windowTimeZone=`).
struct get_user_consumption
{
    /// The operation's facts.
    static constexpr operation_info info{"get_user_consumption",
                                         http_method::get,
                                         "/projects/{projectId}/customers/{customerId}/users/{userId}/consumption",
                                         {200}};
    using result_type = double; ///< The credits consumed.

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

    /// Reads the answer (`parse_get_user_consumption_response`): `{"consumption": n}`, finite and not negative.
    static result<double> parse(http_response const& r, config const& cfg, parse_arena* arena)
    {
        auto c = detail::parse_json_response<detail::consumption_body>(r, info.success, cfg, arena);
        if(!c)
            return c.error();
        return c->consumption;
    }
};

} // namespace operations
} // namespace admin
} // namespace corti

#endif
