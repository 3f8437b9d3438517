// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_PROJECT_HPP
#define CORTI_ADMIN_OPERATIONS_PROJECT_HPP

/** @file
    The operations on a whole project: its quotas. One descriptor each; see `<corti/admin/operations.hpp>`.
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

/// "Get quotas for all tenants within a project": `GET /projects/{projectId}/quotas`.
struct get_project_quotas
{
    static constexpr std::string_view name = "get_project_quotas";           ///< The operation's name.
    static constexpr http_method method = http_method::get;                  ///< The HTTP method.
    static constexpr std::string_view path = "/projects/{projectId}/quotas"; ///< The path after the base URL.
    static constexpr std::array<unsigned, 1> success{200};                   ///< The success statuses.
    static constexpr bool retryable = true;                                  ///< A retry policy may send it again.
    using result_type = project_quotas;                                      ///< What it returns.

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

} // namespace operations
} // namespace admin
} // namespace corti

#endif
