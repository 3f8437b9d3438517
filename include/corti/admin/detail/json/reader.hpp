// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_READER_HPP
#define CORTI_ADMIN_DETAIL_JSON_READER_HPP

/** @file
    A strict, bounded, single-pass JSON reader that fills C++ structs.

    Boost.JSON's `basic_parser` (`boost_source.hpp`; or the compact
    tokenizer, `compact_parser.hpp`: `source.hpp` picks one) checks the
    syntax (RFC 8259 only: no comments, trailing commas, invalid UTF-8, NaN)
    and the nesting depth. The handler (`schema_handler`), driven by a
    per-type schema (`json_schema<T>`), rejects
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

    The pieces: `schema.hpp` (how a schema is written), `value_traits.hpp`
    and `object_traits.hpp` (what each C++ type accepts), `schema_handler.hpp`
    (the events' handler), `scratch_stack.hpp` and `unknown_keys.hpp` (its
    working memory). This header drives a tokenizer with them.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/parse_arena.hpp>

#include <corti/admin/detail/json/error_body.hpp>
#include <corti/admin/detail/json/object_traits.hpp>
#include <corti/admin/detail/json/schema.hpp>
#include <corti/admin/detail/json/schema_handler.hpp>
#include <corti/admin/detail/json/source.hpp>
#include <corti/admin/detail/json/value_ops.hpp>
#include <corti/admin/detail/json/value_traits.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

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
    bool key_part(std::string_view s, std::size_t n)
    {
        return schema_ ? schema_->key_part(s, n) : error_body_->key_part(s, n);
    }
    bool key(std::string_view s, std::size_t n) { return schema_ ? schema_->key(s, n) : error_body_->key(s, n); }
    bool string_part(std::string_view s, std::size_t n)
    {
        return schema_ ? schema_->string_part(s, n) : error_body_->string_part(s, n);
    }
    bool string(std::string_view s, std::size_t n)
    {
        return schema_ ? schema_->string(s, n) : error_body_->string(s, n);
    }
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
    return read_events([&](response_events& events, std::size_t depth) { return parse_json(body, events, depth); },
                       body, out, lim, mode, arena);
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
