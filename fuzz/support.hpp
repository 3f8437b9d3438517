// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_SUPPORT_HPP
#define CORTI_ADMIN_FUZZ_SUPPORT_HPP

/*  What every fuzz target shares: how a violated invariant is reported
    (CORTI_FUZZ_CHECK), the input splitter, the configuration byte of the
    response targets, the check of a server message, and running a parser
    with and without a parse_arena. The independent oracles are in
    oracles.hpp; each target's body is in fuzz/targets/<name>.hpp.
*/

#include "oracles.hpp"

#include <corti/admin.hpp>
#include <corti/admin/testing.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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
        if(false) /* compiled, never run: keeps the variables it names "used" */                                       \
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
// The response targets' configuration

namespace ca = corti::admin;

/// The statuses a fuzzed response may have (index: 3 bits of a config byte).
inline constexpr unsigned statuses[8] = {200, 201, 400, 409, 500, 302, 204, 100};

/// Content-Type values (index 7: no Content-Type header at all).
inline constexpr std::string_view content_types[7] = {
    "application/json",
    "application/json; charset=utf-8",
    " Application/JSON ;x=y",
    "text/html; charset=utf-8",
    "application/jsonx",
    "application/problem+json",
    "",
};

inline constexpr std::string_view request_id_value = "req-7f3a";

/// the reader's max_supported_depth (detail/json/schema_handler.hpp): the reader never goes deeper, whatever the limits say.
inline constexpr std::size_t reader_depth_cap = 32;

/// Decodes the config byte shared by the response targets:
/// bit 0 strict, bits 1-2 max_depth {16, 1, 3, 64}, bit 3 max_string_length 12,
/// bit 4 max_body_size 100.
inline ca::config response_config(std::uint8_t b)
{
    ca::config cfg;
    cfg.strictness = (b & 1) ? ca::strictness::strict : ca::strictness::tolerant;
    static constexpr std::size_t depths[4] = {16, 1, 3, 64};
    cfg.limits.max_depth = depths[(b >> 1) & 3];
    if(b & 8)
        cfg.limits.max_string_length = 12;
    if(b & 16)
        cfg.limits.max_body_size = 100;
    return cfg;
}

inline std::string describe(ca::error const& e) { return "error " + show(e.to_string()); }

/// The bearer token of the targets that build requests with a fixed one.
inline constexpr std::string_view fixed_token = "tok-Q9xK2mV7pL4sR8wZ";

// ---------------------------------------------------------------------------
// Shared checks

/** What `parse_api_error` promises about `error::message`: at most 512
    bytes plus `...`, well-formed UTF-8, no control characters.
*/
inline void check_server_message(std::string_view m)
{
    CORTI_FUZZ_CHECK(m.size() <= 515, show(m));
    CORTI_FUZZ_CHECK(m.size() <= 512 || m.substr(m.size() - 3) == "...", show(m));
    CORTI_FUZZ_CHECK(utf8_length(m).has_value(), "message is not UTF-8: " + show(m)); // F1
    CORTI_FUZZ_CHECK(!has_c0_or_del(m), show(m));
    CORTI_FUZZ_CHECK(!has_c1(m), "message holds a C1 control: " + show(m)); // F2
}

// ---------------------------------------------------------------------------
// Parsing with and without an arena

template<class T, class = void>
struct has_equal : std::false_type
{
};

template<class T>
struct has_equal<T, std::void_t<decltype(std::declval<T const&>() == std::declval<T const&>())>> : std::true_type
{
};

/** Runs `parse(nullptr)`, and when `arena_size` is not 0 `parse(&arena)`
    with an arena of that size, and gives each answer to `check(answer,
    with_arena)`. The arena's peak stays within it, and its answer is the
    same (the same value where the type compares, the same error to the
    letter) or `out_of_memory`, which never replaces a verdict on a broken
    or too deep body (they outrank it). Returns the answer without the arena.
*/
template<class Parse, class Check>
auto parse_with_and_without_arena(std::size_t arena_size, Parse parse, Check check)
{
    auto res = parse(nullptr);
    check(res, false);
    if(arena_size == 0)
        return res;
    std::vector<unsigned char> buffer(arena_size);
    ca::parse_arena arena(buffer.data(), buffer.size());
    auto const in_arena = parse(&arena);
    check(in_arena, true);
    CORTI_FUZZ_CHECK(arena.peak() <= arena.size(), std::to_string(arena.peak()));
    if(!in_arena && in_arena.error().code == ca::errc::out_of_memory)
    {
        CORTI_FUZZ_CHECK(res ||
                             (res.error().code != ca::errc::malformed_json && res.error().code != ca::errc::too_deep),
                         "out of memory, without an arena " + describe(res.error()));
        return res;
    }
    CORTI_FUZZ_CHECK(res.has_value() == in_arena.has_value(), res ? describe(in_arena.error()) : describe(res.error()));
    if(!res)
        CORTI_FUZZ_CHECK(res.error().to_string() == in_arena.error().to_string(),
                         describe(res.error()) + " vs " + describe(in_arena.error()));
    else if constexpr(has_equal<std::decay_t<decltype(*res)>>::value)
        CORTI_FUZZ_CHECK(*res == *in_arena, "another value with an arena");
    return res;
}

} // namespace corti_fuzz

#endif
