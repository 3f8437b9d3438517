// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/uuid.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace corti::admin;

TEST_CASE("uuid parses 8-4-4-4-12 hex in any case and prints lowercase")
{
    auto const u = uuid::parse("123E4567-e89b-12D3-a456-426614174000");
    REQUIRE(u);
    CHECK(u->to_string() == "123e4567-e89b-12d3-a456-426614174000");
    CHECK(u->bytes()[0] == 0x12);
    CHECK(u->bytes()[15] == 0x00);
    std::ostringstream os;
    os << *u;
    CHECK(os.str() == "123e4567-e89b-12d3-a456-426614174000");
    CHECK(uuid::parse(u->to_string()) == u);
    CHECK_FALSE(u->is_nil());
    CHECK(uuid().is_nil());
    CHECK(uuid::parse("00000000-0000-0000-0000-000000000000")->is_nil());
}

TEST_CASE("uuid rejects every other shape")
{
    for(auto s : {"", "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000",
                  "123e4567e89b12d3a456426614174000", "{123e4567-e89b-12d3-a456-426614174000}",
                  "123e4567-e89b-12d3-a456_426614174000", "123e4567-e89b-12d3-a456-42661417400g",
                  " 23e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a4566-42661417400",
                  "urn:uuid:123e4567-e89b-12d3-a456-426614174000"})
    {
        CAPTURE(s);
        CHECK_FALSE(uuid::parse(s));
    }
}

TEST_CASE("uuid orders and compares by bytes")
{
    auto const a = *uuid::parse("00000000-0000-0000-0000-000000000001");
    auto const b = *uuid::parse("00000000-0000-0000-0000-000000000002");
    CHECK(a < b);
    CHECK_FALSE(b < a);
    CHECK(a != b);
    CHECK(a == uuid(a.bytes()));
}

static_assert(uuid::parse("123e4567-e89b-12d3-a456-426614174000").has_value(), "parse is constexpr");
