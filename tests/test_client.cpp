#include <corti/admin/client.hpp>
#include <corti/admin/testing.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace corti::admin;
using corti::admin::testing::mock_transport;

namespace {

std::string const docs_body = R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com",)"
                              R"("firstName":"John","lastName":"Doe","emailVerified":true,"enabled":true,)"
                              R"("createdAt":"2023-10-01T12:00:00Z"})";
char const* const password = "My$ecureP@ssw0rd123!";
char const* const token = "tok-SECRET-0123456789";

new_user docs_user()
{
    return new_user{"user@example.com", "John", "Doe", secret(password)};
}

} // namespace

TEST_CASE("create_user: builds, sends once, parses")
{
    mock_transport t;
    t.push(201, docs_body);
    client<mock_transport&> c(t, config{}, secret(token));
    auto const u = c.create_user("consoleproject", "contosohospital", docs_user());
    REQUIRE(u);
    CHECK(u->email == "user@example.com");
    CHECK(u->id->to_string() == "123e4567-e89b-12d3-a456-426614174000");
    REQUIRE(t.requests().size() == 1);
    auto const& req = t.requests()[0];
    CHECK(req.method == http_method::post);
    CHECK(req.target == "/functions/v1/public/projects/consoleproject/customers/contosohospital/users");
    CHECK(req.headers.find("Authorization") == std::string("Bearer ") + token);
    CHECK(t.pending() == 0);
}

TEST_CASE("create_user: invalid arguments are rejected before anything is sent")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret(token));
    auto u = docs_user();
    u.password = secret("short");
    auto r = c.create_user("p", "c", u);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::invalid_field);
    CHECK(r.error().field == "/password");
    r = c.create_user("p", "a/..", docs_user()); // one segment, "a%2F..": valid, so it is sent
    REQUIRE(t.requests().size() == 1);
    CHECK(t.requests()[0].target == "/functions/v1/public/projects/p/customers/a%2F../users");
    r = c.create_user("p", "..", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "customerId");
    CHECK(t.requests().size() == 1);
}

TEST_CASE("create_user: a POST is never resent, whatever the transport or server says")
{
    mock_transport t;
    t.push_error(error(errc::connection_failed, "connection reset"));
    t.push(503, R"({"message":"try later"})");
    t.push(201, docs_body);
    client<mock_transport&> c(t, config{}, secret(token));
    auto r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::connection_failed);
    CHECK(t.requests().size() == 1);
    r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::api_error);
    CHECK(r.error().http_status == 503);
    CHECK(t.requests().size() == 2);
}

TEST_CASE("create_user: the password and the token never appear in an error")
{
    mock_transport t;
    std::string const echo = std::string(R"({"message":"password )") + password + " rejected for token " + token + R"("})";
    t.push(400, echo);
    t.push(201, echo.substr(0, echo.size() - 1)); // malformed
    t.push_error(error(errc::connection_failed, std::string("peer said ") + token));
    http_response odd;
    odd.status = 500;
    odd.headers.add("x-request-id", token);
    odd.body = password;
    t.push(odd);
    client<mock_transport&> c(t, config{}, secret(token));
    for(int i = 0; i < 4; ++i)
    {
        auto const r = c.create_user("p", "c", docs_user());
        REQUIRE_FALSE(r);
        std::ostringstream os;
        os << r.error();
        CAPTURE(os.str());
        CHECK(os.str().find(password) == std::string::npos);
        CHECK(os.str().find(token) == std::string::npos);
        CHECK(r.error().message.find(password) == std::string::npos);
        CHECK(r.error().request_id.find(token) == std::string::npos);
    }
}

TEST_CASE("create_user: the mock's own error when nothing is queued")
{
    mock_transport t;
    client<mock_transport&> c(t, config{}, secret(token));
    auto const r = c.create_user("p", "c", docs_user());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == boost::system::errc::no_message_available);
    CHECK(r.error().message == "mock_transport: no response queued");
}

TEST_CASE("client: holds the transport by value or by reference, and the token can be replaced")
{
    client<mock_transport> owning(mock_transport{}, config{}, secret(token));
    owning.transport().push(201, docs_body);
    owning.set_token(secret("new-token"));
    REQUIRE(owning.create_user("p", "c", docs_user()));
    CHECK(owning.transport().requests().at(0).headers.find("Authorization") == "Bearer new-token");
    CHECK(owning.get_config().endpoint.host == "api.console.corti.app");
}
