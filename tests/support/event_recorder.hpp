// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTS_SUPPORT_EVENT_RECORDER_HPP
#define CORTI_ADMIN_TESTS_SUPPORT_EVENT_RECORDER_HPP

/*  A handler for the library's JSON event sources (detail::json_handler)
    that writes the events as one line of text and checks the piece
    protocol on the way: `{` `}` `[` `]`, `K<key>;` and `S<string>;`
    (decoded, whole), `N<number as written>;`, `T`, `F`, `Z` (null). It says
    no at event number `reject_at`.

    Used by the tokenizer's unit tests (tests/test_json_parser.cpp) and by
    the fuzz target fuzz_json_parser (fuzz/targets/json_parser.hpp), which
    compares the line with Boost.JSON's own events in the same form.

    A violated protocol (an event after the handler said no, an event inside
    a string, a wrong `total`, a piece that is not whole UTF-8 characters) is
    reported with CORTI_EVENT_RECORDER_FAIL(message), which the includer may
    define first: the tests make it a Catch2 FAIL, the fuzz target its own
    failure. By default the message is printed and the program aborts.
*/

#include <corti/admin/detail/json/compact_parser.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#ifndef CORTI_EVENT_RECORDER_FAIL
#define CORTI_EVENT_RECORDER_FAIL(message) ::corti_test::recorder_abort(message)
#endif

namespace corti_test {

[[noreturn]] inline void recorder_abort(std::string const& message)
{
    std::fprintf(stderr, "%s\n", message.c_str());
    std::fflush(stderr);
    std::abort();
}

/// True when `s` is a sequence of whole, well-formed UTF-8 characters
/// (RFC 3629: shortest form, no surrogate, at most U+10FFFF). Written apart
/// from the library's own check, which it must not trust.
inline bool whole_utf8(std::string_view s)
{
    for(std::size_t i = 0; i < s.size();)
    {
        auto const b = static_cast<unsigned char>(s[i]);
        std::size_t const len = b < 0x80                 ? 1
                                : b >= 0xC2 && b <= 0xDF ? 2
                                : b >= 0xE0 && b <= 0xEF ? 3
                                : b >= 0xF0 && b <= 0xF4 ? 4
                                                         : 0; // C0, C1, F5-FF never start a character
        if(len == 0 || i + len > s.size())
            return false;
        unsigned long cp = len == 1 ? b : b & (0x7Fu >> len);
        for(std::size_t k = 1; k < len; ++k)
        {
            auto const c = static_cast<unsigned char>(s[i + k]);
            if((c & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
           (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

/// Bytes for a failure message: printable ASCII as is, the rest as \xNN.
inline std::string printable(std::string_view s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for(char ch : s)
    {
        auto const c = static_cast<unsigned char>(ch);
        if(c >= 0x20 && c < 0x7F && c != '\\' && c != '"')
            out += ch;
        else
            out.append({'\\', 'x', hex[c >> 4], hex[c & 15]});
    }
    return out + "\" (" + std::to_string(s.size()) + " bytes)";
}

/// The library's parser's events as text, checking the piece protocol; it
/// rejects the document at event `reject_at` (-1: never).
class event_recorder final : public corti::admin::detail::json_handler
{
public:
    std::string log;
    long reject_at = -1;
    bool rejected = false;
    std::size_t pieces = 0;        ///< keys and strings, and the pieces they came in
    std::size_t longest_piece = 0; ///< in bytes

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

    static void fail(std::string const& what) { CORTI_EVENT_RECORDER_FAIL("event recorder: " + what); }
    bool next()
    {
        if(rejected)
            fail("called after it rejected the document");
        if(events_++ == reject_at)
            rejected = true;
        return !rejected;
    }
    bool put(std::string_view s)
    {
        if(in_text_)
            fail("an event inside a string: " + printable(log));
        log.append(s.data(), s.size());
        return next();
    }
    bool piece(char kind, std::string_view s, std::size_t total, bool last)
    {
        if(total != open_ + s.size())
            fail("total " + std::to_string(total) + " after " + std::to_string(open_) + " + " +
                 std::to_string(s.size()));
        if(!whole_utf8(s))
            fail("a piece cuts a character: " + printable(s));
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

} // namespace corti_test

#endif
