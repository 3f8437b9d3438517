// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The whole Admin API end to end: every operation through client<beast_transport>
// against the local server over TLS, tokens from credentials that expire,
// paging in both forms, retries on the server's 429/503 switches.

#include "support.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_future.hpp>

#include <future>
#include <thread>
#include <vector>

using namespace e2e;
using namespace std::chrono_literals;

namespace {

admin::console_credentials credentials() { return {"admin@example.com", admin::secret("local-dev-password")}; }

using beast_client = admin::client<admin::beast_transport>;

beast_client make_client(local_server const& s)
{
    return beast_client(admin::beast_transport(trusting(s)), s.config(), credentials());
}

// Records the retry delays instead of sleeping them.
admin::retry_policy recording(std::vector<std::chrono::milliseconds>& delays, unsigned attempts)
{
    auto p = admin::retry_policy::with_attempts(attempts);
    p.jitter = [] { return 1.0; };
    p.max_retry_after = 50ms;
    p.base_delay = 10ms;
    p.sleep = [&delays](std::chrono::milliseconds d) {
        delays.push_back(d);
        std::this_thread::sleep_for(d);
    };
    return p;
}

} // namespace

TEST_CASE("whole API: customers and users, every operation, over TLS with credentials")
{
    local_server srv;
    auto c = make_client(srv);

    admin::new_customer nc;
    nc.display_name = "Contoso Clinic";
    nc.customer_id = "contoso clinic/1"; // a space and a slash: one path segment
    nc.tenant_name = "clinic";
    nc.region = admin::region::us;
    nc.is_nfr = true;
    auto const created = c.create_customer(project, nc);
    REQUIRE(created.has_value());
    CHECK(created->customer_id == "contoso clinic/1");
    CHECK(created->region == admin::region::us);
    CHECK(created->is_nfr == true);
    CHECK(created->created_at.has_value());

    auto const dup = c.create_customer(project, nc);
    REQUIRE_FALSE(dup);
    CHECK(dup.error() == admin::errc::api_error);
    CHECK(dup.error().http_status == 409);

    admin::customer_update cu;
    cu.display_name = "Contoso Clinic (renamed)";
    auto const updated = c.update_customer(project, nc.customer_id, cu);
    REQUIRE(updated.has_value());
    CHECK(updated->display_name == "Contoso Clinic (renamed)");

    auto const all_customers = c.list_all_customers(project, {1, 10});
    REQUIRE(all_customers.has_value());
    CHECK(all_customers->size() == 2); // contosohospital (seeded) and ours

    std::vector<admin::uuid> ids;
    for(int i = 0; i < 5; ++i)
    {
        auto u = make_user("whole");
        if(i == 0)
            u.password = admin::secret("a-password-of-24-chars!!");
        auto const r = c.create_user(project, nc.customer_id, u);
        REQUIRE(r.has_value());
        REQUIRE(r->id.has_value());
        ids.push_back(*r->id);
    }
    auto const page1 = c.list_users(project, nc.customer_id, {1, 2});
    REQUIRE(page1.has_value());
    CHECK(page1->users.size() == 2);
    CHECK(page1->pagination.has_more());
    auto const users = c.list_all_users(project, nc.customer_id, {2, 10});
    REQUIRE(users.has_value());
    CHECK(users->size() == 5);

    admin::user_update uu;
    uu.enabled = false;
    uu.first_name = "Grace";
    auto const disabled = c.update_user(project, nc.customer_id, ids[1], uu);
    REQUIRE(disabled.has_value());
    CHECK_FALSE(disabled->enabled);
    CHECK(disabled->first_name == "Grace");

    auto const quotas = c.get_customer_quotas(project, nc.customer_id);
    REQUIRE(quotas.has_value());
    CHECK(quotas->users.usage == 4); // enabled users
    CHECK(quotas->users.unlimited());

    auto const from = *admin::date_time::parse("2026-01-05T00:00:00Z");
    auto const to = *admin::date_time::parse("2026-01-06T00:00:00+01:00");
    auto const credits = c.get_user_consumption(project, nc.customer_id, ids[0], from, to, "Europe/Copenhagen");
    REQUIRE(credits.has_value());
    CHECK(*credits >= 0.0);

    auto const pq = c.get_project_quotas(project);
    REQUIRE(pq.has_value());
    CHECK(pq->quotas.size() == 2); // (base, eu) and (clinic, us)

    REQUIRE(c.delete_user(project, nc.customer_id, ids[2]).has_value());
    auto const gone = c.delete_user(project, nc.customer_id, ids[2]);
    REQUIRE_FALSE(gone);
    CHECK(gone.error().http_status == 404);
    CHECK(c.list_all_users(project, nc.customer_id)->size() == 4);

    REQUIRE(c.delete_customer(project, nc.customer_id).has_value());
    auto const missing = c.get_customer_quotas(project, nc.customer_id);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().http_status == 404);
    CHECK_FALSE(missing.error().server_message().empty());
}

TEST_CASE("whole API: the older pagination form and 200 for creates")
{
    local_server srv({"--pagination", "total", "--create-status", "200"});
    auto c = make_client(srv);
    for(int i = 0; i < 3; ++i)
        REQUIRE(c.create_user(project, customer, make_user("paged")).has_value());
    auto const p = c.list_users(project, customer, {1, 2});
    REQUIRE(p.has_value());
    CHECK(p->pagination.total == 3);
    CHECK_FALSE(p->pagination.has_next_page);
    CHECK(p->pagination.has_more());
    auto const all = c.list_all_users(project, customer, {2, 10});
    REQUIRE(all.has_value());
    CHECK(all->size() == 3);
}

TEST_CASE("whole API: tokens that expire in seconds are renewed, and a 401 is answered once")
{
    local_server srv({"--token-ttl", "2"});
    control ctl(srv);
    auto c = make_client(srv);
    REQUIRE(c.get_project_quotas(project).has_value()); // token 1
    REQUIRE(c.get_project_quotas(project).has_value()); // reused: ttl 2 s, refreshed 1 s before
    std::this_thread::sleep_for(1200ms);
    REQUIRE(c.get_project_quotas(project).has_value()); // within the margin: token 2
    auto const log = srv.log();
    std::size_t logins = 0;
    for(auto pos = log.find("/auth/token"); pos != std::string::npos; pos = log.find("/auth/token", pos + 1))
        ++logins;
    CHECK(logins == 2);

    // A client whose clock stands still believes its token is fresh: it sends
    // an expired one, gets 401, renews once, resends.
    auto late = make_client(srv);
    late.set_token_refresh(0s, [] { return std::chrono::steady_clock::time_point{}; });
    REQUIRE(late.fetch_token().has_value());
    std::this_thread::sleep_for(2200ms);
    ctl.reset();
    auto const r = late.create_user(project, customer, make_user("after-401"));
    REQUIRE(r.has_value());
    auto const st = ctl.stats();
    CHECK(st.posts == 3); // the refused create, /auth/token, the create again
}

TEST_CASE("whole API: wrong credentials are an API error without the password")
{
    local_server srv;
    beast_client c(admin::beast_transport(trusting(srv)), srv.config(),
                   admin::console_credentials{"admin@example.com", admin::secret("not-the-password-42")});
    auto const r = c.list_customers(project);
    REQUIRE_FALSE(r);
    CHECK(r.error() == admin::errc::api_error);
    CHECK(r.error().http_status == 401);
    CHECK(r.error().to_string().find("not-the-password-42") == std::string::npos);
}

TEST_CASE("whole API: GETs are retried on 429 and 503 with Retry-After, POSTs never")
{
    local_server srv;
    control ctl(srv);
    auto c = make_client(srv);
    REQUIRE(c.fetch_token().has_value());
    std::vector<std::chrono::milliseconds> delays;
    c.set_retry_policy(recording(delays, 4));

    ctl.reset();
    ctl.arm(R"({"kind":"status","status":429,"retry_after":"1"})");
    ctl.arm(R"({"kind":"status","status":503})");
    auto const q = c.get_project_quotas(project);
    REQUIRE(q.has_value());
    CHECK(delays == std::vector<std::chrono::milliseconds>{50ms, 20ms}); // Retry-After capped; backoff 10 ms doubled
    CHECK(ctl.stats().requests == 3);

    delays.clear();
    ctl.reset();
    ctl.arm(R"({"kind":"status","status":503,"times":3})");
    auto const p = c.create_user(project, customer, make_user("no-retry"));
    REQUIRE_FALSE(p);
    CHECK(p.error().http_status == 503);
    CHECK(delays.empty());
    CHECK(ctl.stats().posts == 1);
}

TEST_CASE("whole API: the asynchronous forms, with use_future")
{
    local_server srv;
    boost::asio::io_context io;
    admin::client<admin::beast_transport> c(admin::beast_transport(io.get_executor(), trusting(srv)), srv.config(),
                                            control(srv).token());
    auto customers = c.async_list_customers(project, admin::page_request{}, boost::asio::use_future);
    auto quotas = c.async_get_project_quotas(project, boost::asio::use_future);
    std::thread runner([&] { io.run(); });
    auto const cl = customers.get();
    auto const pq = quotas.get();
    runner.join();
    REQUIRE(cl.has_value());
    CHECK(cl->customers.size() == 1);
    REQUIRE(pq.has_value());
    CHECK(pq->quotas.size() == 1);
}

namespace {

std::size_t logins(local_server const& srv)
{
    auto const log = srv.log();
    std::size_t n = 0;
    for(auto pos = log.find("/auth/token"); pos != std::string::npos; pos = log.find("/auth/token", pos + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("whole API: the asynchronous forms fetch the token, renew it, and answer a 401 once, as the synchronous ones")
{
    local_server srv({"--token-ttl", "2"});
    control ctl(srv);
    boost::asio::io_context io;
    auto work = boost::asio::make_work_guard(io);
    std::thread runner([&] { io.run(); });
    beast_client c(admin::beast_transport(io.get_executor(), trusting(srv)), srv.config(), credentials());

    // No token yet: the first call fetches one, the second reuses it.
    REQUIRE(c.async_get_project_quotas(project, boost::asio::use_future).get().has_value());
    REQUIRE(c.async_list_customers(project, admin::page_request{}, boost::asio::use_future).get().has_value());
    CHECK(logins(srv) == 1);
    std::this_thread::sleep_for(1200ms); // within the refresh margin of a 2 s token
    REQUIRE(c.async_get_project_quotas(project, boost::asio::use_future).get().has_value());
    CHECK(logins(srv) == 2);

    // A clock that stands still keeps an expired token: the server refuses
    // it with 401, the call fetches a new one and sends once more.
    beast_client late(admin::beast_transport(io.get_executor(), trusting(srv)), srv.config(), credentials());
    late.set_token_refresh(0s, [] { return std::chrono::steady_clock::time_point{}; });
    REQUIRE(late.async_get_project_quotas(project, boost::asio::use_future).get().has_value());
    std::this_thread::sleep_for(2200ms);
    ctl.reset();
    auto const u =
        late.async_create_user(project, customer, make_user("async-after-401"), boost::asio::use_future).get();
    REQUIRE(u.has_value());
    CHECK(ctl.stats().posts == 3); // the refused create, /auth/token, the create again

    // Wrong credentials: the token request's 401 is the error, without the password.
    beast_client wrong(admin::beast_transport(io.get_executor(), trusting(srv)), srv.config(),
                       admin::console_credentials{"admin@example.com", admin::secret("not-the-password-42")});
    auto const r = wrong.async_list_customers(project, admin::page_request{}, boost::asio::use_future).get();
    REQUIRE_FALSE(r);
    CHECK(r.error() == admin::errc::api_error);
    CHECK(r.error().http_status == 401);
    CHECK(r.error().to_string().find("not-the-password-42") == std::string::npos);

    work.reset();
    runner.join();
}

TEST_CASE("whole API: the asynchronous forms retry GETs with a timer, never POSTs, within the deadline")
{
    namespace net = boost::asio;
    local_server srv;
    control ctl(srv);
    net::io_context io;
    auto work = net::make_work_guard(io);
    std::thread runner([&] { io.run(); });
    beast_client c(admin::beast_transport(io.get_executor(), trusting(srv)), srv.config(), ctl.token());
    auto p = admin::retry_policy::with_attempts(4);
    p.max_retry_after = 50ms;
    p.base_delay = 10ms;
    c.set_retry_policy(p);

    ctl.reset();
    ctl.arm(R"({"kind":"status","status":429,"retry_after":"1"})");
    ctl.arm(R"({"kind":"status","status":503})");
    auto const start = std::chrono::steady_clock::now();
    REQUIRE(c.async_get_project_quotas(project, net::use_future).get().has_value());
    CHECK(std::chrono::steady_clock::now() - start >= 50ms); // Retry-After, capped: waited on the timer
    CHECK(ctl.stats().requests == 3);

    ctl.reset();
    ctl.arm(R"({"kind":"status","status":503,"times":3})");
    auto const u = c.async_create_user(project, customer, make_user("async-no-retry"), net::use_future).get();
    REQUIRE_FALSE(u);
    CHECK(u.error().http_status == 503);
    CHECK(ctl.stats().posts == 1);

    // A retry that would end past the deadline is not attempted.
    p.max_retry_after = 5s;
    p.deadline = 100ms;
    c.set_retry_policy(p);
    ctl.reset();
    ctl.arm(R"({"kind":"status","status":429,"retry_after":"2"})");
    auto const late = c.async_get_project_quotas(project, net::use_future).get();
    REQUIRE_FALSE(late);
    CHECK(late.error().http_status == 429);
    CHECK(ctl.stats().requests == 1);

    // Cancelled while it waits to retry: the call ends at once, with Asio's code.
    p.deadline = 60s;
    c.set_retry_policy(p);
    ctl.reset();
    ctl.arm(R"({"kind":"status","status":503,"retry_after":"3"})");
    net::cancellation_signal cancel;
    std::promise<admin::result<admin::project_quotas>> done;
    auto const began = std::chrono::steady_clock::now();
    c.async_get_project_quotas(project,
                               net::bind_cancellation_slot(cancel.slot(), [&](admin::result<admin::project_quotas> r) {
                                   done.set_value(std::move(r));
                               }));
    std::this_thread::sleep_for(300ms);
    net::post(io, [&] { cancel.emit(net::cancellation_type::terminal); });
    auto const cancelled = done.get_future().get();
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == net::error::operation_aborted);
    CHECK(std::chrono::steady_clock::now() - began < 2s);
    CHECK(ctl.stats().requests == 1);

    work.reset();
    runner.join();
}
