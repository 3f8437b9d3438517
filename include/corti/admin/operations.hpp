// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_HPP
#define CORTI_ADMIN_OPERATIONS_HPP

/** @file
    The table of operations: one descriptor per operation of the Admin API.

    A descriptor is a plain struct: its members are the operation's
    arguments (views and references: a descriptor lives as long as the call
    that builds its request); `info` holds its facts once (`name`, `method`,
    `path` as in the API reference, the `success` statuses, and whether a
    retry policy may send it again, `retryable()`); `result_type` is what it
    returns; `build(cfg, token)` makes its request through the documented
    `make_*_request`. A descriptor whose answer needs more than its schema
    has its own static `parse`; `operations::parse<Op>` reads any answer.
    `sent_secret()`, where present, gives the password a request carries, so
    that every error is scrubbed of it.

    `client::run(op)` runs any descriptor, the `make_*_request` and
    `parse_*_response` functions are the table's builders and parsers, and
    the fuzz targets and tests iterate over `operations::all`. A new
    operation is one descriptor (and its builder, schema and tests).
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

} // namespace admin
} // namespace corti

#endif
