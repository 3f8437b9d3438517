// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_JSON_PARSER_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_JSON_PARSER_HPP

/*  fuzz_json_parser: the library's two JSON event sources against each
    other and against Boost.JSON's own parser. The library's events are
    recorded by the tests' event recorder (tests/support/event_recorder.hpp,
    which the tokenizer's unit tests use too); its violations are reported
    like the target's own.
*/

#include "../support.hpp"

#ifndef CORTI_EVENT_RECORDER_FAIL
#define CORTI_EVENT_RECORDER_FAIL(message) CORTI_FUZZ_FAIL(message)
#endif
#include "support/event_recorder.hpp"

#include <corti/admin/detail/json/boost_source.hpp>
#include <corti/admin/detail/json/compact_parser.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace corti_fuzz {

/** Boost.JSON's reading of a text as one line of events, in the form the
    event recorder writes for the library's parser: `{` `}` `[` `]`,
    `K<key>;` and `S<string>;` (decoded, whole), `N<number as written>;`,
    `T`, `F`, `Z` (null).
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

/** [config] [reject-at] text. Config: bits 0-4 the depth limit (0: 64),
    bit 5: the handler rejects at the event numbered by the next byte.

    The library's two event sources, Boost.JSON's `basic_parser` through
    `parse_json_boost` (the default) and the compact tokenizer (the
    firmware opt-in), against each other and against Boost.JSON's own
    parser with a plain handler: the same verdict (one document, too deep,
    or a syntax error), and for a document the same events with the same
    decoded strings and numbers as written. A handler that says no stops
    the events but not the syntax check, in both.
*/
inline void fuzz_json_parser(std::uint8_t const* data, std::size_t size)
{
    namespace cd = ca::detail;
    input in(data, size);
    std::uint8_t const c = in.byte();
    std::size_t const depth = (c & 31) == 0 ? 64 : (c & 31);
    corti_test::event_recorder compact;
    corti_test::event_recorder boost_source;
    if(c & 32)
        compact.reject_at = boost_source.reject_at = in.byte();
    std::string_view const text = in.rest();

    auto const r = cd::parse_json_compact(text, compact, depth);
    auto const b = cd::parse_json_boost(text, boost_source, depth);
    auto const theirs = boost_read(text, depth);
    CORTI_FUZZ_CHECK(r.offset <= text.size(), std::to_string(r.offset));
    CORTI_FUZZ_CHECK(b.offset <= text.size(), std::to_string(b.offset));
    using st = cd::json_parse_result::status;
    std::string const what = std::string(r.reason) + " at " + std::to_string(r.offset) + "; Boost source: " + b.reason +
                             " at " + std::to_string(b.offset) + "; Boost.JSON: " + theirs.ec.message() + "; text " +
                             show(text);
    // The Boost source is Boost.JSON's parser: the same verdict, always.
    if(theirs.ec == boost::json::error::too_deep)
        CORTI_FUZZ_CHECK(b.what == st::too_deep, "Boost source not too deep: " + what);
    else if(theirs.ec == boost::json::error::exponent_overflow)
        CORTI_FUZZ_CHECK(b.what == st::limit, "Boost source: an exponent overflow is not a limit: " + what);
    else if(theirs.ec)
        CORTI_FUZZ_CHECK(b.what == st::syntax, "Boost source: not a syntax error: " + what);
    else
    {
        CORTI_FUZZ_CHECK(b.what == (boost_source.rejected ? st::rejected : st::ok),
                         "Boost source: not accepted: " + what);
        if(!boost_source.rejected)
            CORTI_FUZZ_CHECK(boost_source.log == theirs.log,
                             "Boost source events " + show(boost_source.log) + ", Boost.JSON " + show(theirs.log));
    }
    if(b.what == st::limit)
        return; // Boost.JSON's own limit on exponents, which RFC 8259 allows; the compact tokenizer has none
    // The compact tokenizer: the same verdict and the same events. (Where a
    // handler says no may differ: the sources cut long escaped strings into
    // pieces of different sizes, and each piece is an event.)
    auto const taken = [](st w) { return w == st::rejected ? st::ok : w; };
    CORTI_FUZZ_CHECK(taken(r.what) == taken(b.what), "verdicts differ: " + what);
    if(r.what == st::rejected)
        CORTI_FUZZ_CHECK(compact.rejected, "compact: rejected, but the handler took everything: " + what);
    if(compact.rejected)
        CORTI_FUZZ_CHECK(r.what != st::ok, "compact: the handler said no, and the verdict is ok: " + what);
    if(r.what == st::ok && b.what == st::ok)
        CORTI_FUZZ_CHECK(compact.log == boost_source.log,
                         "events " + show(compact.log) + ", Boost source " + show(boost_source.log));
    if(r.what == st::syntax)
        CORTI_FUZZ_CHECK(*r.reason != '\0' && *b.reason != '\0', "a syntax error without a reason");
}

} // namespace corti_fuzz

#endif
