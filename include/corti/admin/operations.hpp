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

#include <corti/admin/operations/customers.hpp>
#include <corti/admin/operations/project.hpp>
#include <corti/admin/operations/token.hpp>
#include <corti/admin/operations/users.hpp>

#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace corti {
namespace admin {

/// The descriptors of the Admin API's operations (see `operations.hpp`).
namespace operations {

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
