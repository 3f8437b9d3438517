// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The transport conformance kit against beast_transport and, when libcurl
// is available, the curl_transport of examples/curl-transport.

#include "support.hpp"

#include <corti/admin/testing.hpp>

#if CORTI_ADMIN_E2E_HAVE_CURL
#include "curl_transport.hpp"
#endif

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>
#include <thread>

using namespace e2e;
namespace testing = admin::testing;
namespace net = boost::asio;

namespace {

testing::conformance_target target_for(local_server const& srv, std::size_t max_body, std::chrono::milliseconds timeout)
{
    testing::conformance_target t;
    t.port = srv.port();
    t.tls = srv.tls();
    t.max_body_size = max_body;
    t.timeout = timeout;
    return t;
}

void require_pass(testing::conformance_report const& report)
{
    INFO(report.to_string());
    CHECK(report.checks.size() >= 15);
    CHECK(report.passed());
}

/// The concurrency check ran (the transport has async_send and the target
/// says how to run it) and passed.
void require_concurrency_checked(testing::conformance_report const& report)
{
    INFO(report.to_string());
    auto const* c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK(c->passed);
    CHECK_FALSE(c->skipped);
}

} // namespace

TEST_CASE("conformance kit: beast_transport over TLS")
{
    local_server srv;
    auto o = trusting(srv);
    o.max_body_size = 64 * 1024;
    o.timeout = std::chrono::milliseconds(500);
    net::io_context ioc;
    admin::beast_transport t(ioc.get_executor(), o);
    auto target = target_for(srv, o.max_body_size, std::chrono::milliseconds(500));
    target.run_async = [&] {
        ioc.restart();
        ioc.run();
    };
    auto const report = testing::check_transport(t, target);
    require_pass(report);
    require_concurrency_checked(report);
}

TEST_CASE("conformance kit: beast_transport over plain HTTP")
{
    local_server srv({"--plain"});
    admin::beast_transport_options o;
    o.timeout = std::chrono::milliseconds(500);
    net::io_context ioc;
    admin::beast_transport t(ioc.get_executor(), o);
    auto target = target_for(srv, o.max_body_size, std::chrono::milliseconds(500));
    target.run_async = [&] {
        ioc.restart();
        ioc.run();
    };
    auto const report = testing::check_transport(t, target);
    require_pass(report);
    require_concurrency_checked(report);
}

TEST_CASE("conformance kit: beast_transport with its io_context run by two other threads")
{
    local_server srv;
    auto o = trusting(srv);
    o.max_body_size = 64 * 1024;
    net::io_context ioc;
    auto work = net::make_work_guard(ioc);
    std::thread runners[2] = {std::thread([&] { ioc.run(); }), std::thread([&] { ioc.run(); })};
    {
        admin::beast_transport t(ioc.get_executor(), o);
        auto target = target_for(srv, o.max_body_size, std::chrono::milliseconds(0));
        target.run_async = [] {}; // the runners complete the sends; the kit waits for them
        auto const report = testing::check_transport(t, target);
        require_pass(report);
        require_concurrency_checked(report);
        INFO(report.to_string());
        REQUIRE(report.find("deadline") != nullptr);
        CHECK(report.find("deadline")->skipped);
    }
    work.reset();
    for(auto& r : runners)
        r.join();
}

TEST_CASE("conformance kit: without run_async the concurrency check is skipped, with the reason")
{
    local_server srv;
    auto o = trusting(srv);
    net::io_context ioc;
    admin::beast_transport t(ioc.get_executor(), o);
    auto const report = testing::check_transport(t, target_for(srv, o.max_body_size, std::chrono::milliseconds(0)));
    INFO(report.to_string());
    CHECK(report.passed());
    auto const* c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK(c->skipped);
    CHECK(c->detail == "conformance_target::run_async is not set");
    CHECK(report.to_string().find("[skip] concurrent_async_sends: conformance_target::run_async is not set\n") !=
          std::string::npos);
}

TEST_CASE("conformance kit: a broken transport fails")
{
    // Follows nothing and keeps nothing: opens a connection per request and
    // swallows errors into a 200. The kit must notice.
    struct forgetful
    {
        admin::beast_transport_options o;
        admin::result<admin::http_response> send(admin::http_request const& req)
        {
            admin::beast_transport fresh(o);
            auto r = fresh.send(req);
            if(!r)
                return admin::http_response{200, {}, "{}"};
            return r;
        }
    };
    local_server srv;
    forgetful t{trusting(srv)};
    auto const report = testing::check_transport(t, target_for(srv, t.o.max_body_size, std::chrono::milliseconds(0)));
    INFO(report.to_string());
    CHECK_FALSE(report.passed());
    for(auto const& c : report.checks)
        if(c.name == "keep_alive" || c.name == "cut_body_is_an_error" || c.name == "body_limit")
            CHECK_FALSE(c.passed);
    auto const* c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK(c->skipped);
    CHECK(c->detail == "the transport has no async_send");
}

#if CORTI_ADMIN_E2E_HAVE_CURL
TEST_CASE("conformance kit: curl_transport over TLS")
{
    local_server srv;
    corti_examples::curl_transport_options o;
    o.ca_file = srv.ca_file();
    o.max_body_size = 64 * 1024;
    o.timeout = std::chrono::milliseconds(500);
    corti_examples::curl_transport t(o);
    auto const report = testing::check_transport(t, target_for(srv, o.max_body_size, o.timeout));
    require_pass(report);
    // It has no async_send: the concurrency check says so and passes.
    auto const* c = report.find("concurrent_async_sends");
    REQUIRE(c != nullptr);
    CHECK(c->skipped);
}

TEST_CASE("curl_transport rejects a certificate for another host name")
{
    local_server srv({"--cert-host", "not-this-host.example"});
    corti_examples::curl_transport_options o;
    o.ca_file = srv.ca_file();
    corti_examples::curl_transport t(o);
    auto r = t.send(raw_request(srv, admin::http_method::get, "/_test/stats"));
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == admin::errc::connection_failed);
    CHECK(r.error().message.find("certificate verify failed") != std::string::npos);
}
#endif
