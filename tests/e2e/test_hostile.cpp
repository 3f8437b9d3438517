// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The hostile-server matrix: beast_transport against a scripted server
// (hostile_server.hpp) that writes exactly the bytes and timing of each case,
// over loopback TLS (plain TCP where the case is about HTTP framing only when
// said). Every case runs through `send` and through `async_send`, and checks:
// the precise errc (or the response, when the case is accepted), the call's
// deadline kept, no POST sent twice (the server counts request heads and
// connections), and neither the token nor the password in the error.
// tests/e2e/README.md has the matrix as a table.

#include "hostile_server.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <boost/asio/io_context.hpp>

#include <catch2/catch.hpp>

#include <openssl/ssl.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>

using namespace e2e;
namespace admin = corti::admin;
using admin::errc;
using std::chrono::milliseconds;

namespace {

constexpr char const* the_token = "tok-5c1e9a7b3d2f4e60a8b9c0d1e2f3a4b5";
constexpr char const* the_password = "pw-correct-horse-battery-staple-42";

// Short deadlines keep the suite fast; the margin is generous for ASan on a
// shared 2-core machine.
constexpr milliseconds deadline(400);
constexpr milliseconds margin(1500);

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

/// The POST every case sends: a bearer token and a password in the body.
admin::http_request hostile_post(hostile_server const& s)
{
    admin::http_request r;
    r.method = admin::http_method::post;
    r.tls = s.tls();
    r.host = "127.0.0.1";
    r.port = s.port();
    r.target = "/functions/v1/public/projects/consoleproject/customers/contosohospital/users";
    r.headers.add("Authorization", std::string("Bearer ") + the_token);
    r.headers.add("Content-Type", "application/json");
    r.body = std::string(R"({"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace","password":")") +
             the_password + "\"}";
    r.sensitive_body = true;
    return r;
}

admin::beast_transport_options options_for(hostile_server const& s)
{
    admin::beast_transport_options o;
    o.ca_pem = s.ca_pem();
    o.timeout = deadline;
    return o;
}

struct outcome
{
    std::optional<admin::result<admin::http_response>> r;
    milliseconds took{};
};

/// Runs `ioc` until `done()` or `limit` passed (the io_context may also run
/// out of work and stop: then it is restarted, in 10 ms slices).
template<class Done>
void run_until(boost::asio::io_context& ioc, Done done, std::chrono::steady_clock::duration limit)
{
    auto const give_up = std::chrono::steady_clock::now() + limit;
    while(!done() && std::chrono::steady_clock::now() < give_up)
    {
        if(ioc.stopped())
            ioc.restart();
        ioc.run_one_for(milliseconds(10));
    }
}

/** A transport driven through `send` (constructed without an executor) or
    through `async_send` (on an io_context of its own, run here, bounded). */
class session
{
public:
    session(bool async, admin::beast_transport_options const& o) : async_(async), timeout_(o.timeout)
    {
        if(async)
            t_.emplace(ioc_.get_executor(), o);
        else
            t_.emplace(o);
    }

    outcome send(admin::http_request const& req)
    {
        outcome out;
        auto const start = std::chrono::steady_clock::now();
        auto const took = [&] {
            return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
        };
        if(!async_)
            out.r.emplace(t_->send(req));
        else
        {
            t_->async_send(req, [&](admin::result<admin::http_response> r) {
                out.r.emplace(std::move(r));
                out.took = took();
            });
            // Bounded: the deadline, plus the margin, plus some.
            run_until(
                ioc_, [&] { return out.r.has_value(); }, timeout_ + margin + std::chrono::seconds(5));
        }
        if(!async_ || !out.r)
            out.took = took();
        return out;
    }

private:
    bool async_;
    std::chrono::steady_clock::duration timeout_;
    boost::asio::io_context ioc_; // before the transport: destroyed after it
    std::optional<admin::beast_transport> t_;
};

/// One exchange on a transport of its own.
outcome exchange(bool async, admin::beast_transport_options const& o, admin::http_request const& req)
{
    session s(async, o);
    return s.send(req);
}

/// What a case must end with.
struct expect
{
    /// The error; none: the response is accepted.
    std::optional<errc> error;
    /// A part of the error's message.
    std::string message;
    /// Checks of an accepted response.
    std::function<void(admin::http_response const&)> check;
    /// Request heads the server may have read (the POST at most once).
    unsigned requests = 1;
    /// Connections the server may have accepted (a resend needs another).
    unsigned accepts = 1;
};

/// A case that ends with `e` and a message containing `message`; by default
/// the server read the one request on one connection.
expect fails(errc e, std::string message, unsigned requests = 1, unsigned accepts = 1)
{
    expect x;
    x.error = e;
    x.message = std::move(message);
    x.requests = requests;
    x.accepts = accepts;
    return x;
}

/// A case whose response is accepted and passes `check`.
expect accepted(std::function<void(admin::http_response const&)> check)
{
    expect x;
    x.check = std::move(check);
    return x;
}

using make_server = std::function<std::unique_ptr<hostile_server>()>;
/// Changes a case makes to the transport's options or to the request.
using tune_options = std::function<void(admin::beast_transport_options&, admin::http_request&)>;

/// Runs a case through `send` and `async_send`, each against a fresh server.
void run_case(make_server const& make, expect const& x, tune_options const& tune = {})
{
    for(bool const async : {false, true})
    {
        INFO((async ? "async_send" : "send"));
        auto srv = make();
        auto o = options_for(*srv);
        auto req = hostile_post(*srv);
        if(tune)
            tune(o, req);
        auto const out = exchange(async, o, req);
        // Let a resent request (a bug) reach the server, then stop it: the
        // counters are final.
        std::this_thread::sleep_for(milliseconds(50));
        srv->stop();

        REQUIRE(out.r.has_value());
        auto const& r = *out.r;
        INFO("took " << out.took.count() << " ms");
        CHECK(out.took < o.timeout + margin);
        CHECK(srv->requests() <= x.requests);
        CHECK(srv->accepts() <= x.accepts);
        if(x.error)
        {
            REQUIRE_FALSE(r.has_value());
            auto const text = r.error().to_string();
            INFO(text);
            CHECK(r.error() == *x.error);
            CHECK(contains(text, x.message));
            CHECK_FALSE(contains(text, the_token));
            CHECK_FALSE(contains(text, the_password));
        }
        else
        {
            INFO((r ? std::string() : r.error().to_string()));
            REQUIRE(r.has_value());
            if(x.check)
                x.check(*r);
        }
    }
}

/// A server running one script.
make_server serving(hostile_server::script s, hostile_server::options o = {})
{
    return [s = std::move(s), o = std::move(o)] { return std::make_unique<hostile_server>(s, o); };
}

hostile_server::options plain()
{
    hostile_server::options o;
    o.tls = false;
    return o;
}

/// A script that reads the request and writes `bytes`, then closes.
hostile_server::script answer(std::string bytes)
{
    return [bytes = std::move(bytes)](hostile_connection& c) {
        c.read_request();
        c.write(bytes);
        c.pause(milliseconds(100)); // let the client read before the close
        c.close();
    };
}

std::string const ok_json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

} // namespace

// --- The deadline ----------------------------------------------------------

TEST_CASE("hostile: headers trickled one byte per 100 ms past the deadline")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.trickle(ok_json, milliseconds(100)); // about 7 s in all
             }),
             fails(errc::timeout, "deadline of 400 ms exceeded while waiting for the response from 127.0.0.1:"));
}

TEST_CASE("hostile: a body trickled one byte per 100 ms past the deadline")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n");
                 c.trickle(R"({"accessToken":"abcdefghijklmnopqrstu"})", milliseconds(100));
             }),
             fails(errc::timeout, "deadline of 400 ms exceeded while waiting for the response"));
}

TEST_CASE("hostile: a server that never answers the TLS handshake")
{
    auto o = hostile_server::options{};
    o.handshake = false;
    run_case(serving([](hostile_connection& c) { c.pause(milliseconds(1500)); }, o),
             fails(errc::timeout, "deadline of 400 ms exceeded while in the TLS handshake with 127.0.0.1:", 0, 1));
}

TEST_CASE("hostile: a listener whose accept queue is full (connect hangs)")
{
    // Linux drops the SYN while the queue of a listen(0) socket holds one
    // connection: the client's connect never completes.
    namespace net = boost::asio;
    using tcp = net::ip::tcp;
    net::io_context io;
    tcp::acceptor listener(io);
    tcp::endpoint const ep(net::ip::make_address("127.0.0.1"), 0);
    listener.open(ep.protocol());
    listener.bind(ep);
    listener.listen(0);
    auto const port = listener.local_endpoint().port();
    tcp::socket filler(io);
    filler.connect(listener.local_endpoint()); // never accepted
    for(bool const async : {false, true})
    {
        INFO((async ? "async_send" : "send"));
        admin::http_request req;
        req.method = admin::http_method::post;
        req.tls = false;
        req.host = "127.0.0.1";
        req.port = port;
        req.target = "/functions/v1/public/auth/token";
        req.headers.add("Authorization", std::string("Bearer ") + the_token);
        req.body = "{}";
        admin::beast_transport_options o;
        o.timeout = deadline;
        auto const out = exchange(async, o, req);
        REQUIRE(out.r.has_value());
        REQUIRE_FALSE(out.r->has_value());
        auto const text = out.r->error().to_string();
        INFO(text);
        CHECK(out.r->error() == errc::timeout);
        // Elsewhere the kernel may complete the connect: then nobody answers.
        CHECK((contains(text, "exceeded while connecting to 127.0.0.1:") ||
               contains(text, "exceeded while waiting for the response from 127.0.0.1:")));
        CHECK_FALSE(contains(text, the_token));
        CHECK(out.took < deadline + margin);
    }
}

// --- The header section ------------------------------------------------------

TEST_CASE("hostile: endless header lines")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write("HTTP/1.1 200 OK\r\n");
                 c.write_repeated("X-Endless: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n", 200000); // ~12 MB
             }),
             fails(errc::body_too_large, "response header section larger than 16384 bytes"));
}

TEST_CASE("hostile: one header line of 1 MiB")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nX-Big: " + std::string(1024 * 1024, 'a') +
                            "\r\nContent-Length: 2\r\n\r\n{}")),
             fails(errc::body_too_large, "response header section larger than 16384 bytes"));
}

TEST_CASE("hostile: 10,000 headers")
{
    std::string head = "HTTP/1.1 200 OK\r\n";
    for(int i = 0; i < 10000; ++i)
        head += "X-H" + std::to_string(i) + ": v\r\n";
    run_case(serving(answer(head + "Content-Length: 2\r\n\r\n{}")),
             fails(errc::body_too_large, "response header section larger than 16384 bytes"));
}

// --- Framing: Content-Length and chunked -----------------------------------

TEST_CASE("hostile: Content-Length and Transfer-Encoding: chunked together")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")),
             fails(errc::invalid_response, "not an HTTP response from 127.0.0.1:"));
}

TEST_CASE("hostile: two different Content-Lengths")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                            "Content-Length: 3\r\n\r\n{}  ")),
             fails(errc::invalid_response, "not an HTTP response"));
}

TEST_CASE("hostile: a negative Content-Length")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: -2\r\n\r\n{}")),
             fails(errc::invalid_response, "not an HTTP response"));
}

TEST_CASE("hostile: a Content-Length of 2^64")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 18446744073709551616\r\n\r\n{}")),
             fails(errc::invalid_response, "not an HTTP response"));
}

TEST_CASE("hostile: a Content-Length of 2^64 - 1")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 18446744073709551615\r\n\r\n{}")),
             fails(errc::body_too_large, "response body larger than 1048576 bytes"));
}

TEST_CASE("hostile: a chunk size of ffffffffffffffff")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "ffffffffffffffff\r\n{}\r\n0\r\n\r\n")),
             fails(errc::body_too_large, "response body larger than 1048576 bytes"));
}

TEST_CASE("hostile: a chunk size of 17 hex digits")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "10000000000000000\r\n{}\r\n0\r\n\r\n")),
             fails(errc::invalid_response, "not an HTTP response"));
}

TEST_CASE("hostile: a chunk extension and trailers are accepted")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                            "Trailer: X-Checksum\r\n\r\n"
                            "5;name=value;quoted=\"a;b\"\r\n{\"a\":\r\n"
                            "4\r\n\"b\"}\r\n"
                            "0;last\r\nX-Checksum: 1234\r\n\r\n")),
             accepted([](admin::http_response const& r) {
                 CHECK(r.status == 200);
                 CHECK(r.body == R"({"a":"b"})");
             }));
}

TEST_CASE("hostile: a chunked body without the last chunk, then a close")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "2\r\n{}\r\n");
                 c.pause(milliseconds(100));
                 c.close();
             }),
             fails(errc::truncated_response, "response cut short by 127.0.0.1:"));
}

TEST_CASE("hostile: a chunked body without the last chunk, the connection left open")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "2\r\n{}\r\n");
                 c.pause(milliseconds(1500));
             }),
             fails(errc::timeout, "deadline of 400 ms exceeded while waiting for the response"));
}

TEST_CASE("hostile: an answer that is not HTTP")
{
    run_case(serving(answer("SSH-2.0-OpenSSH_9.2p1\r\n")), fails(errc::invalid_response, "not an HTTP response"));
}

TEST_CASE("hostile: a NUL in a header value")
{
    using namespace std::string_literals;
    run_case(serving(answer("HTTP/1.1 200 OK\r\nX-A: a\0b\r\nContent-Length: 2\r\n\r\n{}"s)),
             fails(errc::invalid_response, "not an HTTP response"));
}

// --- A body delimited by the end of the connection -------------------------

TEST_CASE("hostile: an HTTP/1.0 answer without Content-Length, read to the close")
{
    auto const body = std::string(R"({"a":")") + std::string(3000, 'x') + "\"}";
    auto const check = [body](admin::http_response const& r) {
        CHECK(r.status == 200);
        CHECK(r.body == body);
    };
    SECTION("TLS, ended with close_notify")
    {
        run_case(serving([body](hostile_connection& c) {
                     c.read_request();
                     c.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + body);
                     c.tls_close();
                 }),
                 accepted(check));
    }
    SECTION("plain TCP, ended with a FIN")
    {
        run_case(serving(
                     [body](hostile_connection& c) {
                         c.read_request();
                         c.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + body);
                         c.close();
                     },
                     plain()),
                 accepted(check));
    }
}

TEST_CASE("hostile: an HTTP/1.0 answer cut by a TCP close without close_notify is truncated")
{
    // Without close_notify a cut by an attacker cannot be told from the end.
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"a\":1}");
                 c.pause(milliseconds(100));
                 c.close();
             }),
             fails(errc::truncated_response, "response cut short"));
}

TEST_CASE("hostile: an HTTP/1.0 answer to the close over the body limit")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n");
                 c.write_repeated(std::string(1024, ' '), 2048); // 2 MiB
                 c.tls_close();
             }),
             fails(errc::body_too_large, "response body larger than 1048576 bytes"));
}

// --- Interim answers and early answers -------------------------------------

TEST_CASE("hostile: 100 Continue, then the real answer")
{
    run_case(serving(answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\nX-A: b\r\n\r\n" + ok_json)),
             accepted([](admin::http_response const& r) {
                 CHECK(r.status == 200);
                 CHECK(r.body == "{}");
             }));
}

TEST_CASE("hostile: an answer sent before the request body was read")
{
    SECTION("a small body: accepted")
    {
        run_case(serving([](hostile_connection& c) {
                     auto const head = c.read_head();
                     c.write(
                         "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                     c.read_body(head);
                     c.pause(milliseconds(100));
                     c.close();
                 }),
                 accepted([](admin::http_response const& r) { CHECK(r.status == 401); }));
    }
    SECTION("a body too large for the socket buffers, and a reset: connection_failed")
    {
        // The transport writes the whole request before it reads: the
        // server's early 413 is lost with the reset.
        auto const big = [](admin::http_request& r) { r.body.assign(32 * 1024 * 1024, ' '); };
        for(bool const async : {false, true})
        {
            INFO((async ? "async_send" : "send"));
            hostile_server srv([](hostile_connection& c) {
                c.read_head();
                c.write("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                c.reset();
            });
            auto req = hostile_post(srv);
            big(req);
            auto o = options_for(srv);
            o.timeout = std::chrono::seconds(5);
            auto const out = exchange(async, o, req);
            srv.stop();
            REQUIRE(out.r.has_value());
            REQUIRE_FALSE(out.r->has_value());
            INFO(out.r->error().to_string());
            CHECK(out.r->error() == errc::connection_failed);
            CHECK(contains(out.r->error().message, "sending the request to 127.0.0.1:"));
            CHECK(out.took < o.timeout);
            CHECK(srv.requests() == 1);
            CHECK(srv.accepts() == 1);
        }
    }
}

TEST_CASE("hostile: endless 100 Continue")
{
    run_case(serving([](hostile_connection& c) {
                 c.read_request();
                 c.write_repeated("HTTP/1.1 100 Continue\r\n\r\n", 100000);
             }),
             fails(errc::unexpected_status, "more than 8 interim (1xx) responses from 127.0.0.1:"));
}

// --- A kept-alive connection closed under the next request ------------------

TEST_CASE("hostile: a kept-alive connection closed after the server read the next request")
{
    SECTION("a POST is not sent again")
    {
        for(bool const async : {false, true})
        {
            INFO((async ? "async_send" : "send"));
            hostile_server srv([](hostile_connection& c) {
                c.read_request();
                c.write(ok_json);
                c.read_request();
                c.close(); // no answer, no close_notify
            });
            session client(async, options_for(srv));
            auto const req = hostile_post(srv);
            auto const first = client.send(req);
            REQUIRE(first.r.has_value());
            REQUIRE(first.r->has_value());
            auto const second = client.send(req);
            std::this_thread::sleep_for(milliseconds(50));
            srv.stop();
            REQUIRE(second.r.has_value());
            REQUIRE_FALSE(second.r->has_value());
            auto const text = second.r->error().to_string();
            INFO(text);
            CHECK(second.r->error() == errc::truncated_response);
            CHECK(contains(text, "connection closed before any response byte from 127.0.0.1:"));
            CHECK_FALSE(contains(text, the_token));
            CHECK(second.took < deadline + margin);
            CHECK(srv.requests() == 2);
            CHECK(srv.accepts() == 1);
        }
    }
    SECTION("a GET is sent again once, on a new connection")
    {
        for(bool const async : {false, true})
        {
            INFO((async ? "async_send" : "send"));
            hostile_server srv({[](hostile_connection& c) {
                                    c.read_request();
                                    c.write(ok_json);
                                    c.read_request();
                                    c.close();
                                },
                                [](hostile_connection& c) {
                                    c.read_request();
                                    c.write(ok_json);
                                    c.pause(milliseconds(100));
                                }});
            session client(async, options_for(srv));
            auto req = hostile_post(srv);
            req.method = admin::http_method::get;
            req.body.clear();
            REQUIRE(client.send(req).r->has_value());
            auto const second = client.send(req);
            srv.stop();
            REQUIRE(second.r.has_value());
            INFO((*second.r ? std::string() : second.r->error().to_string()));
            REQUIRE(second.r->has_value());
            CHECK((*second.r)->body == "{}");
            CHECK(srv.requests() == 3);
            CHECK(srv.accepts() == 2);
        }
    }
}

// --- Statuses without a body -----------------------------------------------

TEST_CASE("hostile: a 204 or 304 carrying a body")
{
    // The bytes after the header are not a body (RFC 9112 6.3): the response
    // has none, and the connection that holds them is not used again (they
    // would be read as the next response).
    for(int const status : {204, 304})
    {
        INFO(status);
        for(bool const async : {false, true})
        {
            INFO((async ? "async_send" : "send"));
            std::string const reason = status == 204 ? " No Content" : " Not Modified";
            std::string const junk = "HTTP/1.1 " + std::to_string(status) + reason +
                                     "\r\nContent-Length: 25\r\n\r\nHTTP/1.1 200 OK\r\n\r\nhello";
            hostile_server srv({[junk](hostile_connection& c) {
                                    c.read_request();
                                    c.write(junk);
                                    c.read_request(); // a second request on this connection: a bug
                                    c.write(ok_json);
                                    c.pause(milliseconds(100));
                                },
                                [](hostile_connection& c) {
                                    c.read_request();
                                    c.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
                                    c.pause(milliseconds(100));
                                }},
                               plain());
            auto o = options_for(srv);
            o.timeout = std::chrono::seconds(2); // the server serves the connections one after the other
            session client(async, o);
            auto const req = hostile_post(srv);
            auto send = [&] {
                auto out = client.send(req);
                REQUIRE(out.r.has_value());
                return std::move(*out.r);
            };
            auto first = send();
            INFO((first ? std::string() : first.error().to_string()));
            REQUIRE(first.has_value());
            CHECK(first->status == unsigned(status));
            CHECK(first->body.empty());
            auto const parsed = admin::parse_delete_user_response(*first, admin::config{});
            if(status == 204)
                CHECK(parsed.has_value());
            else
                CHECK(parsed.error() == errc::redirect_not_followed);
            auto second = send();
            INFO((second ? std::string() : second.error().to_string()));
            REQUIRE(second.has_value());
            CHECK(second->status == 202); // from the second connection, not the junk
            srv.stop();
            CHECK(srv.accepts() == 2);
            CHECK(srv.requests() == 2);
        }
    }
}

// --- Content-Type ------------------------------------------------------------

TEST_CASE("hostile: a Content-Type with odd parameters and casing is accepted by the parsers")
{
    run_case(serving(answer("HTTP/1.1 200 OK\r\nContent-Type: Application/JSON ; charset=\"utf-8\"\r\n"
                            "Content-Length: 71\r\n\r\n"
                            R"({"accessToken":"abcdefghijklmnop","tokenType":"Bearer","expiresIn":300})")),
             accepted([](admin::http_response const& r) {
                 auto const tok = admin::parse_fetch_token_response(r, admin::config{});
                 INFO((tok ? std::string() : tok.error().to_string()));
                 REQUIRE(tok.has_value());
                 CHECK(tok->token.reveal() == "abcdefghijklmnop");
             }));
}

// --- TLS ---------------------------------------------------------------------

TEST_CASE("hostile: an expired certificate")
{
    auto o = hostile_server::options{};
    o.validity = {-2 * 24 * 3600, -24 * 3600};
    run_case(
        serving([](hostile_connection&) {}, o),
        fails(errc::connection_failed, "certificate verify failed (SSL routines) (certificate has expired)", 0, 1));
}

TEST_CASE("hostile: a certificate for another name")
{
    auto o = hostile_server::options{};
    o.cert_hosts = {"elsewhere.example"};
    run_case(serving([](hostile_connection&) {}, o), fails(errc::connection_failed, "(hostname mismatch)", 0, 1));
}

TEST_CASE("hostile: a server offering only TLS 1.0 and 1.1")
{
    auto o = hostile_server::options{};
    o.tune = [](boost::asio::ssl::context& ctx) {
        SSL_CTX_set_security_level(ctx.native_handle(), 0); // TLS < 1.2 needs SHA-1
        SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_VERSION);
        SSL_CTX_set_max_proto_version(ctx.native_handle(), TLS1_1_VERSION);
    };
    run_case(serving([](hostile_connection&) {}, o),
             fails(errc::connection_failed, "in the TLS handshake with 127.0.0.1:", 0, 1));
}

TEST_CASE("hostile: a reset during the TLS handshake")
{
    auto o = hostile_server::options{};
    o.handshake = false;
    run_case(serving(
                 [](hostile_connection& c) {
                     c.read_raw(5); // the start of the ClientHello
                     c.reset();
                 },
                 o),
             fails(errc::connection_failed, "in the TLS handshake with 127.0.0.1:", 0, 1));
}

TEST_CASE("hostile: a plain HTTP server where TLS was expected")
{
    auto o = plain();
    run_case(serving(
                 [](hostile_connection& c) {
                     c.read_raw(512);
                     c.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                     c.close();
                 },
                 o),
             fails(errc::connection_failed, "in the TLS handshake with 127.0.0.1:", 0, 1),
             [](admin::beast_transport_options& o, admin::http_request& r) {
                 r.tls = true;
                 o.timeout = std::chrono::seconds(2); // not about the deadline
             });
}
