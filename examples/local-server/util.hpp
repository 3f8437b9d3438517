// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Small, HTTP-independent helpers: text, time and randomness.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace local_server {

bool iequals(std::string_view a, std::string_view b);
std::string to_lower_ascii(std::string_view s);
std::string_view trim(std::string_view s);

// Number of Unicode code points in valid UTF-8 (Boost.JSON has validated it).
std::size_t utf8_length(std::string_view s);

// "Looks like an email": one '@', a non-empty local part, a domain with an
// inner dot, no whitespace or control characters.
bool looks_like_email(std::string_view s);

// Current time as RFC 3339 UTC with seconds, e.g. "2026-11-27T10:00:00Z".
std::string now_rfc3339();

// A point in time parsed from an RFC 3339 date-time.
struct instant
{
    std::int64_t seconds = 0; // since the Unix epoch
    std::int64_t nanos = 0;   // fraction, truncated to 9 digits

    friend bool operator<=(instant const& a, instant const& b)
    {
        return a.seconds < b.seconds || (a.seconds == b.seconds && a.nanos <= b.nanos);
    }
};
std::optional<instant> parse_rfc3339(std::string_view s);

// Cryptographically random values (OpenSSL RAND_bytes).
std::string random_hex(std::size_t bytes);
std::string random_uuid_v4();

} // namespace local_server
