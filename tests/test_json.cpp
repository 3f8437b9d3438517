// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Boost.JSON conversions: value_from / value_to / from_json round-trip every
// model, reject what the parsers reject, and never write a secret.
#include <corti/admin/json.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <limits>
#include <string>

using namespace corti::admin;
namespace json = boost::json;

namespace {

date_time at(char const* s) { return date_time::parse(s).value(); }
uuid id(char const* s) { return uuid::parse(s).value(); }

user a_user()
{
    user u;
    u.email = "ada@example.com";
    u.first_name = "Ada";
    u.last_name = "Lovelace \"\xC3\xA9\"";
    u.enabled = false;
    u.id = id("0f8fad5b-d9cb-469f-a165-70867728950e");
    u.email_verified = true;
    u.created_at = at("2024-02-29T23:59:59.123+02:00");
    return u;
}

customer a_customer()
{
    customer c;
    c.display_name = "Contoso Hospital";
    c.tenant_name = "base";
    c.region = region::us;
    c.customer_id = "contoso-hospital";
    c.is_nfr = false;
    c.created_at = at("2025-01-02T03:04:05Z");
    return c;
}

// value_from, then from_json, then value_from again: the same JSON.
template<class T>
T round_trip(T const& x)
{
    json::value const v = json::value_from(x);
    auto r = from_json<T>(v);
    INFO(json::serialize(v) << ": " << (r ? std::string("ok") : r.error().to_string()));
    REQUIRE(r.has_value());
    CHECK(json::value_from(*r) == v);
    CHECK(json::value_from(json::value_to<T>(v)) == v); // value_to gives the same
    return std::move(*r);
}

error rejected(char const* text)
{
    auto const r = from_json<user>(json::parse(text));
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

} // namespace

TEST_CASE("json: value_from writes the API's field names, optional fields only when set")
{
    CHECK(
        json::serialize(json::value_from(a_user())) ==
        R"({"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace \"é\"","enabled":false,)"
        R"("id":"0f8fad5b-d9cb-469f-a165-70867728950e","emailVerified":true,"createdAt":"2024-02-29T23:59:59.123+02:00"})");
    user minimal;
    minimal.email = "a@b.co";
    minimal.first_name = "A";
    minimal.last_name = "B";
    CHECK(json::serialize(json::value_from(minimal)) ==
          R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true})");
    CHECK(json::value_from(region::eu) == "eu");
    CHECK(json::value_from(a_customer()).at("region") == "us");
}

TEST_CASE("json: every model round-trips through value_from and from_json / value_to")
{
    CHECK(round_trip(a_user()) == a_user());
    CHECK(round_trip(a_customer()) == a_customer());

    customer_page cp;
    cp.customers = {a_customer(), a_customer()};
    cp.pagination.page = 2;
    cp.pagination.page_size = 2;
    cp.pagination.has_next_page = false;
    CHECK(round_trip(cp).customers == cp.customers);

    user_page up;
    up.users = {a_user()};
    up.pagination.total = 7;
    up.pagination.page_size = 5;
    CHECK(round_trip(up).users == up.users);

    quota_usage q{-1, 12, -1};
    CHECK(round_trip(q).quota == -1);
    CHECK(round_trip(customer_quotas{{100, 3, 97}}).users.remaining == 97);
    project_quotas pq;
    pq.quotas.push_back({"eu", "base", {10, 1, std::nullopt}});
    CHECK(round_trip(pq).quotas.at(0).tenant_name == "base");

    new_customer nc{"Contoso", "contoso", std::string("base"), region::eu, true};
    CHECK(round_trip(nc).tenant_name == std::string("base"));
    customer_update cu;
    cu.display_name = "Renamed";
    CHECK(round_trip(cu).display_name == std::string("Renamed"));
    CHECK_FALSE(round_trip(customer_update{}).customer_id);

    CHECK(round_trip(id("0f8fad5b-d9cb-469f-a165-70867728950e")) == id("0f8fad5b-d9cb-469f-a165-70867728950e"));
    CHECK(round_trip(at("2025-01-02T03:04:05.5Z")) == at("2025-01-02T03:04:05.5Z"));
    CHECK(round_trip(region::us) == region::us);
}

TEST_CASE("json: secrets never become JSON text, and are read when given")
{
    new_user u{"ada@example.com", "Ada", "Lovelace", secret("correct horse battery staple")};
    json::value const v = json::value_from(u);
    CHECK(json::serialize(v) == R"({"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace"})");
    CHECK_FALSE(round_trip(u).password);

    user_update uu;
    uu.enabled = false;
    uu.password = secret("correct horse battery staple");
    CHECK(json::serialize(json::value_from(uu)) == R"({"enabled":false})");

    access_token t;
    t.token = secret("eyJ.secret.token");
    t.token_type = "Bearer";
    t.expires_in = 300;
    json::value tv = json::value_from(t);
    CHECK(json::serialize(tv) == R"({"tokenType":"Bearer","expiresIn":300})");
    // Reading takes the token, as the parser does.
    tv.as_object()["accessToken"] = "eyJ.secret.token";
    auto const back = from_json<access_token>(tv);
    REQUIRE(back.has_value());
    CHECK(back->token.reveal() == "eyJ.secret.token");
    CHECK(back->expires_in == 300);

    json::value with_password = v;
    with_password.as_object()["password"] = "correct horse battery staple";
    auto const nu = from_json<new_user>(with_password);
    REQUIRE(nu.has_value());
    REQUIRE(nu->password);
    CHECK(nu->password->reveal() == "correct horse battery staple");
    // A bad password is reported without its value.
    with_password.as_object()["password"] = "too short";
    auto const bad = from_json<new_user>(with_password);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error() == errc::invalid_value);
    CHECK(bad.error().field == "/password");
    CHECK(bad.error().to_string().find("too short") == std::string::npos);
}

TEST_CASE("json: from_json rejects what the parsers reject, with the pointer")
{
    auto e = rejected(R"({"email":"a@b.co","firstName":"A","lastName":"B"})");
    CHECK(e == errc::missing_field);
    CHECK(e.field == "/enabled");
    e = rejected(R"({"email":"not an email","firstName":"A","lastName":"B","enabled":true})");
    CHECK(e == errc::invalid_value);
    CHECK(e.field == "/email");
    e = rejected(R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true,"id":"nope"})");
    CHECK(e == errc::invalid_value);
    CHECK(e.field == "/id");
    e = rejected(R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":1})");
    CHECK(e == errc::wrong_type);
    e = rejected(R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true,"createdAt":null})");
    CHECK(e == errc::wrong_type);
    e = rejected(R"([1])");
    CHECK(e == errc::wrong_type);

    // The API's rules beyond the schema, as the parsers apply them.
    auto const q = from_json<quota_usage>(json::parse(R"({"quota":-2,"usage":0})"));
    REQUIRE_FALSE(q.has_value());
    CHECK(q.error() == errc::invalid_value);
    CHECK(q.error().field == "/quota");
    auto const p = from_json<user_page>(json::parse(R"({"users":[],"pagination":{"page":1,"pageSize":10}})"));
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error() == errc::missing_field);
    CHECK(p.error().field == "/pagination/hasNextPage");
    auto const pq = from_json<project_quotas>(
        json::parse(R"({"quotas":[{"region":"eu","tenantName":"t","users":{"quota":1,"usage":-1}}]})"));
    REQUIRE_FALSE(pq.has_value());
    CHECK(pq.error().field == "/quotas/0/users/usage");
    auto const tok = from_json<access_token>(json::parse(R"({"accessToken":"x","tokenType":"mac","expiresIn":1})"));
    REQUIRE_FALSE(tok.has_value());
    CHECK(tok.error().field == "/tokenType");
    CHECK_FALSE(from_json<region>(json::value("asia")).has_value());

    // Integers: exact, in range, an integral double is fine.
    json::value big = json::parse(R"({"quota":1.0e2,"usage":0})");
    REQUIRE(from_json<quota_usage>(big).has_value());
    CHECK(from_json<quota_usage>(big)->quota == 100);
    CHECK(from_json<quota_usage>(json::parse(R"({"quota":1.5,"usage":0})")).error() == errc::invalid_value);
    CHECK(from_json<quota_usage>(json::parse(R"({"quota":18446744073709551615,"usage":0})")).error() ==
          errc::invalid_value);

    // A value with no JSON text is not read.
    json::value inf = json::parse(R"({"quota":1,"usage":0})");
    inf.as_object()["usage"] = std::numeric_limits<double>::infinity();
    CHECK_FALSE(from_json<quota_usage>(inf).has_value());

    // Strict mode and limits come from the config.
    json::value extra = json::value_from(a_user());
    extra.as_object()["nickname"] = "ada";
    CHECK(from_json<user>(extra).has_value());
    config strict;
    strict.strictness = strictness::strict;
    CHECK(from_json<user>(extra, strict).error() == errc::unknown_field);
    config small;
    small.limits.max_string_length = 4;
    CHECK(from_json<user>(json::value_from(a_user()), small).error() == errc::string_too_long);
}

TEST_CASE("json: the request bodies are checked as the builders check them")
{
    auto const nc = from_json<new_customer>(json::parse(R"({"displayName":"C","customerId":".."})"));
    REQUIRE_FALSE(nc.has_value());
    CHECK(nc.error().field == "/customerId");
    CHECK(from_json<new_customer>(json::parse(R"({"displayName":"C","customerId":")" + std::string(65, 'x') + R"("})"))
              .error()
              .field == "/customerId");
    CHECK(from_json<new_customer>(json::parse(R"({"displayName":"C","customerId":"c","tenantName":"fifteen-chars-x"})"))
              .error()
              .field == "/tenantName");
    CHECK(from_json<user_update>(json::parse(R"({"firstName":""})")).error().field == "/firstName");
    CHECK(from_json<new_user>(json::parse(R"({"email":"a@b.co","firstName":"A"})")).error() == errc::missing_field);
}

TEST_CASE("json: what has no JSON text, and what nests too deeply, is refused without recursing further")
{
    json::value bad = json::value_from(a_user());
    bad.as_object()["firstName"] = json::string("A\xFF");
    auto e = from_json<user>(bad);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error() == errc::invalid_value);
    CHECK(e.error().field == "/firstName");
    json::value bad_key = json::value_from(a_user());
    bad_key.as_object()["\xC0"] = 1;
    CHECK(from_json<user>(bad_key).error() == errc::invalid_value);

    json::value deep = json::array();
    for(int i = 0; i < 2000; ++i) // far past the limit (Boost destroys a value recursively: kept modest)
        deep = json::array{std::move(deep)};
    json::value holder = json::value_from(a_user());
    holder.as_object()["x"] = std::move(deep);
    CHECK(from_json<user>(holder).error() == errc::too_deep);

    // An error the reader found first wins over a value with no text.
    json::value both = json::value_from(a_user());
    both.as_object()["enabled"] = 1;
    both.as_object()["zz"] = std::numeric_limits<double>::quiet_NaN();
    CHECK(from_json<user>(both).error() == errc::wrong_type);
}

TEST_CASE("json: try_value_to gives the library's error code, and never throws")
{
    auto const ok = json::try_value_to<user>(json::value_from(a_user()));
    REQUIRE(ok.has_value());
    CHECK(*ok == a_user());
    auto const bad = json::try_value_to<user>(json::parse(R"({"email":"a@b.co"})"));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error() == errc::missing_field);
}

TEST_CASE("json: value_to throws the library's error")
{
#ifndef BOOST_NO_EXCEPTIONS
    CHECK_THROWS_AS(json::value_to<user>(json::parse("{}")), corti::admin::system_error);
    CHECK(json::value_to<std::vector<user>>(json::value_from(std::vector<user>{a_user()})).at(0) == a_user());
#endif
}
