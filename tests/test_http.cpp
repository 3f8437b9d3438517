// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/http.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace corti::admin;

TEST_CASE("methods: tokens and idempotency")
{
    CHECK(to_string(http_method::get) == "GET");
    CHECK(to_string(http_method::post) == "POST");
    CHECK(to_string(http_method::patch) == "PATCH");
    CHECK(to_string(http_method::delete_) == "DELETE");
    CHECK(is_idempotent(http_method::get));
    CHECK(is_idempotent(http_method::delete_));
    CHECK_FALSE(is_idempotent(http_method::post));
    CHECK_FALSE(is_idempotent(http_method::patch));
}

TEST_CASE("header look-up is case-insensitive and tells empty from absent")
{
    http_headers h{{"Content-Type", "application/json"}, {"X-Empty", ""}};
    h.add("x-request-id", "r1");
    h.add("X-Request-Id", "r2");
    CHECK(h.find("content-type") == "application/json");
    CHECK(h.find("X-REQUEST-ID") == "r1");
    CHECK(h.contains("x-empty"));
    CHECK(h.find("x-empty").empty());
    CHECK_FALSE(h.contains("missing"));
    CHECK(h.size() == 4);
    CHECK(h ==
          http_headers{
              {"content-type", "application/json"}, {"x-empty", ""}, {"X-REQUEST-ID", "r1"}, {"x-request-id", "r2"}});
    CHECK_FALSE(h == http_headers{});
}

TEST_CASE("is_json_media_type compares the media type, not a substring")
{
    CHECK(is_json_media_type("application/json"));
    CHECK(is_json_media_type("APPLICATION/JSON"));
    CHECK(is_json_media_type("application/json;charset=UTF-8"));
    CHECK(is_json_media_type("\tapplication/json \t; charset=utf-8"));
    CHECK_FALSE(is_json_media_type(""));
    CHECK_FALSE(is_json_media_type("application/jsonp"));
    CHECK_FALSE(is_json_media_type("application/json+x"));
    CHECK_FALSE(is_json_media_type("text/html; application/json"));
    CHECK_FALSE(is_json_media_type("application/vnd.api+json"));
}

TEST_CASE("serialize_http1 adds Content-Length for bodies and for POST/PATCH")
{
    http_request r;
    r.method = http_method::delete_;
    r.target = "/x";
    r.headers.add("Host", "h");
    CHECK(serialize_http1(r) == "DELETE /x HTTP/1.1\r\nHost: h\r\n\r\n");
    r.method = http_method::patch;
    CHECK(serialize_http1(r) == "PATCH /x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
    r.body = "{}";
    CHECK(serialize_http1(r) == "PATCH /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}");
}

TEST_CASE("operator<< redacts Authorization in any case and sensitive bodies")
{
    http_request r;
    r.method = http_method::post;
    r.target = "/auth/token";
    r.headers.add("authorization", "Bearer very-secret-token");
    r.body = R"({"password":"very-secret-password"})";
    r.sensitive_body = true;
    std::ostringstream os;
    os << r;
    CHECK(os.str().find("very-secret") == std::string::npos);
    CHECK(os.str() == "POST /auth/token HTTP/1.1\r\nauthorization: [redacted]\r\n\r\n[redacted 35 bytes]");

    r.sensitive_body = false;
    r.body = "{}";
    std::ostringstream plain;
    plain << r;
    CHECK(plain.str().find("{}") != std::string::npos);
}
