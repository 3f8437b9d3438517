// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_HPP
#define CORTI_ADMIN_OPERATIONS_HPP

/** @file
    The table of operations: one descriptor per operation of the Admin API.

    A descriptor is a plain struct: its members are the operation's
    arguments (views and references: a descriptor lives as long as the
    call that builds its request), and its static members say everything
    else once: `name`, `method`, `path` (the template of the API reference),
    `success` (the statuses it documents), `retryable` (whether a retry
    policy may send it again), `result_type`, `build` (the request, through
    the documented `make_*_request`) and `parse` (the answer, through the
    table's statuses). `sent_secret()` gives the password a request carries, so
    that every error is scrubbed of it.

    `client::run(op)` runs any descriptor, the `make_*_request` and
    `parse_*_response` functions are the table's builders and parsers, and
    the fuzz targets and tests iterate over `all_operations`.
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
#include <tuple>
#include <type_traits>
#include <utility>

namespace corti {
namespace admin {

/// The descriptors of the Admin API's operations (see `operations.hpp`).
namespace operations {

/// "Authenticate user and get access token": `POST /auth/token`. Sent without a bearer token.
struct fetch_token
{
    static constexpr std::string_view name = "fetch_token";
    static constexpr http_method method = http_method::post;
    static constexpr std::string_view path = "/auth/token";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = false;
    using result_type = access_token;

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

/// "List customers for a project": `GET /projects/{projectId}/customers?page=&pageSize=`.
struct list_customers
{
    static constexpr std::string_view name = "list_customers";
    static constexpr http_method method = http_method::get;
    static constexpr std::string_view path = "/projects/{projectId}/customers";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = true;
    using result_type = customer_page;

    std::string_view project_id; ///< The Console project.
    page_request page{};         ///< Which page.

    /// The request (`make_list_customers_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_list_customers_request(cfg, token, project_id, page);
    }

    /// Reads the answer (`parse_list_customers_response`).
    static result<customer_page> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<customer_page>(r, success, cfg, arena);
    }
};

/// "Create a new customer": `POST /projects/{projectId}/customers`.
struct create_customer
{
    static constexpr std::string_view name = "create_customer";
    static constexpr http_method method = http_method::post;
    static constexpr std::string_view path = "/projects/{projectId}/customers";
    static constexpr std::array<unsigned, 2> success{200, 201}; // the API leaves it open
    static constexpr bool retryable = false;
    using result_type = customer;

    std::string_view project_id; ///< The Console project.
    new_customer const& body;    ///< The customer to create.

    /// The request (`make_create_customer_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_create_customer_request(cfg, token, project_id, body);
    }

    /// Reads the answer (`parse_create_customer_response`).
    static result<customer> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<customer>(r, success, cfg, arena);
    }
};

/// "Update a customer": `PATCH /projects/{projectId}/customers/{customerId}`.
struct update_customer
{
    static constexpr std::string_view name = "update_customer";
    static constexpr http_method method = http_method::patch;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = false;
    using result_type = customer;

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    customer_update const& body;  ///< The fields to change.

    /// The request (`make_update_customer_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_update_customer_request(cfg, token, project_id, customer_id, body);
    }

    /// Reads the answer (`parse_update_customer_response`).
    static result<customer> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<customer>(r, success, cfg, arena);
    }
};

/** "Delete a customer": `DELETE /projects/{projectId}/customers/{customerId}`.
    204 with no body; the API reference of this operation was never seen,
    so a 200 is accepted too, its body ignored.
*/
struct delete_customer
{
    static constexpr std::string_view name = "delete_customer";
    static constexpr http_method method = http_method::delete_;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}";
    static constexpr std::array<unsigned, 2> success{200, 204};
    static constexpr bool retryable = true;
    using result_type = void;

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.

    /// The request (`make_delete_customer_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_delete_customer_request(cfg, token, project_id, customer_id);
    }

    /// Reads the answer (`parse_delete_customer_response`).
    static result<void> parse(http_response const& r, config const& cfg, parse_arena* = nullptr)
    {
        if(r.status == 200)
            return {};
        return detail::check_response(r, success, false, cfg.limits);
    }
};

/// "Get quotas for a customer": `GET /projects/{projectId}/customers/{customerId}/quotas`.
struct get_customer_quotas
{
    static constexpr std::string_view name = "get_customer_quotas";
    static constexpr http_method method = http_method::get;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}/quotas";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = true;
    using result_type = customer_quotas;

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.

    /// The request (`make_get_customer_quotas_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_get_customer_quotas_request(cfg, token, project_id, customer_id);
    }

    /// Reads the answer (`parse_get_customer_quotas_response`).
    static result<customer_quotas> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<customer_quotas>(r, success, cfg, arena);
    }
};

/// "List users for a customer": `GET /projects/{projectId}/customers/{customerId}/users?page=&pageSize=`.
struct list_users
{
    static constexpr std::string_view name = "list_users";
    static constexpr http_method method = http_method::get;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}/users";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = true;
    using result_type = user_page;

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
    static constexpr std::string_view name = "create_user";
    static constexpr http_method method = http_method::post;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}/users";
    static constexpr std::array<unsigned, 2> success{200, 201}; // the API leaves it open
    static constexpr bool retryable = false;
    using result_type = user;

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
    static constexpr std::string_view name = "update_user";
    static constexpr http_method method = http_method::patch;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}/users/{userId}";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = false;
    using result_type = user;

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
    static constexpr std::string_view name = "delete_user";
    static constexpr http_method method = http_method::delete_;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}/users/{userId}";
    static constexpr std::array<unsigned, 1> success{204};
    static constexpr bool retryable = true;
    using result_type = void;

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
    static constexpr std::string_view name = "get_user_consumption";
    static constexpr http_method method = http_method::get;
    static constexpr std::string_view path = "/projects/{projectId}/customers/{customerId}/users/{userId}/consumption";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = true;
    using result_type = double;

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

/// "Get quotas for all tenants within a project": `GET /projects/{projectId}/quotas`.
struct get_project_quotas
{
    static constexpr std::string_view name = "get_project_quotas";
    static constexpr http_method method = http_method::get;
    static constexpr std::string_view path = "/projects/{projectId}/quotas";
    static constexpr std::array<unsigned, 1> success{200};
    static constexpr bool retryable = true;
    using result_type = project_quotas;

    std::string_view project_id; ///< The Console project.

    /// The request (`make_get_project_quotas_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_get_project_quotas_request(cfg, token, project_id);
    }

    /// Reads the answer (`parse_get_project_quotas_response`).
    static result<project_quotas> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
    {
        return detail::parse_json_response<project_quotas>(r, success, cfg, arena);
    }
};

/// Every operation, in the order of the API reference.
using all =
    std::tuple<fetch_token, list_customers, create_customer, update_customer, delete_customer, get_customer_quotas,
               list_users, create_user, update_user, delete_user, get_user_consumption, get_project_quotas>;

} // namespace operations

namespace detail {

template<class Op, class = void>
struct has_secret : std::false_type
{
};

template<class Op>
struct has_secret<Op, std::void_t<decltype(std::declval<Op const&>().sent_secret())>> : std::true_type
{
};

/// The secret a call's request carries (a password), or nothing.
template<class Op>
std::string_view call_secret(Op const& op) noexcept
{
    if constexpr(has_secret<Op>::value)
        return op.sent_secret();
    else
        return {};
}

} // namespace detail

} // namespace admin
} // namespace corti

#endif
