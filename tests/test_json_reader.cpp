// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The generic strict reader, on a schema that uses every kind of member.
#include <corti/admin/detail/json/reader.hpp>

#include <catch2/catch.hpp>

#include <limits>
#include <ostream>

using namespace corti::admin;

namespace {

enum class color
{
    red,
    green
};

struct inner
{
    std::int32_t quota = 0;
    std::optional<double> ratio;
};

struct outer
{
    std::string name;
    std::int64_t big = 0;
    std::uint8_t small = 0;
    double number = 0;
    color c = color::red;
    inner in;
    std::vector<inner> list;
    std::vector<std::string> tags;
    std::optional<std::string> note; // nullable

    friend std::ostream& operator<<(std::ostream& os, outer const& o) { return os << "outer{" << o.name << '}'; }
};

} // namespace

template<>
struct corti::admin::detail::json_enum<color>
{
    static constexpr std::pair<std::string_view, color> values[] = {{"red", color::red}, {"green", color::green}};
};

template<>
struct corti::admin::detail::json_schema<inner>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("quota", &inner::quota), json_field("ratio", &inner::ratio));
    }
};

template<>
struct corti::admin::detail::json_schema<outer>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("name", &outer::name), json_field("big", &outer::big),
                               json_field("small", &outer::small), json_field("number", &outer::number),
                               json_field("c", &outer::c), json_field("in", &outer::in),
                               json_field("list", &outer::list), json_field("tags", &outer::tags),
                               json_nullable_field("note", &outer::note));
    }
};

namespace {

std::string const good = R"({"name":"n\u00e9","big":-9223372036854775808,"small":255,"number":1.5e3,"c":"green",
 "in":{"quota":-1},"list":[{"quota":1,"ratio":0.5},{"quota":2}],"tags":["a","b"],"note":null})";

result<outer> read(std::string const& body, strictness mode = strictness::tolerant)
{
    outer o;
    auto r = detail::read_json(body, o, limits{}, mode);
    if(!r)
        return r.error();
    return o;
}

std::string with(std::string const& from, std::string const& to)
{
    std::string s = good;
    auto const pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("reader: every member kind is filled")
{
    auto const o = read(good);
    REQUIRE(o);
    CHECK(o->name == "n\xC3\xA9");
    CHECK(o->big == std::numeric_limits<std::int64_t>::min());
    CHECK(o->small == 255);
    CHECK(o->number == 1500.0);
    CHECK(o->c == color::green);
    CHECK(o->in.quota == -1);
    CHECK_FALSE(o->in.ratio);
    REQUIRE(o->list.size() == 2);
    CHECK(o->list[0].ratio == 0.5);
    CHECK(o->list[1].quota == 2);
    CHECK(o->tags == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(o->note);
    CHECK(read(with(R"("note":null)", R"("note":"x")"))->note == "x");
}

TEST_CASE("reader: integers are exact, range-checked, and may be written with an integral exponent")
{
    CHECK(read(with(R"("small":255)", R"("small":2.55e2)"))->small == 255);
    CHECK(read(with(R"("small":255)", R"("small":255.000)"))->small == 255);
    CHECK(read(with(R"("small":255)", R"("small":-0)"))->small == 0);
    CHECK(read(with(R"("big":-9223372036854775808)", R"("big":9223372036854775807)"))->big ==
          std::numeric_limits<std::int64_t>::max());
    CHECK(read(with(R"("big":-9223372036854775808)", R"("big":1000000000000000000000e-3)"))->big ==
          1000000000000000000);

    struct c
    {
        char const* from;
        char const* to;
        char const* pointer;
    };
    c const bad[] = {
        {R"("small":255)", R"("small":256)", "/small"},
        {R"("small":255)", R"("small":-1)", "/small"},
        {R"("small":255)", R"("small":2.5)", "/small"},
        {R"("small":255)", R"("small":1e-1)", "/small"},
        {R"("small":255)", R"("small":1e400)", "/small"},
        {R"("big":-9223372036854775808)", R"("big":9223372036854775808)", "/big"},
        {R"("big":-9223372036854775808)", R"("big":-9223372036854775809)", "/big"},
        {R"("big":-9223372036854775808)", R"("big":18446744073709551616)", "/big"},
        {R"("big":-9223372036854775808)", R"("big":123456789012345678901234567890)", "/big"},
        {R"("quota":-1)", R"("quota":2147483648)", "/in/quota"},
        {R"("quota":2})", R"("quota":0.1})", "/list/1/quota"},
        {R"("number":1.5e3)", R"("number":1e400)", "/number"},
        {R"("number":1.5e3)", R"("number":-1e400)", "/number"},
        {R"("c":"green")", R"("c":"blue")", "/c"},
        {R"("c":"green")", R"("c":"GREEN")", "/c"},
    };
    for(auto const& k : bad)
    {
        CAPTURE(k.to);
        auto const r = read(with(k.from, k.to));
        REQUIRE_FALSE(r);
        CHECK(r.error() == errc::invalid_value);
        CHECK(r.error().field == k.pointer);
    }
}

TEST_CASE("reader: wrong types in arrays and nested objects carry their pointer")
{
    struct c
    {
        char const* from;
        char const* to;
        char const* pointer;
    };
    c const bad[] = {
        {R"("tags":["a","b"])", R"("tags":["a",2])", "/tags/1"},
        {R"("tags":["a","b"])", R"("tags":"a")", "/tags"},
        {R"("tags":["a","b"])", R"("tags":{"a":1})", "/tags"},
        {R"("in":{"quota":-1})", R"("in":[])", "/in"},
        {R"("in":{"quota":-1})", R"("in":{"quota":"1"})", "/in/quota"},
        {R"("list":[{"quota":1,"ratio":0.5})", R"("list":[{"quota":1,"ratio":true})", "/list/0/ratio"},
        {R"("list":[{"quota":1,"ratio":0.5})", R"("list":[null)", "/list/0"},
        {R"("number":1.5e3)", R"("number":"1.5e3")", "/number"},
        {R"("name":"n\u00e9")", R"("name":null)", "/name"},
        {R"("in":{"quota":-1})", R"("in":{"quota":-1,"ratio":null})", "/in/ratio"},
    };
    for(auto const& k : bad)
    {
        CAPTURE(k.to);
        auto const r = read(with(k.from, k.to));
        REQUIRE_FALSE(r);
        CHECK(r.error() == errc::wrong_type);
        CHECK(r.error().field == k.pointer);
    }
    auto const m = read(with(R"({"quota":2})", R"({})"));
    REQUIRE_FALSE(m);
    CHECK(m.error() == errc::missing_field);
    CHECK(m.error().field == "/list/1/quota");
}

TEST_CASE("reader: pointers escape ~ and / (RFC 6901)")
{
    auto const r = read(with(R"("name":)", R"("a/b~c":1,"name":)"), strictness::strict);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::unknown_field);
    CHECK(r.error().field == "/a~1b~0c");
}

TEST_CASE("reader: exact_integer works on the text, not through a double")
{
    bool neg = false;
    std::uint64_t mag = 0;
    char const* why = "";
    CHECK(detail::exact_integer("9007199254740993", 0, ~0ULL, neg, mag, why));
    CHECK(mag == 9007199254740993ULL); // not representable as a double
    CHECK(detail::exact_integer("18446744073709551615", 0, ~0ULL, neg, mag, why));
    CHECK(mag == ~0ULL);
    CHECK_FALSE(detail::exact_integer("18446744073709551616", 0, ~0ULL, neg, mag, why));
    CHECK(std::string(why) == "out of range");
    CHECK(detail::exact_integer("0.000e5", 0, 10, neg, mag, why));
    CHECK(mag == 0);
    CHECK(detail::exact_integer("12300e-2", 0, 1000, neg, mag, why));
    CHECK(mag == 123);
    CHECK_FALSE(detail::exact_integer("12301e-2", 0, 1000, neg, mag, why));
    CHECK(std::string(why) == "not an integer");
    CHECK(detail::exact_integer("1.0000000000000000000000000e3", 0, 1000, neg, mag, why));
    CHECK(mag == 1000);
}

TEST_CASE("reader: doubles are read from the text, correctly rounded, whatever the locale")
{
    auto const number = [](std::string const& text) { return read(with(R"("number":1.5e3)", R"("number":)" + text)); };
    CHECK(number("0.1")->number == 0.1);
    CHECK(number("-0")->number == 0.0);
    CHECK(number("123456789012345678901234567890")->number == 123456789012345678901234567890.0);
    CHECK(number("2.2250738585072014e-308")->number == std::numeric_limits<double>::min());
    CHECK(number("4.9e-324")->number == std::numeric_limits<double>::denorm_min());
    CHECK(number("1.7976931348623157e308")->number == std::numeric_limits<double>::max());
    // Below the smallest double: the nearest double is zero, as IEEE 754 rounds.
    CHECK(number("1e-400")->number == 0.0);
    CHECK(number("-1e-400")->number == 0.0);
#ifndef CORTI_ADMIN_COMPACT_JSON
    // Boost.JSON does not read an exponent beyond 2^31 (RFC 8259 allows
    // such a limit): the value is out of range, wherever it would round to.
    auto const tiny = number("0.0000000001e-99999999999");
    REQUIRE_FALSE(tiny);
    CHECK(tiny.error() == errc::invalid_value);
    CHECK(tiny.error().field == "/number");
    // The pointer is the value's, and an error the reader found earlier comes first.
    auto const pending = [](std::string const& from, std::string const& to) {
        auto const r = read(with(from, to));
        REQUIRE_FALSE(r);
        return r.error();
    };
    CHECK(pending(R"("tags":["a","b"])", R"("tags":["a",1e9999999999])").field == "/tags/1");
    CHECK(pending(R"("tags":["a","b"])", R"("tags":[1e9999999999])").field == "/tags/0");
    CHECK(pending(R"("note":null)", R"("note":null,"zz":[0e9999999999])").field == "/zz/0");
    CHECK(pending(R"("note":null)", R"("note":null,"zz":1e-9999999999)").field == "/zz");
    auto const earlier = pending(R"("name":"n\u00e9")", R"("name":5,"zz":1e9999999999)");
    CHECK(earlier == errc::wrong_type);
    CHECK(earlier.field == "/name");
#else
    CHECK(number("0.0000000001e-99999999999")->number == 0.0);
#endif
    // Beyond the largest: not representable, so not accepted.
    for(char const* big : {"1e309", "-1e309", "1e99999999999", "100000000000000000000e300"})
    {
        CAPTURE(big);
        auto const r = number(big);
        REQUIRE_FALSE(r);
        CHECK(r.error() == errc::invalid_value);
        CHECK(r.error().field == "/number");
    }
}

TEST_CASE("reader: syntax errors are reported with what and where, and outrank schema errors")
{
    auto const r = read(R"({"name":1,"big":01})");
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::malformed_json); // not the wrong type of "name", found first
#ifdef CORTI_ADMIN_COMPACT_JSON
    CHECK(r.error().message == "expected ',' or '}' at offset 17");
#else
    CHECK(r.error().message == "syntax error at offset 17"); // Boost.JSON's reasons are coarser
#endif
    CHECK(r.error().field.empty());
    auto const empty = read("");
    REQUIRE_FALSE(empty);
    CHECK(empty.error() == errc::malformed_json);
    CHECK(empty.error().message == "empty body");
    auto const deep = read(R"({"name":1,"in":)" + std::string(40, '[') + std::string(40, ']') + "}");
    REQUIRE_FALSE(deep);
    CHECK(deep.error() == errc::too_deep);
}

TEST_CASE("reader: a repeated unknown key is found exactly, wherever and however it is written")
{
    auto const dup = [](std::string const& extra) {
        auto const r = read(with(R"("note":null)", R"("note":null,)" + extra));
        REQUIRE_FALSE(r);
        return r.error();
    };
    auto e = dup(R"("x":1,"y":2,"x":3)");
    CHECK(e == errc::duplicate_key);
    CHECK(e.field == "/x");
    // The repeat that comes first in the document is the one reported.
    e = dup(R"("b":1,"a":1,"a":2,"b":3)");
    CHECK(e.field == "/a");
    e = dup(R"("b":1,"a":1,"b":2,"a":3)");
    CHECK(e.field == "/b");
    // Escaped, split into pieces, or longer than the key buffer: the decoded bytes count.
    CHECK(dup(R"("\u0061":1,"a":2)").field == "/a");
    std::string const long_key(300, 'k');
    CHECK(dup("\"" + long_key + "\":1,\"" + long_key + "\":2").field == "/" + long_key);
    CHECK(dup("\"" + long_key + "\\u0041\":1,\"" + long_key + "A\":2").field == "/" + long_key + "A");
    // In an object the schema skips, at any depth.
    CHECK(dup(R"("skip":{"in":[{"k":1,"k":2}]})") == errc::duplicate_key);
    // Not a repeat: keys that differ in one byte, a prefix, or the same key in sibling objects.
    CHECK(read(with(R"("note":null)", R"("note":null,"ab":1,"ba":2,"a":3,"abc":4,"":5)")));
    CHECK(read(with(R"("note":null)", R"("note":null,"s":{"k":1},"t":{"k":1},"k":[{"k":1},{"k":2}])")));
    // The check runs when the object closes: a schema error inside it comes first.
    auto const first = read(with(R"("in":{"quota":-1})", R"("in":{"x":1,"x":2,"quota":"no"})"));
    REQUIRE_FALSE(first);
    CHECK(first.error() == errc::wrong_type);
    CHECK(first.error().field == "/in/quota");
}

TEST_CASE("reader: many unknown keys, all different, are accepted")
{
    std::string extra;
    for(int i = 0; i < 50000; ++i)
        extra += "\"k" + std::to_string(i) + "\":0,";
    auto const r = read(with(R"("name":)", extra + R"("name":)"));
    REQUIRE(r);
    CHECK(r->name == "n\xC3\xA9");
    // And one repeat among them, far apart, is found.
    auto const d = read(with(R"("name":)", extra + R"("k7":1,"name":)"));
    REQUIRE_FALSE(d);
    CHECK(d.error() == errc::duplicate_key);
    CHECK(d.error().field == "/k7");
}

TEST_CASE("reader: the duplicate check's index needs arena room, or out_of_memory")
{
    std::string const body = with(R"("note":null)", R"("note":null,"p":1,"q":2,"r":3)");
    outer o;
    unsigned char big[4096];
    parse_arena roomy(big);
    REQUIRE(detail::read_json(body, o, limits{}, strictness::tolerant, &roomy));
    std::size_t const peak = roomy.peak();
    std::vector<unsigned char> exact(peak), short_by_one(peak - 1);
    parse_arena fits(exact.data(), exact.size());
    CHECK(detail::read_json(body, o, limits{}, strictness::tolerant, &fits));
    parse_arena tight(short_by_one.data(), short_by_one.size());
    auto const r = detail::read_json(body, o, limits{}, strictness::tolerant, &tight);
    REQUIRE_FALSE(r);
    CHECK(r.error() == errc::out_of_memory);
}
