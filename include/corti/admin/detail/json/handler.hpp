// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_HANDLER_HPP
#define CORTI_ADMIN_DETAIL_JSON_HANDLER_HPP

/*  What the library's JSON readers receive, whichever source tokenizes the
    text: Boost.JSON's `basic_parser` (the default, `source.hpp`) or the
    compact tokenizer for flash-starved firmware (`compact_parser.hpp`, with
    CORTI_ADMIN_COMPACT_JSON). Dispatch is static: a source is a template on
    its handler's type, so no event costs a virtual call.
*/

#include <cstddef>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/** The events of a parse. A handler is any type with these members (the
    sources are templates on it: static dispatch, no virtual functions);
    deriving from this one gives defaults that accept everything, for the
    members a handler does not care about. Every member returns false to reject
    the document (the handler keeps its reason); the source then stops
    calling it but reads on to the end, so that a syntax error found later
    still wins.

    Keys and strings come decoded, in one or more pieces: `key_part` and
    `string_part` for all but the last, then `key` or `string` for the last
    (which may be empty). `total` is the size so far, this piece included; a
    piece never cuts a UTF-8 character. A string without escapes comes
    whole, as a view into the input. A number comes as written, whole: it
    matches RFC 8259's grammar, and nothing more is known.
*/
class json_handler
{
public:
    bool object_begin() { return true; }
    bool object_end() { return true; }
    bool array_begin() { return true; }
    bool array_end() { return true; }
    bool key_part(std::string_view, std::size_t) { return true; }
    bool key(std::string_view, std::size_t) { return true; }
    bool string_part(std::string_view, std::size_t) { return true; }
    bool string(std::string_view, std::size_t) { return true; }
    bool number(std::string_view) { return true; }
    bool boolean(bool) { return true; }
    bool null() { return true; }
};

/** What both sources do with a handler's answers: once it says no, it gets
    no more events (the source reads on, so that a syntax error or an excess
    depth found later still wins).
*/
class rejection_latch
{
    bool rejected_ = false;

public:
    /// Sends an event (a callable returning the handler's answer) unless the handler said no before.
    template<class Event>
    void operator()(Event event)
    {
        if(!rejected_ && !event())
            rejected_ = true;
    }

    /// True when the handler said no.
    bool rejected() const noexcept { return rejected_; }
};

/// How a parse ended.
struct json_parse_result
{
    enum class status
    {
        ok,       ///< one well-formed document, and the handler took all of it
        syntax,   ///< not RFC 8259 JSON (`reason` says why)
        too_deep, ///< nested deeper than the limit, before any syntax error
        limit,    ///< RFC 8259 JSON that the source cannot read (`reason` says why)
        rejected  ///< well-formed and not too deep, but the handler returned false
    };
    status what = status::ok;
    std::size_t offset = 0;  ///< where the error or the excess depth was found
    char const* reason = ""; ///< what the error is (a literal)
};

/// The deepest nesting a source can follow.
inline constexpr std::size_t max_parser_depth = 64;

} // namespace detail
} // namespace admin
} // namespace corti

#endif
