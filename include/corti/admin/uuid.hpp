// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_UUID_HPP
#define CORTI_ADMIN_UUID_HPP

/** @file
    `uuid`: the 128-bit identifier the API uses for users.
*/

#include <corti/admin/detail/hex.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace corti {
namespace admin {

/** A UUID in its 16-byte form.

    Any version and variant is accepted (the API only promises `format: uuid`).
    Text form: 8-4-4-4-12 hexadecimal digits; parsing accepts either case,
    `to_string` writes lowercase.
*/
class uuid
{
    std::array<std::uint8_t, 16> b_{};

public:
    /// The length of the text form.
    static constexpr std::size_t text_size = 36;

    /// The nil UUID (all zeros).
    constexpr uuid() noexcept = default;

    /// Makes a UUID from its bytes, in network order.
    constexpr explicit uuid(std::array<std::uint8_t, 16> const& bytes) noexcept : b_(bytes) {}

    /** Parses the text form.

        @return the UUID, or `std::nullopt` unless `s` is exactly
        8-4-4-4-12 ASCII hexadecimal digits (no braces, no `urn:uuid:`,
        no surrounding whitespace).
    */
    static constexpr std::optional<uuid> parse(std::string_view s) noexcept
    {
        if(s.size() != text_size)
            return std::nullopt;
        if(s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
            return std::nullopt;
        constexpr unsigned char at[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
        uuid u;
        int bad = 0;
        for(std::size_t k = 0; k < 16; ++k)
        {
            int const hi = detail::hex_table.v[static_cast<unsigned char>(s[at[k]])];
            int const lo = detail::hex_table.v[static_cast<unsigned char>(s[at[k] + 1])];
            bad |= hi | lo;
            u.b_[k] = static_cast<std::uint8_t>(hi * 16 + lo);
        }
        if(bad < 0)
            return std::nullopt;
        return u;
    }

    /// Returns the bytes, in network order.
    constexpr std::array<std::uint8_t, 16> const& bytes() const noexcept { return b_; }

    /// Returns true for the nil UUID.
    constexpr bool is_nil() const noexcept
    {
        for(auto x : b_)
            if(x != 0)
                return false;
        return true;
    }

    /// Writes the 36-character lowercase text form to `out` (no terminator).
    constexpr void to_chars(char* out) const noexcept
    {
        constexpr char digits[] = "0123456789abcdef";
        std::size_t j = 0;
        for(std::size_t k = 0; k < 16; ++k)
        {
            if(k == 4 || k == 6 || k == 8 || k == 10)
                out[j++] = '-';
            out[j++] = digits[b_[k] >> 4];
            out[j++] = digits[b_[k] & 15];
        }
    }

    /// Returns the lowercase text form.
    std::string to_string() const
    {
        std::string s(text_size, '\0');
        to_chars(s.data());
        return s;
    }

    // Hand-written: std::array's comparisons are not constexpr before C++20.
    /// Returns true when the 16 bytes are equal.
    friend constexpr bool operator==(uuid const& a, uuid const& b) noexcept
    {
        for(std::size_t k = 0; k < 16; ++k)
            if(a.b_[k] != b.b_[k])
                return false;
        return true;
    }
    /// Returns true when a byte differs.
    friend constexpr bool operator!=(uuid const& a, uuid const& b) noexcept { return !(a == b); }
    /// Orders by the bytes, lexicographically (the order of the canonical text).
    friend constexpr bool operator<(uuid const& a, uuid const& b) noexcept
    {
        for(std::size_t k = 0; k < 16; ++k)
            if(a.b_[k] != b.b_[k])
                return a.b_[k] < b.b_[k];
        return false;
    }

    /// Prints `to_string()`.
    friend std::ostream& operator<<(std::ostream& os, uuid const& u)
    {
        char buf[text_size];
        u.to_chars(buf);
        return os.write(buf, text_size);
    }
};

} // namespace admin
} // namespace corti

#endif
