// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_VALUE_OPS_HPP
#define CORTI_ADMIN_DETAIL_JSON_VALUE_OPS_HPP

/** @file
    The reader's runtime view of a C++ type: a table of functions per type
    (`value_ops`, `object_ops`, `array_ops`) reached through `value_traits`,
    where the next value goes (`slot`), an open container (`frame`) and the
    first error (`reader_context`). Type-erased, so that the handler is
    compiled once, not once per schema.
*/

#include <corti/admin/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

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
    void const* ops; // object_ops or array_ops
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
    return ctx.fail(errc::wrong_type,
                    std::string("expected ") + expected + (is_array ? ", got an array" : ", got an object"));
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
