// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DATE_TIME_HPP
#define CORTI_ADMIN_DATE_TIME_HPP

/** @file
    `date_time`: an RFC 3339 `date-time` (the API's `format: date-time`).
*/

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace corti {
namespace admin {

/** An RFC 3339 timestamp: a calendar date, a time of day, and a UTC offset.

    Parsing is strict RFC 3339 section 5.6 (the JSON Schema `date-time`
    format): four-digit year, two-digit fields, `T` and `Z` in either case,
    an offset `Z` or `±hh:mm` (hours < 24, minutes < 60), calendar checks
    (Feb 29 only in leap years, no Feb 30), hour < 24, minute < 60, and a
    leap second (`:60`) only where the instant is 23:59:60 UTC. Fractions of
    any length are accepted; nanosecond precision is kept, further digits are
    truncated.
*/
struct date_time
{
    std::int16_t year = 1970;        ///< 0..9999
    std::uint8_t month = 1;          ///< 1..12
    std::uint8_t day = 1;            ///< 1..31, valid for the month
    std::uint8_t hour = 0;           ///< 0..23
    std::uint8_t minute = 0;         ///< 0..59
    std::uint8_t second = 0;         ///< 0..60 (60: leap second)
    std::uint32_t nanosecond = 0;    ///< 0..999'999'999
    std::int16_t offset_minutes = 0; ///< UTC offset, -1439..1439; 0 prints as `Z`

    /// True for leap years of the proleptic Gregorian calendar.
    static constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

    /// Returns the number of days in the month (0 for an invalid month).
    static constexpr int days_in_month(int y, int m) noexcept
    {
        constexpr std::uint8_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if(m < 1 || m > 12)
            return 0;
        return (m == 2 && is_leap_year(y)) ? 29 : days[m - 1];
    }

    /** Parses an RFC 3339 `date-time`.

        @return the value, or `std::nullopt` when `s` is not exactly a valid
        RFC 3339 date-time (see the class comment).
    */
    static constexpr std::optional<date_time> parse(std::string_view s) noexcept
    {
        std::size_t i = 0;
        bool ok = true;
        auto const digits = [&](std::size_t n) -> int {
            int v = 0;
            for(std::size_t k = 0; k < n; ++k, ++i)
            {
                if(i >= s.size() || s[i] < '0' || s[i] > '9')
                {
                    ok = false;
                    return 0;
                }
                v = v * 10 + (s[i] - '0');
            }
            return v;
        };
        auto const expect = [&](char lo, char up) {
            if(i < s.size() && (s[i] == lo || s[i] == up))
                ++i;
            else
                ok = false;
        };

        date_time t;
        int const y = digits(4);
        expect('-', '-');
        int const mo = digits(2);
        expect('-', '-');
        int const d = digits(2);
        expect('T', 't');
        int const h = digits(2);
        expect(':', ':');
        int const mi = digits(2);
        expect(':', ':');
        int const se = digits(2);
        if(!ok)
            return std::nullopt;

        if(i < s.size() && s[i] == '.')
        {
            ++i;
            std::size_t const first = i;
            std::uint32_t ns = 0;
            for(; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
                if(i - first < 9)
                    ns = ns * 10 + static_cast<std::uint32_t>(s[i] - '0');
            if(i == first)
                return std::nullopt;
            for(std::size_t k = i - first; k < 9; ++k)
                ns *= 10;
            t.nanosecond = ns;
        }

        int off = 0;
        if(i < s.size() && (s[i] == 'Z' || s[i] == 'z'))
            ++i;
        else if(i < s.size() && (s[i] == '+' || s[i] == '-'))
        {
            int const sign = s[i] == '-' ? -1 : 1;
            ++i;
            int const oh = digits(2);
            expect(':', ':');
            int const om = digits(2);
            if(!ok || oh > 23 || om > 59)
                return std::nullopt;
            off = sign * (oh * 60 + om);
        }
        else
            return std::nullopt;
        if(i != s.size())
            return std::nullopt;

        if(mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || se > 60)
            return std::nullopt;
        if(se == 60)
        {
            // A leap second is only ever inserted at 23:59:60 UTC.
            int const utc_minute = ((h * 60 + mi - off) % 1440 + 1440) % 1440;
            if(utc_minute != 23 * 60 + 59)
                return std::nullopt;
        }

        t.year = static_cast<std::int16_t>(y);
        t.month = static_cast<std::uint8_t>(mo);
        t.day = static_cast<std::uint8_t>(d);
        t.hour = static_cast<std::uint8_t>(h);
        t.minute = static_cast<std::uint8_t>(mi);
        t.second = static_cast<std::uint8_t>(se);
        t.offset_minutes = static_cast<std::int16_t>(off);
        return t;
    }

    /** Returns the seconds since 1970-01-01T00:00:00Z of this instant (a leap
        second counts as the second before it, as POSIX time does).
    */
    constexpr std::int64_t to_unix_seconds() const noexcept
    {
        // Days from civil: Howard Hinnant's algorithm.
        int y = year - (month <= 2 ? 1 : 0);
        int const era = (y >= 0 ? y : y - 399) / 400;
        int const yoe = y - era * 400;
        int const mp = (month + 9) % 12;
        int const doy = (153 * mp + 2) / 5 + day - 1;
        int const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        std::int64_t const days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
        int const sec = second == 60 ? 59 : second;
        return days * 86400 + hour * 3600 + minute * 60 + sec - offset_minutes * 60;
    }

    /** Returns the RFC 3339 text: `YYYY-MM-DDTHH:MM:SS`, then a dot and the
        fraction without trailing zeros when `nanosecond` is not 0, then `Z`
        for offset 0 or `±hh:mm`.
    */
    std::string to_string() const
    {
        char buf[40];
        std::size_t n = 0;
        auto const put = [&](unsigned v, int width) {
            for(int k = width - 1; k >= 0; --k)
            {
                buf[n + static_cast<std::size_t>(k)] = static_cast<char>('0' + v % 10);
                v /= 10;
            }
            n += static_cast<std::size_t>(width);
        };
        put(static_cast<unsigned>(year), 4);
        buf[n++] = '-';
        put(month, 2);
        buf[n++] = '-';
        put(day, 2);
        buf[n++] = 'T';
        put(hour, 2);
        buf[n++] = ':';
        put(minute, 2);
        buf[n++] = ':';
        put(second, 2);
        if(nanosecond != 0)
        {
            buf[n++] = '.';
            put(nanosecond, 9);
            while(buf[n - 1] == '0')
                --n;
        }
        if(offset_minutes == 0)
            buf[n++] = 'Z';
        else
        {
            int const a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
            buf[n++] = offset_minutes < 0 ? '-' : '+';
            put(static_cast<unsigned>(a / 60), 2);
            buf[n++] = ':';
            put(static_cast<unsigned>(a % 60), 2);
        }
        return std::string(buf, n);
    }

    /// Field-wise equality (the same instant with another offset compares unequal).
    friend constexpr bool operator==(date_time const& a, date_time const& b) noexcept
    {
        return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour && a.minute == b.minute &&
               a.second == b.second && a.nanosecond == b.nanosecond && a.offset_minutes == b.offset_minutes;
    }
    /// Returns true when a field differs.
    friend constexpr bool operator!=(date_time const& a, date_time const& b) noexcept { return !(a == b); }

    /// Prints `to_string()`.
    friend std::ostream& operator<<(std::ostream& os, date_time const& t) { return os << t.to_string(); }
};

} // namespace admin
} // namespace corti

#endif
