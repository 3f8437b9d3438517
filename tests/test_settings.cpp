// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/settings.hpp>
#include <corti/admin/testing/mock_transport.hpp>

#include <catch2/catch.hpp>

#include <stdlib.h> // setenv, unsetenv (POSIX)

#include <initializer_list>
#include <string>
#include <utility>

using namespace corti::admin;

namespace {

char const* const variables[] = {"CORTI_ADMIN_BASE_URL", "CORTI_ADMIN_CA_FILE", "CORTI_ADMIN_TOKEN",
                                 "CORTI_ADMIN_EMAIL", "CORTI_ADMIN_PASSWORD"};

// Values no error may repeat.
constexpr char const* password = "pa55-word-never-printed";
constexpr char const* token = "tok.never-printed";

/// Sets exactly the given CORTI_ADMIN_* variables for one test and unsets them all after.
class environment
{
public:
    environment(std::initializer_list<std::pair<char const*, char const*>> vars)
    {
        clear();
        for(auto const& v : vars)
            ::setenv(v.first, v.second, 1);
    }
    ~environment() { clear(); }
    environment(environment const&) = delete;
    environment& operator=(environment const&) = delete;

private:
    static void clear()
    {
        for(auto name : variables)
            ::unsetenv(name);
    }
};

/// Checks the error and that it repeats no value of the environment.
void check_error(error const& e, errc code, std::string const& field)
{
    CHECK(e == code);
    CHECK(e.field == field);
    auto const text = e.to_string();
    CHECK(text.find(password) == std::string::npos);
    CHECK(text.find(token) == std::string::npos);
    CHECK(text.find("user:pw") == std::string::npos);
}

} // namespace

TEST_CASE("credentials_from_environment: a token, or an email and a password")
{
    {
        environment env{{"CORTI_ADMIN_TOKEN", token}};
        auto const c = credentials_from_environment();
        REQUIRE(c.has_value());
        auto const* t = std::get_if<secret>(&*c);
        REQUIRE(t);
        CHECK(t->reveal() == token);
    }
    {
        environment env{{"CORTI_ADMIN_EMAIL", "admin@example.com"},
                        {"CORTI_ADMIN_PASSWORD", password},
                        {"CORTI_ADMIN_TOKEN", ""}}; // empty counts as unset
        auto const c = credentials_from_environment();
        REQUIRE(c.has_value());
        auto const* login = std::get_if<console_credentials>(&*c);
        REQUIRE(login);
        CHECK(login->email == "admin@example.com");
        CHECK(login->password.reveal() == password);
    }
}

TEST_CASE("credentials_from_environment: each error names its variable and repeats no value")
{
    SECTION("none set")
    {
        environment env{{"CORTI_ADMIN_EMAIL", ""}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_TOKEN");
    }
    SECTION("a token and a password")
    {
        environment env{{"CORTI_ADMIN_TOKEN", token}, {"CORTI_ADMIN_PASSWORD", password}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_TOKEN");
    }
    SECTION("a token and an email")
    {
        environment env{{"CORTI_ADMIN_TOKEN", token}, {"CORTI_ADMIN_EMAIL", "admin@example.com"}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_TOKEN");
    }
    SECTION("a token that is not visible ASCII")
    {
        environment env{{"CORTI_ADMIN_TOKEN", "tok.never-printed\r\nX-Injected: 1"}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_TOKEN");
    }
    SECTION("an email without a password")
    {
        environment env{{"CORTI_ADMIN_EMAIL", "admin@example.com"}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_PASSWORD");
    }
    SECTION("a password without an email")
    {
        environment env{{"CORTI_ADMIN_PASSWORD", password}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_EMAIL");
    }
    SECTION("an invalid email")
    {
        environment env{{"CORTI_ADMIN_EMAIL", "not an email"}, {"CORTI_ADMIN_PASSWORD", password}};
        check_error(credentials_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_EMAIL");
    }
}

TEST_CASE("settings_from_environment: base URL, CA file, credentials")
{
    SECTION("the defaults: production, the transport's CAs")
    {
        environment env{{"CORTI_ADMIN_TOKEN", token}};
        auto const s = settings_from_environment();
        REQUIRE(s.has_value());
        CHECK(s->config.endpoint.host == config{}.endpoint.host);
        CHECK(s->config.endpoint.encoded_base_path == config{}.endpoint.encoded_base_path);
        CHECK(s->ca_file.empty());
        CHECK(std::holds_alternative<secret>(s->credentials));
    }
    SECTION("all set; http on loopback when allowed")
    {
        environment env{{"CORTI_ADMIN_BASE_URL", "http://localhost:8080/functions/v1/public"},
                        {"CORTI_ADMIN_CA_FILE", "/tmp/ca.pem"},
                        {"CORTI_ADMIN_EMAIL", "admin@example.com"},
                        {"CORTI_ADMIN_PASSWORD", password}};
        auto const s = settings_from_environment(scheme_policy::allow_http_on_loopback);
        REQUIRE(s.has_value());
        CHECK_FALSE(s->config.endpoint.tls);
        CHECK(s->config.endpoint.port == 8080);
        CHECK(s->ca_file == "/tmp/ca.pem");
        CHECK(std::holds_alternative<console_credentials>(s->credentials));

        auto const https_only = settings_from_environment();
        REQUIRE_FALSE(https_only.has_value());
        check_error(https_only.error(), errc::invalid_base_url, "CORTI_ADMIN_BASE_URL");
    }
    SECTION("a base URL that parse_base_url refuses")
    {
        environment env{{"CORTI_ADMIN_BASE_URL", "https://user:pw@example.com"}, {"CORTI_ADMIN_TOKEN", token}};
        check_error(settings_from_environment().error(), errc::invalid_base_url, "CORTI_ADMIN_BASE_URL");
    }
    SECTION("the errors of credentials_from_environment")
    {
        environment env{{"CORTI_ADMIN_BASE_URL", "https://example.com"}};
        check_error(settings_from_environment().error(), errc::invalid_argument, "CORTI_ADMIN_TOKEN");
    }
}

TEST_CASE("make_client: a fixed token or Console credentials")
{
    new_user u;
    u.email = "jane@example.com";
    u.first_name = "Jane";
    u.last_name = "Doe";
    auto const created = R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"jane@example.com",)"
                         R"("firstName":"Jane","lastName":"Doe","emailVerified":false,"enabled":true,)"
                         R"("createdAt":"2023-10-01T12:00:00Z"})";

    SECTION("a token: sent as it is")
    {
        testing::mock_transport t;
        t.push(201, created);
        auto c = make_client<testing::mock_transport&>(t, config{}, credentials(secret(token)));
        REQUIRE(c.create_user("p", "c", u).has_value());
        REQUIRE(t.requests().size() == 1);
        CHECK(t.requests()[0].headers.find("Authorization") == std::string("Bearer ") + token);
    }
    SECTION("Console credentials: a token is fetched first")
    {
        testing::mock_transport t;
        t.push(200, R"({"accessToken":"fetched","tokenType":"bearer","expiresIn":300})");
        t.push(201, created);
        auto c = make_client<testing::mock_transport&>(
            t, config{}, credentials(console_credentials{"admin@example.com", secret(password)}));
        REQUIRE(c.create_user("p", "c", u).has_value());
        REQUIRE(t.requests().size() == 2);
        CHECK(t.requests()[0].target == "/functions/v1/public/auth/token");
        CHECK(t.requests()[1].headers.find("Authorization") == "Bearer fetched");
    }
}
