// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_READER_HPP
#define CORTI_ADMIN_DETAIL_JSON_READER_HPP

/*  A strict, bounded, single-pass JSON reader that fills C++ structs.

    Boost.JSON's `basic_parser` (`boost_source.hpp`; or the compact
    tokenizer, `compact_parser.hpp`) checks the syntax (RFC 8259 only: no
    comments, trailing commas, invalid UTF-8, NaN) and the nesting depth.
    This handler, driven by a per-type schema (`json_schema<T>`), rejects
    duplicate keys, missing required fields, wrong types, undocumented
    `null`s, invalid formats and out-of-range integers, and, in strict mode,
    unknown fields. Errors carry the JSON Pointer of the offending value.

    Why not the DOM: it silently keeps the last of duplicate keys, and it
    allocates for every node. This reader's working memory is one small stack
    (`scratch_stack`): the unknown keys of the open objects (their hash and
    bytes, checked for repeats when their object closes) and the string
    value being read. It lives in a caller's `parse_arena` (running
    out is `errc::out_of_memory`) or else in a 128-byte buffer inside the
    handler that spills to the heap. A string reaches the output (`std::string`,
    one exactly sized allocation when it does not fit the small-string buffer)
    only after its format was checked; vectors of the output grow on the heap.

    A schema lists the fields of a struct:

        template<> struct json_schema<user> {
            static constexpr auto fields() {
                return std::make_tuple(json_field("email", &user::email, is_valid_email), ...);
            }
        };

    The member's C++ type decides the JSON type: std::string (string, with an
    optional format check), bool, integers (exact, range-checked), double
    (finite), uuid / date_time (string of that format), enums with a
    json_enum<E> table (string), structs with a schema (object),
    std::vector<X> (array), std::optional<X> (X, not required; `null` only if
    the field is declared nullable).
*/

#include <corti/admin/config.hpp>
#include <corti/admin/date_time.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/uuid.hpp>

#include <corti/admin/detail/json/error_body.hpp>
#include <corti/admin/detail/json/source.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace corti {
namespace admin {

namespace detail {
class scratch_stack;
} // namespace detail

/** Working memory for a response parser, in a buffer you own.

    Give one to a parser (`parse_create_user_response(r, cfg, arena)`) and
    the parser's working memory comes from it: the string value being read
    (as long as that string) and the unknown keys of the open objects: a
    16-byte header and the key's bytes each, and `sizeof(std::size_t)` more
    each (plus alignment) while their object closes, to find repeats. The
    bytes this parse wrote are wiped before it returns. Values the schema
    does not know are skipped without being stored. When the buffer is too
    small the parse fails with `errc::out_of_memory`, with or without
    exceptions; it never aborts. `peak()` tells how much the parses so far
    needed: size the buffer from it, with a margin.

    What the heap (`std::allocator`) still gets: the output's strings that do
    not fit `std::string`'s small buffer (15 bytes in libstdc++), one exactly
    sized allocation each, made only after the value passed its checks; the
    elements of output vectors; and the strings of an `error`. All of them
    are bounded by `limits` (`max_string_length`, `max_body_size`).

    The buffer is used from its start by each parse and is free again when
    the parse returns; the arena does not own it. One parse at a time.
*/
class parse_arena
{
    unsigned char* data_;
    std::size_t size_;
    std::size_t peak_ = 0;
    friend class detail::scratch_stack;

public:
    /// Uses `size` bytes at `data` (no alignment needed).
    parse_arena(void* data, std::size_t size) noexcept : data_(static_cast<unsigned char*>(data)), size_(size) {}

    /// Uses a whole array, e.g. `unsigned char buf[512]; parse_arena a(buf);`.
    template<std::size_t N>
    explicit parse_arena(unsigned char (&buf)[N]) noexcept : parse_arena(buf, N)
    {
    }

    /// The size of the buffer, in bytes.
    std::size_t size() const noexcept { return size_; }

    /// The most bytes any parse with this arena used so far (a parse that ran
    /// out reports the size it had, not what it would have needed).
    std::size_t peak() const noexcept { return peak_; }
};

namespace detail {

/** The reader's working memory, used as a stack: the unknown keys of
    the open objects, and on top of them the string value being read.

    In a caller's `parse_arena` it never grows (`push` returns false when it
    is full). Without one it starts in a buffer of its own (no allocation for
    the usual small documents) and moves to the heap, doubling, when that is
    too small; the input bounds it (`limits::max_body_size`).
*/
class scratch_stack
{
    static constexpr std::size_t inline_size = 128;

    parse_arena* arena_;
    unsigned char* base_;
    std::size_t cap_;
    std::size_t top_ = 0;
    std::size_t high_ = 0; // the most bytes written: wiped when done
    std::unique_ptr<unsigned char[]> heap_;
    unsigned char inline_[inline_size];

    bool grow(std::size_t n)
    {
        if(arena_)
            return false;
        std::size_t cap = cap_ * 2;
        while(cap - top_ < n)
            cap *= 2;
        std::unique_ptr<unsigned char[]> p(new unsigned char[cap]);
        std::memcpy(p.get(), base_, top_);
        secure_wipe(base_, high_); // it may hold a token or a password read in pieces
        heap_ = std::move(p);
        base_ = heap_.get();
        cap_ = cap;
        high_ = top_;
        return true;
    }

public:
    explicit scratch_stack(parse_arena* arena) noexcept
        : arena_(arena), base_(arena ? arena->data_ : inline_), cap_(arena ? arena->size_ : inline_size)
    {
    }

    scratch_stack(scratch_stack const&) = delete;
    scratch_stack& operator=(scratch_stack const&) = delete;

    /// Wipes what was written (in the caller's arena too): strings read in
    /// pieces, a token or a password among them, were staged here.
    ~scratch_stack() { secure_wipe(base_, high_); }

    std::size_t size() const noexcept { return top_; }
    unsigned char const* data() const noexcept { return base_; }
    unsigned char* data() noexcept { return base_; }

    /// Appends `n` bytes; false when a caller's arena has no room for them.
    bool push(void const* p, std::size_t n)
    {
        if(n > cap_ - top_ && !grow(n))
            return false;
        if(n != 0)
            std::memcpy(base_ + top_, p, n);
        top_ += n;
        if(top_ > high_)
            high_ = top_;
        if(arena_ && top_ > arena_->peak_)
            arena_->peak_ = top_;
        return true;
    }

    /// Checks and records, as `push` would, room for `n` more bytes, without
    /// copying them (a value read in place); false when a caller's arena has no room.
    bool account(std::size_t n) noexcept
    {
        if(!arena_)
            return true;
        if(n > cap_ - top_)
            return false;
        if(top_ + n > arena_->peak_)
            arena_->peak_ = top_ + n;
        return true;
    }

    /// Drops everything above `size`.
    void pop_to(std::size_t size) noexcept { top_ = size; }
};

// ---------------------------------------------------------------------------
// Schema declarations

template<class T>
struct json_schema; // specialized for each object type

template<class E>
struct json_enum; // specialized for each enum: static constexpr std::pair<std::string_view, E> values[]

template<class T, class M>
struct field_desc
{
    std::string_view name;
    M T::*member;
    bool (*check)(std::string_view) noexcept; // format check for string values, or nullptr
    bool nullable;
};

/// Declares a field; `check` validates a string value's format.
template<class T, class M>
constexpr field_desc<T, M> json_field(std::string_view name, M T::*member,
                                      bool (*check)(std::string_view) noexcept = nullptr) noexcept
{
    return {name, member, check, false};
}

/// Declares an optional field whose value may be `null`.
template<class T, class M>
constexpr field_desc<T, M> json_nullable_field(std::string_view name, M T::*member,
                                               bool (*check)(std::string_view) noexcept = nullptr) noexcept
{
    return {name, member, check, true};
}

// ---------------------------------------------------------------------------
// Runtime machinery

/// A complete scalar value.
struct json_scalar
{
    enum class kind
    {
        null,
        boolean,
        number,
        string
    };
    explicit json_scalar(kind kd) noexcept : k(kd) {}
    kind k;
    bool b = false;
    std::string_view text; // the string, or the number as written
};

class reader_context;
struct frame;
struct slot;

/// Operations on one value of a C++ type.
struct value_ops
{
    /// Handles a complete scalar; returns false after ctx.fail().
    bool (*scalar)(void* target, json_scalar const& v, slot const& s, reader_context& ctx);
    /// Where a string value is appended, or nullptr: the value goes to the
    /// context's scratch buffer (typed strings) or the type takes no string.
    std::string* (*string_dest)(void* target);
    /// True when the type takes a JSON string.
    bool takes_string;
    /// Starts an object or array value; returns false after ctx.fail().
    bool (*begin_container)(void* target, bool is_array, frame& out, reader_context& ctx);
};

/// Where the next value goes.
struct slot
{
    value_ops const* ops = nullptr; // nullptr: the value is ignored
    void* target = nullptr;
    bool (*check)(std::string_view) noexcept = nullptr;
    bool nullable = false;
};

struct object_ops
{
    int (*find)(std::string_view key) noexcept;
    std::string_view (*name)(int index) noexcept;
    slot (*field)(void* object, int index) noexcept;
    int (*first_missing)(std::uint64_t seen) noexcept;
};

struct array_ops
{
    slot (*append)(void* vector);
};

struct frame
{
    enum class kind
    {
        object,
        array,
        skip_object,
        skip_array
    } k;
    void const* ops;           // object_ops or array_ops
    void* target;
    std::uint64_t seen;        // object: bit per known field
    int current;               // object: index of the field whose value comes next, -1 = ignored
    std::size_t count;         // array: elements so far
    std::size_t unknown_begin; // scratch offset of this object's unknown keys
    std::size_t unknown_count; // how many there are
    std::size_t last_key_at;   // scratch offset of the last unknown key, or -1 (the pointer's token)
};

class reader_context
{
public:
    error err;
    bool failed = false;

    bool fail(errc c, std::string msg)
    {
        if(!failed)
        {
            failed = true;
            err = error(c, std::move(msg));
        }
        return false;
    }
};

template<class M, class = void>
struct value_traits; // defines `static value_ops const ops`

template<class M>
value_ops const* ops_of() noexcept
{
    return &value_traits<M>::ops;
}

inline bool wrong_type(json_scalar const& v, slot const& s, reader_context& ctx, char const* expected)
{
    if(v.k == json_scalar::kind::null && !s.nullable)
        return ctx.fail(errc::wrong_type, std::string("null is not allowed here; expected ") + expected);
    return ctx.fail(errc::wrong_type, std::string("expected ") + expected);
}

inline bool no_container(void*, bool is_array, frame&, reader_context& ctx, char const* expected)
{
    return ctx.fail(errc::wrong_type, std::string("expected ") + expected + (is_array ? ", got an array" : ", got an object"));
}

// --- std::string --------------------------------------------------------------
template<>
struct value_traits<std::string>
{
    static bool scalar(void*, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        if(v.k != json_scalar::kind::string)
            return wrong_type(v, s, ctx, "a string");
        if(s.check && !s.check(v.text))
            return ctx.fail(errc::invalid_value, "invalid format");
        return true;
    }
    static std::string* dest(void* t) { return static_cast<std::string*>(t); }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "a string"); }
    static inline value_ops const ops{&scalar, &dest, true, &container};
};

// --- bool -------------------------------------------------------------------
template<>
struct value_traits<bool>
{
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        if(v.k != json_scalar::kind::boolean)
            return wrong_type(v, s, ctx, "a boolean");
        *static_cast<bool*>(t) = v.b;
        return true;
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "a boolean"); }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

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

// --- integers -----------------------------------------------------------------
template<class I>
struct value_traits<I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>>
{
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        using lim = std::numeric_limits<I>;
        if(v.k != json_scalar::kind::number)
            return wrong_type(v, s, ctx, "an integer");
        bool neg = false;
        std::uint64_t mag = 0;
        char const* why = "";
        if(!exact_integer(v.text, static_cast<std::int64_t>(lim::min()), static_cast<std::uint64_t>(lim::max()), neg, mag, why))
            return ctx.fail(errc::invalid_value, why);
        if(neg && mag != 0)
            *static_cast<I*>(t) = static_cast<I>(-static_cast<std::int64_t>(mag - 1) - 1);
        else
            *static_cast<I*>(t) = static_cast<I>(mag);
        return true;
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "an integer"); }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

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

// --- double -------------------------------------------------------------------
template<>
struct value_traits<double>
{
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        if(v.k != json_scalar::kind::number)
            return wrong_type(v, s, ctx, "a number");
        // Correctly rounded, and independent of the locale (unlike strtod).
        double d = 0;
        auto const r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
        if(r.ec == std::errc::result_out_of_range && is_below_one(v.text))
            d = v.text[0] == '-' ? -0.0 : 0.0; // underflow: the nearest double is zero
        else if(r.ec != std::errc() || !std::isfinite(d))
            return ctx.fail(errc::invalid_value, "out of range");
        *static_cast<double*>(t) = d;
        return true;
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "a number"); }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

// --- typed strings: uuid, date_time, enums ---------------------------------------
template<class T>
struct typed_string_traits
{
    // parse: std::optional<T>(std::string_view)
    template<class Parse>
    static bool convert(void* t, json_scalar const& v, slot const& s, reader_context& ctx, char const* what, Parse parse)
    {
        if(v.k != json_scalar::kind::string)
            return wrong_type(v, s, ctx, what);
        auto r = parse(v.text);
        if(!r)
            return ctx.fail(errc::invalid_value, std::string("not ") + what);
        *static_cast<T*>(t) = *r;
        return true;
    }
};

template<>
struct value_traits<uuid>
{
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        return typed_string_traits<uuid>::convert(t, v, s, ctx, "a UUID", [](std::string_view x) { return uuid::parse(x); });
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "a UUID string"); }
    static inline value_ops const ops{&scalar, nullptr, true, &container};
};

template<>
struct value_traits<date_time>
{
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        return typed_string_traits<date_time>::convert(t, v, s, ctx, "an RFC 3339 date-time",
                                                       [](std::string_view x) { return date_time::parse(x); });
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "a date-time string"); }
    static inline value_ops const ops{&scalar, nullptr, true, &container};
};

template<class E>
struct value_traits<E, std::enable_if_t<std::is_enum_v<E>>>
{
    static std::optional<E> lookup(std::string_view x) noexcept
    {
        for(auto const& [name, value] : json_enum<E>::values)
            if(name == x)
                return value;
        return std::nullopt;
    }
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        return typed_string_traits<E>::convert(t, v, s, ctx, "one of the documented values", &lookup);
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx) { return no_container(t, a, f, ctx, "a string"); }
    static inline value_ops const ops{&scalar, nullptr, true, &container};
};

// --- std::optional<X> -----------------------------------------------------------
template<class X>
struct value_traits<std::optional<X>>
{
    static X* engage(void* t)
    {
        auto& o = *static_cast<std::optional<X>*>(t);
        if(!o)
            o.emplace();
        return &*o;
    }
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        if(v.k == json_scalar::kind::null)
        {
            if(!s.nullable)
                return wrong_type(v, s, ctx, "a value");
            static_cast<std::optional<X>*>(t)->reset();
            return true;
        }
        return value_traits<X>::ops.scalar(engage(t), v, s, ctx);
    }
    static std::string* dest(void* t)
    {
        if constexpr(std::is_same_v<X, std::string>)
            return engage(t);
        else
            return nullptr;
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return value_traits<X>::ops.begin_container(engage(t), a, f, ctx);
    }
    static inline value_ops const ops{&scalar, &dest, value_traits<X>::ops.takes_string, &container};
};

// --- objects --------------------------------------------------------------------
template<class M>
inline constexpr bool is_optional_v = false;
template<class X>
inline constexpr bool is_optional_v<std::optional<X>> = true;

template<class T>
struct object_traits
{
    static constexpr auto fields = json_schema<T>::fields();
    static constexpr std::size_t size = std::tuple_size_v<std::remove_const_t<decltype(fields)>>;
    static_assert(size <= 64, "a schema has at most 64 fields");

    static constexpr std::array<std::string_view, size> names =
        std::apply([](auto const&... f) { return std::array<std::string_view, size>{f.name...}; }, fields);

    static bool same(std::string_view name, std::string_view key) noexcept
    {
        return name.size() == key.size() && (key.empty() || (name[0] == key[0] && std::memcmp(name.data(), key.data(), key.size()) == 0));
    }

    /*  Key dispatch by a table made at compile time: a key's length, first
        and last byte pick one of 64 slots, which holds the one field whose
        name falls there (then one comparison confirms it), -1 (no field), or
        -2 when two names share the slot (then the names are compared in
        turn; no schema of the API has such a pair).
    */
    static constexpr std::size_t slot_of(std::string_view k) noexcept
    {
        return (k.size() * 7u + static_cast<unsigned char>(k.front()) * 3u + static_cast<unsigned char>(k.back())) & 63u;
    }

    struct dispatch_table
    {
        std::int8_t slot[64];
    };

    static constexpr dispatch_table make_table() noexcept
    {
        dispatch_table t{};
        for(auto& x : t.slot)
            x = -1;
        for(std::size_t i = 0; i < size; ++i)
        {
            auto& x = t.slot[slot_of(names[i])];
            x = x == -1 ? static_cast<std::int8_t>(i) : std::int8_t(-2);
        }
        return t;
    }

    static constexpr bool no_empty_name() noexcept
    {
        for(auto n : names)
            if(n.empty())
                return false;
        return true;
    }
    static_assert(no_empty_name(), "a schema's field names are not empty");

    static constexpr dispatch_table table = make_table();

    /// Returns the index of the field named `key`, or -1.
    static int find(std::string_view key) noexcept
    {
        if(key.empty())
            return -1;
        int const i = table.slot[slot_of(key)];
        if(i >= 0)
            return same(names[static_cast<std::size_t>(i)], key) ? i : -1;
        if(i == -1)
            return -1;
        for(std::size_t j = 0; j < size; ++j)
            if(same(names[j], key))
                return static_cast<int>(j);
        return -1;
    }

    static std::string_view name(int index) noexcept
    {
        std::string_view n;
        int i = 0;
        std::apply([&](auto const&... f) { ((i++ == index ? (n = f.name, 0) : 0), ...); }, fields);
        return n;
    }


    static slot field(void* object, int index) noexcept
    {
        slot s;
        int i = 0;
        auto& obj = *static_cast<T*>(object);
        std::apply(
            [&](auto const&... f) {
                ((i++ == index ? (s = slot{ops_of<std::decay_t<decltype(obj.*(f.member))>>(), &(obj.*(f.member)), f.check, f.nullable}, 0)
                               : 0),
                 ...);
            },
            fields);
        return s;
    }

    static int first_missing(std::uint64_t seen) noexcept
    {
        int missing = -1;
        int i = 0;
        std::apply(
            [&](auto const&... f) {
                ((missing < 0 && !is_optional_v<std::decay_t<decltype(std::declval<T&>().*(f.member))>> &&
                          !(seen & (std::uint64_t(1) << i))
                      ? (missing = i, ++i)
                      : ++i),
                 ...);
            },
            fields);
        return missing;
    }

    static inline object_ops const ops{&find, &name, &field, &first_missing};
};

template<class T>
struct value_traits<T, std::enable_if_t<std::is_class_v<decltype(json_schema<T>::fields())>>>
{
    static bool scalar(void*, json_scalar const& v, slot const& s, reader_context& ctx) { return wrong_type(v, s, ctx, "an object"); }
    static bool container(void* t, bool is_array, frame& f, reader_context& ctx)
    {
        if(is_array)
            return ctx.fail(errc::wrong_type, "expected an object, got an array");
        f.k = frame::kind::object;
        f.ops = &object_traits<T>::ops;
        f.target = t;
        return true;
    }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

// --- arrays ---------------------------------------------------------------------
template<class X>
struct value_traits<std::vector<X>>
{
    static slot append(void* v)
    {
        auto& vec = *static_cast<std::vector<X>*>(v);
        vec.emplace_back();
        return slot{ops_of<X>(), &vec.back(), nullptr, false};
    }
    static inline array_ops const aops{&append};

    static bool scalar(void*, json_scalar const& v, slot const& s, reader_context& ctx) { return wrong_type(v, s, ctx, "an array"); }
    static bool container(void* t, bool is_array, frame& f, reader_context& ctx)
    {
        if(!is_array)
            return ctx.fail(errc::wrong_type, "expected an array, got an object");
        static_cast<std::vector<X>*>(t)->clear();
        f.k = frame::kind::array;
        f.ops = &aops;
        f.target = t;
        return true;
    }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

// ---------------------------------------------------------------------------
// The SAX handler

/// The deepest nesting the reader supports, whatever `limits::max_depth` says.
inline constexpr std::size_t max_supported_depth = 32;

class schema_handler
{
public:
    reader_context ctx;

    /// `arena`: the caller's working memory, or nullptr for the handler's own.
    schema_handler(slot root, limits const& lim, strictness mode, parse_arena* arena = nullptr) noexcept
        : root_(root), max_string_(lim.max_string_length), strict_(mode == strictness::strict), scratch_stack_(arena)
    {
    }

    bool object_begin() { return begin(false); }
    bool array_begin() { return begin(true); }

    bool object_end()
    {
        frame& f = top();
        if(!check_unknown_keys(f))
            return false;
        if(f.k == frame::kind::object)
        {
            auto const& ops = *static_cast<object_ops const*>(f.ops);
            int const missing = ops.first_missing(f.seen);
            if(missing >= 0)
            {
                f.current = missing;
                return fail(errc::missing_field, "");
            }
        }
        scratch_stack_.pop_to(f.unknown_begin);
        --depth_;
        return true;
    }

    bool array_end()
    {
        --depth_;
        return true;
    }

    bool key_part(std::string_view s, std::size_t n)
    {
        if(n > max_string_)
            return fail(errc::string_too_long, "key too long");
        for(char c : s)
        {
            if(key_len_ < key_buf_.size())
                key_buf_[key_len_++] = c;
            key_hash_ = (key_hash_ ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
        if(key_total_ + s.size() > key_buf_.size())
        {
            if(key_total_ <= key_buf_.size())
                long_key_.assign(key_buf_.data(), key_total_);
            long_key_.append(s.data(), s.size());
        }
        key_total_ += s.size();
        return true;
    }

    bool key(std::string_view s, std::size_t n)
    {
        std::string_view key;
        std::uint64_t h = 0;
        bool const whole = key_total_ == 0; // no key_part before: the key is all in `s`
        if(whole)
        {
            if(n > max_string_)
                return fail(errc::string_too_long, "key too long");
            key = s;
        }
        else
        {
            if(!key_part(s, n))
                return false;
            key = key_total_ > key_buf_.size() ? std::string_view(long_key_) : std::string_view(key_buf_.data(), key_len_);
            key_total_ = 0;
            key_len_ = 0;
            h = key_hash_;
            key_hash_ = fnv_basis;
        }

        frame& f = top();
        int idx = -1;
        if(f.k == frame::kind::object)
            idx = static_cast<object_ops const*>(f.ops)->find(key);
        if(idx >= 0)
        {
            auto const bit = std::uint64_t(1) << idx;
            f.current = idx;
            if(f.seen & bit)
                return fail(errc::duplicate_key, "");
            f.seen |= bit;
            return true;
        }
        f.current = -1;
        if(whole) // hashed only now: only unknown keys need it
        {
            h = fnv_basis;
            for(char c : key)
                h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
        if(f.k == frame::kind::object && strict_)
        {
            last_key_.assign(key);
            return fail(errc::unknown_field, "");
        }
        // Kept for the duplicate check when the object closes.
        std::size_t const at = scratch_stack_.size();
        unknown_key_header const entry{h, key.size()};
        if(!scratch_stack_.push(&entry, sizeof entry) || !scratch_stack_.push(key.data(), key.size()))
        {
            scratch_stack_.pop_to(at); // no half entry for pointer() to read
            last_key_.assign(key);
            f.current = -1;
            return fail(errc::out_of_memory, "arena is full");
        }
        f.last_key_at = at;
        long_key_.clear();
        ++f.unknown_count;
        return true;
    }

    bool string_part(std::string_view s, std::size_t n)
    {
        if(!string_begun_)
        {
            string_begun_ = true;
            if(!start_string())
                return false;
        }
        return string_append(s, n);
    }

    bool string(std::string_view s, std::size_t n)
    {
        if(!string_begun_) // no string_part before: the value is all in `s`
        {
            if(n > max_string_)
                return fail(errc::string_too_long, "string too long");
            slot const sl = next_slot();
            if(!sl.ops)
                return true;
            json_scalar v{json_scalar::kind::string};
            if(!sl.ops->takes_string)
                return deliver(sl, v); // reports the type error
            std::string* const dest = sl.ops->string_dest ? sl.ops->string_dest(sl.target) : nullptr;
            // Read in place; a caller's arena is still charged what staging the value would take.
            if((dest || s.size() > scratch_.size()) && !scratch_stack_.account(s.size()))
                return fail(errc::out_of_memory, "arena is full");
            v.text = s;
            if(!deliver(sl, v))
                return false;
            if(dest)
                dest->assign(s.data(), s.size()); // checked: now it may take heap memory, exactly its size
            return true;
        }
        if(!string_part(s, n))
            return false;
        string_begun_ = false;
        if(!str_slot_.ops)
            return true;
        json_scalar v{json_scalar::kind::string};
        if(str_dest_ || typed_in_stack_)
            v.text = std::string_view(reinterpret_cast<char const*>(scratch_stack_.data()) + str_begin_,
                                      scratch_stack_.size() - str_begin_);
        else
            v.text = std::string_view(scratch_.data(), scratch_len_);
        if(!deliver(str_slot_, v))
            return false;
        // Checked: now it may take heap memory, exactly its size.
        if(str_dest_)
            str_dest_->assign(v.text.data(), v.text.size());
        scratch_stack_.pop_to(str_begin_);
        return true;
    }

    bool number(std::string_view text)
    {
        json_scalar v{json_scalar::kind::number};
        v.text = text;
        return scalar(v);
    }

    bool boolean(bool b)
    {
        json_scalar v{json_scalar::kind::boolean};
        v.b = b;
        return scalar(v);
    }

    bool null() { return scalar(json_scalar{json_scalar::kind::null}); }

    /** Returns the JSON Pointer of the value being read when the error
        happened (RFC 6901: `~` as `~0`, `/` as `~1`).
    */
    std::string pointer() const { return pointer_to(false); }

    /** Returns the JSON Pointer of the value that comes next: the one a
        source stopped inside before the reader saw it (a number Boost.JSON
        does not read).
    */
    std::string pending_pointer() const { return pointer_to(true); }

    ~schema_handler()
    {
        // A string read in pieces (a token, a password) was staged here.
        secure_wipe(scratch_.data(), scratch_.size());
    }

private:
    static constexpr std::uint64_t fnv_basis = 14695981039346656037ULL;
    static constexpr std::size_t no_key = static_cast<std::size_t>(-1);

    std::string pointer_to(bool pending) const
    {
        std::string p;
        for(std::size_t d = 0; d < depth_; ++d)
        {
            frame const& f = frames_[d];
            bool const top_pending = pending && d + 1 == depth_;
            if(f.k == frame::kind::object && f.current >= 0)
                append_token(p, static_cast<object_ops const*>(f.ops)->name(f.current));
            else if(f.k == frame::kind::array || f.k == frame::kind::skip_array)
            {
                if(top_pending) // the element after the last one counted
                {
                    p += '/';
                    p += std::to_string(f.count);
                    continue;
                }
                if(f.count == 0)
                    break;
                p += '/';
                p += std::to_string(f.count - 1);
            }
            else if(!pending && d + 1 == depth_ && !last_key_.empty())
                append_token(p, last_key_); // the key an error names
            else if(f.last_key_at != no_key)
                append_token(p, key_at(f.last_key_at)); // the unknown key whose value holds the rest
            else
                break;
        }
        return p;
    }

    slot root_;
    std::size_t max_string_;
    bool strict_;

    std::array<frame, max_supported_depth> frames_; // not zeroed: only [0, depth_) is read
    std::size_t depth_ = 0;
    bool root_taken_ = false;

    // Key being read: the first bytes, its total length, its hash.
    std::array<char, 64> key_buf_;
    std::size_t key_len_ = 0;
    std::size_t key_total_ = 0;
    std::uint64_t key_hash_ = fnv_basis;
    std::string last_key_; // only set when an error names an unknown key
    std::string long_key_; // a key longer than key_buf_, whole (rare: only those allocate)

    // Working memory: the unknown keys of the open objects
    // (duplicate detection), then the string being read (from str_begin_).
    scratch_stack scratch_stack_;
    std::size_t str_begin_ = 0;

    // String being read.
    bool string_begun_ = false;
    slot str_slot_;
    std::string* str_dest_ = nullptr;
    // Typed strings (UUID, date-time, enum) are short: they are read here,
    // and move to the scratch stack only when longer (a date-time may carry
    // a fraction of any length).
    std::array<char, 64> scratch_;
    std::size_t scratch_len_ = 0;
    bool typed_in_stack_ = false;

    frame& top() noexcept { return frames_[depth_ - 1]; }

    /// What precedes each unknown key's bytes on the scratch stack.
    struct unknown_key_header
    {
        std::uint64_t hash;
        std::size_t size;
    };

    unknown_key_header header_at(std::size_t at) const noexcept
    {
        unknown_key_header e;
        std::memcpy(&e, scratch_stack_.data() + at, sizeof e);
        return e;
    }

    std::string_view key_at(std::size_t at) const noexcept
    {
        return {reinterpret_cast<char const*>(scratch_stack_.data()) + at + sizeof(unknown_key_header), header_at(at).size};
    }

    /*  Fails with `duplicate_key` when an unknown key of `f` appears twice.
        Checked once, when the object closes, by sorting the keys' offsets
        by (hash, bytes, position): O(k log k) for k keys whatever they are
        (hash collisions only cost a comparison of the bytes), where
        checking each new key against the earlier ones was O(k^2). The key
        reported is the repeat that comes first in the document.
    */
    bool check_unknown_keys(frame& f)
    {
        std::size_t const k = f.unknown_count;
        if(k < 2)
            return true;
        // The keys' offsets, on top of them, as `std::size_t` objects at a
        // suitably aligned address (the stack itself has no alignment).
        std::size_t const pad =
            (alignof(std::size_t) - reinterpret_cast<std::uintptr_t>(scratch_stack_.data() + scratch_stack_.size()) %
                                        alignof(std::size_t)) %
            alignof(std::size_t);
        static constexpr unsigned char zeros[alignof(std::size_t)] = {};
        std::size_t const index_base = scratch_stack_.size();
        if(!scratch_stack_.push(zeros, pad))
            return fail(errc::out_of_memory, "arena is full");
        std::size_t const index_at = scratch_stack_.size();
        for(std::size_t at = f.unknown_begin, i = 0; i < k; ++i)
        {
            if(!scratch_stack_.push(&at, sizeof at))
                return fail(errc::out_of_memory, "arena is full");
            at += sizeof(unknown_key_header) + header_at(at).size;
        }
        // Make the bytes objects, each with the value it holds.
        unsigned char* const raw = scratch_stack_.data() + index_at;
        std::size_t* index = nullptr;
        for(std::size_t i = 0; i < k; ++i)
        {
            std::size_t v;
            std::memcpy(&v, raw + i * sizeof v, sizeof v);
            std::size_t* const q = new(raw + i * sizeof v) std::size_t(v);
            if(i == 0)
                index = q;
        }
        std::sort(index, index + k, [&](std::size_t a, std::size_t b) {
            std::uint64_t const ha = header_at(a).hash;
            std::uint64_t const hb = header_at(b).hash;
            if(ha != hb)
                return ha < hb;
            int const c = key_at(a).compare(key_at(b));
            return c != 0 ? c < 0 : a < b;
        });
        // Equal keys are now next to each other, in document order.
        std::size_t repeat = 0; // the first repeat in the document, 0 when none
        for(std::size_t i = 1; i < k; ++i)
        {
            std::size_t const a = index[i - 1];
            std::size_t const b = index[i];
            if(header_at(a).hash == header_at(b).hash && key_at(a) == key_at(b) && (repeat == 0 || b < repeat))
                repeat = b;
        }
        if(repeat != 0)
        {
            last_key_.assign(key_at(repeat));
            f.current = -1;
            return fail(errc::duplicate_key, "");
        }
        scratch_stack_.pop_to(index_base);
        return true;
    }

    static void append_token(std::string& p, std::string_view name)
    {
        p += '/';
        for(char c : name)
        {
            if(c == '~')
                p += "~0";
            else if(c == '/')
                p += "~1";
            else
                p += c;
        }
    }

    bool fail(errc c, char const* msg) { return ctx.fail(c, msg); }

    // The slot of the value that starts now (appends an element in arrays).
    slot next_slot()
    {
        if(depth_ == 0)
        {
            root_taken_ = true;
            return root_;
        }
        frame& f = top();
        switch(f.k)
        {
        case frame::kind::object:
            if(f.current >= 0)
                return static_cast<object_ops const*>(f.ops)->field(f.target, f.current);
            return {};
        case frame::kind::array: {
            ++f.count;
            return static_cast<array_ops const*>(f.ops)->append(f.target);
        }
        case frame::kind::skip_array: ++f.count; return {};
        default: return {};
        }
    }

    bool begin(bool is_array)
    {
        if(depth_ == frames_.size())
            return fail(errc::too_deep, "nested too deeply");
        slot const s = next_slot();
        frame f{frame::kind::skip_object, nullptr, nullptr, 0, -1, 0, scratch_stack_.size(), 0, no_key};
        if(s.ops)
        {
            if(!s.ops->begin_container(s.target, is_array, f, ctx))
                return false;
        }
        else
            f.k = is_array ? frame::kind::skip_array : frame::kind::skip_object;
        frames_[depth_++] = f;
        return true;
    }

    bool start_string()
    {
        str_slot_ = next_slot();
        str_dest_ = nullptr;
        scratch_len_ = 0;
        typed_in_stack_ = false;
        if(!str_slot_.ops)
            return true;
        if(!str_slot_.ops->takes_string)
        {
            json_scalar v{json_scalar::kind::string};
            return deliver(str_slot_, v); // reports the type error
        }
        if(str_slot_.ops->string_dest)
            str_dest_ = str_slot_.ops->string_dest(str_slot_.target);
        str_begin_ = scratch_stack_.size();
        return true;
    }

    bool string_append(std::string_view s, std::size_t n)
    {
        if(n > max_string_)
            return fail(errc::string_too_long, "string too long");
        if(!str_slot_.ops)
            return true;
        if(!str_dest_ && !typed_in_stack_ && scratch_len_ + s.size() <= scratch_.size())
        {
            for(char c : s)
                scratch_[scratch_len_++] = c;
            return true;
        }
        if(!str_dest_ && !typed_in_stack_)
        {
            typed_in_stack_ = true;
            if(!scratch_stack_.push(scratch_.data(), scratch_len_))
                return fail(errc::out_of_memory, "arena is full");
        }
        if(!scratch_stack_.push(s.data(), s.size()))
            return fail(errc::out_of_memory, "arena is full");
        return true;
    }

    bool scalar(json_scalar const& v)
    {
        slot const s = next_slot();
        if(!s.ops)
            return true;
        return deliver(s, v);
    }

    bool deliver(slot const& s, json_scalar const& v) { return s.ops->scalar(s.target, v, s, ctx); }
};

/** The one handler type the tokenizer is instantiated for: the schema
    reader, or the error-body reader. One instantiation, because each one of
    Boost.JSON's `basic_parser` is about 19 KB of a Cortex-M4 image; the
    choice costs one well-predicted branch per event, not a virtual call.
*/
class response_events
{
    schema_handler* schema_ = nullptr;
    error_body_handler* error_body_ = nullptr;

public:
    explicit response_events(schema_handler& h) noexcept : schema_(&h) {}
    explicit response_events(error_body_handler& h) noexcept : error_body_(&h) {}

    bool object_begin() { return schema_ ? schema_->object_begin() : error_body_->object_begin(); }
    bool object_end() { return schema_ ? schema_->object_end() : error_body_->object_end(); }
    bool array_begin() { return schema_ ? schema_->array_begin() : error_body_->array_begin(); }
    bool array_end() { return schema_ ? schema_->array_end() : error_body_->array_end(); }
    bool key_part(std::string_view s, std::size_t n) { return schema_ ? schema_->key_part(s, n) : error_body_->key_part(s, n); }
    bool key(std::string_view s, std::size_t n) { return schema_ ? schema_->key(s, n) : error_body_->key(s, n); }
    bool string_part(std::string_view s, std::size_t n)
    {
        return schema_ ? schema_->string_part(s, n) : error_body_->string_part(s, n);
    }
    bool string(std::string_view s, std::size_t n) { return schema_ ? schema_->string(s, n) : error_body_->string(s, n); }
    bool number(std::string_view s) { return schema_ ? schema_->number(s) : error_body_->number(s); }
    bool boolean(bool b) { return schema_ ? schema_->boolean(b) : error_body_->boolean(b); }
    bool null() { return schema_ ? schema_->null() : error_body_->null(); }
};

/// The nesting the readers follow: `limits::max_depth`, at most `max_supported_depth`.
constexpr std::size_t reader_depth(std::size_t max_depth) noexcept
{
    return max_depth < max_supported_depth ? max_depth : max_supported_depth;
}

/** Reads an error body into `h`, nested at most `max_depth` levels.
    @return true when the body is one JSON document that `h` read whole.
*/
inline bool read_error_body(std::string_view body, error_body_handler& h, std::size_t max_depth)
{
    response_events events(h);
    return parse_json(body, events, reader_depth(max_depth)).what == json_parse_result::status::ok;
}

/// The error for the syntax error `r` found in `body`: `malformed_json`, with what and where.
inline error syntax_error(std::string_view body, json_parse_result const& r)
{
    if(body.empty())
        return error(errc::malformed_json, "empty body");
    return error(errc::malformed_json, std::string(r.reason) + " at offset " + std::to_string(r.offset));
}

/** Reads one document into `out` according to its schema, from the events
    that `source(events, depth)` sends (a tokenizer over a text, or a walk
    over a Boost.JSON value) and the way it says it ended.

    @param text the text read, for the message of a syntax error (empty: "empty body")

    @return nothing, or the error: `malformed_json` (syntax, empty body,
    trailing data), `too_deep`, `string_too_long`, `duplicate_key`,
    `missing_field`, `unknown_field` (strict mode), `wrong_type`,
    `invalid_value` (also a value the source cannot read: an exponent
    beyond 2^31), `out_of_memory` (the arena is too small);
    `error::field` holds the JSON Pointer of the value.
*/
template<class T, class Source>
result<void> read_events(Source&& source, std::string_view text, T& out, limits const& lim, strictness mode,
                         parse_arena* arena)
{
    schema_handler h(slot{ops_of<T>(), &out, nullptr, false}, lim, mode, arena);
    std::size_t const depth = reader_depth(lim.max_depth);
    response_events events(h);
    // A syntax error anywhere, or nesting deeper than the limit, outranks what
    // the schema found first: a broken body is reported as broken, whatever
    // its prefix looked like.
    auto const r = source(events, depth);
    switch(r.what)
    {
    case json_parse_result::status::ok: return {};
    case json_parse_result::status::syntax: return syntax_error(text, r);
    case json_parse_result::status::too_deep:
        return error(errc::too_deep, "exceeds the depth limit of " + std::to_string(depth));
    case json_parse_result::status::limit: {
        if(h.ctx.failed)
            break; // the reader found an error before the source stopped
        // RFC 8259 lets a parser limit numbers; Boost.JSON stops at an
        // exponent beyond 2^31, inside the value the reader was about to take.
        error e(errc::invalid_value, std::string(r.reason) + " at offset " + std::to_string(r.offset));
        e.field = h.pending_pointer();
        return e;
    }
    case json_parse_result::status::rejected: break;
    }
    error e = std::move(h.ctx.err);
    e.field = h.pointer();
    return e;
}

/** Parses `body` as one JSON document into `out` according to its schema
    (see `read_events` for what it returns).

    @param arena the working memory, or nullptr for the reader's own (see
    `parse_arena`)
*/
template<class T>
result<void> read_json(std::string_view body, T& out, limits const& lim, strictness mode, parse_arena* arena = nullptr)
{
    return read_events([&](response_events& events, std::size_t depth) { return parse_json(body, events, depth); }, body,
                       out, lim, mode, arena);
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
