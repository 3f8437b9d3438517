// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// beast_transport and memory:
// - nothing is kept alive by a name lookup that lost the race against the
//   deadline (proved with the transport's shared state observed through a
//   weak_ptr, and with LeakSanitizer when the build has it);
// - no heap block that held a token or a password is freed unwiped by the
//   transport: this executable replaces the global operator new and delete,
//   and while a check runs, every block freed on the test's thread is
//   searched for the secrets just before it goes back to malloc (never
//   after: no freed memory is read). The scripted server runs on its own
//   thread, which is not checked.

#include "hostile_server.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <boost/asio/io_context.hpp>

#include <catch2/catch.hpp>

#include "../support/heap_hooks.hpp"

#include <openssl/ssl.h>

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
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// ---------------------------------------------------------------------------
// The checking allocator. Each block carries its size in a header.

namespace {

/// The secrets to look for; set before a check starts.
std::string_view secrets[3];
/// On while a check runs on this thread.
thread_local bool checking = false;
/// Blocks freed during the check that held a secret.
thread_local unsigned unwiped_frees = 0;

} // namespace

void corti_test::on_allocate(std::size_t) noexcept {}

void corti_test::on_free(unsigned char const* block, std::size_t n) noexcept
{
    if(!checking)
        return;
    std::string_view const bytes(reinterpret_cast<char const*>(block), n);
    for(auto const secret : secrets)
        if(!secret.empty() && bytes.find(secret) != std::string_view::npos)
            ++unwiped_frees;
}

namespace {

/// Runs `f` with the check on; returns how many blocks were freed holding a secret.
template<class F>
unsigned frees_holding_a_secret(F&& f)
{
    unwiped_frees = 0;
    checking = true;
    f();
    checking = false;
    return unwiped_frees;
}

} // namespace

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

// ---------------------------------------------------------------------------
// Wiping

namespace {

constexpr char const* request_token = "req-tok-2b7d9e41c6a85f03e1d2c4b6a8f09e7d";
constexpr char const* response_token = "resp-tok-8e3f1a6c9b2d4e7f0a1b2c3d4e5f6a7b";
constexpr char const* password = "pw-Tr0ub4dor-and-3-more-words";

// Long enough after the token that a body growing in small steps moves the
// whole token to a bigger block at least once.
std::string const token_body = std::string(R"({"accessToken":")") + response_token +
                               R"(","tokenType":"bearer","expiresIn":3600,"note":")" + std::string(300, 'n') + "\"}";

void look_for_the_secrets()
{
    secrets[0] = request_token;
    secrets[1] = response_token;
    secrets[2] = password;
}

/// A request that holds a bearer token and a password.
admin::http_request secret_request(e2e::hostile_server const& s)
{
    admin::http_request r;
    r.method = admin::http_method::post;
    r.tls = s.tls();
    r.host = "127.0.0.1";
    r.port = s.port();
    r.target = "/functions/v1/public/auth/token";
    r.headers.add("Authorization", std::string("Bearer ") + request_token);
    r.headers.add("Content-Type", "application/json");
    r.body = std::string(R"({"email":"admin@example.com","password":")") + password + "\"}";
    r.sensitive_body = true;
    return r;
}

/// Sends `req` on a transport of its own, which is destroyed (with its
/// kept-alive connection, and for async its io_context) before returning.
admin::result<admin::http_response> send_once(bool async, admin::beast_transport_options const& o,
                                              admin::http_request const& req)
{
    std::optional<admin::result<admin::http_response>> out;
    if(!async)
    {
        admin::beast_transport t(o);
        out.emplace(t.send(req));
    }
    else
    {
        boost::asio::io_context ioc;
        admin::beast_transport t(ioc.get_executor(), o);
        t.async_send(req, [&](admin::result<admin::http_response> r) { out.emplace(std::move(r)); });
        auto const give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while(!out && std::chrono::steady_clock::now() < give_up)
            ioc.run_one_for(milliseconds(10));
    }
    if(!out)
        return admin::error(errc::timeout, "the test gave up");
    return std::move(*out);
}

struct wipe_case
{
    char const* name;
    e2e::hostile_server::script script;
    std::size_t max_body_size = 1024 * 1024;
    std::optional<errc> error; // none: the token answer arrives whole
};

std::vector<wipe_case> wipe_cases()
{
    using e2e::hostile_connection;
    std::vector<wipe_case> v;
    v.push_back({"Content-Length",
                 [](hostile_connection& c) {
                     c.read_request();
                     c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                             std::to_string(token_body.size()) + "\r\n\r\n" + token_body);
                     c.read_request(); // keeps the connection: the transport parks it
                 },
                 1024 * 1024, std::nullopt});
    v.push_back({"chunked, in 8-byte chunks (the body grows)",
                 [](hostile_connection& c) {
                     c.read_request();
                     std::string out =
                         "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                     for(std::size_t i = 0; i < token_body.size(); i += 8)
                     {
                         auto const piece = token_body.substr(i, 8);
                         out += "8\r\n";
                         out[out.size() - 3] = "0123456789abcdef"[piece.size()];
                         out += piece + "\r\n";
                     }
                     out += "0\r\n\r\n";
                     c.write(out);
                     c.read_request();
                 },
                 1024 * 1024, std::nullopt});
    v.push_back({"HTTP/1.0, to the close",
                 [](hostile_connection& c) {
                     c.read_request();
                     c.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + token_body);
                     c.tls_close();
                 },
                 1024 * 1024, std::nullopt});
    v.push_back({"the body limit hit after the token",
                 [](hostile_connection& c) {
                     c.read_request();
                     c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                             [] {
                                 char size[16];
                                 std::snprintf(size, sizeof size, "%zx", token_body.size());
                                 return std::string(size);
                             }() +
                             "\r\n" + token_body + "\r\n400\r\n" + std::string(1024, ' ') + "\r\n0\r\n\r\n");
                     c.read_request();
                 },
                 256, errc::body_too_large});
    v.push_back({"the deadline hit after the token",
                 [](hostile_connection& c) {
                     c.read_request();
                     c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n" +
                             token_body);
                     c.pause(milliseconds(1500));
                 },
                 1024 * 1024, errc::timeout});
    return v;
}

/// Keeps the optimizer from eliding the string's new/delete pair.
void escape(std::string const& s) { __asm__ __volatile__("" : : "r"(s.data()) : "memory"); }

} // namespace

TEST_CASE("the wipe check sees a secret freed as it is")
{
    look_for_the_secrets();
    CHECK(frees_holding_a_secret([] {
              std::string s(response_token);
              escape(s);
          }) == 1);
    CHECK(frees_holding_a_secret([] {
              std::string s(response_token);
              escape(s);
              admin::detail::secure_wipe(s);
          }) == 0);
}

TEST_CASE("beast_transport wipes the token answer and the request before it frees them")
{
    look_for_the_secrets();
    for(auto const& wc : wipe_cases())
        for(bool const tls : {true, false})
            for(bool const async : {false, true})
            {
                INFO(wc.name << (tls ? ", TLS" : ", plain") << (async ? ", async_send" : ", send"));
                e2e::hostile_server::options so;
                so.tls = tls;
                e2e::hostile_server srv(wc.script, so);
                admin::beast_transport_options o;
                o.ca_pem = srv.ca_pem();
                o.timeout = milliseconds(wc.error == errc::timeout ? 400 : 5000);
                o.max_body_size = wc.max_body_size;
                auto const req = secret_request(srv);                   // outlives the check
                std::optional<admin::result<admin::http_response>> out; // so does the answer
                auto const unwiped = frees_holding_a_secret([&] { out.emplace(send_once(async, o, req)); });
                srv.stop();
                REQUIRE(out.has_value());
                if(wc.error)
                {
                    REQUIRE_FALSE(out->has_value());
                    CHECK(out->error() == *wc.error);
                }
                else
                {
                    REQUIRE(out->has_value());
                    CHECK((*out)->body == token_body);
                }
                CHECK(unwiped == 0);
            }
}

TEST_CASE("beast_transport asks OpenSSL to wipe received plaintext")
{
    // OpenSSL keeps decrypted records (a token) in its buffers otherwise.
    boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_client);
    REQUIRE(admin::detail::configure_tls_context(ctx, false, {}, {}).has_value());
#ifdef SSL_OP_CLEANSE_PLAINTEXT
    CHECK((SSL_CTX_get_options(ctx.native_handle()) & SSL_OP_CLEANSE_PLAINTEXT) != 0);
#endif
}
