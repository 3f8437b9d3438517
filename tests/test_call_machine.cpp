// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The call machine alone, step by step: no transport, no client. Each test
// plays the driver: it reads the action, and answers it by hand.
#include <corti/admin/sansio/call_machine.hpp>
#include <corti/admin/testing/mock_transport.hpp>

#include <boost/asio/error.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

using namespace corti::admin;
using sansio::call_action;
using sansio::call_machine;
using sansio::token_state;

namespace {

char const* const password = "Console-Pa55word-0123";
char const* const user_password = "My$ecureP@ssw0rd123!";

http_response answer(unsigned status, std::string body = "{}")
{
    return testing::make_response(status, std::move(body));
}

http_response token_answer(std::string const& tok, int expires_in = 3600)
{
    return answer(200, R"({"accessToken":")" + tok + R"(","tokenType":"Bearer","expiresIn":)" +
                           std::to_string(expires_in) + "}");
}

token_state with_credentials() { return token_state(console_credentials{"admin@example.com", secret(password)}); }

result<http_request> get_request(config const& cfg, secret const& token)
{
    return make_get_project_quotas_request(cfg, token, "p");
}

new_user const a_user{"user@example.com", "John", "Doe", secret(user_password)};

retry_policy retries(unsigned attempts)
{
    auto p = detail::with_default_hooks(retry_policy::with_attempts(attempts));
    p.jitter = [] { return 0.0; };
    return p;
}

bool contains(std::string const& s, std::string const& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("call machine: a fixed token sends the request once and hands back the answer")
{
    config const cfg{};
    token_state tokens(secret("tok-A"));
    retry_policy const rp = retries(1);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {true, true, false});
    auto a = m.next();
    REQUIRE(a.what == call_action::kind::send);
    CHECK(a.request->headers.find("Authorization") == "Bearer tok-A");
    CHECK(a.request->target == "/functions/v1/public/projects/p/quotas");
    m.on_response(answer(200, R"({"quotas":[]})"));
    CHECK(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE(r);
    CHECK(r->status == 200);
}

TEST_CASE("call machine: an invalid request ends the call before any action")
{
    config const cfg{};
    token_state tokens(secret("tok-A"));
    retry_policy const rp = retries(3);
    call_machine m(tokens, rp, cfg, make_get_project_quotas_request(cfg, tokens.for_build(), ".."), {}, {});
    CHECK(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_argument);
    CHECK(r.error() == condition::invalid_argument);
}

TEST_CASE("call machine: with credentials and no token, the token comes first")
{
    config const cfg{};
    token_state tokens = with_credentials();
    retry_policy const rp = retries(1);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {});
    auto a = m.next();
    REQUIRE(a.what == call_action::kind::send);
    CHECK(a.request->target == "/functions/v1/public/auth/token");
    CHECK(a.request->headers.find("Authorization").empty());
    m.on_response(token_answer("tok-NEW"));
    a = m.next();
    REQUIRE(a.what == call_action::kind::send);
    CHECK(a.request->headers.find("Authorization") == "Bearer tok-NEW");
    CHECK(tokens.current().reveal() == "tok-NEW");
    m.on_response(answer(200));
    CHECK(m.next().what == call_action::kind::done);
    CHECK(m.take_response());
}

TEST_CASE("call machine: a 401 fetches one new token and sends the request once more")
{
    config const cfg{};
    token_state tokens = with_credentials();
    tokens.set(secret("tok-OLD"));
    retry_policy const rp = retries(1);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {});
    REQUIRE(m.next().request->headers.find("Authorization") == "Bearer tok-OLD");
    m.on_response(answer(401, R"({"message":"expired tok-OLD"})"));
    auto a = m.next();
    REQUIRE(a.what == call_action::kind::send);
    CHECK(a.request->target == "/functions/v1/public/auth/token");
    m.on_response(token_answer("tok-NEW"));
    a = m.next();
    REQUIRE(a.what == call_action::kind::send);
    CHECK(a.request->headers.find("Authorization") == "Bearer tok-NEW");
    // A second 401 is the answer: no third token.
    m.on_response(answer(401, R"({"message":"refused tok-OLD and tok-NEW"})"));
    REQUIRE(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK_FALSE(contains(r->body, "tok-OLD")); // the refused token is scrubbed too
    CHECK_FALSE(contains(r->body, "tok-NEW"));
}

TEST_CASE("call machine: a retryable answer asks for a wait, then the same request again")
{
    config const cfg{};
    token_state tokens(secret("tok-A"));
    retry_policy const rp = retries(3);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {true, true, false});
    m.on_response(answer(503));
    auto a = m.next();
    REQUIRE(a.what == call_action::kind::wait);
    CHECK(a.delay == std::chrono::milliseconds(125)); // base 250 ms: d/2 + 0 * d/2
    m.on_wait_done();
    a = m.next();
    REQUIRE(a.what == call_action::kind::send);
    m.on_response(answer(503));
    REQUIRE(m.next().what == call_action::kind::wait);
    CHECK(m.next().delay == std::chrono::milliseconds(250));
    m.on_wait_done();
    m.on_response(answer(503)); // the third attempt's answer is final
    REQUIRE(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE(r);
    CHECK(r->status == 503);
}

TEST_CASE("call machine: a transport failure is retried like a 503, a timeout is not")
{
    config const cfg{};
    token_state tokens(secret("tok-A"));
    retry_policy const rp = retries(2);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {true, true, false});
    m.on_response(error(errc::connection_failed, "refused"));
    REQUIRE(m.next().what == call_action::kind::wait);
    m.on_wait_done();
    m.on_response(error(errc::timeout, "deadline"));
    REQUIRE(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::timeout);
    CHECK(r.error() == condition::transport);
}

TEST_CASE("call machine: nothing is retried when the request may not be repeated or the driver cannot wait")
{
    config const cfg{};
    token_state tokens(secret("tok-A"));
    retry_policy const rp = retries(5);
    for(auto opt : {call_machine::options{false, true, false}, call_machine::options{true, false, false}})
    {
        call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, opt);
        m.on_response(answer(503));
        REQUIRE(m.next().what == call_action::kind::done);
        CHECK(m.take_response()->status == 503);
    }
}

TEST_CASE("call machine: a cancelled wait ends the call with the cancellation")
{
    config const cfg{};
    token_state tokens(secret("tok-A"));
    retry_policy const rp = retries(3);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {true, true, false});
    m.on_response(answer(429));
    REQUIRE(m.next().what == call_action::kind::wait);
    m.on_wait_done(boost::asio::error::operation_aborted);
    REQUIRE(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == boost::asio::error::operation_aborted);
    CHECK(r.error() == condition::transport);
}

TEST_CASE("call machine: the call's secret and the Console password are scrubbed from errors and answers")
{
    config const cfg{};
    token_state tokens = with_credentials();
    retry_policy const rp = retries(1);
    auto req = make_create_user_request(cfg, tokens.for_build(), "p", "c", a_user);
    std::string const sent_secret(user_password);
    SECTION("the token request fails: the error names neither password")
    {
        call_machine m(tokens, rp, cfg, std::move(req), sent_secret, {false, true, true});
        m.on_response(error(errc::connection_failed, std::string("failed with ") + password + " " + user_password));
        auto r = m.take_response();
        REQUIRE_FALSE(r);
        CHECK_FALSE(contains(r.error().to_string(), password));
        CHECK_FALSE(contains(r.error().to_string(), user_password));
    }
    SECTION("the answer echoes the password: scrubbed before the driver parses it")
    {
        call_machine m(tokens, rp, cfg, std::move(req), sent_secret, {false, true, true});
        m.on_response(token_answer("tok-NEW"));
        m.on_response(answer(400, std::string(R"({"message":"bad password )") + user_password + R"("})"));
        auto r = m.take_response();
        REQUIRE(r);
        CHECK_FALSE(contains(r->body, user_password));
        CHECK(contains(r->body, "[redacted]"));
    }
}

TEST_CASE("call machine: a refused token answer ends the call with the parser's error")
{
    config const cfg{};
    token_state tokens = with_credentials();
    retry_policy const rp = retries(1);
    call_machine m(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {});
    m.on_response(answer(403, R"({"message":"wrong password"})"));
    REQUIRE(m.next().what == call_action::kind::done);
    auto r = m.take_response();
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::api_error);
    CHECK(r.error() == condition::api_error);
    CHECK(r.error().server_message() == "wrong password");
    CHECK(r.error().http_status == 403);
}

TEST_CASE("token state: expiry, refresh margin and clamping")
{
    auto now = token_state::clock::time_point{} + std::chrono::hours(1);
    token_state tokens = with_credentials();
    tokens.set_refresh(std::chrono::seconds(60), [&] { return now; });
    CHECK(tokens.needs_fetch());
    CHECK(tokens.for_build().reveal() == "token-to-come");
    tokens.set(secret("tok"), std::chrono::seconds(600));
    CHECK_FALSE(tokens.needs_fetch());
    now += std::chrono::seconds(539);
    CHECK_FALSE(tokens.needs_fetch());
    now += std::chrono::seconds(1);
    CHECK(tokens.needs_fetch()); // 600 s less the 60 s margin
    tokens.set(secret("tok"), std::chrono::seconds(1) * 1'000'000'000'000LL);
    CHECK(tokens.expiry_after(std::chrono::seconds::max()) == now + max_token_lifetime - std::chrono::seconds(60));
    token_state fixed(secret("tok"));
    CHECK_FALSE(fixed.needs_fetch());
    auto const req = fixed.fetch_request(config{});
    REQUIRE_FALSE(req);
    CHECK(req.error().field == "credentials");
}

// Single flight: the calls in flight on one client share one token state.

namespace {

bool is_token_request(call_action const& a)
{
    return a.what == call_action::kind::send && a.request->target == "/functions/v1/public/auth/token";
}

std::string bearer(call_action const& a) { return std::string(a.request->headers.find("Authorization")); }

/// What the calls of one client share: the configuration, the token, the retry policy.
struct one_client
{
    config const cfg{};
    token_state tokens = with_credentials();
    retry_policy const rp = retries(1);

    /// A call of `GET /quotas`.
    call_machine call() { return call_machine(tokens, rp, cfg, get_request(cfg, tokens.for_build()), {}, {}); }

    /// A call of `client::fetch_token`.
    call_machine fetch_now() { return call_machine(tokens, rp, cfg, call_machine::fetch_only_t{}); }
};

} // namespace

TEST_CASE("call machine: calls that need a token at once send one token request, the others wait for it")
{
    one_client s;
    auto first = s.call();
    auto second = s.call();
    auto third = s.call();
    REQUIRE(is_token_request(first.next()));
    auto w = second.next();
    REQUIRE(w.what == call_action::kind::wait_token);
    CHECK(w.tokens == &s.tokens);
    REQUIRE(third.next().what == call_action::kind::wait_token);

    // An asynchronous waiter is told when the round ends; one that asks too late is told so.
    int woken = 0;
    CHECK(s.tokens.when_fetched(w.round, [&] { ++woken; }));
    first.on_response(token_answer("tok-ONE"));
    CHECK(woken == 1);
    CHECK_FALSE(s.tokens.when_fetched(w.round, [&] { ++woken; }));
    s.tokens.wait(w.round); // over: does not block

    REQUIRE(first.next().what == call_action::kind::send);
    CHECK(bearer(first.next()) == "Bearer tok-ONE");
    second.on_token_ready();
    third.on_token_ready();
    CHECK(bearer(second.next()) == "Bearer tok-ONE");
    CHECK(bearer(third.next()) == "Bearer tok-ONE");
}

TEST_CASE("call machine: a token that expires at once still serves the calls that waited for it")
{
    one_client s;
    auto first = s.call();
    auto second = s.call();
    REQUIRE(second.next().what == call_action::kind::wait_token);
    first.on_response(token_answer("tok-ZERO", 0));
    second.on_token_ready();
    CHECK(bearer(first.next()) == "Bearer tok-ZERO");
    CHECK(bearer(second.next()) == "Bearer tok-ZERO");
    // A call that starts now fetches again.
    auto later = s.call();
    CHECK(is_token_request(later.next()));
}

TEST_CASE("call machine: the calls that waited for a refused token request fail with its error")
{
    one_client s;
    auto first = s.call();
    auto second = s.call();
    REQUIRE(second.next().what == call_action::kind::wait_token);
    first.on_response(answer(403, std::string(R"({"message":"wrong password )") + password + R"("})"));
    second.on_token_ready();
    for(auto* m : {&first, &second})
    {
        REQUIRE(m->next().what == call_action::kind::done);
        auto r = m->take_response();
        REQUIRE_FALSE(r);
        CHECK(r.error().http_status == 403);
        CHECK_FALSE(contains(r.error().to_string(), password));
    }
    // The next call tries again: a failure is not kept.
    auto later = s.call();
    CHECK(is_token_request(later.next()));
}

TEST_CASE("call machine: a burst of 401s for one token fetches one new token")
{
    one_client s;
    s.tokens.set(secret("tok-OLD"));
    auto a = s.call();
    auto b = s.call();
    auto c = s.call();
    for(auto* m : {&a, &b, &c})
        REQUIRE(bearer(m->next()) == "Bearer tok-OLD");
    a.on_response(answer(401));
    b.on_response(answer(401));
    REQUIRE(is_token_request(a.next()));
    REQUIRE(b.next().what == call_action::kind::wait_token);
    a.on_response(token_answer("tok-NEW"));
    b.on_token_ready();
    CHECK(bearer(a.next()) == "Bearer tok-NEW");
    CHECK(bearer(b.next()) == "Bearer tok-NEW");
    // A 401 for the old token after the new one came: resent at once, nothing fetched.
    c.on_response(answer(401));
    CHECK(bearer(c.next()) == "Bearer tok-NEW");
}

TEST_CASE("call machine: a fetch its driver gave up on lets a waiting call fetch")
{
    one_client s;
    std::optional<call_machine> fetcher;
    fetcher.emplace(s.call());
    REQUIRE(is_token_request(fetcher->next()));
    auto waiting = s.call();
    REQUIRE(waiting.next().what == call_action::kind::wait_token);
    fetcher.reset(); // e.g. its io_context was destroyed
    waiting.on_token_ready();
    REQUIRE(is_token_request(waiting.next()));
    waiting.on_response(token_answer("tok"));
    CHECK(bearer(waiting.next()) == "Bearer tok");
}

TEST_CASE("call machine: a wait for the token cancelled before the fetch ends ends the call")
{
    one_client s;
    auto fetcher = s.call();
    auto waiting = s.call();
    REQUIRE(waiting.next().what == call_action::kind::wait_token);
    waiting.on_token_ready(boost::asio::error::operation_aborted);
    REQUIRE(waiting.next().what == call_action::kind::done);
    auto r = waiting.take_response();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == boost::asio::error::operation_aborted);
    // The fetch goes on for the others.
    fetcher.on_response(token_answer("tok"));
    CHECK(bearer(fetcher.next()) == "Bearer tok");
}

TEST_CASE("call machine: fetching a token now joins a fetch in flight")
{
    one_client s;
    s.tokens.set(secret("tok-VALID"), std::chrono::seconds(3600));
    auto now = s.fetch_now();
    REQUIRE(is_token_request(now.next())); // even though the token held is valid
    auto joining = s.fetch_now();
    REQUIRE(joining.next().what == call_action::kind::wait_token);
    now.on_response(token_answer("tok-FRESH"));
    joining.on_token_ready();
    CHECK(now.next().what == call_action::kind::done);
    CHECK(now.take_response());
    CHECK(joining.next().what == call_action::kind::done);
    CHECK(joining.take_response());
    CHECK(s.tokens.current().reveal() == "tok-FRESH");

    token_state fixed(secret("tok"));
    call_machine none(fixed, s.rp, s.cfg, call_machine::fetch_only_t{});
    REQUIRE(none.next().what == call_action::kind::done);
    auto r = none.take_response();
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "credentials");
}
