// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The route table: which path patterns exist and which methods they allow.
#pragma once

#include <ostream> // Boost 1.81: core::string_view (via verb.hpp) needs it

#include <boost/beast/http/verb.hpp>

#include <optional>
#include <string>
#include <vector>

namespace local_server {

enum class route_id
{
    auth_token,
    customers,        // /projects/{p}/customers
    customer,         // /projects/{p}/customers/{c}
    customer_quotas,  // /projects/{p}/customers/{c}/quotas
    users,            // /projects/{p}/customers/{c}/users
    user,             // /projects/{p}/customers/{c}/users/{u}
    user_consumption, // /projects/{p}/customers/{c}/users/{u}/consumption
    project_quotas,   // /projects/{p}/quotas
    test_fault,
    test_stats,
    test_reset,
};

struct route_match
{
    route_id id;
    std::vector<boost::beast::http::verb> methods; // allowed on this path
    std::vector<std::string> params;               // project, customer, user (as present)

    bool allows(boost::beast::http::verb v) const;
    std::string allow_header() const; // e.g. "GET, POST"
};

// Matches decoded path segments (API prefix already removed).
std::optional<route_match> match_route(std::vector<std::string> const& segments);

inline bool is_test_route(route_id id)
{
    return id == route_id::test_fault || id == route_id::test_stats || id == route_id::test_reset;
}

} // namespace local_server
