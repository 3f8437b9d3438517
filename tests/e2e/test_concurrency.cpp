// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Many calls at once on ONE client<beast_transport> with Console credentials,
// against the local server: synchronous calls from several threads, and
// asynchronous calls on one io_context run by one thread or by four. Every
// call succeeds once, the calls share the transport's bounded pool of
// connections (max_connections) and one token: the first calls race for it,
// and a burst of 401s leads to one refetch. CI also runs these under
// ThreadSanitizer.
//
// Counting connections: the test's control connection (support.hpp) is
// opened before the reset and kept open (a long max_idle), so after the
// reset `accepts` counts the client's connections only, and
// `peak_connections` counts the client's plus that one.

#include "support.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace e2e;
namespace net = boost::asio;

namespace {

using beast_client = admin::client<admin::beast_transport>;

constexpr std::size_t pool_size = 8;

admin::console_credentials credentials() { return {"admin@example.com", admin::secret("local-dev-password")}; }

/// The client's transport options: the server's CA and a pool of 8.
admin::beast_transport_options pooled(local_server const& srv)
{
    auto o = trusting(srv);
    o.max_connections = pool_size;
    o.timeout = std::chrono::seconds(20); // queued calls wait for a connection within it; sanitizers are slow
    return o;
}

/// A control connection that outlives the test, so that the counters after
/// its reset hold no connection of its own.
admin::beast_transport_options long_lived(local_server const& srv)
{
    auto o = trusting(srv);
    o.max_idle = std::chrono::seconds(50); // under the server's 60 s idle timeout
    return o;
}

/// Failures seen on other threads, checked on the test's thread (Catch's
/// assertions are not thread-safe).
struct failures
{
    std::mutex m;
    std::vector<std::string> texts;

    void add(std::string text)
    {
        std::lock_guard<std::mutex> lock(m);
        texts.push_back(std::move(text));
    }
};

/// The emails of the customer's users that start with `prefix` (a user made
/// twice shows twice).
std::multiset<std::string> users_with_prefix(beast_client& c, std::string const& prefix)
{
    auto const all = c.list_all_users(project, customer, {1000, 10});
    INFO((all ? std::string() : all.error().to_string()));
    REQUIRE(all.has_value());
    std::multiset<std::string> out;
    for(auto const& u : *all)
        if(u.email.rfind(prefix, 0) == 0)
            out.insert(u.email);
    return out;
}

/// `n` emails, all distinct.
void check_each_once(std::multiset<std::string> const& emails, std::size_t n)
{
    CHECK(emails.size() == n);
    CHECK(std::set<std::string>(emails.begin(), emails.end()).size() == n);
}

/// Starts `n` async_create_user at once on one client, then runs the
/// io_context on `threads` threads until they are done, and checks the
/// results and the server's counters.
void async_burst(std::size_t n, unsigned threads, std::string const& tag)
{
    local_server srv;
    control ctl(srv, long_lived(srv));
    ctl.reset();
    net::io_context ioc;
    beast_client c(admin::beast_transport(ioc.get_executor(), pooled(srv)), srv.config(), credentials());

    std::vector<admin::new_user> users;
    for(std::size_t i = 0; i < n; ++i)
        users.push_back(make_user(tag));
    std::vector<std::optional<admin::result<admin::user>>> out(n); // one slot per call: no two threads share one
    std::atomic<std::size_t> completions{0};
    for(std::size_t i = 0; i < n; ++i)
        c.async_create_user(project, customer, users[i], [&out, &completions, i](admin::result<admin::user> r) {
            out[i].emplace(std::move(r));
            ++completions;
        });

    std::vector<std::thread> runners;
    for(unsigned t = 1; t < threads; ++t)
        runners.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for(auto& r : runners)
        r.join();

    CHECK(completions == n); // each handler ran exactly once
    std::size_t ok = 0;
    for(std::size_t i = 0; i < n; ++i)
    {
        REQUIRE(out[i].has_value());
        auto const& r = *out[i];
        INFO("call " << i << ": " << (r ? std::string() : r.error().to_string()));
        CHECK(r.has_value());
        if(r && r->email == users[i].email) // each answer went to its own call
            ++ok;
    }
    CHECK(ok == n);

    auto const s = ctl.stats();
    CHECK(s.token_requests == 1);
    CHECK(s.posts == n + 1); // every create once, and the one token
    CHECK(s.accepts <= pool_size);
    CHECK(s.peak_connections <= pool_size + 1); // + the control connection
    check_each_once(users_with_prefix(c, tag + "-"), n);
}

} // namespace

TEST_CASE("concurrency: 8 threads x 100 create_user on one client share 8 connections and one token")
{
    constexpr unsigned threads = 8;
    constexpr unsigned per_thread = 100;
    local_server srv;
    control ctl(srv, long_lived(srv));
    ctl.reset();
    beast_client c(admin::beast_transport(pooled(srv)), srv.config(), credentials());

    failures bad;
    std::vector<std::thread> workers;
    for(unsigned t = 0; t < threads; ++t)
        workers.emplace_back([&c, &bad, t] {
            for(unsigned i = 0; i < per_thread; ++i)
            {
                auto const u = make_user("sync-" + std::to_string(t));
                auto const r = c.create_user(project, customer, u);
                if(!r)
                    bad.add(u.email + ": " + r.error().to_string()); // a 409 too: each email is new
                else if(r->email != u.email)
                    bad.add(u.email + ": answered with " + r->email);
            }
        });
    for(auto& w : workers)
        w.join();

    INFO(bad.texts.size() << " failed; the first: " << (bad.texts.empty() ? std::string() : bad.texts.front()));
    CHECK(bad.texts.empty());
    auto const s = ctl.stats();
    CHECK(s.token_requests == 1);
    CHECK(s.posts == threads * per_thread + 1);
    CHECK(s.accepts <= pool_size);
    CHECK(s.peak_connections <= pool_size + 1); // + the control connection
    check_each_once(users_with_prefix(c, "sync-"), threads * per_thread);
}

TEST_CASE("concurrency: 256 async_create_user on one client, io_context run by one thread")
{
    async_burst(256, 1, "async1");
}

TEST_CASE("concurrency: 256 async_create_user on one client, io_context run by 4 threads")
{
    async_burst(256, 4, "async4");
}

TEST_CASE("concurrency: a burst of 401s leads to one token refetch")
{
    constexpr std::size_t n = 32;
    local_server srv;
    control ctl(srv, long_lived(srv));
    ctl.reset();
    net::io_context ioc;
    beast_client c(admin::beast_transport(ioc.get_executor(), pooled(srv)), srv.config(), credentials());
    // A token this server never issued: every call is refused once.
    c.set_token(admin::secret("not-a-token-this-server-issued-0123456789"));

    std::vector<admin::new_user> users;
    for(std::size_t i = 0; i < n; ++i)
        users.push_back(make_user("burst401"));
    std::vector<std::optional<admin::result<admin::user>>> out(n);
    for(std::size_t i = 0; i < n; ++i)
        c.async_create_user(project, customer, users[i],
                            [&out, i](admin::result<admin::user> r) { out[i].emplace(std::move(r)); });
    ioc.run();

    for(std::size_t i = 0; i < n; ++i)
    {
        REQUIRE(out[i].has_value());
        auto const& r = *out[i];
        INFO("call " << i << ": " << (r ? std::string() : r.error().to_string()));
        REQUIRE(r.has_value());
        CHECK(r->email == users[i].email);
    }
    auto const s = ctl.stats();
    CHECK(s.token_requests == 1);
    // Each call sent once or twice (refused, then resent with the new token).
    auto const creates = s.posts - s.token_requests;
    CHECK(creates >= n);
    CHECK(creates <= 2 * n);
    CHECK(s.accepts <= pool_size);
    CHECK(s.peak_connections <= pool_size + 1); // + the control connection
    check_each_once(users_with_prefix(c, "burst401-"), n);
}
