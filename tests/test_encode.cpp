// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/encode.hpp>

#include <boost/url/parse.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace corti::admin;
using namespace std::string_literals;

namespace {

// Encodes `value` after a fixed prefix and returns the decoded segments Boost.URL sees.
std::vector<std::string> segments_after_encoding(std::string_view value)
{
    std::string target = "/base";
    append_path_segment(target, value);
    auto const u = boost::urls::parse_origin_form(target);
    REQUIRE(u);
    std::vector<std::string> out;
    for(auto s : u->segments())
        out.push_back(s);
    return out;
}

} // namespace

TEST_CASE("each path parameter becomes exactly one segment that decodes back to it")
{
    std::string const inputs[] = {"a/b",
                                  "?x",
                                  "#x",
                                  "%2F",
                                  "a+b",
                                  "a b",
                                  ";x=y",
                                  "contosohospital",
                                  "h\xC3\xB4pital-\xE6\x97\xA5\xE6\x9C\xAC",
                                  "a.b",
                                  "...",
                                  "~user",
                                  "a%b",
                                  "100%",
                                  "x&y=z",
                                  "[::1]",
                                  "@host:80",
                                  "\xF0\x9F\x98\x80"};
    for(auto const& in : inputs)
    {
        CAPTURE(in);
        REQUIRE(check_path_parameter("customerId", in, 64));
        auto const segs = segments_after_encoding(in);
        REQUIRE(segs.size() == 2);
        CHECK(segs[0] == "base");
        CHECK(segs[1] == in);
    }
}

TEST_CASE("only RFC 3986 unreserved characters stay literal, with uppercase hex")
{
    std::string t;
    append_path_segment(t, "aZ09-._~/?#[]@!$&'()*+,;= %\xC3\xA9");
    CHECK(t == "/aZ09-._~%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%25%C3%A9");
}

TEST_CASE("invalid path parameters are rejected with the parameter's name")
{
    struct bad
    {
        std::string value;
        char const* why;
    };
    bad const cases[] = {
        {"", "must not be empty"},
        {".", "must not be a dot segment"},
        {"..", "must not be a dot segment"},
        {"a\0b"s, "must not contain control characters"},
        {"a\nb", "must not contain control characters"},
        {"\x7F", "must not contain control characters"},
        {"\xC3", "must be valid UTF-8"},
        {"\xC0\xAF", "must be valid UTF-8"},
        {std::string(65, 'x'), "too long"},
    };
    for(auto const& c : cases)
    {
        CAPTURE(c.value);
        auto const r = check_path_parameter("customerId", c.value, 64);
        REQUIRE_FALSE(r);
        CHECK(r.error() == errc::invalid_argument);
        CHECK(r.error().field == "customerId");
        CHECK(r.error().message == c.why);
    }
}

TEST_CASE("length limits count code points, not bytes")
{
    std::string sixty_four_e_acute;
    for(int i = 0; i < 64; ++i)
        sixty_four_e_acute += "\xC3\xA9";
    CHECK(check_path_parameter("customerId", sixty_four_e_acute, 64));
    CHECK_FALSE(check_path_parameter("customerId", sixty_four_e_acute + "x", 64));
    CHECK(check_path_parameter("customerId", std::string(64, 'x'), 64));
}
