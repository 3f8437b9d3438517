// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// <corti/admin/beast/settings.hpp>: transport options from client_settings,
// and a client made from the environment that creates a user over TLS.

#include "support.hpp"

#include <corti/admin/beast/settings.hpp>

#include <boost/asio/io_context.hpp>

#include <stdlib.h> // setenv, unsetenv (POSIX)

#include <chrono>
#include <optional>
#include <string>
#include <utility>

using namespace e2e;

namespace {

/// The CORTI_ADMIN_* variables a program would set for this server, unset again after.
class environment_for
{
public:
    explicit environment_for(local_server const& s)
    {
        auto const url = "https://localhost:" + std::to_string(s.port()) + "/functions/v1/public";
        ::setenv("CORTI_ADMIN_BASE_URL", url.c_str(), 1);
        ::setenv("CORTI_ADMIN_CA_FILE", s.ca_file().c_str(), 1);
        ::setenv("CORTI_ADMIN_EMAIL", "admin@example.com", 1);
        ::setenv("CORTI_ADMIN_PASSWORD", "local-dev-password", 1);
        ::unsetenv("CORTI_ADMIN_TOKEN");
    }
    ~environment_for()
    {
        for(auto name : {"CORTI_ADMIN_BASE_URL", "CORTI_ADMIN_CA_FILE", "CORTI_ADMIN_EMAIL", "CORTI_ADMIN_PASSWORD"})
            ::unsetenv(name);
    }
    environment_for(environment_for const&) = delete;
    environment_for& operator=(environment_for const&) = delete;
};

} // namespace

TEST_CASE("beast_options: the settings' CA file and the config's limits")
{
    admin::client_settings s;
    s.config.limits.max_body_size = 4096;
    s.config.limits.max_header_size = 512;
    admin::beast_transport_options mine;
    mine.ca_file = "mine.pem";
    mine.timeout = std::chrono::seconds(5);

    auto o = admin::beast_options(s, mine);
    CHECK(o.ca_file == "mine.pem"); // the settings name none
    CHECK(o.timeout == std::chrono::seconds(5));
    CHECK(o.max_body_size == 4096);
    CHECK(o.max_header_size == 512);

    s.ca_file = "settings.pem";
    CHECK(admin::beast_options(s, mine).ca_file == "settings.pem");
}

TEST_CASE("make_beast_client: settings from the environment, a user created over TLS")
{
    local_server srv;
    environment_for env(srv);
    auto const s = admin::settings_from_environment();
    REQUIRE(s.has_value());

    auto c = admin::make_beast_client(*s);
    auto const created = c.create_user(project, customer, make_user("settings"));
    REQUIRE(created.has_value());

    // The same settings, the transport on an io_context of ours.
    boost::asio::io_context ioc;
    auto ac = admin::make_beast_client(ioc.get_executor(), *s);
    std::optional<admin::result<admin::user>> r;
    ac.async_create_user(project, customer, make_user("settings-async"),
                         [&r](admin::result<admin::user> u) { r = std::move(u); });
    ioc.run();
    REQUIRE(r.has_value());
    CHECK(r->has_value());
}
