// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Secrets are wiped before their memory is freed. This executable replaces
// the global operator new and delete; while a test watches, every block is
// searched for the secrets just before it is freed (the block is still
// owned then: nothing reads freed memory). A block that still holds a
// secret when it goes back to the heap is a finding.
#include <corti/admin/client.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

#include "support/heap_hooks.hpp"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>

using namespace corti::admin;
using corti::admin::testing::mock_transport;

// ---------------------------------------------------------------------------
// The watching allocator. Each block carries its size in a header.

namespace {

constexpr std::size_t max_needles = 4;

// The secrets searched for: string literals, never on the heap themselves.
std::string_view needles[max_needles];
std::size_t needle_count = 0;
bool watching = false;
std::size_t freed_with_secret = 0; // blocks freed while holding a needle
std::size_t freed_watched = 0;     // blocks freed while watching, in all

bool holds_needle(unsigned char const* p, std::size_t n) noexcept
{
    for(std::size_t k = 0; k < needle_count; ++k)
    {
        auto const& s = needles[k];
        for(std::size_t i = 0; s.size() <= n && i <= n - s.size(); ++i)
            if(std::memcmp(p + i, s.data(), s.size()) == 0)
                return true;
    }
    return false;
}

} // namespace

void corti_test::on_allocate(std::size_t) noexcept {}

void corti_test::on_free(unsigned char const* block, std::size_t n) noexcept
{
    if(!watching)
        return;
    ++freed_watched;
    if(holds_needle(block, n))
        ++freed_with_secret;
}

namespace {

/// Watches for the given secrets until destroyed; `leaks()` counts the
/// blocks freed meanwhile that still held one.
class watch
{
public:
    watch(std::initializer_list<std::string_view> secrets) noexcept
    {
        needle_count = 0;
        for(auto s : secrets)
            if(needle_count < max_needles)
                needles[needle_count++] = s;
        freed_with_secret = 0;
        freed_watched = 0;
        watching = true;
    }
    ~watch() { watching = false; }
    watch(watch const&) = delete;
    watch& operator=(watch const&) = delete;

    std::size_t leaks() const noexcept { return freed_with_secret; }
    std::size_t freed() const noexcept { return freed_watched; }
};

} // namespace

// ---------------------------------------------------------------------------

namespace {

// Longer than any small-string buffer: they live on the heap.
constexpr std::string_view bearer_secret = "BEARER-SECRET-0123456789-abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view body_secret = "BODY-PASSWORD-0123456789-abcdefghijklmnopqrstuvwxyz";

http_request secret_request()
{
    http_request r;
    r.method = http_method::post;
    r.host = "api.example.com";
    r.target = "/functions/v1/public/auth/token";
    r.headers.add("Host", "api.example.com");
    r.headers.add("Accept", "application/json");
    std::string bearer = "Bearer ";
    bearer += bearer_secret;
    r.headers.add("Authorization", std::move(bearer));
    r.headers.add("Content-Type", "application/json");
    std::string body = R"({"password":")";
    body += body_secret;
    body += "\"}";
    r.body = std::move(body);
    r.sensitive_body = true;
    return r;
}

http_request plain_request(std::size_t body_size)
{
    http_request r;
    r.host = "h";
    r.target = "/x";
    r.headers.add("Host", "h");
    r.body.assign(body_size, 'x');
    return r;
}

} // namespace

TEST_CASE("the watch finds a secret freed without a wipe, and not one wiped first")
{
    std::size_t leaks = 0;
    {
        watch w{body_secret};
        {
            std::string s(body_secret); // freed as it is
        }
        leaks = w.leaks();
    }
    CHECK(leaks == 1);
    {
        watch w{body_secret};
        {
            std::string s(body_secret);
            detail::secure_wipe(s);
        }
        leaks = w.leaks();
    }
    CHECK(leaks == 0);
}

TEST_CASE("http_request: move assignment wipes the Authorization value and the sensitive body it drops")
{
    for(std::size_t body_size : {0u, 4u, 200u})
    {
        CAPTURE(body_size);
        std::size_t leaks = 0, freed = 0;
        {
            http_request a = secret_request();
            http_request b = plain_request(body_size);
            watch w{bearer_secret, body_secret};
            a = std::move(b);
            a = http_request(); // and whatever was left, through the destructors
            leaks = w.leaks();
            freed = w.freed();
        }
        CHECK(freed > 0);
        CHECK(leaks == 0);
    }
}

TEST_CASE("http_request: copy assignment wipes the Authorization value and the sensitive body it drops")
{
    for(std::size_t body_size : {0u, 4u, 200u})
    {
        CAPTURE(body_size);
        std::size_t leaks = 0, freed = 0;
        {
            http_request a = secret_request();
            http_request const b = plain_request(body_size);
            watch w{bearer_secret, body_secret};
            a = b;
            a = plain_request(1); // the buffers a kept from the copy go now
            leaks = w.leaks();
            freed = w.freed();
        }
        CHECK(freed > 0);
        CHECK(leaks == 0);
    }
}

TEST_CASE("http_request: assignment keeps value semantics, self-assignment included")
{
    http_request a = secret_request();
    http_request b = plain_request(3);
    std::string const bearer = "Bearer " + std::string(bearer_secret);
    // Compared into bools: a failure must not print the secrets.
    b = a;
    bool const copied = b.headers.find("Authorization") == bearer && b.body == a.body;
    CHECK(copied);
    CHECK(b.sensitive_body);
    http_request& alias = b;
    b = alias;
    bool const kept = b.headers.find("Authorization") == bearer && b.body == a.body;
    CHECK(kept);
    CHECK(b.headers.size() == 4);
    http_request c = plain_request(3);
    c = std::move(b);
    bool const moved = c.headers.find("Authorization") == bearer && c.body == a.body;
    CHECK(moved);
    CHECK(c.sensitive_body);
    CHECK(c.target == a.target);
}

TEST_CASE("http_response::wipe zeroes the body and the header values")
{
    std::size_t leaks = 0;
    {
        http_response r;
        r.status = 200;
        r.headers.add("X-Echo", std::string(bearer_secret));
        r.body = std::string(body_secret);
        watch w{bearer_secret, body_secret};
        r.wipe();
        CHECK(r.body.empty());
        CHECK(r.headers.empty());
        r = http_response();
        leaks = w.leaks();
    }
    CHECK(leaks == 0);
}

namespace {

constexpr std::string_view issued_token =
    "eyJhbGciOiJSUzI1NiJ9.ISSUED-TOKEN-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// A token of JWT size, past the reader's own 128-byte buffer; in static
/// storage, as the watch needs.
std::string_view long_token()
{
    static char text[900];
    for(std::size_t i = 0; i < sizeof text; ++i)
        text[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."[i % 65];
    return std::string_view(text, sizeof text);
}

http_response token_answer(std::string_view token, bool with_type = true)
{
    http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body.reserve(token.size() + 128); // one buffer: no copy of the token is freed while building it
    r.body += R"({"accessToken":")";
    r.body += token;
    r.body += with_type ? R"(","tokenType":"bearer","expiresIn":3600})" : R"(","expiresIn":3600})";
    return r;
}

} // namespace

TEST_CASE("client: the /auth/token answer is wiped before it is freed, whether it parses or not")
{
    for(std::string_view token : {issued_token, long_token()})
        for(bool valid : {true, false})
        {
            CAPTURE(token.size(), valid);
            std::size_t leaks = 0, freed = 0;
            bool ok = false;
            {
                mock_transport t;
                t.push(token_answer(token, valid));
                t.push(200, R"({"quotas":[]})");
                watch w{token};
                {
                    client<mock_transport&> c(t, config{},
                                              console_credentials{"admin@example.com", secret("pw-0123456789")});
                    ok = static_cast<bool>(c.get_project_quotas("p"));
                    t.clear(); // the recorded requests, one with the token
                }
                leaks = w.leaks();
                freed = w.freed();
            }
            CHECK(ok == valid);
            CHECK(freed > 0);
            CHECK(leaks == 0);
        }
}

TEST_CASE("client: fetch_token wipes the answer too")
{
    std::size_t leaks = 0;
    {
        mock_transport t;
        t.push(token_answer(issued_token));
        watch w{issued_token};
        {
            client<mock_transport&> c(t, config{}, console_credentials{"admin@example.com", secret("pw-0123456789")});
            REQUIRE(c.fetch_token());
        }
        leaks = w.leaks();
    }
    CHECK(leaks == 0);
}

TEST_CASE("client: a secret echoed in an error is scrubbed without freeing a copy of it")
{
    // "[redacted]" is longer than this token: scrubbing grows the text,
    // which moves it to a larger buffer.
    constexpr std::string_view short_token = "tk-Q7";
    std::size_t leaks = 0, freed = 0;
    bool scrubbed = false;
    {
        mock_transport t;
        std::string body;
        body.reserve(200);
        body += R"({"message":"the token )";
        body += short_token;
        body += " is not valid here, and ";
        body += short_token;
        body += R"( is not either"})";
        body.shrink_to_fit(); // no room to grow in place
        t.push(400, std::move(body));
        watch w{short_token};
        {
            client<mock_transport&> c(t, config{}, secret(short_token));
            auto const r = c.get_project_quotas("p");
            scrubbed = !r && r.error().message.find(short_token) == std::string::npos;
            t.clear();
        }
        leaks = w.leaks();
        freed = w.freed();
    }
    CHECK(scrubbed);
    CHECK(freed > 0);
    CHECK(leaks == 0);
}
