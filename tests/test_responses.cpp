// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/responses.hpp>
#include <corti/admin/testing/mock_transport.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <string>

using namespace corti::admin;

namespace {

std::string const docs_body = R"({"id": "123e4567-e89b-12d3-a456-426614174000", "email": "user@example.com",
 "firstName": "John", "lastName": "Doe", "emailVerified": true, "enabled": true, "createdAt": "2023-10-01T12:00:00Z"})";

http_response json(unsigned status, std::string body, std::string content_type = "application/json")
{
    return testing::make_response(status, std::move(body), content_type);
}

// The docs' example with one member's text replaced.
std::string replace(std::string s, std::string const& from, std::string const& to)
{
    auto const pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}

error parse_error(std::string body, config const& cfg = {})
{
    auto const r = parse_create_user_response(json(201, std::move(body)), cfg);
    REQUIRE_FALSE(r);
    return r.error();
}

} // namespace

TEST_CASE("the docs' example parses into every field, with 200 and with 201")
{
    for(unsigned status : {200u, 201u})
    {
        auto const r = parse_create_user_response(json(status, docs_body));
        REQUIRE(r);
        CHECK(r->email == "user@example.com");
        CHECK(r->first_name == "John");
        CHECK(r->last_name == "Doe");
        CHECK(r->enabled);
        REQUIRE(r->id);
        CHECK(r->id->to_string() == "123e4567-e89b-12d3-a456-426614174000");
        CHECK(r->email_verified == true);
        REQUIRE(r->created_at);
        CHECK(r->created_at->to_string() == "2023-10-01T12:00:00Z");
        CHECK(r->created_at->to_unix_seconds() == 1696161600);
    }
}

TEST_CASE("optional fields may be absent, required ones may not")
{
    auto const r =
        parse_create_user_response(json(201, R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":false})"));
    REQUIRE(r);
    CHECK_FALSE(r->enabled);
    CHECK_FALSE(r->id);
    CHECK_FALSE(r->email_verified);
    CHECK_FALSE(r->created_at);

    for(auto field : {"email", "firstName", "lastName", "enabled"})
    {
        CAPTURE(field);
        std::string body = R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":false})";
        auto const key = std::string("\"") + field + "\":";
        auto const at = body.find(key);
        auto const end = body.find_first_of(",}", at);
        body.erase(at, end - at + (body[end] == ',' ? 1 : 0));
        if(body[body.size() - 2] == ',')
            body.erase(body.size() - 2, 1);
        auto const e = parse_error(body);
        CHECK(e == errc::missing_field);
        CHECK(e.field == std::string("/") + field);
        CHECK(e.http_status == 201);
    }
}

TEST_CASE("each field with a wrong type, and null, is rejected with its pointer")
{
    struct c
    {
        char const* from;
        char const* to;
        char const* pointer;
    };
    c const cases[] = {
        {R"("email": "user@example.com")", R"("email": 42)", "/email"},
        {R"("firstName": "John")", R"("firstName": ["John"])", "/firstName"},
        {R"("lastName": "Doe")", R"("lastName": {"v":"Doe"})", "/lastName"},
        {R"("enabled": true)", R"("enabled": "true")", "/enabled"},
        {R"("enabled": true)", R"("enabled": 1)", "/enabled"},
        {R"("id": "123e4567-e89b-12d3-a456-426614174000")", R"("id": 123)", "/id"},
        {R"("emailVerified": true)", R"("emailVerified": "yes")", "/emailVerified"},
        {R"("createdAt": "2023-10-01T12:00:00Z")", R"("createdAt": 1696161600)", "/createdAt"},
        {R"("email": "user@example.com")", R"("email": null)", "/email"},
        {R"("enabled": true)", R"("enabled": null)", "/enabled"},
        {R"("id": "123e4567-e89b-12d3-a456-426614174000")", R"("id": null)", "/id"},
        {R"("createdAt": "2023-10-01T12:00:00Z")", R"("createdAt": null)", "/createdAt"},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.to);
        auto const e = parse_error(replace(docs_body, k.from, k.to));
        CHECK(e == errc::wrong_type);
        CHECK(e.field == k.pointer);
    }
}

TEST_CASE("a document that is not an object is the wrong type")
{
    for(auto body : {"[]", "\"user\"", "42", "null", "true"})
    {
        CAPTURE(body);
        auto const e = parse_error(body);
        CHECK(e == errc::wrong_type);
        CHECK(e.field.empty());
    }
}

TEST_CASE("invalid formats: UUID, date-time, email")
{
    struct c
    {
        char const* from;
        char const* to;
        char const* pointer;
    };
    char const* const id = R"("id": "123e4567-e89b-12d3-a456-426614174000")";
    char const* const at = R"("createdAt": "2023-10-01T12:00:00Z")";
    char const* const em = R"("email": "user@example.com")";
    c const cases[] = {
        {id, R"("id": "123e4567-e89b-12d3-a456-42661417400")", "/id"},
        {id, R"("id": "123e4567e89b12d3a456426614174000")", "/id"},
        {id, R"("id": "{123e4567-e89b-12d3-a456-426614174000}")", "/id"},
        {id, R"("id": "123e4567-e89b-12d3-a456-42661417400g")", "/id"},
        {id, R"("id": "")", "/id"},
        {at, R"("createdAt": "2023-02-30T12:00:00Z")", "/createdAt"},
        {at, R"("createdAt": "2023-02-29T12:00:00Z")", "/createdAt"},
        {at, R"("createdAt": "2023-10-01T24:00:00Z")", "/createdAt"},
        {at, R"("createdAt": "2023-10-01T12:00:00")", "/createdAt"},
        {at, R"("createdAt": "2023-10-01 12:00:00Z")", "/createdAt"},
        {at, R"("createdAt": "2023-10-01T12:00:61Z")", "/createdAt"},
        {at, R"("createdAt": "2023-13-01T12:00:00Z")", "/createdAt"},
        {at, R"("createdAt": "2023-10-01T12:00:00+01")", "/createdAt"},
        {em, R"("email": "user.example.com")", "/email"},
        {em, R"("email": "user@")", "/email"},
        {em, R"("email": "two@at@example.com")", "/email"},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.to);
        auto const e = parse_error(replace(docs_body, k.from, k.to));
        CHECK(e == errc::invalid_value);
        CHECK(e.field == k.pointer);
    }
    // A leap year's Feb 29 and a leap second at 23:59:60Z are valid.
    CHECK(parse_create_user_response(json(201, replace(docs_body, at, R"("createdAt": "2024-02-29T23:59:60Z")"))));
}

TEST_CASE("duplicate keys are rejected, known or unknown, at any depth")
{
    auto e = parse_error(replace(docs_body, R"("enabled": true)", R"("enabled": true, "enabled": false)"));
    CHECK(e == errc::duplicate_key);
    CHECK(e.field == "/enabled");

    e = parse_error(replace(docs_body, R"("enabled": true)", R"("enabled": true, "x": 1, "x": 2)"));
    CHECK(e == errc::duplicate_key);
    CHECK(e.field == "/x");

    e = parse_error(replace(docs_body, R"("enabled": true)", R"("enabled": true, "x": {"a": 1, "a": 1})"));
    CHECK(e == errc::duplicate_key);

    // A duplicated required key must not stand in for another missing one.
    e = parse_error(R"({"email":"a@b.co","email":"a@b.co","firstName":"A","lastName":"B"})");
    CHECK(e == errc::duplicate_key);

    // The same unknown key in two sibling objects is not a duplicate.
    CHECK(parse_create_user_response(
        json(201, replace(docs_body, R"("enabled": true)", R"("enabled": true, "a": {"k": 1}, "b": {"k": 2})"))));
}

TEST_CASE("unknown fields: ignored by default, rejected in strict mode")
{
    auto const body =
        replace(docs_body, R"("enabled": true)", R"("enabled": true, "tenant": {"deep": [1, {"x": null}]})");
    CHECK(parse_create_user_response(json(201, body)));

    config strict;
    strict.strictness = strictness::strict;
    auto const e = parse_error(body, strict);
    CHECK(e == errc::unknown_field);
    CHECK(e.field == "/tenant");
    CHECK(parse_create_user_response(json(201, docs_body), strict));
}

TEST_CASE("the Content-Type must be application/json")
{
    for(auto ct : {"application/json", "Application/JSON", "application/json; charset=utf-8", " application/json ;q=1"})
    {
        CAPTURE(ct);
        CHECK(parse_create_user_response(json(201, docs_body, ct)));
    }
    for(auto ct :
        {"", "text/html", "application/jsonx", "text/json", "application/problem+json", "application/json-seq"})
    {
        CAPTURE(ct);
        auto const r = parse_create_user_response(json(201, docs_body, ct));
        REQUIRE_FALSE(r);
        CHECK(r.error() == errc::bad_content_type);
    }
}

TEST_CASE("empty, truncated and malformed bodies are malformed JSON")
{
    for(auto body : {"", " ", "{", R"({"email":)", R"({"email":"a@b.co",})", R"({"email":"a@b.co"} x)",
                     "{'email':'a@b.co'}", R"({"email":"a@b.co" /* c */})", R"({"n": NaN})", "\xEF\xBB\xBF{}"})
    {
        CAPTURE(body);
        auto const e = parse_error(body);
        CHECK(e == errc::malformed_json);
    }
}

TEST_CASE("limits: body size, nesting depth, string length")
{
    config small;
    small.limits.max_body_size = docs_body.size() - 1;
    auto r = parse_create_user_response(json(201, docs_body), small);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::body_too_large);
    small.limits.max_body_size = docs_body.size();
    CHECK(parse_create_user_response(json(201, docs_body), small));

    std::string deep =
        replace(docs_body, R"("enabled": true)", R"("enabled": true, "x": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]])");
    auto e = parse_error(deep);
    CHECK(e == errc::too_deep);
    config deep_ok;
    deep_ok.limits.max_depth = 32;
    CHECK(parse_create_user_response(json(201, deep), deep_ok));

    config short_strings;
    short_strings.limits.max_string_length = 8;
    e = parse_error(docs_body, short_strings);
    CHECK(e == errc::string_too_long);
}

TEST_CASE("other statuses: 3xx, unexpected 2xx, 1xx")
{
    http_response r = json(307, "");
    r.headers.add("Location", "https://elsewhere.example/x");
    auto p = parse_create_user_response(r);
    REQUIRE_FALSE(p);
    CHECK(p.error() == errc::redirect_not_followed);
    CHECK(p.error().http_status == 307);
    CHECK(p.error().message.find("elsewhere.example") != std::string::npos);

    for(unsigned s : {100u, 202u, 204u, 299u, 0u, 600u})
    {
        CAPTURE(s);
        p = parse_create_user_response(json(s, docs_body));
        REQUIRE_FALSE(p);
        CHECK(p.error() == errc::unexpected_status);
    }
}

TEST_CASE("4xx and 5xx become API errors carrying the status and the server's message")
{
    struct c
    {
        unsigned status;
        char const* body;
        char const* content_type;
        char const* message;
    };
    c const cases[] = {
        {409, R"({"error":{"code":"conflict","message":"email already exists"}})", "application/json",
         "email already exists"},
        {400, R"({"error":"bad body"})", "application/json", "bad body"},
        {401, R"({"message":"Invalid JWT"})", "application/json", "Invalid JWT"},
        {403, R"({"msg":"forbidden"})", "application/json", "forbidden"},
        {400, R"({"error_description":"desc","detail":"d"})", "application/json", "desc"},
        {404, R"({"detail":"no such customer"})", "application/json; charset=utf-8", "no such customer"},
        {400, R"({"detail":"d","message":"m","error":"e"})", "application/json", "e"},
        {500, "<html><head><title>500</title></head><body>Internal\nServer Error</body></html>", "text/html",
         "<html><head><title>500</title></head><body>Internal Server Error</body></html>"},
        {503, "", "", ""},
        {502, R"({"unrelated": 1})", "application/json", R"({"unrelated": 1})"},
        {429, R"(["not", "an", "object"])", "application/json", R"(["not", "an", "object"])"},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.body);
        http_response r = json(k.status, k.body, k.content_type);
        r.headers.add("X-Request-Id", "req-42");
        auto const p = parse_create_user_response(r);
        REQUIRE_FALSE(p);
        CHECK(p.error() == errc::api_error);
        CHECK(p.error().http_status == k.status);
        CHECK(p.error().server_message() == k.message);
        CHECK(p.error().request_id == "req-42");
    }
}

TEST_CASE("server messages are bounded and cleaned of control characters")
{
    http_response r = json(500, std::string(100000, 'x'), "text/plain");
    auto e = parse_api_error(r);
    CHECK(e.server_message().size() == 512 + 3);
    CHECK(e.server_message().substr(512) == "...");

    r = json(400, "{\"message\":\"line1\\nline2\\u001b[31m\"}");
    e = parse_api_error(r);
    CHECK(e.server_message() == "line1 line2 [31m");

    r = json(400, "bad \xFF utf8 \xC3\xA9", "text/plain");
    e = parse_api_error(r);
    CHECK(e.server_message() == "bad ? utf8 \xC3\xA9");
}

// ---------------------------------------------------------------------------
// Every other operation.

TEST_CASE("token: the docs' example, and a token that never leaks into errors")
{
    auto const t = parse_fetch_token_response(
        json(200,
             R"({"accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...", "tokenType": "bearer", "expiresIn": 3600})"),
        config{});
    REQUIRE(t);
    CHECK(t->token.reveal() == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...");
    CHECK(t->token_type == "bearer");
    CHECK(t->expires_in == 3600);
    CHECK(parse_fetch_token_response(json(200, R"({"accessToken":"x","tokenType":"Bearer","expiresIn":0})"), config{}));

    struct c
    {
        char const* body;
        errc code;
        char const* field;
    };
    c const cases[] = {
        {R"({"accessToken":"SECRETTOKEN","tokenType":"mac","expiresIn":60})", errc::invalid_value, "/tokenType"},
        {R"({"accessToken":"","tokenType":"bearer","expiresIn":60})", errc::invalid_value, "/accessToken"},
        {R"({"accessToken":"SECRETTOKEN","tokenType":"bearer","expiresIn":-1})", errc::invalid_value, "/expiresIn"},
        {R"({"accessToken":"SECRETTOKEN","tokenType":"bearer","expiresIn":1.5})", errc::invalid_value, "/expiresIn"},
        {R"({"accessToken":"SECRETTOKEN","tokenType":"bearer"})", errc::missing_field, "/expiresIn"},
        {R"({"accessToken":42,"tokenType":"bearer","expiresIn":60})", errc::wrong_type, "/accessToken"},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.body);
        auto const r = parse_fetch_token_response(json(200, k.body), config{});
        REQUIRE_FALSE(r);
        CHECK(r.error() == k.code);
        CHECK(r.error().field == k.field);
        CHECK(r.error().to_string().find("SECRETTOKEN") == std::string::npos);
    }
    auto const created =
        parse_fetch_token_response(json(201, R"({"accessToken":"x","tokenType":"bearer","expiresIn":1})"), config{});
    REQUIRE_FALSE(created);
    CHECK(created.error() == errc::unexpected_status);
}

TEST_CASE("customers: the docs' list example, both pagination forms")
{
    std::string const body = R"({"customers": [{"displayName": "admin", "tenantName": "base", "region": "eu",
        "customerId": "contosohospital", "isNfr": false, "createdAt": "2023-10-01T12:00:00Z"}],
        "pagination": {"page": 123, "pageSize": 123, "hasNextPage": true}})";
    auto const p = parse_list_customers_response(json(200, body), config{});
    REQUIRE(p);
    REQUIRE(p->customers.size() == 1);
    CHECK(p->customers[0].customer_id == "contosohospital");
    CHECK(p->customers[0].region == region::eu);
    CHECK(p->customers[0].is_nfr == false);
    CHECK(p->pagination.page == 123);
    CHECK(p->pagination.has_more());

    auto const old = parse_list_customers_response(
        json(200, R"({"customers":[],"pagination":{"page":2,"pageSize":10,"total":20}})"), config{});
    REQUIRE(old);
    CHECK_FALSE(old->pagination.has_more());
    auto const more = parse_list_customers_response(
        json(200, R"({"customers":[],"pagination":{"page":2,"pageSize":10,"total":21}})"), config{});
    REQUIRE(more);
    CHECK(more->pagination.has_more());

    struct c
    {
        std::string body;
        errc code;
        char const* field;
    };
    c const cases[] = {
        {R"({"customers":[],"pagination":{"page":1,"pageSize":10}})", errc::missing_field, "/pagination/hasNextPage"},
        {R"({"customers":[],"pagination":{"page":0,"pageSize":10,"hasNextPage":false}})", errc::invalid_value,
         "/pagination/page"},
        {R"({"customers":[],"pagination":{"page":1,"pageSize":0,"hasNextPage":false}})", errc::invalid_value,
         "/pagination/pageSize"},
        {R"({"customers":[],"pagination":{"page":1,"pageSize":1,"total":-5}})", errc::invalid_value,
         "/pagination/total"},
        {R"({"customers":{},"pagination":{"page":1,"pageSize":1,"hasNextPage":false}})", errc::wrong_type,
         "/customers"},
        {R"({"pagination":{"page":1,"pageSize":1,"hasNextPage":false}})", errc::missing_field, "/customers"},
        {R"({"customers":[{"displayName":"a","tenantName":"b","region":"asia","customerId":"c"}],"pagination":{"page":1,"pageSize":1,"hasNextPage":false}})",
         errc::invalid_value, "/customers/0/region"},
        {R"({"customers":[{"displayName":"a","tenantName":"b","region":"eu"}],"pagination":{"page":1,"pageSize":1,"hasNextPage":false}})",
         errc::missing_field, "/customers/0/customerId"},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.body);
        auto const r = parse_list_customers_response(json(200, k.body), config{});
        REQUIRE_FALSE(r);
        CHECK(r.error() == k.code);
        CHECK(r.error().field == k.field);
    }
}

TEST_CASE("customers: create (200 or 201), update (200), delete (204, or 200)")
{
    std::string const c = R"({"displayName":"admin","tenantName":"base","region":"us","customerId":"contosohospital"})";
    CHECK(parse_create_customer_response(json(201, c), config{})->region == region::us);
    CHECK(parse_create_customer_response(json(200, c), config{}));
    CHECK(parse_update_customer_response(json(200, c), config{}));
    CHECK(parse_update_customer_response(json(201, c), config{}).error() == errc::unexpected_status);

    CHECK(parse_delete_customer_response(json(204, "", ""), config{}));
    CHECK(parse_delete_customer_response(json(200, "{}"), config{}));
    CHECK(parse_delete_customer_response(json(204, "{}"), config{}).error() == errc::unexpected_body);
    CHECK(parse_delete_customer_response(json(404, R"({"message":"no such customer"})"), config{})
              .error()
              .server_message() == "no such customer");
}

TEST_CASE("users: list, update, delete")
{
    std::string const body = R"({"users": [{"id": "123e4567-e89b-12d3-a456-426614174000", "email": "user@example.com",
        "firstName": "John", "lastName": "Doe", "emailVerified": true, "enabled": true, "createdAt": "2023-10-01T12:00:00Z"}],
        "pagination": {"page": 123, "pageSize": 123, "total": 123}})";
    auto const p = parse_list_users_response(json(200, body), config{});
    REQUIRE(p);
    REQUIRE(p->users.size() == 1);
    CHECK(p->users[0].first_name == "John");
    CHECK_FALSE(p->pagination.has_more());
    auto const bad = parse_list_users_response(json(200, replace(body, "user@example.com", "not-an-email")), config{});
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == errc::invalid_value);
    CHECK(bad.error().field == "/users/0/email");

    CHECK(parse_update_user_response(json(200, docs_body), config{}));
    CHECK(parse_delete_user_response(json(204, "", ""), config{}));
    CHECK(parse_delete_user_response(json(200, ""), config{}).error() == errc::unexpected_status);
    CHECK(parse_delete_user_response(json(204, " "), config{}).error() == errc::unexpected_body);
}

TEST_CASE("quotas and consumption")
{
    auto const q = parse_get_customer_quotas_response(
        json(200, R"({"users": {"quota": 50, "usage": 12, "remaining": 38}})"), config{});
    REQUIRE(q);
    CHECK(q->users.quota == 50);
    CHECK(q->users.remaining == 38);
    CHECK_FALSE(q->users.unlimited());
    CHECK(parse_get_customer_quotas_response(json(200, R"({"users": {"quota": -1, "usage": 3}})"), config{})
              ->users.unlimited());
    auto e = parse_get_customer_quotas_response(json(200, R"({"users": {"quota": -2, "usage": 3}})"), config{});
    REQUIRE_FALSE(e);
    CHECK(e.error().field == "/users/quota");
    e = parse_get_customer_quotas_response(json(200, R"({"users": {"quota": 5, "usage": -3}})"), config{});
    REQUIRE_FALSE(e);
    CHECK(e.error().field == "/users/usage");

    auto const pq = parse_get_project_quotas_response(
        json(
            200,
            R"({"quotas": [{"region": "eu", "tenantName": "base", "users": {"quota": 123, "usage": 123, "remaining": 123}}]})"),
        config{});
    REQUIRE(pq);
    REQUIRE(pq->quotas.size() == 1);
    CHECK(pq->quotas[0].tenant_name == "base");
    auto const pe = parse_get_project_quotas_response(
        json(
            200,
            R"({"quotas": [{"region": "eu", "tenantName": "base", "users": {"quota": 1, "usage": 0, "remaining": -7}}]})"),
        config{});
    REQUIRE_FALSE(pe);
    CHECK(pe.error().field == "/quotas/0/users/remaining");

    CHECK(*parse_get_user_consumption_response(json(200, R"({"consumption": 123})"), config{}) == 123.0);
    CHECK(*parse_get_user_consumption_response(json(200, R"({"consumption": 1.44E2})"), config{}) == 144.0);
    CHECK(parse_get_user_consumption_response(json(200, R"({"consumption": -1})"), config{}).error() ==
          errc::invalid_value);
    CHECK(parse_get_user_consumption_response(json(200, R"({"consumption": 1e999})"), config{}).error() ==
          errc::invalid_value);
    CHECK(parse_get_user_consumption_response(json(200, R"({"consumption": "1"})"), config{}).error() ==
          errc::wrong_type);
}

TEST_CASE("every JSON parser takes its working memory from an arena: exactly its peak is enough, a byte less is "
          "out_of_memory")
{
    // Each parser, reduced to its error code (empty on success).
    using parse_fn = std::function<boost::system::error_code(http_response const&, parse_arena*)>;
    auto const code = [](auto const& r) { return r ? boost::system::error_code() : r.error().code; };
    struct c
    {
        char const* name;
        std::string body;
        parse_fn parse;
    };
    std::string const customer =
        R"({"displayName":"Contoso General Hospital","tenantName":"contoso","region":"eu","customerId":"contosohospital","extra":{"k":[1,2]}})";
    c const cases[] = {
        {"token", R"({"accessToken":"eyJhbGciOiJIUzI1NiJ9.e30.signature","tokenType":"Bearer","expiresIn":300})",
         [&](auto const& r, auto* a) { return code(parse_fetch_token_response(r, config{}, a)); }},
        {"list customers",
         R"({"customers":[)" + customer + R"(],"pagination":{"page":1,"pageSize":10,"hasNextPage":false}})",
         [&](auto const& r, auto* a) { return code(parse_list_customers_response(r, config{}, a)); }},
        {"create customer", customer,
         [&](auto const& r, auto* a) { return code(parse_create_customer_response(r, config{}, a)); }},
        {"update customer", customer,
         [&](auto const& r, auto* a) { return code(parse_update_customer_response(r, config{}, a)); }},
        {"customer quotas", R"({"users":{"quota":50,"usage":12,"remaining":38},"unknownButLongKey":1})",
         [&](auto const& r, auto* a) { return code(parse_get_customer_quotas_response(r, config{}, a)); }},
        {"list users", R"({"users":[)" + docs_body + R"(],"pagination":{"page":1,"pageSize":10,"total":1}})",
         [&](auto const& r, auto* a) { return code(parse_list_users_response(r, config{}, a)); }},
        {"update user", docs_body,
         [&](auto const& r, auto* a) { return code(parse_update_user_response(r, config{}, a)); }},
        {"consumption", R"({"consumption":12.5,"window":{"from":"2024-01-01T00:00:00Z"}})",
         [&](auto const& r, auto* a) { return code(parse_get_user_consumption_response(r, config{}, a)); }},
        {"project quotas", R"({"quotas":[{"region":"us","tenantName":"contoso","users":{"quota":-1,"usage":3}}]})",
         [&](auto const& r, auto* a) { return code(parse_get_project_quotas_response(r, config{}, a)); }},
        {"create user", docs_body,
         [&](auto const& r, auto* a) { return code(parse_create_user_response(r, config{}, a)); }},
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.name);
        auto const r = json(200, k.body);
        unsigned char buf[1024];
        parse_arena big(buf);
        REQUIRE_FALSE(k.parse(r, &big));
        REQUIRE_FALSE(k.parse(r, nullptr));
        auto const peak = big.peak();
        CHECK(peak > 0);
        parse_arena exact(buf, peak);
        CHECK_FALSE(k.parse(r, &exact));
        parse_arena short_by_one(buf, peak - 1);
        CHECK(k.parse(r, &short_by_one) == errc::out_of_memory);
    }
}

TEST_CASE("a token read in pieces is wiped from the caller's arena")
{
    // An escape makes the reader stage the string in its working memory.
    http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"accessToken":"eyJ\/SECRET-TOKEN-0123456789","tokenType":"Bearer","expiresIn":300})";
    unsigned char buf[1024] = {};
    parse_arena arena(buf);
    auto const t = parse_fetch_token_response(r, config{}, &arena);
    REQUIRE(t.has_value());
    CHECK(t->token.reveal() == "eyJ/SECRET-TOKEN-0123456789");
    CHECK(arena.peak() > 0); // it was used
    std::string_view const seen(reinterpret_cast<char const*>(buf), sizeof buf);
    CHECK(seen.find("SECRET-TOKEN") == std::string_view::npos);
}
