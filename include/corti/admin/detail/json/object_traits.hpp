// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_OBJECT_TRAITS_HPP
#define CORTI_ADMIN_DETAIL_JSON_OBJECT_TRAITS_HPP

/** @file
    `value_traits` for a struct with a `json_schema`: its fields, found by
    key through a dispatch table made at compile time, and which required
    ones are missing.
*/

#include <corti/admin/error.hpp>

#include <corti/admin/detail/json/schema.hpp>
#include <corti/admin/detail/json/value_ops.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

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
        return name.size() == key.size() &&
               (key.empty() || (name[0] == key[0] && std::memcmp(name.data(), key.data(), key.size()) == 0));
    }

    /*  Key dispatch by a table made at compile time: a key's length, first
        and last byte pick one of 64 slots, which holds the one field whose
        name falls there (then one comparison confirms it), -1 (no field), or
        -2 when two names share the slot (then the names are compared in
        turn; no schema of the API has such a pair).
    */
    static constexpr std::size_t slot_of(std::string_view k) noexcept
    {
        return (k.size() * 7u + static_cast<unsigned char>(k.front()) * 3u + static_cast<unsigned char>(k.back())) &
               63u;
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
                ((i++ == index ? (s = slot{ops_of<std::decay_t<decltype(obj.*(f.member))>>(), &(obj.*(f.member)),
                                           f.check, f.nullable},
                                  0)
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
    static bool scalar(void*, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        return wrong_type(v, s, ctx, "an object");
    }
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

} // namespace detail
} // namespace admin
} // namespace corti

#endif
