// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Heap footprint of building and parsing a create-user call, measured by
// replacing the global operator new and delete in this executable, and the
// behaviour of a caller's parse_arena, down to one that runs out.
//
// The figures are printed (ctest -V, or run the executable) and bounded
// below. They are libstdc++'s: its std::string keeps up to 15 bytes without
// allocating, and allocates one byte more than its capacity.
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>

#include <catch2/catch.hpp>

#include "support/heap_hooks.hpp"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

using namespace corti::admin;

// ---------------------------------------------------------------------------
// Counting allocator. Each block carries its size in a header, so that live
// bytes are known at delete; counting is on only inside measure().

namespace {

struct heap_use
{
    std::size_t allocations = 0; // calls to operator new
    std::size_t bytes = 0;       // bytes requested, in total
    std::size_t peak = 0;        // most bytes live at once (above the start)
};

bool counting = false;
heap_use use;
std::size_t live = 0;

} // namespace

void corti_test::on_allocate(std::size_t n) noexcept
{
    if(!counting)
        return;
    ++use.allocations;
    use.bytes += n;
    live += n;
    if(live > use.peak)
        use.peak = live;
}

void corti_test::on_free(unsigned char const*, std::size_t n) noexcept
{
    if(counting)
        live = live > n ? live - n : 0;
}

namespace {

/// Runs `f` with counting on and returns what it allocated.
template<class F>
heap_use measure(F&& f)
{
    use = {};
    live = 0;
    counting = true;
    f();
    counting = false;
    return use;
}

void report(char const* what, heap_use const& u)
{
    std::printf("memory: %-48s %2zu allocations, %5zu bytes, peak %5zu bytes live\n", what, u.allocations, u.bytes,
                u.peak);
}

} // namespace

// ---------------------------------------------------------------------------

namespace {

// The create-user example of the API documentation.
std::string const user_body = R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com",)"
                              R"("firstName":"John","lastName":"Doe","emailVerified":false,"enabled":true,)"
                              R"("createdAt":"2023-10-01T12:00:00Z"})";

http_response response(unsigned status, std::string body)
{
    http_response r;
    r.status = status;
    r.headers.add("Content-Type", "application/json");
    r.headers.add("x-request-id", "req-1");
    r.body = std::move(body);
    return r;
}

/// The user body with `extra` members inserted before "enabled".
std::string user_body_with(std::string const& extra)
{
    std::string b = user_body;
    b.insert(b.find("\"enabled\""), extra + ",");
    return b;
}

} // namespace

TEST_CASE("building a create-user request: a known, small heap footprint")
{
    config const cfg;
    secret const token("eyJhbGciOiJIUzI1NiJ9.token");
    new_user const u{"user@example.com", "John", "Doe", secret("My$ecureP@ssw0rd123!")};

    std::size_t body_size = 0;
    auto const used = measure([&] {
        auto req = make_create_user_request(cfg, token, "consoleproject", "contosohospital", u);
        REQUIRE(req);
        body_size = req->body.size();
    });
    report("build create-user request", used);
    // The request's strings (host, target, body, the header fields that do
    // not fit the small-string buffer, the bearer value) and the header
    // vector as it grows; nothing hidden (the JSON serializer never saves
    // its state on the heap).
    CHECK(used.allocations <= 16);
    CHECK(used.bytes <= 2048);
    CHECK(used.bytes >= body_size);
}

TEST_CASE("parsing a create-user response: a known, small heap footprint")
{
    config const cfg;
    auto const r = response(201, user_body);

    auto const plain = measure([&] {
        auto u = parse_create_user_response(r, cfg);
        REQUIRE(u);
    });
    report("parse 201, reader's own working memory", plain);

    unsigned char buffer[256];
    parse_arena arena(buffer);
    auto const in_arena = measure([&] {
        auto u = parse_create_user_response(r, cfg, arena);
        REQUIRE(u);
    });
    report("parse 201, caller's parse_arena", in_arena);
    std::printf("memory: %-48s %zu bytes of %zu\n", "parse 201, parse_arena peak", arena.peak(), arena.size());

    // The only heap block is the result's email (16 bytes: past the
    // small-string buffer); the working memory fits the reader's own buffer
    // or the arena.
    CHECK(plain.allocations == 1);
    CHECK(plain.bytes <= 32);
    CHECK(in_arena.allocations == 1);
    CHECK(in_arena.bytes <= 32);
    CHECK(arena.peak() == 16); // the longest string read
}

TEST_CASE("parsing a 409 error response: a known, small heap footprint")
{
    auto const r =
        response(409, R"({"error":{"code":"user_exists","message":"A user with this email already exists"}})");
    auto const used = measure([&] {
        auto u = parse_create_user_response(r, config{});
        REQUIRE_FALSE(u);
        CHECK(u.error() == errc::api_error);
    });
    report("parse 409 (api_error)", used);
    CHECK(used.allocations <= 10);
    CHECK(used.bytes <= 512);

    // Whatever the size of the server's message, the error keeps 512 bytes
    // and the reader a few more.
    auto const huge = response(409, R"({"message":")" + std::string(100000, 'x') + R"("})");
    auto const bounded = measure([&] {
        auto u = parse_create_user_response(huge, config{});
        REQUIRE_FALSE(u);
        CHECK(u.error().server_message().size() == 515);
    });
    report("parse 409 with a 100000-byte message", bounded);
    CHECK(bounded.peak <= 2560);
}

TEST_CASE("with a parse_arena, the heap does not depend on the rest of the body")
{
    config const cfg;
    unsigned char buffer[256];
    parse_arena arena(buffer);
    // Unknown members are skipped without being stored: a large one costs
    // neither heap nor arena.
    auto const r = response(201, user_body_with(R"("note":")" + std::string(10000, 'n') + R"(")"));
    auto const used = measure([&] {
        auto u = parse_create_user_response(r, cfg, arena);
        REQUIRE(u);
    });
    report("parse 201 with a 10000-byte unknown member", used);
    CHECK(used.allocations == 1);
    CHECK(arena.peak() <= 24);
}

TEST_CASE("an arena that runs out is errc::out_of_memory, never an abort")
{
    config const cfg;
    auto const r = response(201, user_body);
    unsigned char buffer[64];

    // Every size below what the document needs fails cleanly, with the
    // pointer of the value being read; the size it needs succeeds.
    for(std::size_t n = 0; n < 16; ++n)
    {
        CAPTURE(n);
        parse_arena tiny(buffer, n);
        auto const u = parse_create_user_response(r, cfg, tiny);
        REQUIRE_FALSE(u);
        CHECK(u.error() == errc::out_of_memory);
        CHECK(u.error().field == "/email");
        CHECK(u.error().http_status == 201);
        CHECK(tiny.peak() <= n);
    }
    parse_arena exact(buffer, 16);
    CHECK(parse_create_user_response(r, cfg, exact));

    // Unknown keys are remembered (8 bytes each) to reject duplicates:
    // many of them exhaust an arena too.
    std::string many;
    for(int i = 0; i < 100; ++i)
        many += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    auto const crowded = response(201, user_body_with(many));
    parse_arena small(buffer, sizeof buffer);
    auto const u = parse_create_user_response(crowded, cfg, small);
    REQUIRE_FALSE(u);
    CHECK(u.error() == errc::out_of_memory);
    // Without an arena the reader's own memory grows instead.
    CHECK(parse_create_user_response(crowded, cfg));

    // A syntax error still outranks running out: the broken body is
    // reported as broken.
    auto const broken = response(201, user_body_with(many) + "x");
    parse_arena again(buffer, sizeof buffer);
    auto const b = parse_create_user_response(broken, cfg, again);
    REQUIRE_FALSE(b);
    CHECK(b.error() == errc::malformed_json);
}

TEST_CASE("an arena is reusable and gives the same answers as the heap")
{
    config const cfg;
    unsigned char buffer[128];
    parse_arena arena(buffer);
    std::vector<std::string> const bodies = {
        user_body,
        user_body_with(R"("email":"x@y.z")"),                   // duplicate key
        user_body_with(R"("a":1,"b":{"a":2,"c":[1,2]},"a":3)"), // duplicate unknown key
        user_body_with(R"("firstName":"\u00e9\ud83d\ude00")"),  // escapes; duplicate
        R"({"email":"a@b.co","firstName":"\u00e9\ud83d\ude00 \"q\"","lastName":"L","enabled":false})",
        R"({"email":"not an email","firstName":"A","lastName":"B","enabled":true})",
        R"([1,2,3])",
        "{",
    };
    for(auto const& body : bodies)
    {
        CAPTURE(body);
        auto const r = response(201, body);
        auto const a = parse_create_user_response(r, cfg, arena);
        auto const h = parse_create_user_response(r, cfg);
        REQUIRE(a.has_value() == h.has_value());
        if(a)
            CHECK(*a == *h);
        else
            CHECK(a.error().to_string() == h.error().to_string());
    }
    CHECK(arena.peak() <= arena.size());
}
