// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_NUMBER_HPP
#define CORTI_ADMIN_DETAIL_JSON_NUMBER_HPP

/** @file
    The text of a JSON number, read exactly: integers from the decimal
    digits (never through a double), and whether an out-of-range value
    underflowed.
*/

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/** Walks the text of a JSON number (RFC 8259 grammar, checked by the
    parser): calls `digit(d, in_fraction)` for each digit of the
    significand, in order, and returns the exponent's value (0 when there is
    none), saturated at +-1e9.
*/
template<class Digit>
long long walk_json_number(std::string_view s, Digit digit)
{
    std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
    for(; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
        digit(s[i] - '0', false);
    if(i < s.size() && s[i] == '.')
        for(++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            digit(s[i] - '0', true);
    long long e = 0;
    bool negative = false;
    if(i < s.size() && (s[i] == 'e' || s[i] == 'E'))
    {
        ++i;
        if(i < s.size() && (s[i] == '+' || s[i] == '-'))
            negative = s[i++] == '-';
        for(; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            if(e < 1000000000)
                e = e * 10 + (s[i] - '0');
    }
    return negative ? -e : e;
}

/** Converts the text of a JSON number to an integer exactly, or fails.
    Accepts fractions and exponents only when the value is integral
    (`100`, `1.0e2`, `1E2`); rejects `1.5`, `1e-1` and anything outside
    [lo, hi]. Works on the decimal text, never through a double.
*/
inline bool exact_integer(std::string_view s, std::int64_t lo, std::uint64_t hi, bool& negative, std::uint64_t& mag,
                          char const*& why) noexcept
{
    negative = !s.empty() && s[0] == '-';
    // Significant digits (integer and fraction part) and the decimal exponent.
    std::uint64_t m = 0;
    bool overflow = false;
    long long exp10 = 0;
    bool any_nonzero_dropped = false;
    auto const add_digit = [&](int d) {
        if(overflow)
        {
            if(d != 0)
                any_nonzero_dropped = true;
            ++exp10; // keep magnitude; digits beyond 19 are only valid as zeros after the exponent applies
            return;
        }
        if(m > (std::numeric_limits<std::uint64_t>::max() - static_cast<unsigned>(d)) / 10)
        {
            overflow = true;
            if(d != 0)
                any_nonzero_dropped = true;
            ++exp10;
            return;
        }
        m = m * 10 + static_cast<unsigned>(d);
    };
    exp10 += walk_json_number(s, [&](int d, bool in_fraction) {
        add_digit(d);
        if(in_fraction)
            --exp10;
    });
    if(any_nonzero_dropped)
    {
        why = "out of range";
        return false;
    }
    // Normalize: drop trailing zeros of the significand while the exponent is negative.
    while(exp10 < 0 && m != 0 && m % 10 == 0)
    {
        m /= 10;
        ++exp10;
    }
    if(m == 0)
        exp10 = 0;
    if(exp10 < 0)
    {
        why = "not an integer";
        return false;
    }
    for(; exp10 > 0; --exp10)
    {
        if(m > std::numeric_limits<std::uint64_t>::max() / 10)
        {
            why = "out of range";
            return false;
        }
        m *= 10;
    }
    std::uint64_t const lo_mag = lo < 0 ? static_cast<std::uint64_t>(-(lo + 1)) + 1 : 0;
    if((negative && m != 0 && (lo >= 0 || m > lo_mag)) || (!negative && m > hi))
    {
        why = "out of range";
        return false;
    }
    mag = m;
    return true;
}

/** True when the JSON number `s` is below 1 in magnitude by more than its
    digits show, i.e. a conversion that is out of range underflowed (to zero)
    rather than overflowed.
*/
inline bool is_below_one(std::string_view s) noexcept
{
    long long magnitude = 0; // the decimal exponent of the leading nonzero digit, plus one, before the exponent
    bool nonzero = false;
    long long const e = walk_json_number(s, [&](int d, bool in_fraction) {
        if(!nonzero && d == 0) // a leading zero: only those after the point count
        {
            if(in_fraction)
                --magnitude;
            return;
        }
        nonzero = true;
        if(!in_fraction)
            ++magnitude;
    });
    return magnitude + e < 0;
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
