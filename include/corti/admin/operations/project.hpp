// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_PROJECT_HPP
#define CORTI_ADMIN_OPERATIONS_PROJECT_HPP

/** @file
    The operations on a whole project: its quotas. See `<corti/admin/operations.hpp>`.
*/

#include <corti/admin/operations/info.hpp>
#include <corti/admin/requests.hpp>

#include <string_view>

namespace corti {
namespace admin {
namespace operations {

/// "Get quotas for all tenants within a project".
struct get_project_quotas
{
    /// The operation's facts.
    static constexpr operation_info info{"get_project_quotas", http_method::get, "/projects/{projectId}/quotas", {200}};
    using result_type = project_quotas; ///< What it returns.

    std::string_view project_id; ///< The Console project.

    /// The request (`make_get_project_quotas_request`).
    result<http_request> build(config const& cfg, secret const& token) const
    {
        return make_get_project_quotas_request(cfg, token, project_id);
    }
};

} // namespace operations
} // namespace admin
} // namespace corti

#endif
