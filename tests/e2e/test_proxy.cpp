// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// HTTPS through an HTTP proxy (CONNECT): beast_transport (and, when libcurl
// is there, the curl transport example) through a real tinyproxy started by
// each test, to the real local server over loopback TLS.

#include "support.hpp"
#include "tinyproxy.hpp"

#include <corti/admin/beast/detail/tunnel.hpp>

#include <boost/asio/io_context.hpp>

#if CORTI_ADMIN_E2E_HAVE_CURL
#include <curl_transport.hpp>
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

using namespace e2e;
using admin::errc;

namespace {

using beast_client = admin::client<admin::beast_transport>;

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

std::string origin(local_server const& srv) { return "localhost:" + std::to_string(srv.port()); }

admin::beast_transport_options via(local_server const& srv, tinyproxy const& proxy, std::string user = {},
                                   std::string password = {})
{
    auto o = trusting(srv);
    admin::proxy_options p;
    p.url = proxy.url();
    p.username = std::move(user);
    p.password = admin::secret(std::move(password));
    o.proxy = std::move(p);
    return o;
}

beast_client make_client(local_server const& srv, admin::secret token, admin::beast_transport_options o)
{
    return beast_client(admin::beast_transport(std::move(o)), srv.config(), std::move(token));
}

/// Restores the proxy variables when a test that set them ends.
struct environment_guard
{
    environment_guard() { clear(); }
    ~environment_guard() { clear(); }
    static void clear()
    {
        for(char const* name : {"https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY"})
            ::unsetenv(name);
    }
};

} // namespace

TEST_CASE("the Basic credentials are base64 of user:password")
{
    std::string out;
    admin::detail::append_base64(out, "Aladdin:open sesame");
    CHECK(out == "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    for(auto const& [in, want] : {std::pair<char const*, char const*>{"", ""},
                                  {"f", "Zg=="},
                                  {"fo", "Zm8="},
                                  {"foo", "Zm9v"},
                                  {"foob", "Zm9vYg=="},
                                  {"fooba", "Zm9vYmE="},
                                  {"foobar", "Zm9vYmFy"}})
    {
        std::string s;
        admin::detail::append_base64(s, in);
        CHECK(s == want);
    }
}

TEST_CASE("beast_transport creates a user through an HTTP proxy, and the proxy carried it")
{
    local_server srv;
    control ctl(srv);
    tinyproxy proxy({{srv.port()}, {}, {}});
    auto c = make_client(srv, ctl.token(), via(srv, proxy));
    ctl.reset();

    auto r = c.create_user(project, customer, make_user("proxied"));
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    CHECK(r->id.has_value());
    // A second call reuses the tunnel: one CONNECT for both.
    auto r2 = c.create_user(project, customer, make_user("proxied"));
    REQUIRE(r2.has_value());
    INFO(proxy.log());
    CHECK(proxy.connects_to(origin(srv)) == 1);
    auto const stats = ctl.stats();
    CHECK(stats.posts == 2);
    CHECK(stats.accepts == 1); // the tunnel's; the control connection was open before the reset
}

TEST_CASE("beast_transport::async_send through an HTTP proxy")
{
    local_server srv;
    tinyproxy proxy({{srv.port()}, "alice", "proxy-pass-1234"});
    boost::asio::io_context ioc;
    admin::beast_transport t(ioc.get_executor(), via(srv, proxy, "alice", "proxy-pass-1234"));
    std::optional<admin::result<admin::http_response>> out;
    t.async_send(raw_request(srv, admin::http_method::get, "/_test/stats"),
                 [&](admin::result<admin::http_response> r) { out.emplace(std::move(r)); });
    ioc.run();
    REQUIRE(out.has_value());
    INFO((*out ? std::string() : out->error().to_string()));
    REQUIRE(out->has_value());
    CHECK((*out)->status == 200);
    CHECK(proxy.connects_to(origin(srv)) == 1);
}

TEST_CASE("beast_transport through a proxy that wants Basic credentials: accepted")
{
    local_server srv;
    control ctl(srv);
    tinyproxy proxy({{srv.port()}, "alice", "proxy-pass-1234"});
    auto c = make_client(srv, ctl.token(), via(srv, proxy, "alice", "proxy-pass-1234"));
    auto r = c.create_user(project, customer, make_user("auth"));
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    INFO(proxy.log());
    CHECK(proxy.connects_to(origin(srv)) == 1);
    CHECK_FALSE(contains(proxy.log(), "proxy-pass-1234"));
}

TEST_CASE("beast_transport through a proxy that refuses the credentials: proxy_error 401/407, no password")
{
    local_server srv;
    control ctl(srv);
    tinyproxy proxy({{srv.port()}, "alice", "proxy-pass-1234"});

    SECTION("a wrong password")
    {
        auto c = make_client(srv, ctl.token(), via(srv, proxy, "alice", "wrong-pass-5678"));
        auto r = c.create_user(project, customer, make_user("refused"));
        REQUIRE_FALSE(r.has_value());
        std::string const text = r.error().to_string();
        INFO(text);
        CHECK(r.error() == errc::proxy_error);
        CHECK(r.error() == admin::condition::transport);
        // tinyproxy answers wrong credentials with 401 (most proxies: 407).
        CHECK(r.error().http_status == 401);
        CHECK(contains(text, "127.0.0.1:" + std::to_string(proxy.port())));
        CHECK(contains(text, "proxy authentication refused"));
        CHECK(contains(text, origin(srv)));
        CHECK_FALSE(contains(text, "wrong-pass-5678"));
        CHECK_FALSE(contains(text, "alice"));
        std::string b64;
        admin::detail::append_base64(b64, "alice:wrong-pass-5678");
        CHECK_FALSE(contains(text, b64));
    }
    SECTION("no credentials")
    {
        auto c = make_client(srv, ctl.token(), via(srv, proxy));
        auto r = c.create_user(project, customer, make_user("refused"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error() == errc::proxy_error);
        CHECK(r.error().http_status == 407);
        CHECK(contains(r.error().to_string(), "proxy authentication required"));
    }
    CHECK(ctl.stats().posts == 1); // the token only: nothing reached the server
}

TEST_CASE("beast_transport: a proxy that will not open the tunnel is proxy_error with its status")
{
    local_server srv;
    control ctl(srv);
    SECTION("a port the proxy does not allow: 403")
    {
        tinyproxy proxy({{443}, {}, {}});
        auto c = make_client(srv, ctl.token(), via(srv, proxy));
        auto r = c.create_user(project, customer, make_user("forbidden"));
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::proxy_error);
        CHECK(r.error().http_status == 403);
    }
    SECTION("a server the proxy cannot reach: 5xx")
    {
        std::uint16_t const dead = free_port();
        tinyproxy proxy({{dead}, {}, {}});
        auto o = via(srv, proxy);
        admin::beast_transport t(o);
        auto req = raw_request(srv, admin::http_method::get, "/_test/stats");
        req.port = dead;
        auto r = t.send(req);
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::proxy_error);
        CHECK(r.error().http_status >= 500);
        CHECK(contains(r.error().to_string(), "localhost:" + std::to_string(dead)));
    }
}

TEST_CASE("beast_transport: a proxy that is not listening is connection_failed naming the proxy")
{
    local_server srv;
    control ctl(srv);
    std::uint16_t const dead = free_port();
    auto o = trusting(srv);
    o.proxy = admin::proxy_options{"http://127.0.0.1:" + std::to_string(dead), {}, {}, {}};
    auto c = make_client(srv, ctl.token(), o);
    auto r = c.create_user(project, customer, make_user("dead"));
    REQUIRE_FALSE(r.has_value());
    std::string const text = r.error().to_string();
    INFO(text);
    CHECK(r.error() == errc::connection_failed);
    CHECK(contains(text, "connecting to the proxy 127.0.0.1:" + std::to_string(dead)));
}

namespace {

/// A loopback listener for scripted "proxies": `answer` is written to the
/// first connection once its CONNECT arrived (nothing: it never answers).
class fake_proxy
{
public:
    explicit fake_proxy(std::string answer) : answer_(std::move(answer))
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd_, 4) == 0);
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port_ = ntohs(a.sin_port);
        if(!answer_.empty())
            thread_ = std::thread([this] {
                int const c = ::accept(fd_, nullptr, nullptr);
                if(c < 0)
                    return;
                char buf[1024];
                [[maybe_unused]] auto n = ::recv(c, buf, sizeof buf, 0);
                [[maybe_unused]] auto w = ::send(c, answer_.data(), answer_.size(), MSG_NOSIGNAL);
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                ::close(c);
            });
    }
    ~fake_proxy()
    {
        ::shutdown(fd_, SHUT_RDWR);
        if(thread_.joinable())
            thread_.join();
        ::close(fd_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::uint16_t port() const noexcept { return port_; }

private:
    std::string answer_;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

} // namespace

TEST_CASE("beast_transport: a proxy that does not answer CONNECT, or not in HTTP")
{
    local_server srv;
    auto o = trusting(srv);
    o.timeout = std::chrono::milliseconds(400);
    SECTION("silence: the call's deadline, naming the proxy")
    {
        fake_proxy proxy("");
        o.proxy = admin::proxy_options{proxy.url(), {}, {}, {}};
        admin::beast_transport t(o);
        auto r = t.send(raw_request(srv, admin::http_method::get, "/_test/stats"));
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::timeout);
        CHECK(contains(r.error().to_string(), "CONNECT from the proxy 127.0.0.1:" + std::to_string(proxy.port())));
    }
    SECTION("not HTTP: proxy_error")
    {
        fake_proxy proxy("SSH-2.0-OpenSSH_9.2p1\r\n");
        o.proxy = admin::proxy_options{proxy.url(), {}, {}, {}};
        admin::beast_transport t(o);
        auto r = t.send(raw_request(srv, admin::http_method::get, "/_test/stats"));
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::proxy_error);
        CHECK(r.error().http_status == 0);
        CHECK(contains(r.error().to_string(), "not an HTTP answer to CONNECT"));
    }
    SECTION("a header section over max_header_size: proxy_error")
    {
        fake_proxy proxy("HTTP/1.1 200 OK\r\nX-Pad: " + std::string(2000, 'a') + "\r\n\r\n");
        o.max_header_size = 1024;
        o.proxy = admin::proxy_options{proxy.url(), {}, {}, {}};
        admin::beast_transport t(o);
        auto r = t.send(raw_request(srv, admin::http_method::get, "/_test/stats"));
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::proxy_error);
        CHECK(contains(r.error().to_string(), "larger than 1024 bytes"));
    }
    SECTION("bytes after a 200: proxy_error")
    {
        fake_proxy proxy("HTTP/1.1 200 Connection established\r\n\r\nextra");
        o.proxy = admin::proxy_options{proxy.url(), {}, {}, {}};
        admin::beast_transport t(o);
        auto r = t.send(raw_request(srv, admin::http_method::get, "/_test/stats"));
        REQUIRE_FALSE(r.has_value());
        INFO(r.error().to_string());
        CHECK(r.error() == errc::proxy_error);
        CHECK(contains(r.error().to_string(), "sent bytes after its answer"));
    }
}

TEST_CASE("beast_transport: bad proxy options fail every call with invalid_argument, without the password")
{
    local_server srv;
    auto o = trusting(srv);
    o.proxy = admin::proxy_options{"http://alice:hunter2@127.0.0.1:3128", {}, {}, {}};
    beast_client c(admin::beast_transport(o), srv.config(), admin::secret("token"));
    auto r = c.create_user(project, customer, make_user("bad"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::invalid_argument);
    CHECK(r.error().field == "proxy.url");
    CHECK_FALSE(contains(r.error().to_string(), "hunter2"));

    o.proxy = admin::proxy_options{"https://127.0.0.1:3128", {}, {}, {}};
    beast_client c2(admin::beast_transport(o), srv.config(), admin::secret("token"));
    auto r2 = c2.create_user(project, customer, make_user("bad"));
    REQUIRE_FALSE(r2.has_value());
    CHECK(r2.error() == errc::invalid_argument);
    CHECK(contains(r2.error().to_string(), "only http://"));

    o.proxy = admin::proxy_options{"http://127.0.0.1:3128", "al:ice", admin::secret("pw"), {}};
    beast_client c3(admin::beast_transport(o), srv.config(), admin::secret("token"));
    auto r3 = c3.create_user(project, customer, make_user("bad"));
    REQUIRE_FALSE(r3.has_value());
    CHECK(r3.error().field == "proxy.username");
}

TEST_CASE("beast_transport: NO_PROXY hosts bypass the proxy")
{
    local_server srv;
    control ctl(srv);
    tinyproxy proxy({{srv.port()}, {}, {}});

    SECTION("in the options")
    {
        auto o = via(srv, proxy);
        o.proxy->no_proxy = "example.com, localhost";
        auto c = make_client(srv, ctl.token(), o);
        REQUIRE(c.create_user(project, customer, make_user("bypass")).has_value());
        CHECK(proxy.connects_to(origin(srv)) == 0);
    }
    SECTION("in the options, with a proxy that is not even listening")
    {
        auto o = trusting(srv);
        o.proxy = admin::proxy_options{"http://127.0.0.1:" + std::to_string(free_port()), {}, {}, "*"};
        auto c = make_client(srv, ctl.token(), o);
        auto r = c.create_user(project, customer, make_user("bypass"));
        INFO((r ? std::string() : r.error().to_string()));
        CHECK(r.has_value());
    }
    SECTION("from the environment")
    {
        environment_guard env;
        ::setenv("HTTPS_PROXY", proxy.url().c_str(), 1);
        ::setenv("NO_PROXY", "localhost", 1);
        auto from_env = admin::proxy_from_environment();
        REQUIRE(from_env.has_value());
        REQUIRE(from_env->has_value());
        auto o = trusting(srv);
        o.proxy = **from_env;
        auto c = make_client(srv, ctl.token(), o);
        REQUIRE(c.create_user(project, customer, make_user("env-bypass")).has_value());
        CHECK(proxy.connects_to(origin(srv)) == 0);

        // Without NO_PROXY the same variables send it through the proxy.
        ::unsetenv("NO_PROXY");
        from_env = admin::proxy_from_environment();
        REQUIRE(from_env.has_value());
        REQUIRE(from_env->has_value());
        o.proxy = **from_env;
        auto c2 = make_client(srv, ctl.token(), o);
        REQUIRE(c2.create_user(project, customer, make_user("env-proxied")).has_value());
        INFO(proxy.log());
        CHECK(proxy.connects_to(origin(srv)) == 1);
    }
}

TEST_CASE("beast_transport: plain HTTP requests never use the proxy")
{
    local_server srv({"--plain"});
    tinyproxy proxy({{srv.port()}, {}, {}});
    admin::beast_transport_options o; // no CA file: the server has none
    o.timeout = std::chrono::seconds(10);
    o.proxy = admin::proxy_options{proxy.url(), {}, {}, {}};
    admin::beast_transport t(o);
    auto r = t.send(raw_request(srv, admin::http_method::get, "/_test/stats"));
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    CHECK(r->status == 200);
    CHECK(proxy.connects_to(origin(srv)) == 0);
}

TEST_CASE("beast_transport through a proxy still verifies the server's name, not the proxy's")
{
    // The certificate names only 127.0.0.1, the proxy's address; the request
    // goes to "localhost" through the tunnel, which must fail verification.
    local_server srv({"--cert-host", "127.0.0.1"});
    tinyproxy proxy({{srv.port()}, {}, {}});
    auto c = make_client(srv, admin::secret("token"), via(srv, proxy));
    auto r = c.create_user(project, customer, make_user("mismatch"));
    REQUIRE_FALSE(r.has_value());
    std::string const text = r.error().to_string();
    INFO(text);
    CHECK(r.error() == errc::connection_failed);
    CHECK(contains(text, "certificate verify failed"));
    CHECK(contains(text, "hostname mismatch"));
    CHECK(proxy.connects_to(origin(srv)) == 1); // the tunnel was open: TLS refused it

    // The same server, through the same proxy, by the name its certificate has.
    beast_client ok(admin::beast_transport(via(srv, proxy)), srv.config("127.0.0.1"), admin::secret("token"));
    auto const req = admin::make_create_user_request(srv.config("127.0.0.1"), admin::secret("token"), project, customer,
                                                     make_user("verified"));
    REQUIRE(req.has_value());
    auto raw = ok.get_transport().send(*req);
    INFO((raw ? std::string() : raw.error().to_string()));
    REQUIRE(raw.has_value()); // TLS went through; the fake token's 401 is the server's answer
    CHECK(proxy.connects_to("127.0.0.1:" + std::to_string(srv.port())) == 1);
}

#if CORTI_ADMIN_E2E_HAVE_CURL
TEST_CASE("curl_transport through tinyproxy: Basic credentials accepted, then refused")
{
    local_server srv;
    control ctl(srv);
    tinyproxy proxy({{srv.port()}, "alice", "proxy-pass-1234"});
    corti_examples::curl_transport_options o;
    o.ca_file = srv.ca_file();
    o.timeout = std::chrono::seconds(10);
    o.proxy = admin::proxy_options{proxy.url(), "alice", admin::secret("proxy-pass-1234"), {}};
    admin::client<corti_examples::curl_transport> c(corti_examples::curl_transport(o), srv.config(), ctl.token());
    auto r = c.create_user(project, customer, make_user("curl-proxied"));
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.has_value());
    INFO(proxy.log());
    CHECK(proxy.connects_to(origin(srv)) == 1);

    o.proxy->password = admin::secret("wrong-pass-5678");
    admin::client<corti_examples::curl_transport> bad(corti_examples::curl_transport(o), srv.config(), ctl.token());
    auto r2 = bad.create_user(project, customer, make_user("curl-refused"));
    REQUIRE_FALSE(r2.has_value());
    INFO(r2.error().to_string());
    CHECK(r2.error() == errc::proxy_error);
    CHECK(r2.error().http_status == 401); // tinyproxy's answer to wrong credentials
    CHECK_FALSE(contains(r2.error().to_string(), "wrong-pass-5678"));
}
#endif
