// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The conformance kit (testing/conformance.hpp) against deliberately broken
// transports and targets, without a server: every failure is a failed
// check in the report, never undefined behaviour. The kit against real
// transports and the local server is in e2e/test_conformance.cpp.
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

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

// ---------------------------------------------------------------------------
// concurrent_async_sends, with transports whose async_send queues the
// handler and answers when run_async runs the queue (no Asio needed).

namespace {

/// Answers a create-user request with the user it asked for (201), as the
/// server would; the kit's control requests as scripted_transport does.
result<http_response> echo_user(http_request const& req)
{
    auto const at = req.body.find(R"("email":")");
    if(at == std::string::npos) // not a create-user request: any user will do
        return json(201, R"({"email":"user@example.com","firstName":"C","lastName":"K","enabled":true})");
    auto const from = at + 9;
    auto const email = req.body.substr(from, req.body.find('"', from) - from);
    return json(201, R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":")" + email +
                         R"(","firstName":"C","lastName":"K","enabled":true})");
}

struct queued_async_transport : scripted_transport
{
    std::deque<std::function<void()>> queue;
    std::vector<http_request const*> requests; // kept alive by the kit until answered
    std::size_t started = 0;
    std::size_t most_outstanding = 0;
    bool swap_two = false;   // answers the first two requests with each other's user
    bool call_twice = false; // runs the first handler twice
    bool fail_third = false; // the third request fails

    /// As scripted_transport, and the stats count the POSTs sent with async_send.
    result<http_response> send(http_request const& req)
    {
        if(req.target == "/_test/stats")
            return json(200,
                        R"({"accepts":1,"requests":0,"requests_by_method":{"POST":)" + std::to_string(started) + "}}");
        return scripted_transport::send(req);
    }

    template<class Handler>
    void async_send(http_request const& req, Handler&& h)
    {
        ++started;
        requests.push_back(&req);
        most_outstanding = std::max(most_outstanding, queue.size() + 1);
        auto const n = started;
        queue.push_back([this, &req, n, h = std::forward<Handler>(h)]() mutable {
            auto r = echo_user(req);
            if(swap_two && n <= 2)
                r = echo_user(*requests[2 - n]); // the other one's user
            if(fail_third && n == 3)
                r = error(errc::connection_failed, "dropped on purpose");
            if(call_twice && n == 1)
                h(r);
            h(std::move(r));
        });
    }

    void run()
    {
        while(!queue.empty())
        {
            auto f = std::move(queue.front());
            queue.pop_front();
            f();
        }
    }
};

kit::conformance_target async_target(queued_async_transport& t)
{
    auto target = quick_target();
    target.run_async = [&t] { t.run(); };
    return target;
}

} // namespace

TEST_CASE("conformance kit: concurrent_async_sends passes a transport that answers each request with its own user")
{
    queued_async_transport t;
    t.api = echo_user;
    auto target = async_target(t);
    target.concurrent_sends = 5;
    auto const report = kit::check_transport(t, target);
    INFO(report.to_string());
    auto const* c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->skipped);
    CHECK(c->passed);
    CHECK(c->detail == "5 sends at once, each answered with its own user; connections accepted: 1");
    CHECK(t.started == 5);
    CHECK(t.most_outstanding == 5); // all started before any completed
}

TEST_CASE("conformance kit: concurrent_async_sends fails answers swapped, lost or doubled")
{
    SECTION("an answer with another request's user")
    {
        queued_async_transport t;
        t.api = echo_user;
        t.swap_two = true;
        auto const report = kit::check_transport(t, async_target(t));
        auto const* c = report.find("concurrent_async_sends");
        REQUIRE(c != nullptr);
        CHECK_FALSE(c->passed);
        CHECK(c->detail == "send 1 of 16: answered with the user of send 2");
    }
    SECTION("a handler run twice")
    {
        queued_async_transport t;
        t.api = echo_user;
        t.call_twice = true;
        auto const report = kit::check_transport(t, async_target(t));
        auto const* c = report.find("concurrent_async_sends");
        REQUIRE(c != nullptr);
        CHECK_FALSE(c->passed);
        CHECK(c->detail == "a completion handler ran twice for one request");
    }
    SECTION("a transport error")
    {
        queued_async_transport t;
        t.api = echo_user;
        t.fail_third = true;
        auto const report = kit::check_transport(t, async_target(t));
        auto const* c = report.find("concurrent_async_sends");
        REQUIRE(c != nullptr);
        CHECK_FALSE(c->passed);
        CHECK(c->detail == "send 3 of 16: transport error: corti.admin: connection failed: dropped on purpose");
    }
}

TEST_CASE("conformance kit: concurrent_async_sends is skipped without async_send or without run_async")
{
    scripted_transport t;
    t.api = echo_user;
    auto report = kit::check_transport(t, quick_target());
    auto const* c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK(c->skipped);
    CHECK(c->passed);
    CHECK(c->detail == "the transport has no async_send");
    CHECK(report.to_string().find("[skip] concurrent_async_sends: the transport has no async_send\n") !=
          std::string::npos);

    queued_async_transport a;
    a.api = echo_user;
    report = kit::check_transport(a, quick_target());
    c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK(c->skipped);
    CHECK(c->detail == "conformance_target::run_async is not set");
    CHECK(a.started == 0);

    auto target = quick_target();
    target.timeout = std::chrono::milliseconds(0);
    report = kit::check_transport(a, target);
    REQUIRE(report.find("deadline") != nullptr);
    CHECK(report.find("deadline")->skipped);
    CHECK(report.find("deadline")->detail == "conformance_target::timeout is 0");
}
