// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_CUSTOMERS_HPP
#define CORTI_ADMIN_OPERATIONS_CUSTOMERS_HPP

/** @file
    The operations on a project's customers. See `<corti/admin/operations.hpp>`.
*/

#include <corti/admin/operations/info.hpp>
#include <corti/admin/requests.hpp>

#include <string_view>

namespace corti {
namespace admin {
namespace operations {

/// "List customers for a project" (one page).
struct list_customers
{
    /// The operation's facts.
    static constexpr operation_info info{"list_customers", http_method::get, "/projects/{projectId}/customers", {200}};
    using result_type = customer_page; ///< What it returns.

    std::string_view project_id; ///< The Console project.
    page_request page{};         ///< Which page.

    /// The request (`make_list_customers_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_list_customers_request(cfg, token, project_id, page);
    }
};

/// "Create a new customer" (200 or 201: the API leaves it open).
struct create_customer
{
    /// The operation's facts.
    static constexpr operation_info info{
        "create_customer", http_method::post, "/projects/{projectId}/customers", {200, 201}};
    using result_type = customer; ///< What it returns.

    std::string_view project_id; ///< The Console project.
    new_customer const& body;    ///< The customer to create.

    /// The request (`make_create_customer_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_create_customer_request(cfg, token, project_id, body);
    }
};

/// "Update a customer".
struct update_customer
{
    /// The operation's facts.
    static constexpr operation_info info{
        "update_customer", http_method::patch, "/projects/{projectId}/customers/{customerId}", {200}};
    using result_type = customer; ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.
    customer_update const& body;  ///< The fields to change.

    /// The request (`make_update_customer_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_update_customer_request(cfg, token, project_id, customer_id, body);
    }
};

/** "Delete a customer": 204 with no body. The API reference of this
    operation was never seen, so a 200 is accepted too, its body ignored.
*/
struct delete_customer
{
    /// The operation's facts.
    static constexpr operation_info info{
        "delete_customer", http_method::delete_, "/projects/{projectId}/customers/{customerId}", {200, 204}};
    using result_type = void; ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.

    /// The request (`make_delete_customer_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_delete_customer_request(cfg, token, project_id, customer_id);
    }

    /// Reads the answer (`parse_delete_customer_response`): a 200's body is ignored.
    static result<void> parse(http_response const& r, config const& cfg, parse_arena*)
    {
        if(r.status == 200)
            return {};
        return detail::check_response(r, info.success, false, cfg.limits);
    }
};

/// "Get quotas for a customer".
struct get_customer_quotas
{
    /// The operation's facts.
    static constexpr operation_info info{
        "get_customer_quotas", http_method::get, "/projects/{projectId}/customers/{customerId}/quotas", {200}};
    using result_type = customer_quotas; ///< What it returns.

    std::string_view project_id;  ///< The Console project.
    std::string_view customer_id; ///< The customer.

    /// The request (`make_get_customer_quotas_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_get_customer_quotas_request(cfg, token, project_id, customer_id);
    }
};

} // namespace operations
} // namespace admin
} // namespace corti

#endif
