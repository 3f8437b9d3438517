// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// <corti/admin/beast/proxy.hpp> without a network: the NO_PROXY rule and
// proxy_from_environment. (The tunnel itself: tests/e2e/test_proxy.cpp.)

#include <corti/admin/beast/proxy.hpp>

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <string>

using namespace corti::admin;

namespace {

/// Sets (or, with nullptr, unsets) the proxy variables for one test and
/// restores nothing: every test sets all four.
void set_env(char const* lower, char const* upper, char const* no_lower = nullptr, char const* no_upper = nullptr)
{
    auto put = [](char const* name, char const* value) {
        if(value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    };
    put("https_proxy", lower);
    put("HTTPS_PROXY", upper);
    put("no_proxy", no_lower);
    put("NO_PROXY", no_upper);
}

} // namespace

TEST_CASE("no_proxy_matches: names match themselves and their subdomains, as curl")
{
    CHECK(no_proxy_matches("example.com", "example.com", 443));
    CHECK(no_proxy_matches("example.com", "api.example.com", 443));
    CHECK(no_proxy_matches(".example.com", "api.example.com", 443));
    CHECK(no_proxy_matches(".example.com", "example.com", 443));
    CHECK(no_proxy_matches("EXAMPLE.com", "Api.Example.COM", 443));
    CHECK(no_proxy_matches("example.com.", "example.com", 443));
    CHECK(no_proxy_matches("example.com", "example.com.", 443));
    CHECK_FALSE(no_proxy_matches("example.com", "notexample.com", 443));
    CHECK_FALSE(no_proxy_matches("example.com", "example.com.evil", 443));
    CHECK_FALSE(no_proxy_matches("api.example.com", "example.com", 443));
    CHECK_FALSE(no_proxy_matches("", "example.com", 443));
    CHECK_FALSE(no_proxy_matches(",, ,", "example.com", 443));
}

TEST_CASE("no_proxy_matches: lists, the wildcard and ports")
{
    CHECK(no_proxy_matches("foo.org, example.com", "example.com", 443));
    CHECK(no_proxy_matches("foo.org,\texample.com ", "www.example.com", 443));
    CHECK(no_proxy_matches("*", "anything.at.all", 1));
    CHECK(no_proxy_matches("foo.org, *", "127.0.0.1", 1));
    CHECK_FALSE(no_proxy_matches("*.example.com", "example.org", 443)); // only a lone '*' is a wildcard
    CHECK(no_proxy_matches("localhost:8443", "localhost", 8443));
    CHECK_FALSE(no_proxy_matches("localhost:8443", "localhost", 443));
    CHECK(no_proxy_matches("127.0.0.1:8443", "127.0.0.1", 8443));
    CHECK_FALSE(no_proxy_matches("127.0.0.1:8443", "127.0.0.1", 443));
    CHECK(no_proxy_matches("[::1]:8443", "::1", 8443));
    CHECK_FALSE(no_proxy_matches("[::1]:8443", "::1", 443));
    CHECK_FALSE(no_proxy_matches("localhost:x", "localhost", 443));
}

TEST_CASE("no_proxy_matches: IP hosts match IP entries and CIDR ranges, never names")
{
    CHECK(no_proxy_matches("127.0.0.1", "127.0.0.1", 443));
    CHECK_FALSE(no_proxy_matches("127.0.0.1", "127.0.0.2", 443));
    CHECK(no_proxy_matches("10.0.0.0/8", "10.1.2.3", 443));
    CHECK_FALSE(no_proxy_matches("10.0.0.0/8", "11.1.2.3", 443));
    CHECK(no_proxy_matches("192.168.1.0/24", "192.168.1.77", 443));
    CHECK_FALSE(no_proxy_matches("192.168.1.0/24", "192.168.2.77", 443));
    CHECK(no_proxy_matches("::1", "::1", 443));
    CHECK(no_proxy_matches("::1", "[::1]", 443));
    CHECK(no_proxy_matches("fe80::/10", "fe80::1234", 443));
    CHECK_FALSE(no_proxy_matches("fe80::/10", "2001:db8::1", 443));
    CHECK_FALSE(no_proxy_matches("127.0.0.1", "::1", 443));   // no family mixing
    CHECK_FALSE(no_proxy_matches("0.0.1", "127.0.0.1", 443)); // no tail match on addresses
    CHECK_FALSE(no_proxy_matches("localhost", "127.0.0.1", 443));
    CHECK_FALSE(no_proxy_matches("127.0.0.1", "localhost", 443));
}

TEST_CASE("proxy_from_environment: nothing set means no proxy")
{
    set_env(nullptr, nullptr, "example.com", nullptr);
    auto r = proxy_from_environment();
    REQUIRE(r.has_value());
    CHECK_FALSE(r->has_value());
    set_env("", "", nullptr, nullptr); // empty counts as unset
    r = proxy_from_environment();
    REQUIRE(r.has_value());
    CHECK_FALSE(r->has_value());
}

TEST_CASE("proxy_from_environment: the lower case names win, as in curl")
{
    set_env("http://lower:3128", "http://upper:3129", "a.example", "b.example");
    auto r = proxy_from_environment();
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    CHECK((*r)->url == "http://lower:3128");
    CHECK((*r)->no_proxy == "a.example");
    CHECK((*r)->username.empty());
    CHECK((*r)->password.empty());

    set_env(nullptr, "http://upper:3129", nullptr, "b.example");
    r = proxy_from_environment();
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    CHECK((*r)->url == "http://upper:3129");
    CHECK((*r)->no_proxy == "b.example");
    set_env(nullptr, nullptr);
}

TEST_CASE("proxy_from_environment: a bare host, the default port, IPv6, credentials")
{
    set_env("proxy.internal", nullptr);
    auto r = proxy_from_environment();
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    CHECK((*r)->url == "http://proxy.internal:1080");

    set_env("http://[::1]:3128/", nullptr);
    r = proxy_from_environment();
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    CHECK((*r)->url == "http://[::1]:3128");

    set_env("http://al%40ice:p%3Ass@127.0.0.1:3128", nullptr);
    r = proxy_from_environment();
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    CHECK((*r)->url == "http://127.0.0.1:3128"); // no credentials in the URL
    CHECK((*r)->username == "al@ice");
    CHECK((*r)->password.reveal() == "p:ss");
    set_env(nullptr, nullptr);
}

TEST_CASE("proxy_from_environment: a bad value names the variable, never the value")
{
    struct bad_case
    {
        char const* value;
        char const* why;
    };
    bad_case const cases[] = {
        {"https://user:hunter2@proxy:3128", "only http://"}, {"socks5://user:hunter2@proxy:1080", "only http://"},
        {"http://user:hunter2@proxy:99999", "invalid port"}, {"http://user:hunter2@proxy:3128/path", "no path"},
        {"http://user:hunter2@proxy:3128?q", "no path"},     {"http://user:hunter2@:3128", "no host"},
    };
    for(auto const& c : cases)
    {
        INFO(c.why);
        set_env(nullptr, c.value);
        auto r = proxy_from_environment();
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::invalid_argument);
        CHECK(r.error().field == "HTTPS_PROXY");
        std::string const text = r.error().to_string();
        CHECK(text.find("HTTPS_PROXY") != std::string::npos);
        CHECK(text.find(c.why) != std::string::npos);
        CHECK(text.find("hunter2") == std::string::npos);
    }
    set_env("http://user:hunter2@proxy:0", nullptr);
    auto r = proxy_from_environment();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "https_proxy");
    CHECK(r.error().to_string().find("hunter2") == std::string::npos);
    set_env(nullptr, nullptr);
}

TEST_CASE("parse_proxy_url refuses credentials in proxy_options::url")
{
    auto r = detail::parse_proxy_url("http://user:hunter2@proxy:3128", false, "proxy.url");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::invalid_argument);
    CHECK(r.error().field == "proxy.url");
    CHECK(r.error().to_string().find("hunter2") == std::string::npos);
    auto ok = detail::parse_proxy_url("127.0.0.1:3128", false, "proxy.url");
    REQUIRE(ok.has_value());
    CHECK(ok->host == "127.0.0.1");
    CHECK(ok->port == 3128);
}
