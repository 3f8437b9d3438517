// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// beast_transport::async_send and client::async_create_user with a callback,
// use_future and deferred, against the real local server.

#include "support.hpp"

#include <corti/admin/testing.hpp>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace e2e;
using admin::errc;
namespace net = boost::asio;

namespace {

using async_client = admin::client<admin::beast_transport>;

async_client make_client(net::io_context& ioc, local_server const& srv, admin::secret token,
                         admin::beast_transport_options const& o)
{
    return async_client(admin::beast_transport(ioc.get_executor(), o), srv.config(), std::move(token));
}

} // namespace

TEST_CASE("async_create_user with a callback")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    auto const u = make_user("async-cb");

    std::optional<admin::result<admin::user>> out;
    c.async_create_user(project, customer, u, [&](admin::result<admin::user> r) { out.emplace(std::move(r)); });
    CHECK_FALSE(out.has_value()); // never completes inside the initiating call
    ioc.run();
    REQUIRE(out.has_value());
    INFO((*out ? std::string() : out->error().to_string()));
    REQUIRE(out->has_value());
    CHECK((*out)->email == u.email);
}

TEST_CASE("async_create_user with use_future")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto work = net::make_work_guard(ioc);
    std::thread runner([&] { ioc.run(); });

    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    std::future<admin::result<admin::user>> f =
        c.async_create_user(project, customer, make_user("future"), net::use_future);
    auto r = f.get();
    INFO((r ? std::string() : r.error().to_string()));
    CHECK(r.has_value());

    // An API error arrives as a value too: the future never throws.
    auto f2 = c.async_create_user("no-such-project", customer, make_user("future"), net::use_future);
    auto r2 = f2.get();
    REQUIRE_FALSE(r2.has_value());
    CHECK(r2.error() == errc::api_error);
    CHECK(r2.error().http_status == 404);

    work.reset();
    runner.join();
}

TEST_CASE("async_create_user with deferred")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    ctl.reset();
    auto op = c.async_create_user(project, customer, make_user("deferred"), net::deferred);
    ioc.run(); // nothing happens until the deferred operation is launched
    ioc.restart();
    CHECK(ctl.stats().posts == 0);

    std::optional<admin::result<admin::user>> out;
    std::move(op)([&](admin::result<admin::user> r) { out.emplace(std::move(r)); });
    ioc.run();
    REQUIRE(out.has_value());
    CHECK(out->has_value());
    CHECK(ctl.stats().posts == 1);
}

TEST_CASE("async_create_user reports an invalid argument through the handler, sending nothing")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    ctl.reset();
    auto u = make_user("bad");
    u.email = "not an email";
    u.password = admin::secret("a-password-that-is-long-enough");

    std::optional<admin::result<admin::user>> out;
    c.async_create_user(project, customer, u, [&](admin::result<admin::user> r) { out.emplace(std::move(r)); });
    CHECK_FALSE(out.has_value());
    ioc.run();
    REQUIRE(out.has_value());
    REQUIRE_FALSE(out->has_value());
    CHECK(out->error() == errc::invalid_field);
    CHECK(out->error().field == "/email");
    CHECK(ctl.stats().requests == 0);
}

TEST_CASE("async_create_user completes on the handler's executor")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto strand = net::make_strand(ioc);
    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    bool on_strand = false;
    bool done = false;
    c.async_create_user(project, customer, make_user("strand"),
                        net::bind_executor(strand, [&](admin::result<admin::user> r) {
                            on_strand = strand.running_in_this_thread();
                            done = r.has_value();
                        }));
    ioc.run();
    CHECK(done);
    CHECK(on_strand);
}

TEST_CASE("async_create_user scrubs secrets and reports the deadline")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto const token = ctl.token();
    auto o = trusting(srv);
    o.timeout = std::chrono::milliseconds(300);
    auto c = make_client(ioc, srv, token, o);
    auto u = make_user("async-slow");
    u.password = admin::secret("a-password-that-is-long-enough");
    ctl.arm(R"({"kind":"delay","ms":3000})");

    std::optional<admin::result<admin::user>> out;
    auto const start = std::chrono::steady_clock::now();
    c.async_create_user(project, customer, u, [&](admin::result<admin::user> r) { out.emplace(std::move(r)); });
    ioc.run();
    REQUIRE(out.has_value());
    REQUIRE_FALSE(out->has_value());
    CHECK(out->error() == errc::timeout);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    auto const text = out->error().to_string();
    CHECK(text.find(std::string(token.reveal())) == std::string::npos);
    CHECK(text.find("a-password-that-is-long-enough") == std::string::npos);
}

TEST_CASE("concurrent async_create_user calls on one io_context")
{
    local_server srv;
    control ctl(srv);
    auto const token = ctl.token();
    ctl.reset();
    net::io_context ioc;
    constexpr int n = 6;
    std::vector<std::unique_ptr<async_client>> clients;
    std::vector<std::optional<admin::result<admin::user>>> out(n);
    for(int i = 0; i < n; ++i)
    {
        clients.push_back(std::make_unique<async_client>(admin::beast_transport(ioc.get_executor(), trusting(srv)),
                                                         srv.config(), token));
        clients.back()->async_create_user(
            project, customer, make_user("concurrent"),
            [&, i](admin::result<admin::user> r) { out[static_cast<std::size_t>(i)].emplace(std::move(r)); });
    }
    ioc.run();
    for(auto const& r : out)
    {
        REQUIRE(r.has_value());
        INFO((*r ? std::string() : r->error().to_string()));
        CHECK(r->has_value());
    }
    auto const s = ctl.stats();
    CHECK(s.posts == n);
    CHECK(s.accepts == n);
}

TEST_CASE("several async_send outstanding on one transport")
{
    local_server srv;
    control ctl(srv);
    ctl.reset();
    net::io_context ioc;
    admin::beast_transport t(ioc, trusting(srv));
    int ok = 0;
    for(int i = 0; i < 3; ++i)
        t.async_send(raw_request(srv, admin::http_method::get, "/_test/stats"),
                     [&](admin::result<admin::http_response> r) { ok += r && r->status == 200; });
    ioc.run();
    CHECK(ok == 3);
    // Later requests reuse the one connection that was kept.
    ioc.restart();
    t.async_send(raw_request(srv, admin::http_method::get, "/_test/stats"),
                 [&](admin::result<admin::http_response> r) { ok += r && r->status == 200; });
    ioc.run();
    CHECK(ok == 4);
    CHECK(ctl.stats().accepts == 3);
}

TEST_CASE("async_send on a transport without an executor reports it")
{
    admin::beast_transport t;
    admin::http_request req;
    req.host = "localhost";
    req.port = 1;
    req.target = "/";
    auto f = t.async_send(req, net::use_future);
    auto r = f.get();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::invalid_argument);
}

TEST_CASE("send and async_send on one transport")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    CHECK(c.create_user(project, customer, make_user("mixed-sync")).has_value());
    std::optional<admin::result<admin::user>> out;
    c.async_create_user(project, customer, make_user("mixed-async"),
                        [&](admin::result<admin::user> r) { out.emplace(std::move(r)); });
    ioc.run();
    REQUIRE(out.has_value());
    CHECK(out->has_value());
    CHECK(c.create_user(project, customer, make_user("mixed-sync")).has_value());
}

TEST_CASE("async_send can be cancelled through the handler's cancellation slot")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    admin::beast_transport t(ioc, trusting(srv));
    auto req = raw_request(srv, admin::http_method::get, "/functions/v1/public/projects/consoleproject/quotas");
    req.headers.add("Authorization", "Bearer " + std::string(ctl.token().reveal()));
    ctl.arm(R"({"kind":"delay","ms":3000})"); // after the token: /auth/token would take it
    net::cancellation_signal cancel;
    std::optional<admin::result<admin::http_response>> out;
    auto const start = std::chrono::steady_clock::now();
    t.async_send(req, net::bind_cancellation_slot(
                          cancel.slot(), [&](admin::result<admin::http_response> r) { out.emplace(std::move(r)); }));
    net::steady_timer timer(ioc, std::chrono::milliseconds(200));
    timer.async_wait([&](boost::system::error_code) { cancel.emit(net::cancellation_type::terminal); });
    ioc.run();
    REQUIRE(out.has_value());
    REQUIRE_FALSE(out->has_value());
    INFO(out->error().to_string());
    CHECK(out->error().code == net::error::operation_aborted);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("the other async operations share the exchange: list, delete (result<void>)")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    auto c = make_client(ioc, srv, ctl.token(), trusting(srv));
    auto const created = c.create_user(project, customer, make_user("to-delete"));
    REQUIRE(created.has_value());
    REQUIRE(created->id.has_value());

    std::optional<admin::result<void>> deleted;
    std::optional<admin::result<void>> again;
    c.async_delete_user(project, customer, *created->id, [&](admin::result<void> r) {
        deleted.emplace(std::move(r));
        c.async_delete_user(project, customer, *created->id,
                            [&](admin::result<void> r2) { again.emplace(std::move(r2)); });
    });
    ioc.run();
    REQUIRE(deleted.has_value());
    INFO((*deleted ? std::string() : deleted->error().to_string()));
    CHECK(deleted->has_value());
    REQUIRE(again.has_value());
    REQUIRE_FALSE(again->has_value());
    CHECK(again->error() == errc::api_error);
    CHECK(again->error().http_status == 404);
}

// ---------------------------------------------------------------------------
// Transports of the tests' own, without the server.

namespace {

/** An asynchronous transport over a mock_transport whose `async_send` reads
    the request only when it completes, later, on the io_context: as the
    transport contract allows (transport.hpp), it relies on the library
    keeping the request alive until the handler runs. */
struct deferred_mock
{
    net::io_context* ioc;
    admin::testing::mock_transport* mock;

    admin::result<admin::http_response> send(admin::http_request const& req) { return mock->send(req); }

    net::any_io_executor get_executor() const { return ioc->get_executor(); }

    template<class CompletionToken>
    auto async_send(admin::http_request const& req, CompletionToken&& token)
    {
        return net::async_initiate<CompletionToken, void(admin::result<admin::http_response>)>(
            [this](auto handler, admin::http_request const* r) {
                auto const ex = net::get_associated_executor(handler, ioc->get_executor());
                net::post(ex, [this, r, h = std::move(handler)]() mutable {
                    auto out = mock->send(*r); // the request is read now, after async_send returned
                    std::move(h)(std::move(out));
                });
            },
            token, &req);
    }
};

std::string const docs_user = R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com",)"
                              R"("firstName":"John","lastName":"Doe","enabled":true})";

admin::http_response token_answer(std::string const& token, int expires_in = 3600)
{
    admin::http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body =
        R"({"accessToken":")" + token + R"(","tokenType":"bearer","expiresIn":)" + std::to_string(expires_in) + "}";
    return r;
}

admin::console_credentials mock_credentials()
{
    return {"admin@example.com", admin::secret("console-password-0123456789")};
}

} // namespace

TEST_CASE("async members keep the request alive until the transport completes")
{
    net::io_context ioc;
    admin::testing::mock_transport mock;
    admin::client<deferred_mock> c(deferred_mock{&ioc, &mock}, admin::config{}, mock_credentials());
    mock.push(token_answer("T1-0123456789-0123456789-0123456789"));
    mock.push(201, docs_user);
    auto u = make_user("kept-alive");
    u.password = admin::secret("a-password-that-is-long-enough");
    std::optional<admin::result<admin::user>> out;
    c.async_create_user("a-project-id-longer-than-the-small-buffer", customer, u,
                        [&](admin::result<admin::user> r) { out.emplace(std::move(r)); });
    ioc.run();
    REQUIRE(out.has_value());
    INFO((*out ? std::string() : out->error().to_string()));
    REQUIRE(out->has_value());
    // What the transport read when it completed, not when async_send was called.
    auto const& sent = mock.requests();
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].target == "/functions/v1/public/auth/token");
    CHECK(sent[0].body == R"({"email":"admin@example.com","password":"console-password-0123456789"})");
    CHECK(sent[1].target ==
          "/functions/v1/public/projects/a-project-id-longer-than-the-small-buffer/customers/contosohospital/users");
    CHECK(sent[1].headers.find("Authorization") == "Bearer T1-0123456789-0123456789-0123456789");
    CHECK(sent[1].body.find("a-password-that-is-long-enough") != std::string::npos);
}

// ---------------------------------------------------------------------------
// async_fetch_token and async_list_all_*: as their synchronous forms
// (test_client.cpp), through a transport that completes later.

namespace {

/// Runs an asynchronous member to completion on `ioc` and returns its result.
template<class R, class Start>
R run_async(net::io_context& ioc, Start start)
{
    std::optional<R> out;
    start([&](R r) { out.emplace(std::move(r)); });
    CHECK_FALSE(out.has_value()); // never inside the initiating call
    ioc.restart();
    ioc.run();
    REQUIRE(out.has_value());
    return std::move(*out);
}

std::string customers_page(int page, bool more)
{
    return R"({"customers":[{"displayName":"d","tenantName":"base","region":"eu","customerId":"c)" +
           std::to_string(page) + R"("}],"pagination":{"page":)" + std::to_string(page) +
           R"(,"pageSize":1,"hasNextPage":)" + (more ? "true" : "false") + "}}";
}

using mock_client = admin::client<deferred_mock>;
using customers_result = admin::result<std::vector<admin::customer>>;
using users_result = admin::result<std::vector<admin::user>>;

} // namespace

TEST_CASE("async_fetch_token keeps the token, and no credentials or a failed login are errors without the password")
{
    net::io_context ioc;
    admin::testing::mock_transport mock;
    mock_client c(deferred_mock{&ioc, &mock}, admin::config{}, mock_credentials());
    mock.push(token_answer("T1"));
    auto r = run_async<admin::result<void>>(ioc, [&](auto h) { c.async_fetch_token(std::move(h)); });
    REQUIRE(r.has_value());
    REQUIRE(mock.requests().size() == 1);
    CHECK(mock.requests()[0].target == "/functions/v1/public/auth/token");
    mock.push(200, R"({"quotas":[]})");
    REQUIRE(c.get_project_quotas(project).has_value()); // the token is kept: no second login
    REQUIRE(mock.requests().size() == 2);
    CHECK(mock.requests()[1].headers.find("Authorization") == "Bearer T1");

    mock.push(401, R"({"message":"wrong password console-password-0123456789"})");
    r = run_async<admin::result<void>>(ioc, [&](auto h) { c.async_fetch_token(std::move(h)); });
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().http_status == 401);
    CHECK(r.error().to_string().find("console-password-0123456789") == std::string::npos);
    CHECK(mock.requests().size() == 3); // a POST, sent once

    mock_client fixed(deferred_mock{&ioc, &mock}, admin::config{}, admin::secret("tok"));
    r = run_async<admin::result<void>>(ioc, [&](auto h) { fixed.async_fetch_token(std::move(h)); });
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::invalid_argument);
    CHECK(r.error().field == "credentials");
    CHECK(mock.requests().size() == 3); // nothing sent
}

TEST_CASE("async_list_all_customers follows hasNextPage and stops, like list_all_customers")
{
    net::io_context ioc;
    admin::testing::mock_transport mock;
    mock_client c(deferred_mock{&ioc, &mock}, admin::config{}, admin::secret("tok"));
    mock.push(200, customers_page(1, true));
    mock.push(200, customers_page(2, true));
    mock.push(200, customers_page(3, false));
    auto const all = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers("p", {1, 10}, std::move(h));
    });
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 3);
    CHECK(all->front().customer_id == "c1");
    CHECK(all->back().customer_id == "c3");
    REQUIRE(mock.requests().size() == 3);
    CHECK(mock.requests()[2].target == "/functions/v1/public/projects/p/customers?page=3&pageSize=1");
}

TEST_CASE("async_list_all_customers: a server that never ends, or answers the wrong page, cannot loop the client")
{
    net::io_context ioc;
    admin::testing::mock_transport mock;
    mock_client c(deferred_mock{&ioc, &mock}, admin::config{}, admin::secret("tok"));
    for(int i = 1; i <= 5; ++i)
        mock.push(200, customers_page(i, true));
    auto const r = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers("p", {1, 3}, std::move(h));
    });
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::too_many_pages);
    CHECK(mock.requests().size() == 3);

    mock.clear();
    mock.push(200, customers_page(1, true));
    mock.push(200, customers_page(1, true)); // page 2 asked, page 1 answered
    auto const w = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers("p", {1, 100}, std::move(h));
    });
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error() == errc::invalid_value);
    CHECK(w.error().field == "/pagination/page");
    CHECK(mock.requests().size() == 2);

    mock.clear();
    auto const bad = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers("p", {0, 1}, std::move(h));
    });
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error() == errc::invalid_argument);
    auto const bad_id = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers("..", {1, 1}, std::move(h));
    });
    REQUIRE_FALSE(bad_id.has_value());
    CHECK(bad_id.error() == errc::invalid_argument);
    CHECK(bad_id.error().field == "projectId");
    CHECK(mock.requests().empty());
}

TEST_CASE("async_list_all_users with the older total form, a login first and a 401 answered once")
{
    net::io_context ioc;
    admin::testing::mock_transport mock;
    mock_client c(deferred_mock{&ioc, &mock}, admin::config{}, mock_credentials());
    auto const page = [](int n, int total) {
        return R"({"users":[{"email":"a@b.co","firstName":"A","lastName":"B","enabled":true}],"pagination":{"page":)" +
               std::to_string(n) + R"(,"pageSize":1,"total":)" + std::to_string(total) + "}}";
    };
    mock.push(token_answer("T1"));
    mock.push(200, page(1, 2));
    mock.push(401, R"({"message":"expired"})");
    mock.push(token_answer("T2"));
    mock.push(200, page(2, 2));
    auto const all = run_async<users_result>(ioc, [&](auto h) {
        c.async_list_all_users("p", "c", {1, 10}, std::move(h));
    });
    REQUIRE(all.has_value());
    CHECK(all->size() == 2);
    REQUIRE(mock.requests().size() == 5);
    CHECK(mock.requests()[2].headers.find("Authorization") == "Bearer T1");
    CHECK(mock.requests()[4].headers.find("Authorization") == "Bearer T2");
    CHECK(mock.requests()[4].target == "/functions/v1/public/projects/p/customers/c/users?page=2&pageSize=1");
}

TEST_CASE("async_fetch_token and async_list_all_* against the local server")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    admin::client<admin::beast_transport> c(
        admin::beast_transport(ioc.get_executor(), trusting(srv)), srv.config(),
        admin::console_credentials{"admin@example.com", admin::secret("local-dev-password")});
    for(int i = 0; i < 3; ++i)
    {
        admin::new_customer nc;
        nc.display_name = "Paged " + std::to_string(i);
        nc.customer_id = "paged-" + std::to_string(i);
        REQUIRE(c.create_customer(project, nc).has_value());
        REQUIRE(c.create_user(project, customer, make_user("paged")).has_value());
    }
    ctl.reset();

    auto const fetched = run_async<admin::result<void>>(ioc, [&](auto h) { c.async_fetch_token(std::move(h)); });
    INFO((fetched ? std::string() : fetched.error().to_string()));
    REQUIRE(fetched.has_value());
    auto const customers = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers(project, {2, 10}, std::move(h));
    });
    REQUIRE(customers.has_value());
    CHECK(customers->size() == 4); // contosohospital and the three made here
    auto const users = run_async<users_result>(ioc, [&](auto h) {
        c.async_list_all_users(project, customer, {2, 10}, std::move(h));
    });
    REQUIRE(users.has_value());
    CHECK(users->size() == 3);
    auto const st = ctl.stats();
    CHECK(st.posts == 1);    // one login: the fetched token served every page
    CHECK(st.requests == 5); // the login, 2 + 2 pages

    auto const capped = run_async<customers_result>(ioc, [&](auto h) {
        c.async_list_all_customers(project, {2, 1}, std::move(h));
    });
    REQUIRE_FALSE(capped.has_value());
    CHECK(capped.error() == errc::too_many_pages);

    // Page 2 answered with page 1's body: the server's 200 switch serves it.
    ctl.arm(R"({"kind":"delay","ms":0})"); // page 1: as usual
    std::string const page1 = R"({"users":[],"pagination":{"page":1,"pageSize":2,"hasNextPage":true}})";
    boost::json::object fault{{"kind", "status"}, {"status", 200}, {"body", page1}};
    ctl.arm(boost::json::serialize(fault));
    auto const wrong = run_async<users_result>(ioc, [&](auto h) {
        c.async_list_all_users(project, customer, {2, 10}, std::move(h));
    });
    REQUIRE_FALSE(wrong.has_value());
    INFO(wrong.error().to_string());
    CHECK(wrong.error() == errc::invalid_value);
    CHECK(wrong.error().field == "/pagination/page");
}
