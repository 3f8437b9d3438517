// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_ORACLES_HPP
#define CORTI_ADMIN_FUZZ_ORACLES_HPP

/*  Independent re-implementations ("oracles") the fuzz targets compare the
    library against: UTF-8 decoded by code point, the message sanitizer as
    documented, Content-Type matching, JSON Pointers, and facts about a JSON
    text read by Boost.JSON's own parser (validity, duplicates, depth,
    string lengths, a DOM).

    The oracles are written differently from the core on purpose (decode
    code points instead of classifying lead bytes, a DOM and a set-based
    duplicate finder instead of the schema handler): a bug shared by both
    would go unnoticed, so they must not share code with the core. Oracles
    that only one target uses live in that target's file (fuzz/targets/).
*/

#include "boost_handler.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace corti_fuzz {

// ---------------------------------------------------------------------------
// UTF-8, decoded (not classified by lead byte as the core does)

/// Returns the length of the well-formed UTF-8 character at `s[i]` and its
/// code point, or 0 when the bytes there are not one (RFC 3629).
inline std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp)
{
    auto const b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if(b0 < 0x80)
        len = 1, cp = b0;
    else if((b0 & 0xE0) == 0xC0)
        len = 2, cp = b0 & 0x1Fu;
    else if((b0 & 0xF0) == 0xE0)
        len = 3, cp = b0 & 0x0Fu;
    else if((b0 & 0xF8) == 0xF0)
        len = 4, cp = b0 & 0x07u;
    else
        return 0;
    if(i + len > s.size())
        return 0;
    for(std::size_t k = 1; k < len; ++k)
    {
        auto const b = static_cast<unsigned char>(s[i + k]);
        if((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    static constexpr std::uint32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if(cp < shortest[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/// The number of code points, or nullopt for ill-formed UTF-8.
inline std::optional<std::size_t> utf8_length(std::string_view s)
{
    std::size_t n = 0;
    for(std::size_t i = 0; i < s.size(); ++n)
    {
        std::uint32_t cp = 0;
        auto const len = decode(s, i, cp);
        if(len == 0)
            return std::nullopt;
        i += len;
    }
    return n;
}

inline bool is_c0_or_del(std::uint32_t cp) { return cp < 0x20 || cp == 0x7F; }
inline bool is_c1(std::uint32_t cp) { return cp >= 0x80 && cp <= 0x9F; }

/// True when a byte is a C0 control or DEL (what the core calls "control").
inline bool has_c0_or_del(std::string_view s)
{
    for(char c : s)
        if(is_c0_or_del(static_cast<unsigned char>(c)))
            return true;
    return false;
}

/// True when `s` (assumed well-formed) holds a C1 control (U+0080..U+009F),
/// e.g. U+009B CSI, a terminal escape, or U+0085 NEL, a line break.
inline bool has_c1(std::string_view s)
{
    for(std::size_t i = 0; i < s.size();)
    {
        std::uint32_t cp = 0;
        auto const len = decode(s, i, cp);
        if(len == 0)
            ++i;
        else
        {
            if(is_c1(cp))
                return true;
            i += len;
        }
    }
    return false;
}

/** The documented behaviour of the library's message sanitizer: control
    characters (C0, DEL, C1) become spaces, each byte that does not start a
    well-formed character becomes `?`, and when more than `max` bytes would
    be written the text stops before the character that does not fit and
    `...` follows.
*/
inline std::string sanitize(std::string_view s, std::size_t max)
{
    std::string out;
    std::size_t written = 0;
    for(std::size_t i = 0; i < s.size();)
    {
        std::uint32_t cp = 0;
        auto const len = decode(s, i, cp);
        std::size_t const need = len == 0 ? 1 : len;
        if(written + need > max)
            return out + "...";
        if(len == 0)
            out += '?';
        else if(is_c0_or_del(cp) || is_c1(cp))
            out += ' ';
        else
            out.append(s.substr(i, len));
        written += need;
        i += need;
    }
    return out;
}

/// Spaces and tabs trimmed from both ends (HTTP OWS).
inline std::string_view trim(std::string_view s)
{
    while(!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while(!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

/// `application/json`, any case, optional OWS and parameters.
inline bool is_json_content_type(std::string_view ct)
{
    auto const media = trim(ct.substr(0, ct.find(';')));
    std::string_view const want = "application/json";
    if(media.size() != want.size())
        return false;
    for(std::size_t i = 0; i < want.size(); ++i)
        if(lower(media[i]) != want[i])
            return false;
    return true;
}

// ---------------------------------------------------------------------------
// JSON Pointers (RFC 6901)

/// A non-empty pointer: `/` first, `~` only in `~0` and `~1` (UTF-8 is checked apart).
inline bool is_json_pointer_syntax(std::string_view p)
{
    if(p.empty() || p.front() != '/')
        return false;
    for(std::size_t i = 0; i < p.size(); ++i)
        if(p[i] == '~' && (i + 1 == p.size() || (p[i + 1] != '0' && p[i + 1] != '1')))
            return false;
    return true;
}

/// Splits `/a~1b/c` into its unescaped tokens {"a/b", "c"}.
inline std::vector<std::string> pointer_tokens(std::string_view p)
{
    std::vector<std::string> out;
    for(std::size_t i = 0; i < p.size(); ++i)
    {
        if(p[i] == '/')
            out.emplace_back();
        else if(p[i] == '~' && i + 1 < p.size())
            out.back() += p[++i] == '0' ? '~' : '/';
        else
            out.back() += p[i];
    }
    return out;
}

/// The value a pointer designates in `root`, or nullptr.
inline boost::json::value const* resolve(boost::json::value const& root, std::string_view p)
{
    boost::json::value const* v = &root;
    for(auto const& t : pointer_tokens(p))
    {
        if(auto const* o = v->if_object())
        {
            auto const it = o->find(t);
            if(it == o->end())
                return nullptr;
            v = &it->value();
        }
        else if(auto const* a = v->if_array())
        {
            if(t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos ||
               (t.size() > 1 && t[0] == '0'))
                return nullptr;
            auto const k = std::stoul(t);
            if(k >= a->size())
                return nullptr;
            v = &(*a)[k];
        }
        else
            return nullptr;
    }
    return v;
}

// ---------------------------------------------------------------------------
// Facts about a JSON text, found without the library's reader

struct json_facts
{
    bool valid = false;      ///< one complete RFC 8259 document, nothing after it
    bool duplicate = false;  ///< some object repeats a key (before any syntax error)
    std::size_t depth = 0;   ///< deepest nesting of objects and arrays
    std::size_t longest = 0; ///< longest string or key, in bytes (decoded)
    /// Boost.JSON stopped at a number whose exponent it cannot hold (beyond
    /// 2^31): RFC 8259 leaves number ranges to implementations, the library
    /// reads on, so the other facts do not decide this input.
    bool number_limit = false;
};

class facts_handler : public boost_handler
{
public:
    json_facts facts;

    bool on_object_begin(ec_t&)
    {
        keys_.emplace_back();
        return open();
    }
    bool on_object_end(std::size_t, ec_t&)
    {
        keys_.pop_back();
        --depth_;
        return true;
    }
    bool on_array_begin(ec_t&) { return open(); }
    bool on_array_end(std::size_t, ec_t&)
    {
        --depth_;
        return true;
    }
    bool on_key_part(sv s, std::size_t n, ec_t&)
    {
        key_.append(s.data(), s.size());
        return longest(n);
    }
    bool on_key(sv s, std::size_t n, ec_t& ec)
    {
        on_key_part(s, n, ec);
        if(!keys_.back().insert(key_).second)
            facts.duplicate = true;
        key_.clear();
        return true;
    }
    bool on_string_part(sv, std::size_t n, ec_t&) { return longest(n); }
    bool on_string(sv, std::size_t n, ec_t&) { return longest(n); }

private:
    std::vector<std::set<std::string>> keys_;
    std::string key_;
    std::size_t depth_ = 0;

    bool open()
    {
        if(++depth_ > facts.depth)
            facts.depth = depth_;
        return true;
    }
    bool longest(std::size_t n)
    {
        if(n > facts.longest)
            facts.longest = n;
        return true;
    }
};

inline json_facts facts_of(std::string_view text)
{
    boost::json::parse_options opt;
    opt.max_depth = 100000; // the oracle reports depth, it does not limit it
    boost::json::basic_parser<facts_handler> p(opt);
    boost::system::error_code ec;
    auto const n = p.write_some(false, text.data(), text.size(), ec);
    json_facts f = p.handler().facts;
    f.valid = !ec && n == text.size();
    f.number_limit = ec == boost::json::error::exponent_overflow;
    return f;
}

/// The DOM of a text the facts say is valid and shallow enough.
inline std::optional<boost::json::value> dom_of(std::string_view text, json_facts const& f)
{
    if(!f.valid || f.depth > 64)
        return std::nullopt;
    boost::json::parse_options opt;
    opt.max_depth = 64;
    boost::system::error_code ec;
    auto v = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec, {}, opt);
    if(ec)
        return std::nullopt;
    return v;
}

} // namespace corti_fuzz

#endif
