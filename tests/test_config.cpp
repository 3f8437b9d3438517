// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/config.hpp>

#include <catch2/catch.hpp>

using namespace corti::admin;

TEST_CASE("the default config targets production over https")
{
    config const c;
    CHECK(c.endpoint.tls);
    CHECK(c.endpoint.host == "api.console.corti.app");
    CHECK(c.endpoint.port == 443);
    CHECK(c.endpoint.encoded_base_path == "/functions/v1/public");
    CHECK(c.endpoint.host_header() == "api.console.corti.app");
    CHECK(c.strictness == strictness::tolerant);

    auto const ep = parse_base_url(default_base_url);
    REQUIRE(ep);
    CHECK(ep->host == c.endpoint.host);
    CHECK(ep->encoded_base_path == c.endpoint.encoded_base_path);
    CHECK(ep->port == 443);
}

TEST_CASE("parse_base_url accepts https URLs with ports, IPs and paths")
{
    auto ep = parse_base_url("https://Example.com:8443/api/v1/");
    REQUIRE(ep);
    CHECK(ep->host == "Example.com");
    CHECK(ep->port == 8443);
    CHECK(ep->encoded_base_path == "/api/v1");
    CHECK(ep->host_header() == "Example.com:8443");

    ep = parse_base_url("https://[::1]:9000");
    REQUIRE(ep);
    CHECK(ep->host == "::1");
    CHECK(ep->encoded_base_path.empty());
    CHECK(ep->host_header() == "[::1]:9000");

    ep = parse_base_url("https://10.0.0.1");
    REQUIRE(ep);
    CHECK(ep->host == "10.0.0.1");
    CHECK(ep->host_header() == "10.0.0.1");
}

TEST_CASE("plain http only on loopback hosts, and only when allowed")
{
    auto const allow = scheme_policy::allow_http_on_loopback;
    CHECK_FALSE(parse_base_url("http://localhost:8080"));
    for(auto url :
        {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:1", "http://127.8.9.10", "http://[::1]:80"})
    {
        CAPTURE(url);
        auto const ep = parse_base_url(url, allow);
        REQUIRE(ep);
        CHECK_FALSE(ep->tls);
    }
    for(auto url : {"http://example.com", "http://10.0.0.1", "http://localhost.example.com", "http://[::2]"})
    {
        CAPTURE(url);
        auto const ep = parse_base_url(url, allow);
        REQUIRE_FALSE(ep);
        CHECK(ep.error() == errc::invalid_base_url);
    }
    auto const ep = parse_base_url("http://localhost", allow);
    REQUIRE(ep);
    CHECK(ep->port == 80);
    CHECK(ep->host_header() == "localhost");
}

TEST_CASE("unusable base URLs are rejected")
{
    for(auto url : {"", "api.console.corti.app", "/relative", "ftp://example.com", "https://",
                    "https://user:pw@example.com", "https://example.com/?q=1", "https://example.com/#f",
                    "https://example.com:0", "https://ex%41mple.com", "https://example.com:99999"})
    {
        CAPTURE(url);
        auto const ep = parse_base_url(url);
        REQUIRE_FALSE(ep);
        CHECK(ep.error() == errc::invalid_base_url);
    }
}

TEST_CASE("make_config: the endpoint of the URL with the default limits")
{
    auto c = make_config("https://example.com:8443/api/");
    REQUIRE(c.has_value());
    CHECK(c->endpoint.host == "example.com");
    CHECK(c->endpoint.port == 8443);
    CHECK(c->endpoint.encoded_base_path == "/api");
    CHECK(c->limits.max_body_size == limits{}.max_body_size);
    CHECK(c->user_agent == config{}.user_agent);

    CHECK_FALSE(make_config("http://localhost:8080").has_value());
    c = make_config("http://localhost:8080", scheme_policy::allow_http_on_loopback);
    REQUIRE(c.has_value());
    CHECK_FALSE(c->endpoint.tls);

    auto const bad = make_config("https://user:pw@example.com");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error() == errc::invalid_base_url);
    CHECK(bad.error().to_string().find("user:pw") == std::string::npos);
}
