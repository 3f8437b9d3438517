// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// C++20 coroutines: async_create_user and async_send with use_awaitable.

#include "support.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>

using namespace e2e;
using admin::errc;
namespace net = boost::asio;

static_assert(__cplusplus >= 202002L, "this test is built as C++20");
#if defined(__cpp_concepts)
static_assert(admin::transport<admin::beast_transport>);
#endif

TEST_CASE("async_create_user with use_awaitable")
{
    local_server srv;
    control ctl(srv);
    net::io_context ioc;
    admin::client<admin::beast_transport> c(admin::beast_transport(ioc.get_executor(), trusting(srv)), srv.config(),
                                            ctl.token());
    auto const u = make_user("awaitable");
    std::optional<admin::result<admin::user>> created;
    std::optional<admin::result<admin::user>> duplicate;

    net::co_spawn(
        ioc,
        [&]() -> net::awaitable<void> {
            created = co_await c.async_create_user(project, customer, u, net::use_awaitable);
            duplicate = co_await c.async_create_user(project, customer, u, net::use_awaitable);
        },
        net::detached);
    ioc.run();

    REQUIRE(created.has_value());
    INFO((*created ? std::string() : created->error().to_string()));
    REQUIRE(created->has_value());
    CHECK((*created)->email == u.email);
    REQUIRE(duplicate.has_value());
    REQUIRE_FALSE(duplicate->has_value());
    CHECK(duplicate->error() == errc::api_error);
    CHECK(duplicate->error().http_status == 409);
}

TEST_CASE("async_send with use_awaitable")
{
    local_server srv;
    net::io_context ioc;
    admin::beast_transport t(ioc, trusting(srv));
    std::optional<admin::result<admin::http_response>> out;
    net::co_spawn(
        ioc,
        [&]() -> net::awaitable<void> {
            out = co_await t.async_send(raw_request(srv, admin::http_method::get, "/_test/stats"), net::use_awaitable);
        },
        net::detached);
    ioc.run();
    REQUIRE(out.has_value());
    REQUIRE(out->has_value());
    CHECK((*out)->status == 200);
}
