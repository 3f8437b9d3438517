// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_VALIDATE_HPP
#define CORTI_ADMIN_VALIDATE_HPP

/** @file
    Validators for the values the API constrains: email addresses, person
    names, passwords. Pure functions, no allocation. UUIDs and date-times
    have their own types (`uuid.hpp`, `date_time.hpp`).
*/

#include <corti/admin/detail/utf8.hpp>

#include <cstddef>
#include <string_view>

namespace corti {
namespace admin {

/// The shortest password the API accepts, in Unicode code points.
inline constexpr std::size_t min_password_length = 16;
/// The longest password the API accepts, in Unicode code points.
inline constexpr std::size_t max_password_length = 64;

/// The longest first or last name accepted, in code points (the API documents
/// none; 255 is the common identity-provider bound).
inline constexpr std::size_t max_name_length = 255;

namespace detail {

constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

struct atext_table
{
    bool v[256];
    constexpr atext_table() noexcept : v{}
    {
        constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
        for(int c = 0; c < 256; ++c)
            v[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   specials.find(static_cast<char>(c)) != std::string_view::npos;
    }
};
inline constexpr atext_table atext_chars{};

// RFC 5322 atext: ASCII only (UTF-8 is RFC 6531's, JSON Schema's idn-email).
constexpr bool is_atext(char c) noexcept { return atext_chars.v[static_cast<unsigned char>(c)]; }

constexpr bool is_dot_atom(std::string_view s) noexcept
{
    if(s.empty() || s.front() == '.' || s.back() == '.')
        return false;
    char prev = '\0';
    for(char c : s)
    {
        if(c == '.' ? prev == '.' : !is_atext(c))
            return false;
        prev = c;
    }
    return true;
}

// RFC 5321 Quoted-string: printable ASCII and space, with \ escapes.
constexpr bool is_quoted_string(std::string_view s) noexcept
{
    if(s.size() < 2 || s.front() != '"' || s.back() != '"')
        return false;
    for(std::size_t i = 1; i + 1 < s.size(); ++i)
    {
        char const c = s[i];
        if(c == '\\')
        {
            if(++i + 1 >= s.size() || s[i] < ' ' || s[i] > '~')
                return false;
        }
        else if(c == '"' || c < ' ' || c > '~')
            return false;
    }
    return true;
}

constexpr bool is_ipv4(std::string_view s) noexcept
{
    int parts = 0;
    std::size_t i = 0;
    while(true)
    {
        std::size_t const first = i;
        int v = 0;
        while(i < s.size() && is_digit(s[i]) && i - first < 3)
            v = v * 10 + (s[i++] - '0');
        std::size_t const len = i - first;
        if(len == 0 || v > 255 || (len > 1 && s[first] == '0'))
            return false;
        if(++parts == 4)
            return i == s.size();
        if(i >= s.size() || s[i] != '.')
            return false;
        ++i;
    }
}

constexpr bool is_ipv6(std::string_view s) noexcept
{
    int groups = 0;
    bool compressed = false;
    std::size_t i = 0;
    if(s.substr(0, 2) == "::")
    {
        compressed = true;
        i = 2;
        if(i == s.size())
            return true;
    }
    else if(!s.empty() && s.front() == ':')
        return false;
    while(i < s.size())
    {
        // An embedded IPv4 address may end the address.
        std::size_t const next_colon = s.find(':', i);
        if(next_colon == std::string_view::npos && s.find('.', i) != std::string_view::npos)
            return is_ipv4(s.substr(i)) && groups + 2 + (compressed ? 1 : 0) <= 8;
        std::size_t const first = i;
        while(i < s.size() && is_hex(s[i]) && i - first < 4)
            ++i;
        if(i == first)
            return false;
        ++groups;
        if(i == s.size())
            break;
        if(s[i] != ':')
            return false;
        ++i;
        if(i < s.size() && s[i] == ':')
        {
            if(compressed)
                return false;
            compressed = true;
            ++i;
        }
        else if(i == s.size())
            return false; // trailing single colon
    }
    return compressed ? groups <= 7 : groups == 8;
}

constexpr bool is_domain(std::string_view s) noexcept
{
    if(s.size() >= 2 && s.front() == '[' && s.back() == ']')
    {
        auto const lit = s.substr(1, s.size() - 2);
        if(lit.substr(0, 5) == "IPv6:")
            return is_ipv6(lit.substr(5));
        return is_ipv4(lit);
    }
    if(s.empty() || s.size() > 253)
        return false;
    std::size_t label = 0;
    char prev = '.';
    for(char c : s)
    {
        if(c == '.')
        {
            if(label == 0 || prev == '-')
                return false;
            label = 0;
        }
        else if(is_alpha(c) || is_digit(c) || (c == '-' && label != 0)) // no `_`, no U-labels (A-labels pass)
        {
            if(++label > 63)
                return false;
        }
        else
            return false;
        prev = c;
    }
    return label != 0 && prev != '-';
}

} // namespace detail

/** Returns true when `s` is an email address as JSON Schema's
    `format: email` reads it: an RFC 5321 Mailbox, ASCII only. A dot-atom or
    quoted-string local part of at most 64 bytes, `@`, and a host name
    (dot-separated labels of ASCII letters, digits and inner hyphens, each
    at most 63 bytes; one label, as in `localhost`, is enough) or an address
    literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`); at most 254 bytes in all.
    Rejected: any non-ASCII byte (internationalized addresses are
    `idn-email`; write the domain as an A-label, `xn--...`), `_` in the
    domain, control characters, comments, folding whitespace, display names
    and lists of addresses.
*/
constexpr bool is_valid_email(std::string_view s) noexcept
{
    // Each part's grammar below admits printable ASCII only: no UTF-8 or
    // control-character pass is needed.
    if(s.size() > 254)
        return false;
    auto const at = s.rfind('@');
    if(at == std::string_view::npos)
        return false;
    auto const local = s.substr(0, at);
    auto const domain = s.substr(at + 1);
    if(local.empty() || local.size() > 64)
        return false;
    if(!detail::is_dot_atom(local) && !detail::is_quoted_string(local))
        return false;
    return detail::is_domain(domain);
}

/** Returns true when `s` is an acceptable first or last name: 1 to
    `max_name_length` code points of valid UTF-8 with no control characters.
*/
constexpr bool is_valid_name(std::string_view s) noexcept
{
    auto const n = detail::utf8_count(s);
    return n != detail::invalid_utf8 && n >= 1 && n <= max_name_length && !detail::has_ascii_control(s);
}

/** Returns true when `s` is valid UTF-8 of `min_password_length` to
    `max_password_length` code points. The character set is left to the
    server: the API's full pattern is not published.
*/
constexpr bool is_valid_password(std::string_view s) noexcept
{
    auto const n = detail::utf8_count(s);
    return n != detail::invalid_utf8 && n >= min_password_length && n <= max_password_length;
}

/// The longest tenant name, in code points (documented: maxLength 14).
inline constexpr std::size_t max_tenant_name_length = 14;

/** Returns true when `s` is an acceptable tenant name: 1 to 14 code points of
    valid UTF-8 without control characters.
*/
constexpr bool is_valid_tenant_name(std::string_view s) noexcept
{
    auto const n = detail::utf8_count(s);
    return n != detail::invalid_utf8 && n >= 1 && n <= max_tenant_name_length && !detail::has_ascii_control(s);
}

/** Returns true when `s` looks like an IANA time-zone name (`UTC`,
    `Europe/Copenhagen`, `America/Argentina/Buenos_Aires`, `Etc/GMT+1`):
    1 to 64 ASCII letters, digits, `_`, `+`, `-` and `/`, with no part that
    is empty, a single dot or a double dot. Whether the zone exists is the server's to say.
*/
constexpr bool is_valid_time_zone_name(std::string_view s) noexcept
{
    if(s.empty() || s.size() > 64 || s.front() == '/' || s.back() == '/')
        return false;
    char prev = '\0';
    for(char c : s)
    {
        bool const ok = detail::is_alpha(c) || detail::is_digit(c) || c == '_' || c == '+' || c == '-' || c == '/';
        if(!ok || (c == '/' && prev == '/'))
            return false;
        prev = c;
    }
    return true;
}

} // namespace admin
} // namespace corti

#endif
