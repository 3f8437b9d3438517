// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/transport.hpp>
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

using namespace corti::admin;

namespace {

struct good
{
    result<http_response> send(http_request const&) { return http_response{}; }
};
struct convertible
{
    http_response send(http_request const&) { return {}; }
};
struct wrong_return
{
    int send(http_request const&) { return 0; }
};
struct wrong_argument
{
    result<http_response> send(std::string const&) { return http_response{}; }
};
struct no_send
{
};

} // namespace

TEST_CASE("is_transport_v accepts send(http_request const&) -> result<http_response>")
{
    STATIC_REQUIRE(is_transport_v<good>);
    STATIC_REQUIRE(is_transport_v<good&>);
    STATIC_REQUIRE(is_transport_v<convertible>);
    STATIC_REQUIRE(is_transport_v<testing::mock_transport>);
    STATIC_REQUIRE_FALSE(is_transport_v<wrong_return>);
    STATIC_REQUIRE_FALSE(is_transport_v<wrong_argument>);
    STATIC_REQUIRE_FALSE(is_transport_v<no_send>);
    STATIC_REQUIRE_FALSE(is_transport_v<int>);
#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
    STATIC_REQUIRE(transport<good>);
    STATIC_REQUIRE_FALSE(transport<no_send>);
#endif
}
