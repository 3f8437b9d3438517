// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

using namespace corti::admin;
using corti::admin::testing::mock_transport;

TEST_CASE("mock_transport answers in order and records every request")
{
    mock_transport t;
    t.push(201, "{}");
    t.push(204, "", "");
    t.push_error(error(errc::timeout));
    CHECK(t.pending() == 3);

    http_request a;
    a.target = "/a";
    http_request b;
    b.target = "/b";
    auto r1 = t.send(a);
    REQUIRE(r1);
    CHECK(r1->status == 201);
    CHECK(r1->headers.find("Content-Type") == "application/json");
    auto r2 = t.send(b);
    REQUIRE(r2);
    CHECK(r2->status == 204);
    CHECK_FALSE(r2->headers.contains("Content-Type"));
    auto r3 = t.send(a);
    REQUIRE_FALSE(r3);
    CHECK(r3.error() == errc::timeout);
    auto r4 = t.send(b);
    REQUIRE_FALSE(r4);
    CHECK(r4.error().code == boost::system::errc::no_message_available);

    REQUIRE(t.requests().size() == 4);
    CHECK(t.requests()[0].target == "/a");
    CHECK(t.requests()[1].target == "/b");
    t.clear();
    CHECK(t.requests().empty());
    CHECK(t.pending() == 0);
}
