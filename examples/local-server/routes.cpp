#include "routes.hpp"

#include <algorithm>

namespace local_server {
namespace {

using boost::beast::http::verb;

struct Pattern {
    RouteId id;
    std::vector<char const*> parts;  // "*" captures one segment
    std::vector<verb> methods;
};

std::vector<Pattern> const& patterns() {
    static const std::vector<Pattern> table = {
        {RouteId::auth_token, {"auth", "token"}, {verb::post}},
        {RouteId::customers, {"projects", "*", "customers"}, {verb::get, verb::post}},
        {RouteId::customer, {"projects", "*", "customers", "*"}, {verb::patch, verb::delete_}},
        {RouteId::customer_quotas, {"projects", "*", "customers", "*", "quotas"}, {verb::get}},
        {RouteId::users, {"projects", "*", "customers", "*", "users"}, {verb::get, verb::post}},
        {RouteId::user, {"projects", "*", "customers", "*", "users", "*"}, {verb::patch, verb::delete_}},
        {RouteId::user_consumption,
         {"projects", "*", "customers", "*", "users", "*", "consumption"},
         {verb::get}},
        {RouteId::project_quotas, {"projects", "*", "quotas"}, {verb::get}},
        {RouteId::test_fault, {"_test", "fault"}, {verb::post}},
        {RouteId::test_stats, {"_test", "stats"}, {verb::get}},
        {RouteId::test_reset, {"_test", "reset"}, {verb::post}},
    };
    return table;
}

std::optional<std::vector<std::string>> match(Pattern const& p, std::vector<std::string> const& segs) {
    if (p.parts.size() != segs.size()) return std::nullopt;
    std::vector<std::string> params;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        std::string_view part = p.parts[i];
        if (part == "*")
            params.push_back(segs[i]);
        else if (part != segs[i])
            return std::nullopt;
    }
    return params;
}

}  // namespace

bool RouteMatch::allows(verb v) const {
    return std::find(methods.begin(), methods.end(), v) != methods.end();
}

std::string RouteMatch::allow_header() const {
    std::string out;
    for (verb v : methods) {
        if (!out.empty()) out += ", ";
        out += std::string(boost::beast::http::to_string(v));
    }
    return out;
}

std::optional<RouteMatch> match_route(std::vector<std::string> const& segments) {
    for (auto const& p : patterns())
        if (auto params = match(p, segments)) return RouteMatch{p.id, p.methods, std::move(*params)};
    return std::nullopt;
}

}  // namespace local_server
