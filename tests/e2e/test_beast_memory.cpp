// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// beast_transport and memory: nothing is kept alive by a name lookup that
// lost the race against the deadline (proved with the transport's shared
// state observed through a weak_ptr, and with LeakSanitizer when the build
// has it).

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <boost/asio/io_context.hpp>

#include <catch2/catch.hpp>

#if defined(__SANITIZE_ADDRESS__)
#define CORTI_E2E_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CORTI_E2E_LSAN 1
#endif
#endif
#ifdef CORTI_E2E_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace admin = corti::admin;
using admin::errc;
using transport_access = admin::detail::beast_transport_access;
using std::chrono::milliseconds;

namespace {

/// A request to a name (not an IP literal): it goes through the resolver.
admin::http_request to_localhost()
{
    admin::http_request r;
    r.method = admin::http_method::post;
    r.host = "localhost";
    r.port = 9; // never reached: the lookup outlasts the deadline
    r.target = "/auth/token";
    r.headers.add("Content-Type", "application/json");
    r.body = "{}";
    return r;
}

admin::beast_transport_options short_deadline()
{
    admin::beast_transport_options o;
    o.timeout = milliseconds(300);
    return o;
}

/// True when LeakSanitizer finds nothing leaked so far (always, without it).
bool no_leaks()
{
#ifdef CORTI_E2E_LSAN
    return __lsan_do_recoverable_leak_check() == 0;
#else
    return true;
#endif
}

} // namespace

TEST_CASE("a deadline during name resolution in send leaves no cycle behind")
{
    std::weak_ptr<admin::detail::beast_shared const> state;
    {
        admin::beast_transport t(short_deadline());
        transport_access::settings(t).resolve_delay = std::chrono::seconds(30); // a DNS server that hangs
        state = transport_access::state(t);
        auto const start = std::chrono::steady_clock::now();
        auto r = t.send(to_localhost());
        auto const took = std::chrono::steady_clock::now() - start;
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::timeout);
        CHECK(r.error().message.find("while resolving localhost:9") != std::string::npos);
        CHECK(took < milliseconds(300 + 1500));
        // The late lookup still waits in the transport's io_context.
        CHECK_FALSE(state.expired());
    }
    // The transport went, and with it its io_context and the late lookup,
    // which held nothing of the call.
    CHECK(state.expired());
    state.reset(); // it points into the state's block: LSan would see it as reachable
    CHECK(no_leaks());
}

TEST_CASE("a deadline during name resolution in async_send: the late lookup holds nothing of the transport")
{
    boost::asio::io_context ioc;
    std::weak_ptr<admin::detail::beast_shared const> state;
    {
        admin::beast_transport t(ioc.get_executor(), short_deadline());
        transport_access::settings(t).resolve_delay = std::chrono::seconds(30);
        state = transport_access::state(t);
        std::optional<admin::result<admin::http_response>> out;
        t.async_send(to_localhost(), [&](admin::result<admin::http_response> r) { out.emplace(std::move(r)); });
        auto const give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while(!out && std::chrono::steady_clock::now() < give_up)
            ioc.run_one_for(milliseconds(10));
        REQUIRE(out.has_value());
        REQUIRE_FALSE(out->has_value());
        CHECK(out->error() == errc::timeout);
    }
    // The lookup is still pending on the caller's io_context, yet the
    // transport's state is gone.
    CHECK(state.expired());
    CHECK_FALSE(ioc.stopped());
}

TEST_CASE("a lookup that wins the race still completes the call")
{
    // The hook delays the lookup, but less than the deadline: the call goes
    // on to connect (and finds nothing listening on port 9).
    admin::beast_transport_options o;
    o.timeout = std::chrono::seconds(5);
    admin::beast_transport t(o);
    transport_access::settings(t).resolve_delay = milliseconds(50);
    auto r = t.send(to_localhost());
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::connection_failed);
    CHECK(r.error().message.find("connecting to localhost:9") != std::string::npos);
}
