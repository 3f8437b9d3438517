// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/requests.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace corti::admin;
using namespace std::string_literals;

namespace {

new_user docs_user()
{
    new_user u;
    u.email = "user@example.com";
    u.first_name = "John";
    u.last_name = "Doe";
    u.password = secret("My$ecureP@ssw0rd123!");
    return u;
}

secret const token("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig");

} // namespace

TEST_CASE("golden: create user, the docs' example, exact bytes")
{
    auto const r = make_create_user_request(config{}, token, "consoleproject", "contosohospital", docs_user());
    REQUIRE(r);
    CHECK(r->method == http_method::post);
    CHECK(r->tls);
    CHECK(r->host == "api.console.corti.app");
    CHECK(r->port == 443);
    CHECK(r->sensitive_body);
    CHECK(serialize_http1(*r) ==
          "POST /functions/v1/public/projects/consoleproject/customers/contosohospital/users HTTP/1.1\r\n"
          "Host: api.console.corti.app\r\n"
          "User-Agent: corti-admin/0.1.0\r\n"
          "Accept: application/json\r\n"
          "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig\r\n"
          "Content-Type: application/json\r\n"
          "Content-Length: 98\r\n"
          "\r\n"
          R"({"email":"user@example.com","firstName":"John","lastName":"Doe","password":"My$ecureP@ssw0rd123!"})");
}

TEST_CASE("golden: create user without a password, on a loopback endpoint with a port")
{
    config cfg;
    auto ep = parse_base_url("http://127.0.0.1:8080/", scheme_policy::allow_http_on_loopback);
    REQUIRE(ep);
    cfg.endpoint = *ep;
    auto u = docs_user();
    u.password.reset();
    auto const r = make_create_user_request(cfg, token, "p", "a/b c", u);
    REQUIRE(r);
    CHECK_FALSE(r->tls);
    CHECK_FALSE(r->sensitive_body);
    CHECK(serialize_http1(*r) == "POST /projects/p/customers/a%2Fb%20c/users HTTP/1.1\r\n"
                                 "Host: 127.0.0.1:8080\r\n"
                                 "User-Agent: corti-admin/0.1.0\r\n"
                                 "Accept: application/json\r\n"
                                 "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig\r\n"
                                 "Content-Type: application/json\r\n"
                                 "Content-Length: 64\r\n"
                                 "\r\n"
                                 R"({"email":"user@example.com","firstName":"John","lastName":"Doe"})");
}

TEST_CASE("the body round-trips through boost::json::parse for any valid field values")
{
    // Names may hold any printable text; passwords any valid UTF-8, controls and NUL included.
    std::string const names[] = {"quote\" backslash\\ slash/",
                                 "\xE2\x80\xA8 line separator",
                                 "\xF0\x9F\x98\x80 emoji",
                                 "</script>",
                                 "\\u0041 literal",
                                 "O'Brien-M\xC3\xBCller"};
    std::string const passwords[] = {"tab\tnewline\ncr\r-padding!!", "nul\0inside-0123456789"s,
                                     "\x1F\x7F\"\\/\b\f-0123456789",
                                     "\xF0\x9F\x98\x80\xF0\x9F\x98\x80-0123456789abcdef"};
    for(auto const& name : names)
        for(auto const& pw : passwords)
        {
            CAPTURE(name);
            auto u = docs_user();
            u.first_name = name;
            u.last_name = name;
            u.password = secret(pw);
            auto const r = make_create_user_request(config{}, token, "p", "c", u);
            REQUIRE(r);
            auto const v = boost::json::parse(r->body);
            auto const& o = v.as_object();
            REQUIRE(o.size() == 4);
            CHECK(o.at("email").as_string() == u.email);
            CHECK(o.at("firstName").as_string() == name);
            CHECK(o.at("lastName").as_string() == name);
            CHECK(std::string_view(o.at("password").as_string()) == pw);
        }
}

TEST_CASE("invalid fields are rejected before anything is built, with their JSON Pointer")
{
    struct bad
    {
        char const* pointer;
        void (*mutate)(new_user&);
    };
    bad const cases[] = {
        {"/email", [](new_user& u) { u.email = "not-an-email"; }},
        {"/email", [](new_user& u) { u.email = ""; }},
        {"/email", [](new_user& u) { u.email = "us\xC3r@example.com"; }},
        {"/firstName", [](new_user& u) { u.first_name = ""; }},
        {"/firstName", [](new_user& u) { u.first_name = "Jo\xFFhn"; }},
        {"/lastName", [](new_user& u) { u.last_name = "Doe\r\nX-Injected: 1"; }},
        {"/lastName", [](new_user& u) { u.last_name = std::string(256, 'x'); }},
        {"/password", [](new_user& u) { u.password = secret("fifteen-chars!!"); }},
        {"/password", [](new_user& u) { u.password = secret(std::string(65, 'x')); }},
        {"/password", [](new_user& u) { u.password = secret("sixteen-chars!!\xC3"); }},
    };
    for(auto const& c : cases)
    {
        auto u = docs_user();
        c.mutate(u);
        auto const r = make_create_user_request(config{}, token, "p", "c", u);
        REQUIRE_FALSE(r);
        CHECK(r.error() == errc::invalid_field);
        CHECK(r.error().field == c.pointer);
        if(u.password)
            CHECK(r.error().to_string().find(u.password->reveal()) == std::string::npos);
    }
}

TEST_CASE("password length is counted in code points: 16 and 64 pass, 15 and 65 fail")
{
    auto const with = [](std::string pw) {
        auto u = docs_user();
        u.password = secret(std::move(pw));
        return make_create_user_request(config{}, token, "p", "c", u).has_value();
    };
    std::string e16, e64;
    for(int i = 0; i < 16; ++i)
        e16 += "\xC3\xA9"; // 16 code points, 32 bytes
    for(int i = 0; i < 64; ++i)
        e64 += "\xE2\x82\xAC"; // 64 code points, 192 bytes
    CHECK(with(std::string(16, 'x')));
    CHECK(with(std::string(64, 'x')));
    CHECK(with(e16));
    CHECK(with(e64));
    CHECK_FALSE(with(std::string(15, 'x')));
    CHECK_FALSE(with(std::string(65, 'x')));
    CHECK_FALSE(with(e64 + "x"));
}

TEST_CASE("path parameters and the token are checked, naming the argument")
{
    auto const u = docs_user();
    auto r = make_create_user_request(config{}, token, "", "c", u);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_argument);
    CHECK(r.error().field == "projectId");

    r = make_create_user_request(config{}, token, "p", "..", u);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "customerId");

    r = make_create_user_request(config{}, token, "p", std::string(65, 'c'), u);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "customerId");

    r = make_create_user_request(config{}, secret(""), "p", "c", u);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_argument);
    CHECK(r.error().field == "token");

    secret const injecting("abc\r\nX-Evil: 1");
    r = make_create_user_request(config{}, injecting, "p", "c", u);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "token");
    CHECK(r.error().to_string().find("X-Evil") == std::string::npos);
}

TEST_CASE("printing a request redacts the token and the password")
{
    auto const r = make_create_user_request(config{}, token, "p", "c", docs_user());
    REQUIRE(r);
    std::ostringstream os;
    os << *r;
    CHECK(os.str().find("eyJhbGci") == std::string::npos);
    CHECK(os.str().find("My$ecure") == std::string::npos);
    CHECK(os.str().find("Authorization: [redacted]") != std::string::npos);
    CHECK(os.str().find("[redacted 98 bytes]") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Every other operation: golden bytes.

namespace {

auto const user_id = *uuid::parse("123E4567-E89B-12D3-A456-426614174000");

std::string const head_get = "Host: api.console.corti.app\r\n"
                             "User-Agent: corti-admin/0.1.0\r\n"
                             "Accept: application/json\r\n"
                             "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig\r\n";

std::string golden(result<http_request> const& r)
{
    REQUIRE(r);
    return serialize_http1(*r);
}

} // namespace

TEST_CASE("golden: auth token")
{
    auto const r = make_fetch_token_request(config{}, "your-email@example.com", secret("your-password"));
    REQUIRE(r);
    CHECK(r->sensitive_body);
    CHECK_FALSE(r->headers.contains("Authorization"));
    CHECK(golden(r) == "POST /functions/v1/public/auth/token HTTP/1.1\r\n"
                       "Host: api.console.corti.app\r\n"
                       "User-Agent: corti-admin/0.1.0\r\n"
                       "Accept: application/json\r\n"
                       "Content-Type: application/json\r\n"
                       "Content-Length: 61\r\n"
                       "\r\n"
                       R"({"email":"your-email@example.com","password":"your-password"})");
    auto bad = make_fetch_token_request(config{}, "nope", secret("pw"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == "/email");
    bad = make_fetch_token_request(config{}, "a@b.co", secret(""));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == "/password");
}

TEST_CASE("golden: customers")
{
    CHECK(golden(make_list_customers_request(config{}, token, "consoleproject")) ==
          "GET /functions/v1/public/projects/consoleproject/customers?page=1&pageSize=20 HTTP/1.1\r\n" + head_get +
              "\r\n");
    CHECK(golden(make_list_customers_request(config{}, token, "consoleproject", {3, 50})) ==
          "GET /functions/v1/public/projects/consoleproject/customers?page=3&pageSize=50 HTTP/1.1\r\n" + head_get +
              "\r\n");

    new_customer c{"admin", "contosohospital", std::string("base"), region::eu, false};
    CHECK(
        golden(make_create_customer_request(config{}, token, "consoleproject", c)) ==
        "POST /functions/v1/public/projects/consoleproject/customers HTTP/1.1\r\n" + head_get +
            "Content-Type: application/json\r\nContent-Length: 102\r\n\r\n"
            R"({"displayName":"admin","customerId":"contosohospital","tenantName":"base","region":"eu","isNfr":false})");
    new_customer minimal{"Contoso", "c/1", std::nullopt, region::us, std::nullopt};
    CHECK(golden(make_create_customer_request(config{}, token, "p", minimal)) ==
          "POST /functions/v1/public/projects/p/customers HTTP/1.1\r\n" + head_get +
              "Content-Type: application/json\r\nContent-Length: 58\r\n\r\n"
              R"({"displayName":"Contoso","customerId":"c/1","region":"us"})");

    customer_update u;
    u.display_name = "admin";
    u.customer_id = "contosohospital";
    u.is_nfr = false;
    CHECK(golden(make_update_customer_request(config{}, token, "consoleproject", "old id", u)) ==
          "PATCH /functions/v1/public/projects/consoleproject/customers/old%20id HTTP/1.1\r\n" + head_get +
              "Content-Type: application/json\r\nContent-Length: 68\r\n\r\n"
              R"({"displayName":"admin","customerId":"contosohospital","isNfr":false})");
    CHECK(golden(make_update_customer_request(config{}, token, "p", "c", customer_update{})) ==
          "PATCH /functions/v1/public/projects/p/customers/c HTTP/1.1\r\n" + head_get +
              "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

    CHECK(golden(make_delete_customer_request(config{}, token, "p", "c")) ==
          "DELETE /functions/v1/public/projects/p/customers/c HTTP/1.1\r\n" + head_get + "\r\n");
    CHECK(golden(make_get_customer_quotas_request(config{}, token, "p", "c")) ==
          "GET /functions/v1/public/projects/p/customers/c/quotas HTTP/1.1\r\n" + head_get + "\r\n");
    CHECK(golden(make_get_project_quotas_request(config{}, token, "p")) ==
          "GET /functions/v1/public/projects/p/quotas HTTP/1.1\r\n" + head_get + "\r\n");
}

TEST_CASE("golden: users")
{
    CHECK(golden(make_list_users_request(config{}, token, "p", "c", {2, 5})) ==
          "GET /functions/v1/public/projects/p/customers/c/users?page=2&pageSize=5 HTTP/1.1\r\n" + head_get + "\r\n");

    user_update u;
    u.first_name = "John";
    u.last_name = "Doe";
    u.enabled = true;
    u.password = secret("My$ecureP@ssw0rd123!");
    auto const r = make_update_user_request(config{}, token, "p", "c", user_id, u);
    REQUIRE(r);
    CHECK(r->sensitive_body);
    CHECK(golden(r) ==
          "PATCH /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000 HTTP/1.1\r\n" +
              head_get +
              "Content-Type: application/json\r\nContent-Length: 86\r\n\r\n"
              R"({"firstName":"John","lastName":"Doe","enabled":true,"password":"My$ecureP@ssw0rd123!"})");
    user_update disable;
    disable.enabled = false;
    auto const d = make_update_user_request(config{}, token, "p", "c", user_id, disable);
    REQUIRE(d);
    CHECK_FALSE(d->sensitive_body);
    CHECK(d->body == R"({"enabled":false})");

    CHECK(golden(make_delete_user_request(config{}, token, "p", "c", user_id)) ==
          "DELETE /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000 HTTP/1.1\r\n" +
              head_get + "\r\n");

    auto const from = *date_time::parse("2026-01-05T00:00:00Z");
    auto const to = *date_time::parse("2026-01-17T00:00:00+01:00");
    CHECK(golden(make_get_user_consumption_request(config{}, token, "p", "c", user_id, from, to)) ==
          "GET /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000/consumption"
          "?from=2026-01-05T00%3A00%3A00Z&to=2026-01-17T00%3A00%3A00%2B01%3A00 HTTP/1.1\r\n" +
              head_get + "\r\n");
    CHECK(golden(
              make_get_user_consumption_request(config{}, token, "p", "c", user_id, from, from, "Europe/Copenhagen")) ==
          "GET /functions/v1/public/projects/p/customers/c/users/123e4567-e89b-12d3-a456-426614174000/consumption"
          "?from=2026-01-05T00%3A00%3A00Z&to=2026-01-05T00%3A00%3A00Z&windowTimeZone=Europe%2FCopenhagen HTTP/1.1\r\n" +
              head_get + "\r\n");
}

TEST_CASE("other operations: invalid arguments and fields name what is wrong")
{
    struct c
    {
        result<http_request> r;
        errc code;
        char const* field;
    };
    auto const from = *date_time::parse("2026-01-05T00:00:00Z");
    auto const before = *date_time::parse("2026-01-04T23:59:59.999Z");
    new_customer const good_c{"Contoso", "contoso", std::nullopt, std::nullopt, std::nullopt};
    auto with = [&](auto f) {
        new_customer x = good_c;
        f(x);
        return x;
    };
    user_update short_pw;
    short_pw.password = secret("short");
    customer_update bad_rename;
    bad_rename.customer_id = "..";
    c const cases[] = {
        {make_list_customers_request(config{}, token, "p", {0, 20}), errc::invalid_argument, "page"},
        {make_list_customers_request(config{}, token, "p", {1, 0}), errc::invalid_argument, "pageSize"},
        {make_list_users_request(config{}, token, "p", "c", {-1, 20}), errc::invalid_argument, "page"},
        {make_list_users_request(config{}, token, "p", "", {1, 20}), errc::invalid_argument, "customerId"},
        {make_create_customer_request(config{}, token, "p", with([](new_customer& x) { x.display_name = ""; })),
         errc::invalid_field, "/displayName"},
        {make_create_customer_request(config{}, token, "p",
                                      with([](new_customer& x) { x.customer_id = std::string(65, 'c'); })),
         errc::invalid_field, "/customerId"},
        {make_create_customer_request(config{}, token, "p", with([](new_customer& x) { x.customer_id = "."; })),
         errc::invalid_field, "/customerId"},
        {make_create_customer_request(config{}, token, "p",
                                      with([](new_customer& x) { x.tenant_name = "fifteen-chars!!"; })),
         errc::invalid_field, "/tenantName"},
        {make_create_customer_request(config{}, token, "..", good_c), errc::invalid_argument, "projectId"},
        {make_update_customer_request(config{}, token, "p", "c", bad_rename), errc::invalid_field, "/customerId"},
        {make_update_user_request(config{}, token, "p", "c", user_id, short_pw), errc::invalid_field, "/password"},
        {make_get_user_consumption_request(config{}, token, "p", "c", user_id, from, before), errc::invalid_argument,
         "to"},
        {make_get_user_consumption_request(config{}, token, "p", "c", user_id, from, from, "Europe/../etc"),
         errc::invalid_argument, "windowTimeZone"},
        {make_get_user_consumption_request(config{}, token, "p", "c", user_id, from, from, "UTC&x=1"),
         errc::invalid_argument, "windowTimeZone"},
        {make_get_project_quotas_request(config{}, secret("a b"), "p"), errc::invalid_argument, "token"},
        {make_delete_user_request(config{}, token, "p", "..", user_id), errc::invalid_argument, "customerId"},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.field);
        REQUIRE_FALSE(k.r);
        CHECK(k.r.error() == k.code);
        CHECK(k.r.error().field == k.field);
    }
}

TEST_CASE("set_bearer puts a new token in a built request, in place of the old one")
{
    auto r = make_get_project_quotas_request(config{}, secret("old-token"), "p");
    REQUIRE(r);
    REQUIRE(detail::set_bearer(*r, secret("new-token")));
    CHECK(r->headers.find("Authorization") == "Bearer new-token");
    std::size_t n = 0;
    for(auto const& f : r->headers)
        n += f.name == "Authorization";
    CHECK(n == 1);
    auto const bad = detail::set_bearer(*r, secret("two words"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == errc::invalid_argument);
    CHECK(bad.error().field == "token");
    CHECK(r->headers.find("Authorization") == "Bearer new-token"); // unchanged on error
}
