// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The JSON event sources: Boost.JSON's basic_parser (parse_json_boost, the
// library's tokenizer) and the compact tokenizer (parse_json_compact, the
// firmware opt-in). RFC 8259 exactly, events and pieces, depth, and what a
// handler that says no changes (nothing but the events): the same for both.
#include <catch2/catch.hpp>

#define CORTI_EVENT_RECORDER_FAIL(message) FAIL(message)
#include "support/event_recorder.hpp"

#include <corti/admin/detail/json/boost_source.hpp>
#include <corti/admin/detail/json/compact_parser.hpp>

#include <string>

using namespace corti::admin::detail;
using st = json_parse_result::status;

namespace {

// The recorder the fuzz target fuzz_json_parser uses too: it writes the events as text ({ } [ ]
// K<key>; S<string>; N<number>; T F Z), checks the piece protocol (totals,
// whole characters), and says no at event `reject_at`; a violation fails
// the test case.
using recorder = corti_test::event_recorder;

// The compact tokenizer (its reasons and offsets are its own).
json_parse_result parse(std::string const& text, recorder& r, std::size_t depth = 64)
{
    return parse_json_compact(text, r, depth);
}

using source = json_parse_result (*)(std::string_view, recorder&, std::size_t);
source const sources[] = {&parse_json_boost<recorder>, &parse_json_compact<recorder>};

// The events of a document, which both sources must give alike.
std::string events(std::string const& text)
{
    recorder boost_events;
    auto const b = parse_json_boost(text, boost_events, 64);
    INFO(text << ": " << b.reason << " at " << b.offset);
    REQUIRE(b.what == st::ok);
    recorder r;
    auto const res = parse(text, r);
    INFO(text << ": " << res.reason << " at " << res.offset);
    REQUIRE(res.what == st::ok);
    CHECK(r.log == boost_events.log);
    return r.log;
}

json_parse_result syntax(std::string const& text)
{
    recorder r;
    return parse(text, r);
}

} // namespace

TEST_CASE("json_parser: well-formed documents and their events")
{
    CHECK(events(R"({"a":[1,-0.5e+3,true,false,null],"b":{},"c":[]})") == "{Ka;[N1;N-0.5e+3;TFZ]Kb;{}Kc;[]}");
    CHECK(events(" \t\r\n\"x\" \n") == "Sx;");
    CHECK(events("0") == "N0;");
    CHECK(events("-0") == "N-0;");
    CHECK(events("1E400") == "N1E400;"); // any exponent: the handler decides what it can hold
    CHECK(events("123456789012345678901234567890") == "N123456789012345678901234567890;");
    CHECK(events(R"(["",{"":""}])") == "[S;{K;S;}]");
}

TEST_CASE("json_parser: escapes are decoded, surrogate pairs joined, UTF-8 kept")
{
    CHECK(events(R"("\"\\\/\b\f\n\r\t")") == "S\"\\/\b\f\n\r\t;");
    CHECK(events(R"("\u0041\u00e9\u20AC\ud83d\ude00")") == "SA\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80;");
    CHECK(events(R"("a\u0000b")") == std::string("Sa\0b;", 5));
    CHECK(events("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F\"") == "S\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F;");
}

TEST_CASE(
    "json_parser: a string without escapes comes whole, in place, an escaped one in pieces that keep characters whole")
{
    std::string const text = "\"" + std::string(1000, 'a') + "\"";
    recorder r;
    REQUIRE(parse(text, r).what == st::ok);
    CHECK(r.pieces == 1);
    CHECK(r.longest_piece == 1000);

    std::string body;
    std::string expected;
    for(int i = 0; i < 50; ++i)
    {
        body += "x\\n\xF0\x9F\x98\x80";
        expected += "x\n\xF0\x9F\x98\x80";
    }
    recorder e;
    REQUIRE(parse("\"" + body + "\"", e).what == st::ok);
    CHECK(e.log == "S" + expected + ";"); // no piece cut a character: the recorder checks
    CHECK(e.pieces > 4);
    CHECK(e.longest_piece <= 64);
}

TEST_CASE("json_parser: everything RFC 8259 does not allow is a syntax error, with a reason and an offset")
{
    struct c
    {
        char const* text;
        char const* reason;
        std::size_t offset;
    };
    c const cases[] = {
        {"", "empty document", 0},
        {"   ", "unexpected end", 3},
        {"01", "extra data after the document", 1},
        {"1.", "unexpected end", 2},
        {"1.e1", "expected a digit", 2},
        {"1e", "unexpected end", 2},
        {"1e+x", "expected a digit", 3},
        {"-", "unexpected end", 1},
        {"-a", "expected a digit", 1},
        {".5", "expected a value", 0},
        {"+1", "expected a value", 0},
        {"[1,]", "expected a value", 3},
        {R"({"a":1,})", "expected a key", 7},
        {"{'a':1}", "expected a key", 1},
        {"[1 2]", "expected ',' or ']'", 3},
        {R"({"a" 1})", "expected ':'", 5},
        {R"({"a":1])", "expected ',' or '}'", 6},
        {"[1}", "expected ',' or ']'", 2},
        {"{1:2}", "expected a key", 1},
        {"tru", "unexpected end", 3},
        {"nul1", "invalid literal", 3},
        {"True", "expected a value", 0},
        {"[NaN]", "expected a value", 1},
        {"[1/*c*/]", "expected ',' or ']'", 2},
        {"[] x", "extra data after the document", 3},
        {"{} {}", "extra data after the document", 3},
        {R"({"a":[1,2)", "unexpected end", 9},
        {R"("\x")", "invalid escape", 2},
        {"\"a\x01\"", "control character in a string", 2},
        {"\"a\tb\"", "control character in a string", 2},
        {R"("\u12")", "expected four hex digits", 3},
        {R"("\u12G4")", "expected four hex digits", 3},
        {R"("\udc00")", "a low surrogate without a high one", 7},
        {R"("\ud800")", "a high surrogate without a low one", 7},
        {R"("\ud800\u0041")", "a high surrogate without a low one", 13},
        {R"("\ud800x")", "a high surrogate without a low one", 7},
        {"\"\xC0\xAF\"", "invalid UTF-8", 1},         // overlong
        {"\"\xED\xA0\x80\"", "invalid UTF-8", 1},     // a surrogate, encoded
        {"\"\xF4\x90\x80\x80\"", "invalid UTF-8", 1}, // above U+10FFFF
        {"\"\xE2\x82\"", "invalid UTF-8", 1},         // cut short
        {"\"abc", "unexpected end", 4},
        {"\xEF\xBB\xBF{}", "expected a value", 0}, // a byte order mark is not whitespace
    };
    for(auto const& k : cases)
    {
        CAPTURE(k.text);
        auto const r = syntax(k.text);
        CHECK(r.what == st::syntax);
        CHECK(std::string(r.reason) == k.reason);
        CHECK(r.offset == k.offset);
        recorder rb; // Boost.JSON's verdict is the same; its reasons are coarser
        auto const b = parse_json_boost(k.text, rb, 64);
        CHECK(b.what == st::syntax);
        CHECK(*b.reason != '\0');
        CHECK(b.offset <= std::string_view(k.text).size());
    }
}

TEST_CASE("json_parser: nesting beyond the limit is too_deep, unless a syntax error comes first")
{
    for(source const src : sources)
    {
        recorder r;
        CHECK(src("[[1]]", r, 2).what == st::ok);
        CHECK(src("[[[1]]]", r, 2).what == st::too_deep);
        CHECK(src("[[[1]", r, 2).what == st::too_deep);
        CHECK(src("[}[[[1]]]", r, 2).what == st::syntax);
        CHECK(src("[]", r, 0).what == st::too_deep);
        CHECK(src("1", r, 0).what == st::ok);
        CHECK(src(std::string(64, '[') + std::string(64, ']'), r, 1000).what == st::ok);
        CHECK(src(std::string(65, '[') + std::string(65, ']'), r, 1000).what == st::too_deep);
    }
    recorder r;
    CHECK(parse("[[1]]", r, 2).what == st::ok);
    auto const deep = parse("[[[1]]]", r, 2);
    CHECK(deep.what == st::too_deep);
    CHECK(deep.offset == 2);
    CHECK(parse("[[[1]", r, 2).what == st::too_deep); // found before the end was missed
    CHECK(parse("[}[[[1]]]", r, 2).what == st::syntax);
    CHECK(parse("[]", r, 0).what == st::too_deep);
    CHECK(parse("1", r, 0).what == st::ok);
    // The limit is at most max_parser_depth.
    std::string const d64 = std::string(64, '[') + std::string(64, ']');
    std::string const d65 = "[" + d64 + "]";
    CHECK(parse(d64, r, 1000).what == st::ok);
    CHECK(parse(d65, r, 1000).what == st::too_deep);
}

TEST_CASE("json_parser: a handler that says no gets no more events, and the rest is still checked")
{
    std::string const doc = R"({"a":[1,"x\ny"],"b":{"c":null}})";
    for(source const src : sources)
    {
        for(long at = 0; at < 12; ++at)
        {
            CAPTURE(at);
            recorder r;
            r.reject_at = at;
            CHECK(src(doc, r, 64).what == st::rejected); // and no event after it said no: the recorder checks
            CHECK(r.rejected);

            recorder broken;
            broken.reject_at = at;
            CHECK(src(doc + ",", broken, 64).what == st::syntax);
            recorder deep;
            deep.reject_at = at;
            CHECK(src(R"({"a":[1,"x\ny"],"b":{"c":[[[]]]}})", deep, 3).what == st::too_deep);
        }
        recorder late; // says no after the last event: the document was taken
        late.reject_at = 100;
        CHECK(src(doc, late, 64).what == st::ok);
        CHECK_FALSE(late.rejected);
    }
}

TEST_CASE("json_parser: the eight-bytes-at-a-time scan finds every byte a string must look at, at every position")
{
    for(std::size_t len = 0; len <= 24; ++len)
        for(std::size_t at = 0; at < len; ++at)
        {
            CAPTURE(len, at);
            std::string const plain(len, 'a');
            auto const with = [&](std::string const& what) {
                std::string s = plain;
                return s.replace(at, 1, what);
            };
            // Each kind of byte, at `at`, in a string ending at the buffer's end or not.
            CHECK(events("\"" + with("\\n") + "\"") == "S" + with("\n") + ";");
            CHECK(events("[\"" + with("\xC3\xA9") + "\"]") == "[S" + with("\xC3\xA9") + ";]");
            CHECK(events("\"" + with("\\u0000") + "\"") == "S" + with(std::string(1, '\0')) + ";");
            CHECK(syntax("\"" + with("\x1F") + "\"").offset == 1 + at);
            CHECK(syntax("[\"" + with("\x7F\x80") + "\"]").offset == 2 + at + 1);
            CHECK(events("\"" + plain.substr(0, at) + "\"") == "S" + plain.substr(0, at) + ";");
            CHECK(syntax("\"" + plain.substr(0, at)).reason == std::string("unexpected end"));
        }
}
