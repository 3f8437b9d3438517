// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The conformance kit (testing/conformance.hpp) against deliberately broken
// transports and targets, without a server: every failure is a failed
// check in the report, never undefined behaviour. The kit against real
// transports and the local server is in e2e/test_conformance.cpp.
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>

using namespace corti::admin;
namespace kit = corti::admin::testing;

namespace {

char const* const issued_token = "ISSUED-TOKEN-0123456789abcdef";

http_response json(unsigned status, std::string body)
{
    http_response r;
    r.status = status;
    r.headers.add("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

/// Answers the kit's control requests (`/_test/...`, `/auth/token`) as the
/// local server would, and every other request with `api(req)`.
struct scripted_transport
{
    std::function<result<http_response>(http_request const&)> api;
    std::string token_body =
        std::string(R"({"accessToken":")") + issued_token + R"(","tokenType":"bearer","expiresIn":3600})";
    int api_requests = 0;

    result<http_response> send(http_request const& req)
    {
        auto const& t = req.target;
        if(t == "/_test/reset")
            return json(200, R"({"reset":true})");
        if(t == "/_test/fault")
            return json(200, "{}");
        if(t == "/_test/stats")
            return json(200, R"({"accepts":1,"requests":0,"requests_by_method":{}})");
        if(t.find("/auth/token") != std::string::npos)
            return json(200, token_body);
        ++api_requests;
        return api(req);
    }
};

kit::conformance_target quick_target()
{
    kit::conformance_target t;
    t.port = 1;
    t.timeout = std::chrono::milliseconds(1); // the deadline check runs too
    t.idle_pause = std::chrono::milliseconds(0);
    return t;
}

std::set<std::string> failed_checks(kit::conformance_report const& r)
{
    std::set<std::string> names;
    for(auto const& c : r.checks)
        if(!c.passed)
            names.insert(c.name);
    return names;
}

std::set<std::string> const user_request_checks = {
    "create_user",           "delete_no_content", "api_error_is_a_response",
    "redirect_not_followed", "chunked_body",      "cut_body_is_an_error",
    "post_not_resent",       "body_limit",        "keep_alive",
    "stale_connection",      "deadline"};

} // namespace

TEST_CASE("conformance kit: a transport that fails everything gives one failed check")
{
    struct refusing
    {
        int sends = 0;
        result<http_response> send(http_request const&)
        {
            ++sends;
            return error(errc::connection_failed, "refused");
        }
    } t;
    auto const report = kit::check_transport(t, quick_target());
    INFO(report.to_string());
    CHECK_FALSE(report.passed());
    REQUIRE(report.checks.size() == 1);
    CHECK(report.checks[0].name == "reach_server");
    CHECK(report.checks[0].detail.find("refused") != std::string::npos);
    CHECK(t.sends == 1);
}

TEST_CASE("conformance kit: an invalid target fails the checks that need its requests, without sending them")
{
    for(auto bad : {std::pair<std::string, std::string>{"consoleproject", ".."},
                    std::pair<std::string, std::string>{"", "contosohospital"},
                    std::pair<std::string, std::string>{"consoleproject", std::string(65, 'c')}})
    {
        CAPTURE(bad.first, bad.second);
        scripted_transport t;
        t.api = [](http_request const&) -> result<http_response> { return json(201, "{}"); };
        auto target = quick_target();
        target.project_id = bad.first;
        target.customer_id = bad.second;
        auto const report = kit::check_transport(t, target);
        INFO(report.to_string());
        CHECK_FALSE(report.passed());
        CHECK(failed_checks(report) == user_request_checks);
        // Nothing invalid was sent: only api_error_is_a_response's request
        // to "no-such-project" is valid when the customer id is.
        bool const customer_ok = bad.second == "contosohospital";
        CHECK(t.api_requests == (customer_ok ? 1 : 0));
        for(auto const& c : report.checks)
        {
            CAPTURE(c.name, c.detail);
            if(c.name == "delete_no_content")
                CHECK(c.detail == "needs the user made by create_user");
            else if(c.name == "api_error_is_a_response" && customer_ok)
                CHECK(c.detail.find("expected HTTP 404") != std::string::npos);
            else if(user_request_checks.count(c.name))
                CHECK(c.detail.rfind("building the request: ", 0) == 0);
        }
    }
}

TEST_CASE("conformance kit: a transport whose API requests all fail fails every check that needs one")
{
    scripted_transport t;
    t.api = [](http_request const&) -> result<http_response> {
        return error(errc::connection_failed, "broken on purpose");
    };
    auto const report = kit::check_transport(t, quick_target());
    INFO(report.to_string());
    CHECK_FALSE(report.passed());
    auto const failed = failed_checks(report);
    for(auto const& name : {"create_user", "delete_no_content", "api_error_is_a_response", "redirect_not_followed",
                            "chunked_body", "keep_alive", "stale_connection"})
        CHECK(failed.count(name) == 1);
    CHECK(failed.count("get_request") == 0);
}

TEST_CASE("conformance kit: garbage answers are failed checks, and a token answer that does not parse is not quoted")
{
    scripted_transport t;
    t.api = [](http_request const&) -> result<http_response> { return json(200, "not json at all"); };
    auto report = kit::check_transport(t, quick_target());
    INFO(report.to_string());
    CHECK_FALSE(report.passed());
    CHECK(failed_checks(report).count("create_user") == 1);
    CHECK(report.to_string().find(issued_token) == std::string::npos);

    // A 200 without tokenType: the token is in the body, the report says why without it.
    t.token_body = std::string(R"({"accessToken":")") + issued_token + R"(","expiresIn":3600})";
    report = kit::check_transport(t, quick_target());
    REQUIRE(report.checks.size() == 1);
    CHECK(report.checks[0].name == "auth_token");
    CHECK_FALSE(report.checks[0].passed);
    bool const quoted = report.to_string().find(issued_token) != std::string::npos;
    CHECK_FALSE(quoted);
}
