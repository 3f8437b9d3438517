// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_UTF8_HPP
#define CORTI_ADMIN_DETAIL_UTF8_HPP

#include <cstddef>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

inline constexpr std::size_t invalid_utf8 = static_cast<std::size_t>(-1);

/** Returns the number of code points in `s`, or `invalid_utf8` when `s` is
    not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
    above U+10FFFF, no truncated sequence). NUL is a valid code point.
*/
constexpr std::size_t utf8_count(std::string_view s) noexcept
{
    std::size_t n = 0;
    std::size_t i = 0;
    auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto const cont = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
    while(i < s.size())
    {
        // ASCII runs, the usual case, in a loop of their own.
        std::size_t const run = i;
        while(i < s.size() && byte(i) < 0x80)
            ++i;
        n += i - run;
        if(i == s.size())
            break;
        unsigned char const c = byte(i);
        if(c < 0x80)
            i += 1;
        else if(c >= 0xC2 && c <= 0xDF)
        {
            if(!cont(i + 1))
                return invalid_utf8;
            i += 2;
        }
        else if(c >= 0xE0 && c <= 0xEF)
        {
            if(!cont(i + 1) || !cont(i + 2))
                return invalid_utf8;
            unsigned char const c1 = byte(i + 1);
            if((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) // overlong, surrogate
                return invalid_utf8;
            i += 3;
        }
        else if(c >= 0xF0 && c <= 0xF4)
        {
            if(!cont(i + 1) || !cont(i + 2) || !cont(i + 3))
                return invalid_utf8;
            unsigned char const c1 = byte(i + 1);
            if((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) // overlong, > U+10FFFF
                return invalid_utf8;
            i += 4;
        }
        else
            return invalid_utf8;
        ++n;
    }
    return n;
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
