// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The connection pool of beast_transport: the bound per (scheme, host, port),
// the FIFO of waiting calls, their deadline and cancellation, idle reuse and
// max_idle, and send / async_send from several threads at once, against the
// real local server over loopback TLS.

#include "support.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace e2e;
using admin::errc;
namespace net = boost::asio;
using std::chrono::milliseconds;
using transport_access = admin::detail::beast_transport_access;
using send_result = admin::result<admin::http_response>;

namespace {

admin::beast_transport_options pooled(local_server const& srv, std::size_t max_connections)
{
    auto o = trusting(srv);
    o.max_connections = max_connections;
    return o;
}

admin::http_request stats_request(local_server const& srv)
{
    return raw_request(srv, admin::http_method::get, "/_test/stats");
}

/// An API request (a 404) that the server's `delay` fault holds back.
admin::http_request slow_request(local_server const& srv)
{
    return raw_request(srv, admin::http_method::get, "/functions/v1/public/no-such-path");
}

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

std::string describe(send_result const& r) { return r ? std::to_string(r->status) : r.error().to_string(); }

/// Runs `ioc` on `threads` threads until it runs out of work.
void run_on_threads(net::io_context& ioc, int threads)
{
    std::vector<std::thread> pool;
    for(int i = 0; i < threads; ++i)
        pool.emplace_back([&ioc] { ioc.run(); });
    for(auto& t : pool)
        t.join();
}

} // namespace

TEST_CASE("beast_pool: 64 concurrent async_send use at most max_connections connections")
{
    local_server srv;
    control ctl(srv);
    for(std::size_t const max : {std::size_t(2), std::size_t(3), std::size_t(0)})
    {
        auto o = max == 0 ? trusting(srv) : pooled(srv, max); // 0: the default, 4
        std::size_t const bound = max == 0 ? 4 : max;
        INFO("max_connections " << bound);
        ctl.reset();
        net::io_context ioc;
        admin::beast_transport t(ioc, o);
        int ok = 0;
        for(int i = 0; i < 64; ++i)
            t.async_send(stats_request(srv), [&](send_result r) {
                INFO(describe(r));
                CHECK((r && r->status == 200));
                ok += r && r->status == 200;
            });
        ioc.run();
        CHECK(ok == 64);
        // All 64 start at once: the first `bound` connect, the rest wait and reuse.
        CHECK(ctl.stats().accepts == bound);
    }
}

TEST_CASE("beast_pool: 256 async_send on an io_context run by 4 threads, max_connections 8")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, pooled(srv, 8));
    std::atomic<int> ok{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    for(int i = 0; i < 256; ++i)
        t.async_send(stats_request(srv), [&](send_result r) {
            if(r && r->status == 200)
                ++ok;
            else
            {
                std::lock_guard<std::mutex> lock(failures_mutex);
                failures.push_back(describe(r));
            }
        });
    run_on_threads(ioc, 4);
    INFO((failures.empty() ? std::string() : failures.front()));
    CHECK(ok == 256);
    CHECK(ctl.stats().accepts <= 8);
}

TEST_CASE("beast_pool: send from 8 threads at once, max_connections 3")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    admin::beast_transport t(pooled(srv, 3));
    std::atomic<int> ok{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for(int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for(int j = 0; j < 8; ++j)
            {
                auto r = t.send(stats_request(srv));
                if(r && r->status == 200)
                    ++ok;
                else
                {
                    std::lock_guard<std::mutex> lock(failures_mutex);
                    failures.push_back(describe(r));
                }
            }
        });
    for(auto& th : threads)
        th.join();
    INFO((failures.empty() ? std::string() : failures.front()));
    CHECK(ok == 64);
    CHECK(ctl.stats().accepts <= 3);
}

TEST_CASE("beast_pool: send and async_send from several threads on one transport")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, pooled(srv, 3));
    std::atomic<int> ok{0};
    for(int i = 0; i < 32; ++i)
        t.async_send(stats_request(srv), [&](send_result r) { ok += r && r->status == 200; });
    std::vector<std::thread> threads;
    for(int i = 0; i < 2; ++i)
        threads.emplace_back([&ioc] { ioc.run(); });
    for(int i = 0; i < 3; ++i)
        threads.emplace_back([&] {
            for(int j = 0; j < 8; ++j)
                ok += t.send(stats_request(srv)).has_value();
        });
    for(auto& th : threads)
        th.join();
    CHECK(ok == 32 + 24);
    // A connection of send never serves async_send and back: the ones that
    // do not fit the next waiting call are closed, so accepts may exceed 3.
    CHECK(t.send(stats_request(srv)).has_value());
}

TEST_CASE("beast_pool: waiting calls are served in the order they came")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, pooled(srv, 1));
    std::vector<int> order;
    for(int i = 0; i < 12; ++i)
        t.async_send(stats_request(srv), [&order, i](send_result r) {
            CHECK(r.has_value());
            order.push_back(i);
        });
    ioc.run();
    std::vector<int> expected;
    for(int i = 0; i < 12; ++i)
        expected.push_back(i);
    CHECK(order == expected);
    CHECK(ctl.stats().accepts == 1);
}

TEST_CASE("beast_pool: a call that waits past its deadline times out and leaves the pool consistent")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, pooled(srv, 1));
    auto& settings = transport_access::settings(t);
    ctl.arm(R"({"kind":"delay","ms":1500})");

    // The first call holds the only connection for 1.5 s; the next ones get
    // a 300 ms deadline (the test hook changes it for later calls only).
    std::optional<send_result> slow;
    t.async_send(slow_request(srv), [&](send_result r) { slow.emplace(std::move(r)); });
    settings.timeout = milliseconds(300);

    SECTION("async_send")
    {
        std::optional<send_result> waiting;
        auto const start = std::chrono::steady_clock::now();
        t.async_send(stats_request(srv), [&](send_result r) {
            waiting.emplace(std::move(r));
            CHECK(std::chrono::steady_clock::now() - start < milliseconds(1200));
        });
        ioc.run();
        REQUIRE(waiting.has_value());
        REQUIRE_FALSE(waiting->has_value());
        INFO(waiting->error().to_string());
        CHECK(waiting->error() == errc::timeout);
        CHECK(contains(waiting->error().message, "300 ms exceeded while waiting for a free connection to localhost:"));
    }
    SECTION("send, from another thread than the io_context's")
    {
        std::thread io([&ioc] { ioc.run(); });
        auto const start = std::chrono::steady_clock::now();
        auto r = t.send(stats_request(srv));
        auto const took = std::chrono::steady_clock::now() - start;
        io.join();
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::timeout);
        CHECK(contains(r.error().message, "while waiting for a free connection"));
        CHECK(took < milliseconds(1200));
    }
    REQUIRE(slow.has_value());
    INFO(describe(*slow));
    CHECK((slow->has_value() && (*slow)->status == 404));

    // The place the timed-out call waited for is free again.
    settings.timeout = std::chrono::seconds(10);
    ioc.restart();
    std::optional<send_result> after;
    t.async_send(stats_request(srv), [&](send_result r) { after.emplace(std::move(r)); });
    ioc.run();
    REQUIRE(after.has_value());
    CHECK(after->has_value());
    CHECK(t.send(stats_request(srv)).has_value());
}

TEST_CASE("beast_pool: a waiting async_send can be cancelled through its cancellation slot")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, pooled(srv, 1));
    ctl.arm(R"({"kind":"delay","ms":1000})");
    std::optional<send_result> slow;
    t.async_send(slow_request(srv), [&](send_result r) { slow.emplace(std::move(r)); });
    net::cancellation_signal cancel;
    std::optional<send_result> waiting;
    std::optional<send_result> behind; // queued after the cancelled one
    auto const start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration took{};
    t.async_send(stats_request(srv), net::bind_cancellation_slot(cancel.slot(), [&](send_result r) {
                     took = std::chrono::steady_clock::now() - start;
                     waiting.emplace(std::move(r));
                 }));
    t.async_send(stats_request(srv), [&](send_result r) { behind.emplace(std::move(r)); });
    net::steady_timer timer(ioc, milliseconds(200));
    timer.async_wait([&](boost::system::error_code) { cancel.emit(net::cancellation_type::terminal); });
    ioc.run();
    REQUIRE(waiting.has_value());
    REQUIRE_FALSE(waiting->has_value());
    INFO(waiting->error().to_string());
    CHECK(waiting->error().code == net::error::operation_aborted);
    CHECK(contains(waiting->error().message, "cancelled while waiting for a free connection"));
    CHECK(took < milliseconds(900));
    REQUIRE(slow.has_value());
    CHECK(slow->has_value());
    REQUIRE(behind.has_value());
    CHECK(behind->has_value());
    CHECK(ctl.stats().accepts == 1);
}

TEST_CASE("beast_pool: idle connections are reused, and closed after max_idle")
{
    local_server srv;
    control ctl(srv);
    auto o = trusting(srv);
    o.max_idle = milliseconds(100);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, o);
    auto const async_get = [&] {
        std::optional<send_result> out;
        t.async_send(stats_request(srv), [&](send_result r) { out.emplace(std::move(r)); });
        ioc.restart();
        ioc.run();
        return out && out->has_value();
    };
    for(int i = 0; i < 5; ++i)
        REQUIRE(async_get());
    CHECK(ctl.stats().accepts == 1);
    std::this_thread::sleep_for(milliseconds(250));
    REQUIRE(async_get()); // too old: closed, and a new one made
    CHECK(ctl.stats().accepts == 2);

    SECTION("send keeps its own connections")
    {
        for(int i = 0; i < 3; ++i)
            REQUIRE(t.send(stats_request(srv)).has_value());
        CHECK(ctl.stats().accepts == 3);
        std::this_thread::sleep_for(milliseconds(250));
        REQUIRE(t.send(stats_request(srv)).has_value());
        CHECK(ctl.stats().accepts == 4);
    }
    SECTION("close() closes the idle ones")
    {
        t.close();
        REQUIRE(async_get());
        CHECK(ctl.stats().accepts == 3);
    }
}

TEST_CASE("beast_pool: max_connections 0 counts as 1")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, pooled(srv, 0));
    int ok = 0;
    for(int i = 0; i < 8; ++i)
        t.async_send(stats_request(srv), [&](send_result r) { ok += r.has_value(); });
    ioc.run();
    CHECK(ok == 8);
    CHECK(ctl.stats().accepts == 1);
}

TEST_CASE("beast_pool: an io_context destroyed with calls busy and waiting gives their places back")
{
    local_server srv;
    control ctl(srv);
    std::unique_ptr<admin::beast_transport> t;
    bool called = false;
    {
        net::io_context ioc;
        t = std::make_unique<admin::beast_transport>(ioc, pooled(srv, 1));
        ctl.arm(R"({"kind":"delay","ms":1000})");
        t->async_send(slow_request(srv), [&](send_result) { called = true; });
        t->async_send(stats_request(srv), [&](send_result) { called = true; }); // waits
        ioc.run_for(milliseconds(200));
    } // destroys both operations, never run
    CHECK_FALSE(called);
    // The one place is free again: a call takes it at once.
    auto const start = std::chrono::steady_clock::now();
    auto r = t->send(stats_request(srv));
    INFO(describe(r));
    CHECK(r.has_value());
    CHECK(std::chrono::steady_clock::now() - start < milliseconds(700));
}
