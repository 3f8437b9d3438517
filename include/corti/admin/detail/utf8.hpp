// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_UTF8_HPP
#define CORTI_ADMIN_DETAIL_UTF8_HPP

#include <cstddef>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

inline constexpr std::size_t invalid_utf8 = static_cast<std::size_t>(-1);

/** Returns the size (2 to 4) of the well-formed UTF-8 sequence at the start
    of `s`, whose first byte is not ASCII, or 0 when it is not one (RFC 3629:
    no overlong forms, no surrogates, nothing above U+10FFFF, no truncated
    sequence).
*/
constexpr std::size_t utf8_sequence_size(std::string_view s) noexcept
{
    auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto const cont = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
    unsigned char const c = byte(0);
    if(c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if(c >= 0xE0 && c <= 0xEF)
    {
        if(!cont(1) || !cont(2))
            return 0;
        unsigned char const c1 = byte(1);
        return (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) ? 0 : 3; // overlong, surrogate
    }
    if(c >= 0xF0 && c <= 0xF4)
    {
        if(!cont(1) || !cont(2) || !cont(3))
            return 0;
        unsigned char const c1 = byte(1);
        return (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F) ? 0 : 4; // overlong, > U+10FFFF
    }
    return 0;
}

/** Returns the number of code points in `s`, or `invalid_utf8` when `s` is
    not well-formed UTF-8 (see `utf8_sequence_size`). NUL is a valid code point.
*/
constexpr std::size_t utf8_count(std::string_view s) noexcept
{
    std::size_t n = 0;
    std::size_t i = 0;
    while(i < s.size())
    {
        // ASCII runs, the usual case, in a loop of their own.
        std::size_t const run = i;
        while(i < s.size() && static_cast<unsigned char>(s[i]) < 0x80)
            ++i;
        n += i - run;
        if(i == s.size())
            break;
        std::size_t const k = utf8_sequence_size(s.substr(i));
        if(k == 0)
            return invalid_utf8;
        i += k;
        ++n;
    }
    return n;
}

/// Appends code point `cp` (at most U+10FFFF, not a surrogate) as UTF-8 to `out`; returns the bytes written (1 to 4).
inline std::size_t append_utf8(char* out, unsigned long cp) noexcept
{
    if(cp < 0x80)
    {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if(cp < 0x800)
    {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if(cp < 0x10000)
    {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

/// True for C0 controls and DEL.
constexpr bool is_ascii_control(char c) noexcept
{
    auto const u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

/// True when `s` holds a C0 control character or DEL.
constexpr bool has_ascii_control(std::string_view s) noexcept
{
    for(char c : s)
        if(is_ascii_control(c))
            return true;
    return false;
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
