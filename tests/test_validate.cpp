// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/validate.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace corti::admin;
using namespace std::string_literals;

TEST_CASE("email: accepted forms")
{
    for(auto e : {"user@example.com",
                  "a@b.co",
                  "first.last+tag@sub.example.org",
                  "x@localhost",
                  "o'brien@example.ie",
                  "\"john doe\"@example.com",
                  "\"a\\\"b\"@example.com",
                  "user@[192.0.2.1]",
                  "user@[IPv6:2001:db8::1]",
                  "user@[IPv6:::1]",
                  "user@[IPv6:1:2:3:4:5:6:7:8]",
                  "user@[IPv6:::ffff:192.0.2.1]",
                  "user@xn--bcher-kva.example",
                  "a-b@a-b.c-d",
                  "joe.bloggs@[127.0.0.1]",
                  "joe.bloggs@[IPv6:::1]",
                  "\"joe@bloggs\"@example.com",
                  "\"joe..bloggs\"@example.com",
                  "under_score@example.com",
                  "~te~st~@example.com",
                  "user@localhost"})
    {
        CAPTURE(e);
        CHECK(is_valid_email(e));
    }
    std::string const local64(64, 'a');
    CHECK(is_valid_email(local64 + "@example.com"));
}

TEST_CASE("email: rejected forms")
{
    for(auto e :
        {"", "plainaddress", "@example.com", "user@", "user@@example.com", ".user@example.com", "user.@example.com",
         "us..er@example.com", "us er@example.com", "user@exa mple.com", "user@-example.com", "user@example-.com",
         "user@example..com", "user@.example.com", "user@example.com.", "user@[300.1.1.1]", "user@[1.2.3]",
         "user@[01.2.3.4]", "user@[IPv6:1:2:3:4:5:6:7:8:9]", "user@[IPv6:1::2::3]", "user@[IPv6:12345::]",
         "a@b.c, d@e.f", "Name <user@example.com>", "user@example.com (comment)", "\"unterminated@example.com",
         "user@exa_mple.com", "user\n@example.com", "us\xC3r@example.com",
         // Non-ASCII is idn-email, not email: in the local part, the domain, a quoted string.
         "j\xC3\xB6rg@example.com",
         "user@b\xC3\xBC"
         "cher.example",
         "j\xC3\xB6rg@b\xC3\xBC"
         "cher.example",
         "\"j\xC3\xB6rg\"@example.com", "\xE2\x82\xAC@example.com", "user@example.\xC3\xA9",
         // `_` is not allowed in a domain label, nor a DEL or a space anywhere.
         "user@_example.com", "user@example.c_m", "user@sub_domain.example.com",
         "us\x7F"
         "er@example.com",
         "user@exa\x7Fmple.com", "\"a\x7F\"@example.com", "user@[IPv6:::1] ", " user@example.com"})
    {
        CAPTURE(e);
        CHECK_FALSE(is_valid_email(e));
    }
    CHECK_FALSE(is_valid_email(std::string(65, 'a') + "@example.com"));
    CHECK_FALSE(is_valid_email("a@" + std::string(64, 'b') + ".com"));
    CHECK_FALSE(is_valid_email("a@" + std::string(250, 'b')));
    CHECK_FALSE(is_valid_email("user\0@example.com"s));
}

TEST_CASE("names: 1 to 255 code points of UTF-8, no control characters")
{
    CHECK(is_valid_name("J"));
    CHECK(is_valid_name("Zo\xC3\xAB O'Brien-M\xC3\xBCller"));
    CHECK(is_valid_name(std::string(255, 'x')));
    std::string e255;
    for(int i = 0; i < 255; ++i)
        e255 += "\xE2\x82\xAC";
    CHECK(is_valid_name(e255));
    CHECK_FALSE(is_valid_name(e255 + "x"));
    CHECK_FALSE(is_valid_name(""));
    CHECK_FALSE(is_valid_name(std::string(256, 'x')));
    CHECK_FALSE(is_valid_name("tab\there"));
    CHECK_FALSE(is_valid_name("nul\0"s));
    CHECK_FALSE(is_valid_name("del\x7F"));
    CHECK_FALSE(is_valid_name("\xED\xA0\x80 surrogate"));
}

TEST_CASE("passwords: 16 to 64 code points, any valid UTF-8")
{
    CHECK(is_valid_password("My$ecureP@ssw0rd123!"));
    CHECK(is_valid_password(std::string(16, ' ')));
    CHECK(is_valid_password("with\0nul-and-more"s));
    CHECK_FALSE(is_valid_password(std::string(15, 'x')));
    CHECK_FALSE(is_valid_password(std::string(65, 'x')));
    CHECK_FALSE(is_valid_password(std::string(20, 'x') + "\xF5\x80\x80\x80"));
}

TEST_CASE("UTF-8: overlong, surrogate, out-of-range and truncated sequences are invalid")
{
    using detail::invalid_utf8;
    using detail::utf8_count;
    CHECK(utf8_count("") == 0);
    CHECK(utf8_count("abc") == 3);
    CHECK(utf8_count("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == 3);
    CHECK(utf8_count("\xF4\x8F\xBF\xBF") == 1); // U+10FFFF
    for(auto bad : {"\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80",
                    "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "a\xC3(b"})
    {
        CAPTURE(bad);
        CHECK(utf8_count(bad) == invalid_utf8);
    }
}

static_assert(is_valid_email("user@example.com"), "validators are usable at compile time");
static_assert(!is_valid_password("short"));

TEST_CASE("tenant names and time-zone names")
{
    CHECK(is_valid_tenant_name("base"));
    CHECK(is_valid_tenant_name("fourteen-chars"));
    CHECK_FALSE(is_valid_tenant_name("fifteen-chars!!"));
    CHECK_FALSE(is_valid_tenant_name(""));
    CHECK_FALSE(is_valid_tenant_name("a\tb"));
    for(auto tz : {"UTC", "Europe/Copenhagen", "America/Argentina/Buenos_Aires", "Etc/GMT+1", "Etc/GMT-14"})
    {
        CAPTURE(tz);
        CHECK(is_valid_time_zone_name(tz));
    }
    for(auto tz : {"", "/UTC", "UTC/", "Europe//Copenhagen", "Europe/../x", "UTC x", "UTC&a=b",
                   "Europe/K\xC3\xB8"
                   "benhavn"})
    {
        CAPTURE(tz);
        CHECK_FALSE(is_valid_time_zone_name(tz));
    }
    CHECK_FALSE(is_valid_time_zone_name(std::string(65, 'a')));
}
