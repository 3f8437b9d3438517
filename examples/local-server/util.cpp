// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "util.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <vector>

namespace local_server {

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

std::string to_lower_ascii(std::string_view s)
{
    std::string out(s);
    for(char& c : out)
        if(c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s)
{
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while(!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while(!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::size_t utf8_length(std::string_view s)
{
    // Count every byte that is not a continuation byte (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool looks_like_email(std::string_view s)
{
    auto at = s.find('@');
    if(at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos)
        return false;
    for(char c : s)
        if(static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return false;
    std::string_view local = s.substr(0, at);
    std::string_view domain = s.substr(at + 1);
    auto dot = domain.find('.');
    return !local.empty() && dot != std::string_view::npos && dot != 0 && domain.back() != '.';
}

std::string now_rfc3339()
{
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    auto const yoe = static_cast<unsigned>(y - era * 400);
    unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(unsigned year, unsigned month)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// Reads exactly `n` digits at `pos`, advancing it.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, unsigned& out)
{
    if(pos + n > s.size())
        return false;
    out = 0;
    for(std::size_t i = 0; i < n; ++i)
    {
        char c = s[pos + i];
        if(c < '0' || c > '9')
            return false;
        out = out * 10 + static_cast<unsigned>(c - '0');
    }
    pos += n;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c)
{
    if(pos >= s.size() || (s[pos] != c && !(c == 'T' && s[pos] == 't')))
        return false;
    ++pos;
    return true;
}

} // namespace

std::optional<instant> parse_rfc3339(std::string_view s)
{
    // date-time = full-date "T" partial-time time-offset (RFC 3339, section 5.6)
    std::size_t pos = 0;
    unsigned year, month, day, hour, minute, second;
    if(!read_digits(s, pos, 4, year) || !expect(s, pos, '-') || !read_digits(s, pos, 2, month) ||
       !expect(s, pos, '-') || !read_digits(s, pos, 2, day) || !expect(s, pos, 'T') || !read_digits(s, pos, 2, hour) ||
       !expect(s, pos, ':') || !read_digits(s, pos, 2, minute) || !expect(s, pos, ':') ||
       !read_digits(s, pos, 2, second))
        return std::nullopt;
    if(month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
       second > 60)
        return std::nullopt;

    instant t;
    if(pos < s.size() && s[pos] == '.')
    {
        std::size_t start = ++pos;
        std::int64_t scale = 100000000;
        while(pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
        {
            t.nanos += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if(pos == start)
            return std::nullopt;
    }

    std::int64_t offset = 0;
    if(pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z'))
    {
        ++pos;
    }
    else if(pos < s.size() && (s[pos] == '+' || s[pos] == '-'))
    {
        int sign = s[pos++] == '-' ? -1 : 1;
        unsigned oh, om;
        if(!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = sign * static_cast<std::int64_t>(oh * 3600 + om * 60);
    }
    else
    {
        return std::nullopt;
    }
    if(pos != s.size())
        return std::nullopt;

    t.seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    return t;
}

namespace {

std::vector<unsigned char> random_bytes(std::size_t n)
{
    std::vector<unsigned char> bytes(n);
    if(RAND_bytes(bytes.data(), static_cast<int>(n)) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return bytes;
}

std::string to_hex(std::vector<unsigned char> const& bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for(unsigned char c : bytes)
    {
        out += digits[c >> 4];
        out += digits[c & 0x0f];
    }
    return out;
}

} // namespace

std::string random_hex(std::size_t bytes) { return to_hex(random_bytes(bytes)); }

std::string random_uuid_v4()
{
    auto bytes = random_bytes(16);
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    std::string hex = to_hex(bytes);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20, 12);
}

} // namespace local_server
