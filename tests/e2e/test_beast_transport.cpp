// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// beast_transport and client<beast_transport>, synchronous, against the real
// local server over loopback TLS.

#include "support.hpp"

#include <chrono>
#include <thread>

using namespace e2e;
using admin::errc;

namespace {

using beast_client = admin::client<admin::beast_transport>;

beast_client make_client(local_server const& srv, admin::secret token, admin::beast_transport_options o)
{
    return beast_client(admin::beast_transport(o), srv.config(), std::move(token));
}

beast_client make_client(local_server const& srv, admin::secret token)
{
    return make_client(srv, std::move(token), trusting(srv));
}

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("beast_transport creates a user over TLS")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    auto u = make_user("create");
    u.password = admin::secret("correct-horse-battery-staple");

    auto r = c.create_user(project, customer, u);
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    CHECK(r->email == u.email);
    CHECK(r->first_name == "Ada");
    CHECK(r->last_name == "Lovelace");
    CHECK(r->enabled);
    CHECK(r->id.has_value());
    CHECK(r->created_at.has_value());
    CHECK(ctl.stats().posts == 2); // the token and the user
}

TEST_CASE("beast_transport accepts 200 as well as 201 for a create")
{
    local_server srv({"--create-status", "200"});
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    auto const req = admin::make_create_user_request(srv.config(), ctl.token(), project, customer, make_user("s200"));
    REQUIRE(req.has_value());
    auto raw = c.get_transport().send(*req);
    REQUIRE(raw.has_value());
    CHECK(raw->status == 200);
    CHECK(admin::parse_create_user_response(*raw).has_value());
    CHECK(c.create_user(project, customer, make_user("s200")).has_value());
}

TEST_CASE("beast_transport verifies an IP literal against the certificate's IP SAN")
{
    local_server srv; // SANs: DNS:localhost, IP:127.0.0.1
    control ctl(srv);
    beast_client c(admin::beast_transport(trusting(srv)), srv.config("127.0.0.1"), ctl.token());
    auto r = c.create_user(project, customer, make_user("ip"));
    INFO((r ? std::string() : r.error().to_string()));
    CHECK(r.has_value());
}

TEST_CASE("beast_transport talks to an IPv6 literal, verified against its IP SAN")
{
    local_server srv({"--bind", "::1", "--cert-host", "::1"});
    admin::beast_transport t(trusting(srv));
    auto const ep = admin::parse_base_url("https://[::1]:" + std::to_string(srv.port()) + "/functions/v1/public");
    REQUIRE(ep.has_value());
    admin::config cfg;
    cfg.endpoint = *ep;
    admin::http_request req;
    req.host = "::1"; // no Host header: the transport adds "[::1]:port"
    req.port = srv.port();
    req.target = "/_test/stats";
    auto r = t.send(req);
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    CHECK(r->status == 200);

    // Through the core's builders, which bracket the Host header themselves.
    auto const tok_req = admin::make_fetch_token_request(cfg, "admin@example.com", admin::secret("local-dev-password"));
    REQUIRE(tok_req.has_value());
    auto tok_resp = t.send(*tok_req);
    REQUIRE(tok_resp.has_value());
    auto tok = admin::parse_fetch_token_response(*tok_resp, cfg);
    REQUIRE(tok.has_value());
    admin::client<admin::beast_transport&> c(t, cfg, tok->token);
    auto u = c.create_user(project, customer, make_user("ipv6"));
    INFO((u ? std::string() : u.error().to_string()));
    CHECK(u.has_value());
}

TEST_CASE("beast_transport rejects a certificate for another host name")
{
    local_server srv({"--cert-host", "not-this-host.example"});
    auto o = trusting(srv);
    admin::beast_transport t(o);
    auto const req = raw_request(srv, admin::http_method::get, "/_test/stats");
    auto r = t.send(req);
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::connection_failed);
    CHECK(contains(r.error().message, "certificate verify failed"));
    CHECK(contains(r.error().message, "hostname mismatch"));
    CHECK(contains(r.error().message, "localhost:" + std::to_string(srv.port())));

    SECTION("also when the host is an IP literal")
    {
        auto ip = req;
        ip.host = "127.0.0.1";
        auto r2 = t.send(ip);
        REQUIRE_FALSE(r2.has_value());
        CHECK(r2.error() == errc::connection_failed);
        CHECK(contains(r2.error().message, "certificate verify failed"));
    }
}

TEST_CASE("beast_transport rejects a server whose CA it does not trust")
{
    local_server a;
    local_server b;
    auto const req = raw_request(a, admin::http_method::get, "/_test/stats");

    SECTION("trusting another server's CA")
    {
        admin::beast_transport t(trusting(b));
        auto r = t.send(req);
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::connection_failed);
        CHECK(contains(r.error().message, "certificate verify failed"));
    }
    SECTION("trusting only the system's default CAs")
    {
        admin::beast_transport t; // no CA given: the system store
        auto r = t.send(req);
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::connection_failed);
        CHECK(contains(r.error().message, "certificate verify failed"));
    }
    SECTION("the CA as PEM text works")
    {
        admin::beast_transport_options o;
        o.ca_pem = a.ca_pem();
        admin::beast_transport t(o);
        auto r = t.send(req);
        INFO((r ? std::string() : r.error().to_string()));
        CHECK(r.has_value());
    }
    SECTION("a CA file that does not exist is reported by every call")
    {
        admin::beast_transport_options o;
        o.ca_file = "/nonexistent/ca.pem";
        admin::beast_transport t(o);
        for(int i = 0; i < 2; ++i)
        {
            auto r = t.send(req);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error() == errc::connection_failed);
            CHECK(contains(r.error().message, "/nonexistent/ca.pem"));
        }
    }
}

TEST_CASE("beast_transport reports the deadline")
{
    local_server srv;
    control ctl(srv);
    auto o = trusting(srv);
    o.timeout = std::chrono::milliseconds(300);
    auto c = make_client(srv, ctl.token(), o);
    ctl.arm(R"({"kind":"delay","ms":3000})");

    auto const start = std::chrono::steady_clock::now();
    auto r = c.create_user(project, customer, make_user("slow"));
    auto const took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::timeout);
    CHECK(contains(r.error().message, "300 ms"));
    CHECK(took < std::chrono::milliseconds(2000));

    // The next call works on a new connection.
    auto again = c.create_user(project, customer, make_user("after-slow"));
    INFO((again ? std::string() : again.error().to_string()));
    CHECK(again.has_value());
}

TEST_CASE("beast_transport reports a connection refused")
{
    std::uint16_t port = 0;
    {
        local_server gone;
        port = gone.port();
    }
    admin::http_request req;
    req.host = "127.0.0.1";
    req.port = port;
    req.target = "/";
    admin::beast_transport t;
    auto r = t.send(req);
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::connection_failed);
    CHECK(contains(r.error().message, "connecting to 127.0.0.1:"));
}

TEST_CASE("beast_transport reports a body cut short, and does not resend the POST")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    ctl.reset();
    ctl.arm(R"({"kind":"close_mid_body"})");
    auto r = c.create_user(project, customer, make_user("cut"));
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::truncated_response);
    CHECK(ctl.stats().posts == 1);
}

TEST_CASE("beast_transport enforces the body limit")
{
    local_server srv;
    control ctl(srv);
    auto o = trusting(srv);
    o.max_body_size = 4096;
    auto c = make_client(srv, ctl.token(), o);

    SECTION("announced by Content-Length")
    {
        ctl.arm(R"({"kind":"oversized_body","bytes":100000})");
        auto r = c.create_user(project, customer, make_user("big"));
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::body_too_large);
        CHECK(contains(r.error().message, "4096"));
    }
    SECTION("a chunked body within the limit still parses")
    {
        ctl.arm(R"({"kind":"chunked"})");
        CHECK(c.create_user(project, customer, make_user("chunked-small")).has_value());
    }
    SECTION("an error body over the limit")
    {
        ctl.arm(R"({"kind":"status","status":500,"body":")" + std::string(5000, 'x') + R"("})");
        auto r = c.create_user(project, customer, make_user("big-error"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::body_too_large);
    }
}

TEST_CASE("beast_transport enforces the header limit")
{
    local_server srv;
    control ctl(srv);
    auto o = trusting(srv);
    o.max_header_size = 512;
    auto c = make_client(srv, ctl.token(), o);
    // The injected Retry-After value makes the header section about 1 KB.
    ctl.arm(R"({"kind":"status","status":503,"retry_after":")" + std::string(1000, '1') + R"("})");
    auto r = c.create_user(project, customer, make_user("big-header"));
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::body_too_large);
    CHECK(contains(r.error().message, "header"));
}

TEST_CASE("beast_transport returns a redirect, which the client does not follow")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    ctl.reset();
    ctl.arm(R"({"kind":"redirect"})");
    auto r = c.create_user(project, customer, make_user("redirect"));
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error() == errc::redirect_not_followed);
    CHECK(r.error().http_status == 307);
    CHECK(contains(r.error().message, "https://example.invalid/elsewhere"));
    CHECK(ctl.stats().posts == 1);
}

TEST_CASE("beast_transport surfaces API errors with status and message")
{
    local_server srv;
    control ctl(srv);
    auto const token = ctl.token();
    auto c = make_client(srv, token);

    SECTION("401 for a bad token")
    {
        auto bad = make_client(srv, admin::secret("not-a-valid-token"));
        auto r = bad.create_user(project, customer, make_user("401"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::api_error);
        CHECK(r.error().http_status == 401);
        CHECK(r.error().server_message() == "missing or invalid bearer token");
        CHECK_FALSE(contains(r.error().to_string(), "not-a-valid-token"));
    }
    SECTION("404 for an unknown project")
    {
        auto r = c.create_user("no-such-project", customer, make_user("404"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::api_error);
        CHECK(r.error().http_status == 404);
        CHECK(r.error().server_message() == "project not found");
    }
    SECTION("409 for a duplicate email")
    {
        auto const u = make_user("dup");
        REQUIRE(c.create_user(project, customer, u).has_value());
        auto r = c.create_user(project, customer, u);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::api_error);
        CHECK(r.error().http_status == 409);
        CHECK(r.error().server_message() == "a user with this email already exists in the customer");
    }
    SECTION("429 with Retry-After")
    {
        ctl.arm(R"({"kind":"status","status":429,"retry_after":"7"})");
        auto const req = admin::make_create_user_request(srv.config(), token, project, customer, make_user("429"));
        auto raw = c.get_transport().send(*req);
        REQUIRE(raw.has_value());
        CHECK(raw->status == 429);
        CHECK(raw->headers.find("Retry-After") == "7");
        auto r = admin::parse_create_user_response(*raw);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::api_error);
        CHECK(r.error().http_status == 429);
        CHECK(r.error().server_message() == "injected status 429");
    }
    SECTION("503")
    {
        ctl.arm(R"({"kind":"status","status":503})");
        auto r = c.create_user(project, customer, make_user("503"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::api_error);
        CHECK(r.error().http_status == 503);
        CHECK(r.error().server_message() == "injected status 503");
    }
    // Every error response kept the connection: one accept for all of them.
}

TEST_CASE("beast_transport makes ten sequential calls over one connection")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    ctl.reset(); // the control connection is already counted, then zeroed
    for(int i = 0; i < 10; ++i)
    {
        auto r = c.create_user(project, customer, make_user("seq"));
        INFO(i << ": " << (r ? std::string() : r.error().to_string()));
        REQUIRE(r.has_value());
    }
    auto const s = ctl.stats();
    CHECK(s.accepts == 1);
    CHECK(s.posts == 10);
}

TEST_CASE("beast_transport reconnects a stale idle connection without sending the POST twice")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    ctl.reset();
    ctl.arm(R"({"kind":"close_after_response"})");
    REQUIRE(c.create_user(project, customer, make_user("before-close")).has_value());
    // The server closes the connection after that answer; let the close arrive.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto r = c.create_user(project, customer, make_user("after-close"));
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    auto const s = ctl.stats();
    CHECK(s.posts == 2);
    CHECK(s.accepts == 2);
}

TEST_CASE("beast_transport does not reuse a connection idle for longer than max_idle")
{
    local_server srv;
    control ctl(srv);
    auto o = trusting(srv);
    o.max_idle = std::chrono::milliseconds(50);
    auto c = make_client(srv, ctl.token(), o);
    ctl.reset();
    REQUIRE(c.create_user(project, customer, make_user("idle-1")).has_value());
    REQUIRE(c.create_user(project, customer, make_user("idle-2")).has_value()); // at once: reused
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    REQUIRE(c.create_user(project, customer, make_user("idle-3")).has_value()); // too old: new one
    auto const s = ctl.stats();
    CHECK(s.accepts == 2);
    CHECK(s.posts == 3);
}

TEST_CASE("beast_transport opens a new connection for another host, port or scheme")
{
    local_server a;
    local_server b({"--plain"});
    control ca(a);
    admin::beast_transport cb_transport; // plain: no CA needed
    ca.reset();
    REQUIRE(cb_transport.send(raw_request(b, admin::http_method::post, "/_test/reset", "{}")).has_value());
    admin::beast_transport t(trusting(a));
    for(int i = 0; i < 2; ++i)
    {
        REQUIRE(t.send(raw_request(a, admin::http_method::get, "/_test/stats")).has_value());
        REQUIRE(t.send(raw_request(b, admin::http_method::get, "/_test/stats")).has_value());
    }
    // The pool keeps an idle connection per (scheme, host, port): one each.
    CHECK(ca.stats().accepts == 1);
    auto const sb = cb_transport.send(raw_request(b, admin::http_method::get, "/_test/stats"));
    REQUIRE(sb.has_value());
    CHECK(boost::json::parse(sb->body).at("accepts").to_number<int>() == 1);
}

TEST_CASE("beast_transport de-chunks a chunked response")
{
    local_server srv;
    control ctl(srv);
    auto const token = ctl.token();
    admin::beast_transport t(trusting(srv));
    ctl.arm(R"({"kind":"chunked"})");
    auto const u = make_user("chunked");
    auto const req = admin::make_create_user_request(srv.config(), token, project, customer, u);
    auto raw = t.send(*req);
    REQUIRE(raw.has_value());
    CHECK(raw->headers.find("Transfer-Encoding") == "chunked");
    auto parsed = admin::parse_create_user_response(*raw);
    INFO((parsed ? std::string() : parsed.error().to_string()));
    REQUIRE(parsed.has_value());
    CHECK(parsed->email == u.email);
    // The connection survives a chunked response.
    CHECK(t.send(raw_request(srv, admin::http_method::get, "/_test/stats")).has_value());
}

TEST_CASE("beast_transport returns the content type for the parser to reject")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv, ctl.token());
    ctl.arm(R"({"kind":"wrong_content_type"})");
    auto r = c.create_user(project, customer, make_user("ctype"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::bad_content_type);
    CHECK(contains(r.error().message, "text/html"));
}

TEST_CASE("beast_transport speaks plain HTTP to loopback when the config allows it")
{
    local_server srv({"--plain"});
    auto ep = admin::parse_base_url("http://127.0.0.1:" + std::to_string(srv.port()) + "/functions/v1/public",
                                    admin::scheme_policy::allow_http_on_loopback);
    REQUIRE(ep.has_value());
    admin::config cfg;
    cfg.endpoint = *ep;
    admin::beast_transport t;
    auto tok = t.send(raw_request(srv, admin::http_method::post, "/functions/v1/public/auth/token",
                                  R"({"email":"admin@example.com","password":"local-dev-password"})"));
    REQUIRE(tok.has_value());
    REQUIRE(tok->status == 200);
    auto const v = boost::json::parse(tok->body);
    admin::client<admin::beast_transport&> c(t, cfg, admin::secret(std::string(v.at("accessToken").as_string())));
    auto r = c.create_user(project, customer, make_user("plain"));
    INFO((r ? std::string() : r.error().to_string()));
    CHECK(r.has_value());
}

TEST_CASE("beast_transport refuses a request it cannot send safely")
{
    admin::beast_transport t;
    admin::http_request req;
    req.host = "localhost";
    req.port = 1; // never reached
    req.target = "/x";

    SECTION("CR/LF in a header value")
    {
        req.headers.add("Authorization", "Bearer abc\r\nX-Injected: 1");
        auto r = t.send(req);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::invalid_argument);
        CHECK(r.error().field == "Authorization");
        CHECK_FALSE(contains(r.error().to_string(), "abc"));
    }
    SECTION("a header name that is not a token")
    {
        req.headers.add("Bad Name", "x");
        CHECK(t.send(req).error() == errc::invalid_argument);
    }
    SECTION("a target that is not origin-form")
    {
        req.target = "http://elsewhere/";
        CHECK(t.send(req).error() == errc::invalid_argument);
        req.target = "/a b";
        CHECK(t.send(req).error() == errc::invalid_argument);
    }
    SECTION("no host")
    {
        req.host.clear();
        CHECK(t.send(req).error() == errc::invalid_argument);
    }
    SECTION("a chunked request body")
    {
        req.headers.add("Transfer-Encoding", "chunked");
        CHECK(t.send(req).error() == errc::invalid_argument);
    }
}

TEST_CASE("beast_transport keeps secrets out of its errors")
{
    local_server srv;
    control ctl(srv);
    auto const token = ctl.token();
    auto o = trusting(srv);
    o.timeout = std::chrono::milliseconds(300);
    auto c = make_client(srv, token, o);
    auto u = make_user("secret");
    u.password = admin::secret("a-password-that-is-long-enough");
    for(char const* fault : {R"({"kind":"close_mid_body"})", R"({"kind":"delay","ms":2000})",
                             R"({"kind":"oversized_body","bytes":2000000})"})
    {
        ctl.arm(fault);
        auto r = c.create_user(project, customer, u);
        REQUIRE_FALSE(r.has_value());
        auto const text = r.error().to_string();
        INFO(text);
        CHECK_FALSE(contains(text, std::string(token.reveal())));
        CHECK_FALSE(contains(text, "a-password-that-is-long-enough"));
    }
}
