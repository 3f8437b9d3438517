// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTS_E2E_SUPPORT_HPP
#define CORTI_ADMIN_TESTS_E2E_SUPPORT_HPP

// Helpers of the end-to-end tests: a control connection to the server's
// /_test hooks, the bearer token, unique users.

#include "local_server.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <string>

namespace e2e {

namespace admin = corti::admin;

/// Transport options trusting the server's CA, with a short deadline so a
/// hang fails fast.
inline admin::beast_transport_options trusting(local_server const& s)
{
    admin::beast_transport_options o;
    o.ca_file = s.ca_file();
    o.timeout = std::chrono::seconds(10);
    return o;
}

/// A request to one of the server's own paths.
inline admin::http_request raw_request(local_server const& s, admin::http_method m, std::string target,
                                       std::string body = {})
{
    admin::http_request r;
    r.method = m;
    r.tls = s.tls();
    r.host = "localhost";
    r.port = s.port();
    r.target = std::move(target);
    r.headers.add("Host", "localhost:" + std::to_string(s.port()));
    r.headers.add("Accept", "application/json");
    if(!r.body.empty() || !body.empty())
        r.headers.add("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

struct server_stats
{
    std::uint64_t accepts = 0;
    std::uint64_t requests = 0;
    std::uint64_t posts = 0;
    std::uint64_t token_requests = 0;   ///< POST /auth/token
    std::uint64_t peak_connections = 0; ///< the most open at once, this control's included
};

/** The test's own connection to the server: arms faults, reads and resets
    the counters, fetches tokens. Its connection stays open, so after a
    reset it adds no accepts of its own. */
class control
{
public:
    explicit control(local_server const& s) : srv_(s), t_(trusting(s)) {}

    /// With its own transport options, e.g. a longer `max_idle` so that its
    /// connection outlives a long test and the counters hold none of its own.
    control(local_server const& s, admin::beast_transport_options const& o) : srv_(s), t_(o) {}

    void reset() { expect_ok(raw_request(srv_, admin::http_method::post, "/_test/reset", "{}")); }

    /// Arms a fault, e.g. `{"kind":"delay","ms":500}`.
    void arm(std::string const& fault)
    {
        expect_ok(raw_request(srv_, admin::http_method::post, "/_test/fault", fault));
    }

    server_stats stats()
    {
        auto const body = expect_ok(raw_request(srv_, admin::http_method::get, "/_test/stats"));
        auto const v = boost::json::parse(body);
        server_stats s;
        s.accepts = v.at("accepts").to_number<std::uint64_t>();
        s.requests = v.at("requests").to_number<std::uint64_t>();
        if(auto const* p = v.at("requests_by_method").as_object().if_contains("POST"))
            s.posts = p->to_number<std::uint64_t>();
        s.token_requests = v.at("token_requests").to_number<std::uint64_t>();
        s.peak_connections = v.at("peak_connections").to_number<std::uint64_t>();
        return s;
    }

    /// POST /auth/token with the server's default credentials.
    admin::secret token()
    {
        auto req = raw_request(srv_, admin::http_method::post, "/functions/v1/public/auth/token",
                               R"({"email":"admin@example.com","password":"local-dev-password"})");
        req.sensitive_body = true;
        auto const body = expect_ok(req);
        auto const v = boost::json::parse(body);
        auto const& tok = v.at("accessToken").as_string();
        REQUIRE(v.at("tokenType").as_string() == "bearer");
        return admin::secret(std::string_view(tok.data(), tok.size()));
    }

    admin::beast_transport& transport() noexcept { return t_; }

private:
    std::string expect_ok(admin::http_request const& req)
    {
        auto r = t_.send(req);
        INFO(req.target);
        REQUIRE(r.has_value());
        INFO(r->body);
        REQUIRE(r->status == 200);
        return r->body;
    }

    local_server const& srv_;
    admin::beast_transport t_;
};

/// A user with an email no other call of this process uses.
inline admin::new_user make_user(std::string const& tag = "user")
{
    static std::atomic<unsigned> n{0};
    admin::new_user u;
    u.email = tag + "-" + std::to_string(n++) + "@example.com";
    u.first_name = "Ada";
    u.last_name = "Lovelace";
    return u;
}

inline constexpr char const* project = "consoleproject";
inline constexpr char const* customer = "contosohospital";

} // namespace e2e

#endif
