// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/client.hpp>
#include <corti/admin/retry.hpp>
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

#include <vector>

using namespace corti::admin;
using namespace std::chrono_literals;
using corti::admin::testing::mock_transport;

namespace {

auto const epoch_1994 =
    std::chrono::system_clock::time_point(std::chrono::seconds(784111777)); // Sun, 06 Nov 1994 08:49:37 GMT

// A policy whose clock, sleep and jitter are the test's.
struct fake_time
{
    retry_policy::clock::time_point now{};
    std::vector<std::chrono::milliseconds> sleeps;

    retry_policy policy(unsigned attempts)
    {
        auto p = retry_policy::with_attempts(attempts);
        p.jitter = [] { return 1.0; }; // the full backoff
        p.sleep = [this](std::chrono::milliseconds d) {
            sleeps.push_back(d);
            now += d;
        };
        p.now = [this] { return now; };
        p.wall_now = [] { return epoch_1994; };
        return p;
    }
};

http_response status(unsigned s, std::string retry_after = {})
{
    http_response r;
    r.status = s;
    r.headers.add("Content-Type", "application/json");
    if(!retry_after.empty())
        r.headers.add("Retry-After", retry_after);
    r.body = R"({"message":"busy"})";
    return r;
}

http_response quotas_ok()
{
    http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"users":{"quota":-1,"usage":0}})";
    return r;
}

} // namespace

TEST_CASE("Retry-After: delta-seconds and IMF-fixdate, anything else ignored")
{
    CHECK(parse_retry_after("120", epoch_1994) == 120s);
    CHECK(parse_retry_after(" 0 ", epoch_1994) == 0s);
    CHECK(parse_retry_after("99999999999999999999", epoch_1994) >= std::chrono::milliseconds(1'000'000'000'000LL));
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", epoch_1994) == 0s);
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", epoch_1994) == 30s);
    CHECK(parse_retry_after("Sat, 05 Nov 1994 08:49:37 GMT", epoch_1994) == 0s); // the past
    for(auto bad : {"", "-1", "1.5", "soon", "Sun, 06 Nov 1994 08:49:37 UTC", "Sunday, 06-Nov-94 08:49:37 GMT",
                    "Sun Nov  6 08:49:37 1994", "Sun, 06 Xyz 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT"})
    {
        CAPTURE(bad);
        CHECK_FALSE(parse_retry_after(bad, epoch_1994));
    }
}

TEST_CASE("backoff doubles, is capped, and takes the jitter")
{
    fake_time ft;
    auto p = ft.policy(10);
    p.base_delay = 100ms;
    p.max_delay = 1000ms;
    CHECK(detail::retry_delay(p, 1, nullptr) == 100ms);
    CHECK(detail::retry_delay(p, 2, nullptr) == 200ms);
    CHECK(detail::retry_delay(p, 4, nullptr) == 800ms);
    CHECK(detail::retry_delay(p, 5, nullptr) == 1000ms);
    CHECK(detail::retry_delay(p, 60, nullptr) == 1000ms);
    p.jitter = [] { return 0.0; };
    CHECK(detail::retry_delay(p, 2, nullptr) == 100ms);
    auto const r = status(429, "100");
    p.max_retry_after = 5000ms;
    CHECK(detail::retry_delay(p, 1, &r) == 5000ms); // capped
}

TEST_CASE("client: GETs are retried on 429/503 with the recorded delays, then succeed")
{
    fake_time ft;
    mock_transport t;
    t.push(status(429, "2"));
    t.push(status(503));
    t.push(quotas_ok());
    client<mock_transport&> c(t, config{}, secret("tok"));
    auto p = ft.policy(3);
    p.base_delay = 100ms;
    c.set_retry_policy(p);
    auto const q = c.get_customer_quotas("p", "c");
    REQUIRE(q);
    CHECK(q->users.unlimited());
    CHECK(t.requests().size() == 3);
    CHECK(ft.sleeps == std::vector<std::chrono::milliseconds>{2000ms, 200ms});
}

TEST_CASE("client: retries stop at max_attempts and return the last answer")
{
    fake_time ft;
    mock_transport t;
    for(int i = 0; i < 5; ++i)
        t.push(status(502));
    client<mock_transport&> c(t, config{}, secret("tok"));
    c.set_retry_policy(ft.policy(3));
    auto const q = c.get_customer_quotas("p", "c");
    REQUIRE_FALSE(q);
    CHECK(q.error() == errc::api_error);
    CHECK(q.error().http_status == 502);
    CHECK(t.requests().size() == 3);
    CHECK(ft.sleeps.size() == 2);
}

TEST_CASE("client: connection failures are retried, other transport errors are not")
{
    fake_time ft;
    mock_transport t;
    t.push_error(error(errc::connection_failed, "refused"));
    t.push(quotas_ok());
    t.push_error(error(errc::truncated_response));
    client<mock_transport&> c(t, config{}, secret("tok"));
    c.set_retry_policy(ft.policy(3));
    CHECK(c.get_customer_quotas("p", "c"));
    CHECK(t.requests().size() == 2);
    auto const q = c.get_customer_quotas("p", "c");
    REQUIRE_FALSE(q);
    CHECK(q.error() == errc::truncated_response);
    CHECK(t.requests().size() == 3);
}

TEST_CASE("client: the deadline is checked before every sleep")
{
    fake_time ft;
    mock_transport t;
    t.push(status(503, "20"));
    t.push(quotas_ok());
    client<mock_transport&> c(t, config{}, secret("tok"));
    auto p = ft.policy(5);
    p.deadline = 10s;
    c.set_retry_policy(p);
    auto const q = c.get_customer_quotas("p", "c");
    REQUIRE_FALSE(q);
    CHECK(q.error().http_status == 503);
    CHECK(ft.sleeps.empty());
    CHECK(t.requests().size() == 1);
}

TEST_CASE("client: POST and PATCH are never retried, DELETE is")
{
    fake_time ft;
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret("tok"));
    c.set_retry_policy(ft.policy(5));
    t.push(status(503));
    t.push(status(503));
    CHECK_FALSE(c.create_customer("p", new_customer{"C", "c", std::nullopt, std::nullopt, std::nullopt}));
    CHECK(t.requests().size() == 1);
    t.push_error(error(errc::connection_failed));
    user_update u;
    u.enabled = false;
    CHECK_FALSE(c.update_user("p", "c", uuid(), u));
    CHECK(t.requests().size() == 2);
    t.clear();
    t.push(status(503));
    http_response gone;
    gone.status = 204;
    t.push(gone);
    CHECK(c.delete_user("p", "c", uuid()));
    CHECK(t.requests().size() == 2);
}

TEST_CASE("client: no retry by default")
{
    mock_transport t;
    t.push(status(503));
    t.push(quotas_ok());
    client<mock_transport&> c(t, config{}, secret("tok"));
    CHECK_FALSE(c.get_customer_quotas("p", "c"));
    CHECK(t.requests().size() == 1);
}

TEST_CASE("the default jitter is in [0, 1) and spread out")
{
    auto const p = detail::with_default_hooks(retry_policy{});
    double sum = 0;
    double lo = 1, hi = 0;
    for(int i = 0; i < 10000; ++i)
    {
        double const j = p.jitter();
        REQUIRE(j >= 0.0);
        REQUIRE(j < 1.0);
        sum += j;
        lo = std::min(lo, j);
        hi = std::max(hi, j);
    }
    CHECK(sum / 10000 == Approx(0.5).margin(0.05));
    CHECK(lo < 0.01);
    CHECK(hi > 0.99);
}
