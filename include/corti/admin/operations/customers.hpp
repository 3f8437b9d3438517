// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_CUSTOMERS_HPP
#define CORTI_ADMIN_OPERATIONS_CUSTOMERS_HPP

/** @file
    The operations on a project's customers. One descriptor each; see `<corti/admin/operations.hpp>`.
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

/// "List customers for a project": `GET /projects/{projectId}/customers?page=&pageSize=`.
struct list_customers
{
    static constexpr std::string_view name = "list_customers";                  ///< The operation's name.
    static constexpr http_method method = http_method::get;                     ///< The HTTP method.
    static constexpr std::string_view path = "/projects/{projectId}/customers"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};                      ///< The success statuses.
    static constexpr bool retryable = true;                                     ///< A retry policy may send it again.
    using result_type = customer_page;                                          ///< What it returns.

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
    static constexpr std::string_view name = "create_customer";                 ///< The operation's name.
    static constexpr http_method method = http_method::post;                    ///< The HTTP method.
    static constexpr std::string_view path = "/projects/{projectId}/customers"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 2> success{200,
                                                     201}; ///< The success statuses (the API leaves 200 or 201 open).
    static constexpr bool retryable = false;               ///< A retry policy may send it again.
    using result_type = customer;                          ///< What it returns.

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
    static constexpr std::string_view name = "update_customer"; ///< The operation's name.
    static constexpr http_method method = http_method::patch;   ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}";    ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200}; ///< The success statuses.
    static constexpr bool retryable = false;               ///< A retry policy may send it again.
    using result_type = customer;                          ///< What it returns.

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
    static constexpr std::string_view name = "delete_customer"; ///< The operation's name.
    static constexpr http_method method = http_method::delete_; ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}";         ///< The path after the base URL.
    static constexpr std::array<unsigned, 2> success{200, 204}; ///< The success statuses.
    static constexpr bool retryable = true;                     ///< A retry policy may send it again.
    using result_type = void;                                   ///< What it returns.

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
    static constexpr std::string_view name = "get_customer_quotas"; ///< The operation's name.
    static constexpr http_method method = http_method::get;         ///< The HTTP method.
    static constexpr std::string_view path =
        "/projects/{projectId}/customers/{customerId}/quotas"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};     ///< The success statuses.
    static constexpr bool retryable = true;                    ///< A retry policy may send it again.
    using result_type = customer_quotas;                       ///< What it returns.

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

} // namespace operations
} // namespace admin
} // namespace corti

#endif
