// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/client.hpp>
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace corti::admin;
using corti::admin::testing::mock_transport;

namespace {

std::string const docs_body = R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com",)"
                              R"("firstName":"John","lastName":"Doe","emailVerified":true,"enabled":true,)"
                              R"("createdAt":"2023-10-01T12:00:00Z"})";
char const* const password = "My$ecureP@ssw0rd123!";
char const* const token = "tok-SECRET-0123456789";

new_user docs_user() { return new_user{"user@example.com", "John", "Doe", secret(password)}; }

} // namespace

TEST_CASE("create_user: builds, sends once, parses")
{
    mock_transport t;
    t.push(201, docs_body);
    client<mock_transport&> c(t, config{}, secret(token));
    auto const u = c.create_user("consoleproject", "contosohospital", docs_user());
    REQUIRE(u);
    CHECK(u->email == "user@example.com");
    CHECK(u->id->to_string() == "123e4567-e89b-12d3-a456-426614174000");
    REQUIRE(t.requests().size() == 1);
    auto const& req = t.requests()[0];
    CHECK(req.method == http_method::post);
    CHECK(req.target == "/functions/v1/public/projects/consoleproject/customers/contosohospital/users");
    CHECK(req.headers.find("Authorization") == std::string("Bearer ") + token);
    CHECK(t.pending() == 0);
}

TEST_CASE("create_user: invalid arguments are rejected before anything is sent")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret(token));
    auto u = docs_user();
    u.password = secret("short");
    auto r = c.create_user("p", "c", u);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_field);
    CHECK(r.error().field == "/password");
    r = c.create_user("p", "a/..", docs_user()); // one segment, "a%2F..": valid, so it is sent
    REQUIRE(t.requests().size() == 1);
    CHECK(t.requests()[0].target == "/functions/v1/public/projects/p/customers/a%2F../users");
    r = c.create_user("p", "..", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "customerId");
    CHECK(t.requests().size() == 1);
}

TEST_CASE("create_user: a POST is never resent, whatever the transport or server says")
{
    mock_transport t;
    t.push_error(error(errc::connection_failed, "connection reset"));
    t.push(503, R"({"message":"try later"})");
    t.push(201, docs_body);
    client<mock_transport&> c(t, config{}, secret(token));
    auto r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::connection_failed);
    CHECK(t.requests().size() == 1);
    r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::api_error);
    CHECK(r.error().http_status == 503);
    CHECK(t.requests().size() == 2);
}

TEST_CASE("create_user: the password and the token never appear in an error")
{
    mock_transport t;
    std::string const echo =
        std::string(R"({"message":"password )") + password + " rejected for token " + token + R"("})";
    t.push(400, echo);
    t.push(201, echo.substr(0, echo.size() - 1)); // malformed
    t.push_error(error(errc::connection_failed, std::string("peer said ") + token));
    http_response odd;
    odd.status = 500;
    odd.headers.add("x-request-id", token);
    odd.body = password;
    t.push(odd);
    client<mock_transport&> c(t, config{}, secret(token));
    for(int i = 0; i < 4; ++i)
    {
        auto const r = c.create_user("p", "c", docs_user());
        REQUIRE_FALSE(r);
        std::ostringstream os;
        os << r.error();
        CAPTURE(os.str());
        CHECK(os.str().find(password) == std::string::npos);
        CHECK(os.str().find(token) == std::string::npos);
        CHECK(r.error().to_string().find(password) == std::string::npos);
        CHECK(r.error().request_id.find(token) == std::string::npos);
    }
}

TEST_CASE("create_user: the mock's own error when nothing is queued")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret(token));
    auto const r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == boost::system::errc::no_message_available);
    CHECK(r.error().message == "mock_transport: no response queued");
}

TEST_CASE("client: holds the transport by value or by reference, and the token can be replaced")
{
    client<mock_transport> owning(mock_transport{}, config{}, secret(token));
    owning.get_transport().push(201, docs_body);
    owning.set_token(secret("new-token"));
    REQUIRE(owning.create_user("p", "c", docs_user()));
    CHECK(owning.get_transport().requests().at(0).headers.find("Authorization") == "Bearer new-token");
    CHECK(owning.get_config().endpoint.host == "api.console.corti.app");
}

TEST_CASE("redact_in replaces every occurrence, left to right, without overlaps")
{
    auto redacted = [](std::string text, std::string_view s) {
        detail::redact_in(text, s);
        return text;
    };
    CHECK(redacted("aXa", "a") == "[redacted]X[redacted]");
    CHECK(redacted("aaa", "aa") == "[redacted]a");
    CHECK(redacted("no secret here", "zz") == "no secret here");
    CHECK(redacted("ends with tok", "tok") == "ends with [redacted]");
    CHECK(redacted("a long-secret-value b", "long-secret-value") == "a [redacted] b");
    CHECK(redacted("", "x").empty());
    CHECK(redacted("x", "") == "x");
}

// ---------------------------------------------------------------------------
// Tokens from credentials, paging, every operation through the client.

namespace {

http_response token_response(std::string tok, std::string const& expires_in)
{
    http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"accessToken":")" + tok + R"(","tokenType":"bearer","expiresIn":)" + expires_in + "}";
    return r;
}

http_response token_response(std::string tok, int expires_in)
{
    return token_response(std::move(tok), std::to_string(expires_in));
}

console_credentials creds() { return {"admin@example.com", secret("console-PASSWORD-42")}; }

std::string customers_page(int page, bool more, int n = 1)
{
    std::string items;
    for(int i = 0; i < n; ++i)
        items += std::string(i ? "," : "") + R"({"displayName":"d","tenantName":"base","region":"eu","customerId":"c)" +
                 std::to_string(page) + "-" + std::to_string(i) + R"("})";
    return R"({"customers":[)" + items + R"(],"pagination":{"page":)" + std::to_string(page) +
           R"(,"pageSize":2,"hasNextPage":)" + (more ? "true" : "false") + "}}";
}

} // namespace

TEST_CASE("credentials: a token is fetched before the first call and reused until it nears expiry")
{
    mock_transport t;
    auto now = std::chrono::steady_clock::time_point{};
    client<mock_transport&> c(t, config{}, creds());
    c.set_token_refresh(std::chrono::seconds(60), [&] { return now; });
    t.push(token_response("T1", 3600));
    t.push(201, docs_body);
    t.push(201, docs_body);
    REQUIRE(c.create_user("p", "c", docs_user()));
    REQUIRE(c.create_user("p", "c", docs_user()));
    REQUIRE(t.requests().size() == 3);
    CHECK(t.requests()[0].target == "/functions/v1/public/auth/token");
    CHECK(t.requests()[0].body == R"({"email":"admin@example.com","password":"console-PASSWORD-42"})");
    CHECK(t.requests()[1].headers.find("Authorization") == "Bearer T1");
    CHECK(t.requests()[2].headers.find("Authorization") == "Bearer T1");

    now += std::chrono::seconds(3600 - 60); // within the refresh margin
    t.push(token_response("T2", 3600));
    t.push(201, docs_body);
    REQUIRE(c.create_user("p", "c", docs_user()));
    REQUIRE(t.requests().size() == 5);
    CHECK(t.requests()[3].target == "/functions/v1/public/auth/token");
    CHECK(t.requests()[4].headers.find("Authorization") == "Bearer T2");
}

TEST_CASE("credentials: one new token and one resend after a 401, never more")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, creds());
    t.push(token_response("T1", 3600));
    t.push(401, R"({"message":"expired"})");
    t.push(token_response("T2", 3600));
    t.push(201, docs_body);
    REQUIRE(c.create_user("p", "c", docs_user()));
    REQUIRE(t.requests().size() == 4);
    CHECK(t.requests()[3].headers.find("Authorization") == "Bearer T2");

    t.push(401, R"({"message":"expired"})");
    t.push(token_response("T3", 3600));
    t.push(401, R"({"message":"still no"})");
    auto const r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error().http_status == 401);
    CHECK(r.error().server_message() == "still no");
    CHECK(t.requests().size() == 7);
}

TEST_CASE("credentials: a fixed-token client does not refresh, and a failed login never leaks the password")
{
    mock_transport t;
    client<mock_transport&> fixed(t, config{}, secret("tok"));
    t.push(401, R"({"message":"expired"})");
    CHECK(fixed.create_user("p", "c", docs_user()).error().http_status == 401);
    CHECK(t.requests().size() == 1);
    CHECK(fixed.fetch_token().error() == errc::invalid_argument);

    mock_transport t2;
    client<mock_transport&> c(t2, config{}, creds());
    t2.push(401, R"({"message":"wrong password console-PASSWORD-42 for admin"})");
    auto const r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error().http_status == 401);
    CHECK(r.error().to_string().find("console-PASSWORD-42") == std::string::npos);
    CHECK(t2.requests().size() == 1); // nothing else was sent
}

TEST_CASE(
    "credentials: invalid arguments are reported before any token is fetched, and the stand-in token never goes out")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, creds());
    auto bad = docs_user();
    bad.email = "not-an-email";
    auto const r = c.create_user("p", "c", bad);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_field);
    CHECK(t.requests().empty()); // no login for a request that cannot be sent
    CHECK(c.create_user("..", "c", docs_user()).error() == errc::invalid_argument);
    CHECK(t.requests().empty());

    // The request is built before the token comes; the one sent carries the token.
    t.push(token_response("T1", 3600));
    t.push(201, docs_body);
    REQUIRE(c.create_user("p", "c", docs_user()));
    REQUIRE(t.requests().size() == 2);
    CHECK(t.requests()[1].headers.find("Authorization") == "Bearer T1");
    for(auto const& req : t.requests())
        CHECK(serialize_http1(req).find("token-to-come") == std::string::npos);
}

TEST_CASE("paging: list_all_customers follows hasNextPage and stops")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret("tok"));
    t.push(200, customers_page(1, true, 2));
    t.push(200, customers_page(2, true, 2));
    t.push(200, customers_page(3, false, 1));
    auto const all = c.list_all_customers("p", {2, 10});
    REQUIRE(all);
    REQUIRE(all->size() == 5);
    CHECK(all->front().customer_id == "c1-0");
    CHECK(all->back().customer_id == "c3-0");
    REQUIRE(t.requests().size() == 3);
    CHECK(t.requests()[2].target == "/functions/v1/public/projects/p/customers?page=3&pageSize=2");
}

TEST_CASE("paging: a server that never ends, or answers the wrong page, cannot loop the client")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret("tok"));
    for(int i = 1; i <= 5; ++i)
        t.push(200, customers_page(i, true));
    auto const r = c.list_all_customers("p", {2, 3});
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::too_many_pages);
    CHECK(t.requests().size() == 3);

    t.clear();
    t.push(200, customers_page(1, true));
    t.push(200, customers_page(1, true)); // page 2 asked, page 1 answered
    auto const w = c.list_all_customers("p", {2, 100});
    REQUIRE_FALSE(w);
    CHECK(w.error() == errc::invalid_value);
    CHECK(w.error().field == "/pagination/page");

    CHECK(c.list_all_customers("p", {0, 1}).error() == errc::invalid_argument);
}

TEST_CASE("paging: list_all_users with the older total form")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret("tok"));
    auto const page = [](int n, int total) {
        return R"({"users":[{"email":"a@b.co","firstName":"A","lastName":"B","enabled":true}],"pagination":{"page":)" +
               std::to_string(n) + R"(,"pageSize":1,"total":)" + std::to_string(total) + "}}";
    };
    t.push(200, page(1, 2));
    t.push(200, page(2, 2));
    auto const all = c.list_all_users("p", "c", {1, 10});
    REQUIRE(all);
    CHECK(all->size() == 2);
    CHECK(t.requests().size() == 2);
}

TEST_CASE("every operation goes through the client")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret("tok"));
    auto const id = *uuid::parse("123e4567-e89b-12d3-a456-426614174000");
    std::string const cust = R"({"displayName":"d","tenantName":"base","region":"eu","customerId":"c"})";
    http_response no_content;
    no_content.status = 204;

    t.push(200, customers_page(1, false));
    CHECK(c.list_customers("p")->customers.size() == 1);
    t.push(201, cust);
    CHECK(c.create_customer("p", {"d", "c", std::nullopt, std::nullopt, std::nullopt})->customer_id == "c");
    t.push(200, cust);
    CHECK(c.update_customer("p", "c", customer_update{})->display_name == "d");
    t.push(no_content);
    CHECK(c.delete_customer("p", "c"));
    t.push(200, R"({"users":{"quota":5,"usage":1,"remaining":4}})");
    CHECK(c.get_customer_quotas("p", "c")->users.remaining == 4);
    t.push(200, R"({"users":[],"pagination":{"page":1,"pageSize":20,"hasNextPage":false}})");
    CHECK(c.list_users("p", "c")->users.empty());
    t.push(200, docs_body);
    CHECK(c.update_user("p", "c", id, user_update{})->email == "user@example.com");
    t.push(no_content);
    CHECK(c.delete_user("p", "c", id));
    t.push(200, R"({"consumption":12.5})");
    CHECK(*c.get_user_consumption("p", "c", id, *date_time::parse("2026-01-01T00:00:00Z"),
                                  *date_time::parse("2026-01-02T00:00:00Z"), "Europe/Copenhagen") == 12.5);
    t.push(200, R"({"quotas":[]})");
    CHECK(c.get_project_quotas("p")->quotas.empty());

    std::vector<std::string> const expected = {
        "GET /functions/v1/public/projects/p/customers?page=1&pageSize=20",
        "POST /functions/v1/public/projects/p/customers",
        "PATCH /functions/v1/public/projects/p/customers/c",
        "DELETE /functions/v1/public/projects/p/customers/c",
        "GET /functions/v1/public/projects/p/customers/c/quotas",
        "GET /functions/v1/public/projects/p/customers/c/users?page=1&pageSize=20",
        "PATCH /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000",
        "DELETE /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000",
        "GET /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000/consumption"
        "?from=2026-01-01T00%3A00%3A00Z&to=2026-01-02T00%3A00%3A00Z&windowTimeZone=Europe%2FCopenhagen",
        "GET /functions/v1/public/projects/p/quotas",
    };
    REQUIRE(t.requests().size() == expected.size());
    for(std::size_t i = 0; i < expected.size(); ++i)
        CHECK(std::string(to_string(t.requests()[i].method)) + " " + t.requests()[i].target == expected[i]);
}

// ---------------------------------------------------------------------------
// Token lifetimes at the edges (run under UBSan: no arithmetic may overflow).

namespace {

using clock_type = std::chrono::steady_clock;

/// Answers `/auth/token` with a token of the given `expiresIn`, and any other
/// request with an empty project-quotas page; counts both.
struct token_server
{
    std::string expires_in = "3600";
    int logins = 0;
    int calls = 0;
    std::string last_authorization;

    result<http_response> send(http_request const& req)
    {
        if(req.target.find("/auth/token") != std::string::npos)
        {
            ++logins;
            return token_response("T" + std::to_string(logins), expires_in);
        }
        ++calls;
        last_authorization = std::string(req.headers.find("Authorization"));
        http_response r;
        r.status = 200;
        r.headers.add("Content-Type", "application/json");
        r.body = R"({"quotas":[]})";
        return r;
    }
};

/// A client whose clock the test moves; `now` starts a while after the epoch.
struct timed_client
{
    token_server t;
    clock_type::time_point now = clock_type::time_point{} + std::chrono::hours(1000);
    client<token_server&> c{t, config{}, creds()};

    timed_client()
    {
        c.set_token_refresh(std::chrono::seconds(60), [this] { return now; });
    }

    /// Makes one call (the server's tokens now have `expires_in`); returns
    /// true when the call fetched a token first.
    bool call_fetches(std::string const& expires_in = "3600")
    {
        t.expires_in = expires_in;
        int const logins = t.logins;
        int const calls = t.calls;
        REQUIRE(c.get_project_quotas("p"));
        REQUIRE(t.calls == calls + 1);
        REQUIRE(t.logins - logins <= 1);
        if(t.logins == logins)
            return false;
        CHECK(t.last_authorization == "Bearer T" + std::to_string(t.logins)); // the call used the new token
        return true;
    }
};

} // namespace

TEST_CASE("token lifetimes: expiresIn 0 is used for the call it was fetched for, and fetched again by the next")
{
    timed_client tc;
    REQUIRE(tc.call_fetches("0")); // one token, one call: no refetch loop
    CHECK(tc.call_fetches("0"));   // expired at once: the next call fetches (once)
    CHECK(tc.t.logins == 2);
    CHECK(tc.t.calls == 2);
}

TEST_CASE("token lifetimes: expiresIn 1 is renewed after half its lifetime")
{
    timed_client tc;
    REQUIRE(tc.call_fetches("1"));
    tc.now += std::chrono::milliseconds(499);
    CHECK_FALSE(tc.call_fetches());
    tc.now += std::chrono::milliseconds(1);
    CHECK(tc.call_fetches());
}

TEST_CASE("token lifetimes: huge expiresIn values are clamped to max_token_lifetime, without overflow")
{
    for(std::string const v : {"2147483648", "9007199254740992", "9999999999999", "9223372036854775807"})
    {
        CAPTURE(v);
        timed_client tc;
        REQUIRE(tc.call_fetches(v));
        // Renewed 60 s before the clamped lifetime runs out, not centuries later.
        tc.now += max_token_lifetime - std::chrono::seconds(61);
        CHECK_FALSE(tc.call_fetches());
        tc.now += std::chrono::seconds(1);
        CHECK(tc.call_fetches());
    }
}

TEST_CASE("token lifetimes: extreme clocks and refresh margins do not overflow")
{
    for(auto margin : {std::chrono::seconds::min(), std::chrono::seconds(-5), std::chrono::seconds::max()})
    {
        timed_client tc;
        tc.c.set_token_refresh(margin, [&tc] { return tc.now; });
        REQUIRE(tc.call_fetches("9999999999999"));
        tc.now += std::chrono::seconds(1);
        CHECK_FALSE(tc.call_fetches()); // a negative margin is none; a huge one is half the lifetime
    }
    timed_client late;
    late.now = clock_type::time_point::max() - std::chrono::hours(1);
    REQUIRE(late.call_fetches("9999999999999"));
    CHECK_FALSE(late.call_fetches()); // the expiry saturates at the clock's end
}

TEST_CASE("set_token with credentials: the given token is used until a 401, then the credentials fetch a new one")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, creds());
    std::string const quotas = R"({"quotas":[]})";
    c.set_token(secret("GIVEN"));
    t.push(200, quotas);
    t.push(200, quotas);
    REQUIRE(c.get_project_quotas("p"));
    REQUIRE(c.get_project_quotas("p"));
    REQUIRE(t.requests().size() == 2); // no /auth/token
    CHECK(t.requests()[0].headers.find("Authorization") == "Bearer GIVEN");
    CHECK(t.requests()[1].headers.find("Authorization") == "Bearer GIVEN");

    t.push(401, R"({"message":"revoked"})");
    t.push(token_response("T1", 3600));
    t.push(200, quotas);
    t.push(200, quotas);
    REQUIRE(c.get_project_quotas("p"));
    REQUIRE(c.get_project_quotas("p"));
    REQUIRE(t.requests().size() == 6);
    CHECK(t.requests()[2].headers.find("Authorization") == "Bearer GIVEN");
    CHECK(t.requests()[3].target == "/functions/v1/public/auth/token");
    CHECK(t.requests()[4].headers.find("Authorization") == "Bearer T1");
    CHECK(t.requests()[5].headers.find("Authorization") == "Bearer T1"); // the new token is kept
    CHECK(t.pending() == 0);

    c.set_token(secret("")); // an empty token is none: the next call fetches
    t.push(token_response("T2", 3600));
    t.push(200, quotas);
    REQUIRE(c.get_project_quotas("p"));
    REQUIRE(t.requests().size() == 8);
    CHECK(t.requests()[7].headers.find("Authorization") == "Bearer T2");
}

TEST_CASE("set_token with an expiry: used until it nears the expiry, then the credentials fetch a new one")
{
    timed_client tc;
    tc.c.set_token(secret("GIVEN"), std::chrono::seconds(120));
    CHECK_FALSE(tc.call_fetches());
    CHECK(tc.t.last_authorization == "Bearer GIVEN");
    tc.now += std::chrono::seconds(59);
    CHECK_FALSE(tc.call_fetches());
    CHECK(tc.t.last_authorization == "Bearer GIVEN");
    tc.now += std::chrono::seconds(1); // 60 s before the 120 s run out
    CHECK(tc.call_fetches());
    CHECK(tc.t.last_authorization == "Bearer T1");

    tc.c.set_token(secret("GIVEN"), std::chrono::seconds(0)); // already expired: never sent
    CHECK(tc.call_fetches());
    CHECK(tc.t.last_authorization == "Bearer T2");

    // A fixed-token client always sends its token, expiry or not.
    mock_transport t;
    client<mock_transport&> fixed(t, config{}, secret("tok"));
    fixed.set_token(secret("FIXED"), std::chrono::seconds(0));
    t.push(200, R"({"quotas":[]})");
    REQUIRE(fixed.get_project_quotas("p"));
    REQUIRE(t.requests().size() == 1);
    CHECK(t.requests()[0].headers.find("Authorization") == "Bearer FIXED");
}

TEST_CASE(
    "paging: each page is one call with the token steps: one login, a 401 answered once, tokens that expire at once")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, creds());
    t.push(token_response("T1", 3600));
    t.push(200, customers_page(1, true));
    t.push(401, R"({"message":"revoked"})");
    t.push(token_response("T2", 3600));
    t.push(200, customers_page(2, false));
    auto const all = c.list_all_customers("p", {2, 10});
    REQUIRE(all);
    CHECK(all->size() == 2);
    std::vector<std::string> const expected = {"auth", "T1 page=1", "T1 page=2", "auth", "T2 page=2"};
    auto const seen = [&t] {
        std::vector<std::string> v;
        for(auto const& r : t.requests())
            v.push_back(r.target.find("/auth/token") != std::string::npos
                            ? "auth"
                            : std::string(r.headers.find("Authorization").substr(7)) + " " +
                                  r.target.substr(r.target.find("page="), 6));
        return v;
    };
    CHECK(seen() == expected);

    // expiresIn 0: every page fetches its own token, once.
    t.clear();
    client<mock_transport&> fresh(t, config{}, creds());
    t.push(token_response("T3", 0));
    t.push(200, customers_page(1, true));
    t.push(token_response("T4", 0));
    t.push(200, customers_page(2, false));
    REQUIRE(fresh.list_all_customers("p", {2, 10}));
    CHECK(seen() == std::vector<std::string>{"auth", "T3 page=1", "auth", "T4 page=2"});

    // An invalid argument: nothing is sent, no login.
    t.clear();
    auto const bad = c.list_all_users("p", "..", {2, 10});
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == errc::invalid_argument);
    CHECK(bad.error().field == "customerId");
    CHECK(t.requests().empty());
}

TEST_CASE("fetch_token: errors carry no password, and a failed fetch keeps nothing")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, creds());
    t.push_error(error(errc::connection_failed, "peer said console-PASSWORD-42"));
    auto r = c.fetch_token();
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::connection_failed);
    CHECK(r.error().to_string().find("console-PASSWORD-42") == std::string::npos);
    t.push(200, R"({"accessToken":"x","tokenType":"mac","expiresIn":60})");
    r = c.fetch_token();
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_value);
    CHECK(t.requests().size() == 2); // each a POST sent once
    t.push(token_response("T1", 3600));
    t.push(200, R"({"quotas":[]})");
    REQUIRE(c.get_project_quotas("p")); // no valid token was kept: this call fetches one
    CHECK(t.requests()[2].target == "/functions/v1/public/auth/token");
    CHECK(t.requests()[3].headers.find("Authorization") == "Bearer T1");
}

TEST_CASE("client: an error found in a success body is scrubbed of the secrets too")
{
    // A success body is parsed as it came (only error bodies are scrubbed
    // before parsing), so a key quoting the token must be scrubbed from the
    // parser's error: here the JSON Pointer of an unknown field.
    mock_transport t;
    config cfg;
    cfg.strictness = strictness::strict;
    std::string body = docs_body;
    body.insert(1, std::string("\"") + token + "\":1,");
    t.push(201, body);
    client<mock_transport&> c(t, cfg, secret(token));
    auto const r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::unknown_field);
    CHECK(r.error().field == "/[redacted]");
    CHECK(r.error().to_string().find(token) == std::string::npos);
}

// Many calls at once: synchronous calls from several threads on one client.

namespace {

/** A thread-safe transport double: hands out tokens `tok-1`, `tok-2`, ...
    (slowly, so that calls pile up behind a fetch), refuses any other bearer
    than the latest with a 401, and creates users.
*/
class threaded_server
{
public:
    result<http_response> send(http_request const& req)
    {
        if(req.target == "/functions/v1/public/auth/token")
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            std::lock_guard<std::mutex> lock(mu_);
            ++token_requests_;
            current_ = "tok-" + std::to_string(token_requests_);
            return testing::make_response(200, R"({"accessToken":")" + current_ +
                                                   R"(","tokenType":"Bearer","expiresIn":3600})");
        }
        std::lock_guard<std::mutex> lock(mu_);
        if(req.headers.find("Authorization") != "Bearer " + current_)
        {
            ++refused_;
            return testing::make_response(401, R"({"message":"unauthorized"})");
        }
        ++created_;
        return testing::make_response(201, docs_body);
    }

    /// The server forgets its token: every call in flight gets a 401.
    void expire()
    {
        std::lock_guard<std::mutex> lock(mu_);
        current_ = "expired";
    }

    int token_requests() const
    {
        std::lock_guard<std::mutex> lock(mu_);
        return token_requests_;
    }

    int created() const
    {
        std::lock_guard<std::mutex> lock(mu_);
        return created_;
    }

private:
    mutable std::mutex mu_;
    std::string current_;
    int token_requests_ = 0;
    int created_ = 0;
    int refused_ = 0;
};

/// Runs `per_thread` calls of `f` on each of `threads` threads at once; returns the failures.
template<class F>
int on_threads(int threads, int per_thread, F f)
{
    std::atomic<int> failures{0};
    std::vector<std::thread> pool;
    for(int i = 0; i < threads; ++i)
        pool.emplace_back([&] {
            for(int j = 0; j < per_thread; ++j)
                if(!f())
                    ++failures;
        });
    for(auto& t : pool)
        t.join();
    return failures;
}

} // namespace

TEST_CASE("client: 8 threads of create_user on one client fetch one token")
{
    threaded_server server;
    client<threaded_server&> c(server, config{}, console_credentials{"admin@example.com", secret(password)});
    int const failures = on_threads(8, 25, [&] { return static_cast<bool>(c.create_user("p", "c", docs_user())); });
    CHECK(failures == 0);
    CHECK(server.created() == 200);
    CHECK(server.token_requests() == 1);
}

TEST_CASE("client: a burst of 401s on several threads fetches one new token")
{
    threaded_server server;
    client<threaded_server&> c(server, config{}, console_credentials{"admin@example.com", secret(password)});
    REQUIRE(c.fetch_token());
    server.expire();
    int const failures = on_threads(8, 1, [&] { return static_cast<bool>(c.create_user("p", "c", docs_user())); });
    CHECK(failures == 0);
    CHECK(server.created() == 8);
    CHECK(server.token_requests() == 2);
}
