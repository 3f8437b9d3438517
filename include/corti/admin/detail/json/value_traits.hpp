// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_VALUE_TRAITS_HPP
#define CORTI_ADMIN_DETAIL_JSON_VALUE_TRAITS_HPP

/** @file
    `value_traits` for the member types a schema may use, except objects
    (`object_traits.hpp`): std::string (with an optional format check),
    bool, integers (exact, range-checked), double (finite), uuid and
    date_time (strings of that format), enums with a `json_enum<E>` table,
    std::optional<X> (`null` only where the field is nullable) and
    std::vector<X> (arrays).
*/

#include <corti/admin/date_time.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/uuid.hpp>

#include <corti/admin/detail/json/number.hpp>
#include <corti/admin/detail/json/schema.hpp>
#include <corti/admin/detail/json/value_ops.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

namespace corti {
namespace admin {
namespace detail {

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
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a string");
    }
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
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a boolean");
    }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

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
        if(!exact_integer(v.text, static_cast<std::int64_t>(lim::min()), static_cast<std::uint64_t>(lim::max()), neg,
                          mag, why))
            return ctx.fail(errc::invalid_value, why);
        if(neg && mag != 0)
            *static_cast<I*>(t) = static_cast<I>(-static_cast<std::int64_t>(mag - 1) - 1);
        else
            *static_cast<I*>(t) = static_cast<I>(mag);
        return true;
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "an integer");
    }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

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
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a number");
    }
    static inline value_ops const ops{&scalar, nullptr, false, &container};
};

// --- typed strings: uuid, date_time, enums ---------------------------------------
template<class T>
struct typed_string_traits
{
    // parse: std::optional<T>(std::string_view)
    template<class Parse>
    static bool convert(void* t, json_scalar const& v, slot const& s, reader_context& ctx, char const* what,
                        Parse parse)
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
        return typed_string_traits<uuid>::convert(t, v, s, ctx, "a UUID",
                                                  [](std::string_view x) { return uuid::parse(x); });
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a UUID string");
    }
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
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a date-time string");
    }
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
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a string");
    }
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

    static bool scalar(void*, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        return wrong_type(v, s, ctx, "an array");
    }
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

} // namespace detail
} // namespace admin
} // namespace corti

#endif
