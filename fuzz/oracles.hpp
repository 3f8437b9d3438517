// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_ORACLES_HPP
#define CORTI_ADMIN_FUZZ_ORACLES_HPP

/*  Independent re-implementations ("oracles") the fuzz targets compare the
    library against, plus the input splitter, the check macros, and a
    recorder of the library's JSON parser's events (json_parser_log).

    The oracles are written differently from the core on purpose (decode
    code points instead of classifying lead bytes, a DOM and a set-based
    duplicate finder instead of the schema handler): a bug shared by both
    would go unnoticed, so they must not share code with the core.
*/

#include "boost_handler.hpp"

#include <corti/admin/detail/json/boost_source.hpp>
#include <corti/admin/detail/json/compact_parser.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// ---------------------------------------------------------------------------
// Reporting a violated invariant.
//
// The includer may define CORTI_FUZZ_FAIL(message) before including this
// header: the replay test makes it a Catch2 FAIL. By default (libFuzzer) it
// prints the message and traps, so libFuzzer saves the input as a crash.

#ifndef CORTI_FUZZ_FAIL
#define CORTI_FUZZ_FAIL(message) ::corti_fuzz::trap((message), __FILE__, __LINE__)
#endif

/// Checks an invariant; `detail` (a std::string expression) is only built on failure.
#define CORTI_FUZZ_CHECK(cond, detail)                                                                                 \
    do                                                                                                                 \
    {                                                                                                                  \
        if(!(cond))                                                                                                    \
            CORTI_FUZZ_FAIL(std::string("invariant `" #cond "` violated: ") + (detail));                               \
    } while(false)

/*  Checks an invariant that a known, reported core bug violates (`id` names
    the finding in fuzz/README.md). Always on, so the regression inputs fail
    until the core is fixed; building with CORTI_FUZZ_IGNORE_KNOWN_BUGS turns
    these checks off to keep fuzzing for other bugs meanwhile
    (`FUZZ_IGNORE_KNOWN=1 scripts/fuzz`).
*/
#ifdef CORTI_FUZZ_IGNORE_KNOWN_BUGS
#define CORTI_FUZZ_CHECK_KNOWN(id, cond, detail)                                                                       \
    do                                                                                                                 \
    {                                                                                                                  \
        if(false) /* compiled, never run: keeps the variables it names "used" */                                      \
        {                                                                                                              \
            (void)(cond);                                                                                              \
            (void)(detail);                                                                                            \
        }                                                                                                              \
    } while(false)
#else
#define CORTI_FUZZ_CHECK_KNOWN(id, cond, detail) CORTI_FUZZ_CHECK(cond, std::string("[" id "] ") + (detail))
#endif

namespace corti_fuzz {

[[noreturn]] inline void trap(std::string const& message, char const* file, int line)
{
    std::fprintf(stderr, "%s:%d: %s\n", file, line, message.c_str());
    std::fflush(stderr);
    __builtin_trap();
}

/// Renders bytes for a failure message: printable ASCII as is, the rest as
/// \xNN; long texts keep their head and tail (where cuts happen).
inline std::string show(std::string_view s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    constexpr std::size_t half = 120;
    std::string out = "\"";
    for(std::size_t i = 0; i < s.size(); ++i)
    {
        if(s.size() > 2 * half && i == half)
        {
            out += "\"...\"";
            i = s.size() - half;
        }
        auto const c = static_cast<unsigned char>(s[i]);
        if(c >= 0x20 && c < 0x7F && c != '\\' && c != '"')
            out += static_cast<char>(c);
        else
        {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out += "\" (" + std::to_string(s.size()) + " bytes)";
    return out;
}

inline bool contains(std::string_view text, std::string_view part)
{
    return !part.empty() && text.find(part) != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Input splitting

/// The byte that separates the text fields of an input. 0xFF never occurs in
/// UTF-8, so using it as a separator hides no interesting field value.
inline constexpr char separator = '\xFF';

/** Reads a fuzz input: configuration bytes first, then text fields. */
class input
{
    std::string_view rest_;

public:
    input(std::uint8_t const* data, std::size_t size) : rest_(size ? reinterpret_cast<char const*>(data) : "", size) {}

    /// The next byte, or 0 when the input is exhausted (short inputs still run).
    std::uint8_t byte()
    {
        if(rest_.empty())
            return 0;
        auto const b = static_cast<std::uint8_t>(rest_.front());
        rest_.remove_prefix(1);
        return b;
    }

    /// The bytes up to the next separator (consumed) or to the end.
    std::string_view field()
    {
        auto const at = rest_.find(separator);
        auto const f = rest_.substr(0, at);
        rest_.remove_prefix(at == std::string_view::npos ? rest_.size() : at + 1);
        return f;
    }

    /// Splits what is left into at most `max` fields.
    std::vector<std::string_view> fields(std::size_t max)
    {
        std::vector<std::string_view> out;
        while(out.size() + 1 < max && rest_.find(separator) != std::string_view::npos)
            out.push_back(field());
        out.push_back(rest_);
        rest_ = {};
        return out;
    }

    /// Everything not consumed yet.
    std::string_view rest() const { return rest_; }
};

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
    bool valid = false;         ///< one complete RFC 8259 document, nothing after it
    bool duplicate = false;     ///< some object repeats a key (before any syntax error)
    std::size_t depth = 0;      ///< deepest nesting of objects and arrays
    std::size_t longest = 0;    ///< longest string or key, in bytes (decoded)
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

/// Collects every string and key of a JSON text, decoded, up to the first
/// syntax error (an unfinished string included).
class strings_handler : public boost_handler
{
public:
    std::vector<std::string> strings{std::string()};

    bool on_key_part(sv s, std::size_t, ec_t&) { return part(s); }
    bool on_key(sv s, std::size_t, ec_t&) { return done(s); }
    bool on_string_part(sv s, std::size_t, ec_t&) { return part(s); }
    bool on_string(sv s, std::size_t, ec_t&) { return done(s); }

private:
    bool part(sv s)
    {
        strings.back().append(s.data(), s.size());
        return true;
    }
    bool done(sv s)
    {
        part(s);
        strings.emplace_back();
        return true;
    }
};

inline std::vector<std::string> decoded_strings(std::string_view text)
{
    boost::json::parse_options opt;
    opt.max_depth = 100000;
    boost::json::basic_parser<strings_handler> p(opt);
    boost::system::error_code ec;
    p.write_some(false, text.data(), text.size(), ec);
    return std::move(p.handler().strings);
}

/** Boost.JSON's reading of a text as one line of events, in the form
    `json_parser_log` in targets.hpp writes for the library's parser: `{` `}`
    `[` `]`, `K<key>;` and `S<string>;` (decoded, whole), `N<number as
    written>;`, `T`, `F`, `Z` (null).
*/
class event_log_handler : public boost_handler
{
public:
    std::string log;

    bool on_object_begin(ec_t&) { return put("{"); }
    bool on_object_end(std::size_t, ec_t&) { return put("}"); }
    bool on_array_begin(ec_t&) { return put("["); }
    bool on_array_end(std::size_t, ec_t&) { return put("]"); }
    bool on_key_part(sv s, std::size_t, ec_t&) { return part('K', s); }
    bool on_key(sv s, std::size_t, ec_t&) { return done('K', s); }
    bool on_string_part(sv s, std::size_t, ec_t&) { return part('S', s); }
    bool on_string(sv s, std::size_t, ec_t&) { return done('S', s); }
    bool on_number_part(sv s, ec_t&) { return part('N', s); }
    bool on_int64(std::int64_t, sv s, ec_t&) { return done('N', s); }
    bool on_uint64(std::uint64_t, sv s, ec_t&) { return done('N', s); }
    bool on_double(double, sv s, ec_t&) { return done('N', s); }
    bool on_bool(bool b, ec_t&) { return put(b ? "T" : "F"); }
    bool on_null(ec_t&) { return put("Z"); }

private:
    bool open_ = false; // inside a key, string or number

    bool put(std::string_view s)
    {
        log.append(s.data(), s.size());
        return true;
    }
    bool part(char kind, sv s)
    {
        if(!open_)
            log += kind;
        open_ = true;
        log.append(s.data(), s.size());
        return true;
    }
    bool done(char kind, sv s)
    {
        part(kind, s);
        open_ = false;
        return put(";");
    }
};

/// The library's parser's events in event_log_handler's form, checking the
/// piece protocol on the way; it rejects the document at event `reject_at`.
class json_parser_log final : public corti::admin::detail::json_handler
{
public:
    std::string log;
    long reject_at = -1;
    bool rejected = false;
    std::size_t pieces = 0;         ///< keys and strings, and the pieces they came in
    std::size_t longest_piece = 0;  ///< in bytes

    bool object_begin() { return put("{"); }
    bool object_end() { return put("}"); }
    bool array_begin() { return put("["); }
    bool array_end() { return put("]"); }
    bool key_part(std::string_view s, std::size_t total) { return piece('K', s, total, false); }
    bool key(std::string_view s, std::size_t total) { return piece('K', s, total, true); }
    bool string_part(std::string_view s, std::size_t total) { return piece('S', s, total, false); }
    bool string(std::string_view s, std::size_t total) { return piece('S', s, total, true); }
    bool number(std::string_view s) { return piece('N', s, s.size(), true); }
    bool boolean(bool b) { return put(b ? "T" : "F"); }
    bool null() { return put("Z"); }

private:
    long events_ = 0;
    std::size_t open_ = 0; // bytes of the key or string being read, 0 when none
    bool in_text_ = false;

    bool next()
    {
        CORTI_FUZZ_CHECK(!rejected, "called after it rejected the document");
        if(events_++ == reject_at)
            rejected = true;
        return !rejected;
    }
    bool put(std::string_view s)
    {
        CORTI_FUZZ_CHECK(!in_text_, "an event inside a string: " + show(log));
        log.append(s.data(), s.size());
        return next();
    }
    bool piece(char kind, std::string_view s, std::size_t total, bool last)
    {
        CORTI_FUZZ_CHECK(total == open_ + s.size(), "total " + std::to_string(total) + " after " + std::to_string(open_) +
                                                        " + " + std::to_string(s.size()));
        CORTI_FUZZ_CHECK(utf8_length(s).has_value(), "a piece cuts a character: " + show(s));
        ++pieces;
        longest_piece = std::max(longest_piece, s.size());
        if(!in_text_)
            log += kind;
        log.append(s.data(), s.size());
        in_text_ = !last;
        open_ = last ? 0 : total;
        if(last)
            log += ';';
        return next();
    }
};

/// How Boost.JSON's parser ends on a whole text, nested at most `max_depth` levels.
struct boost_reading
{
    boost::system::error_code ec; ///< empty when the text is one document
    std::string log;              ///< the events before the end (see event_log_handler)
};

inline boost_reading boost_read(std::string_view text, std::size_t max_depth)
{
    boost::json::parse_options opt;
    opt.max_depth = max_depth;
    boost::json::basic_parser<event_log_handler> p(opt);
    boost::system::error_code ec;
    auto const n = p.write_some(false, text.data(), text.size(), ec);
    if(!ec && n != text.size())
        ec = boost::json::error::extra_data;
    return {ec, std::move(p.handler().log)};
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
