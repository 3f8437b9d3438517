// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "routes.hpp"

#include <algorithm>

namespace local_server {
namespace {

using boost::beast::http::verb;

struct pattern
{
    route_id id;
    std::vector<char const*> parts; // "*" captures one segment
    std::vector<verb> methods;
};

std::vector<pattern> const& patterns()
{
    static const std::vector<pattern> table = {
        {route_id::auth_token, {"auth", "token"}, {verb::post}},
        {route_id::customers, {"projects", "*", "customers"}, {verb::get, verb::post}},
        {route_id::customer, {"projects", "*", "customers", "*"}, {verb::patch, verb::delete_}},
        {route_id::customer_quotas, {"projects", "*", "customers", "*", "quotas"}, {verb::get}},
        {route_id::users, {"projects", "*", "customers", "*", "users"}, {verb::get, verb::post}},
        {route_id::user, {"projects", "*", "customers", "*", "users", "*"}, {verb::patch, verb::delete_}},
        {route_id::user_consumption, {"projects", "*", "customers", "*", "users", "*", "consumption"}, {verb::get}},
        {route_id::project_quotas, {"projects", "*", "quotas"}, {verb::get}},
        {route_id::test_fault, {"_test", "fault"}, {verb::post}},
        {route_id::test_stats, {"_test", "stats"}, {verb::get}},
        {route_id::test_reset, {"_test", "reset"}, {verb::post}},
    };
    return table;
}

std::optional<std::vector<std::string>> match(pattern const& p, std::vector<std::string> const& segs)
{
    if(p.parts.size() != segs.size())
        return std::nullopt;
    std::vector<std::string> params;
    for(std::size_t i = 0; i < segs.size(); ++i)
    {
        std::string_view part = p.parts[i];
        if(part == "*")
            params.push_back(segs[i]);
        else if(part != segs[i])
            return std::nullopt;
    }
    return params;
}

} // namespace

bool route_match::allows(verb v) const { return std::find(methods.begin(), methods.end(), v) != methods.end(); }

std::string route_match::allow_header() const
{
    std::string out;
    for(verb v : methods)
    {
        if(!out.empty())
            out += ", ";
        out += std::string(boost::beast::http::to_string(v));
    }
    return out;
}

std::optional<route_match> match_route(std::vector<std::string> const& segments)
{
    for(auto const& p : patterns())
        if(auto params = match(p, segments))
            return route_match{p.id, p.methods, std::move(*params)};
    return std::nullopt;
}

} // namespace local_server
