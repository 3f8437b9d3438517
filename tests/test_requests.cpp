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
    CHECK(serialize_http1(*r) ==
          "POST /projects/p/customers/a%2Fb%20c/users HTTP/1.1\r\n"
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
    std::string const names[] = {"quote\" backslash\\ slash/", "\xE2\x80\xA8 line separator", "\xF0\x9F\x98\x80 emoji",
                                 "</script>", "\\u0041 literal", "O'Brien-M\xC3\xBCller"};
    std::string const passwords[] = {"tab\tnewline\ncr\r-padding!!", "nul\0inside-0123456789"s, "\x1F\x7F\"\\/\b\f-0123456789",
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
