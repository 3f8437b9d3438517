// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_SCHEMA_HPP
#define CORTI_ADMIN_DETAIL_JSON_SCHEMA_HPP

/** @file
    What a type's JSON schema is written with: `json_schema<T>` lists the
    fields of a struct (`json_field`, `json_nullable_field`), `json_enum<E>`
    the names of an enum's values. The reader (`reader.hpp`) follows them.
*/

#include <string_view>

namespace corti {
namespace admin {
namespace detail {

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

} // namespace detail
} // namespace admin
} // namespace corti

#endif
