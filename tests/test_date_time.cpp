// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/date_time.hpp>

#include <catch2/catch.hpp>

using namespace corti::admin;

TEST_CASE("date_time parses RFC 3339 and keeps every component")
{
    auto const t = date_time::parse("1990-12-31T15:59:50.123-08:00");
    REQUIRE(t);
    CHECK(t->year == 1990);
    CHECK(t->month == 12);
    CHECK(t->day == 31);
    CHECK(t->hour == 15);
    CHECK(t->minute == 59);
    CHECK(t->second == 50);
    CHECK(t->nanosecond == 123000000);
    CHECK(t->offset_minutes == -480);
    CHECK(t->to_string() == "1990-12-31T15:59:50.123-08:00");
    CHECK(t->to_unix_seconds() == 662687990);
}

TEST_CASE("date_time round-trips through to_string")
{
    for(auto s :
        {"2023-10-01T12:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999+14:00", "0001-01-01T00:00:00Z",
         "9999-12-31T23:59:59Z", "1998-12-31T23:59:60Z", "2026-01-05T00:00:00.5+05:30"})
    {
        CAPTURE(s);
        auto const t = date_time::parse(s);
        REQUIRE(t);
        CHECK(t->to_string() == s);
        CHECK(date_time::parse(t->to_string()) == t);
    }
    CHECK(date_time::parse("1963-06-19t08:30:06z")->to_string() == "1963-06-19T08:30:06Z");
    CHECK(date_time::parse("2000-01-01T00:00:00.100Z")->to_string() == "2000-01-01T00:00:00.1Z");
    CHECK(date_time::parse("2000-01-01T00:00:00.1234567891234Z")->nanosecond == 123456789);
    CHECK(date_time::parse("2000-01-01T00:00:00+00:00")->to_string() == "2000-01-01T00:00:00Z");
}

TEST_CASE("date_time calendar and clock checks")
{
    for(auto s : {"2023-02-29T00:00:00Z",  "1900-02-29T00:00:00Z",      "2023-04-31T00:00:00Z",
                  "2023-00-10T00:00:00Z",  "2023-01-00T00:00:00Z",      "2023-01-32T00:00:00Z",
                  "2023-01-01T24:00:00Z",  "2023-01-01T23:60:00Z",      "2023-01-01T23:59:61Z",
                  "2023-06-30T23:58:60Z",  "2023-01-01T00:00:00+24:00", "2023-01-01T00:00:00+01:60",
                  "2023-01-01T00:00:00",   "2023-01-01T00:00:00.Z",     "2023-01-01",
                  "23-01-01T00:00:00Z",    "2023-1-01T00:00:00Z",       "2023-01-01T00:00:00Z ",
                  " 2023-01-01T00:00:00Z", "2023-01-01T00:00:00+0100",  "2023-01-01 00:00:00Z",
                  "+2023-01-01T00:00:00Z"})
    {
        CAPTURE(s);
        CHECK_FALSE(date_time::parse(s));
    }
    CHECK(date_time::parse("2000-02-29T00:00:00Z"));
    CHECK(date_time::parse("2016-12-31T15:59:60-08:00"));
    CHECK(date_time::days_in_month(2023, 2) == 28);
    CHECK(date_time::days_in_month(2024, 2) == 29);
    CHECK(date_time::days_in_month(2023, 13) == 0);
}

TEST_CASE("date_time converts to Unix time across offsets and leap seconds")
{
    CHECK(date_time::parse("1970-01-01T00:00:00Z")->to_unix_seconds() == 0);
    CHECK(date_time::parse("1970-01-01T01:00:00+01:00")->to_unix_seconds() == 0);
    CHECK(date_time::parse("1969-12-31T23:59:59Z")->to_unix_seconds() == -1);
    CHECK(date_time::parse("2038-01-19T03:14:08Z")->to_unix_seconds() == 2147483648LL);
    CHECK(date_time::parse("1998-12-31T23:59:60Z")->to_unix_seconds() ==
          date_time::parse("1998-12-31T23:59:59Z")->to_unix_seconds());
}

static_assert(date_time::parse("2023-10-01T12:00:00Z").has_value(), "parse is constexpr");
static_assert(!date_time::parse("2023-02-30T12:00:00Z").has_value());
