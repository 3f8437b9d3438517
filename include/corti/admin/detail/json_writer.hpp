// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_WRITER_HPP
#define CORTI_ADMIN_DETAIL_JSON_WRITER_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/** Appends `s` as a JSON string: quoted, with `"` and `\` escaped, and
    control characters as `\b \f \n \r \t` or `\u00XX` (the bytes Boost.JSON's
    serializer writes). `s` must already be valid UTF-8: bytes >= 0x80 are
    copied as they are.

    The library's own loop, not Boost.JSON's serializer: that one is built
    to resume into small buffers, and with the DOM destructors it needs it
    is about 6 KB of a Cortex-M image. The fuzz target `fuzz_request_body`
    checks every body it builds with `boost::json::parse`.
*/
inline void append_json_string(std::string& out, std::string_view s)
{
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for(std::size_t i = 0; i < s.size(); ++i)
    {
        auto const c = static_cast<unsigned char>(s[i]);
        if(c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch(c)
        {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\f': out += 'f'; break;
        case '\n': out += 'n'; break;
        case '\r': out += 'r'; break;
        case '\t': out += 't'; break;
        default:
            out += "u00";
            out += "0123456789abcdef"[c >> 4];
            out += "0123456789abcdef"[c & 15];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

/** Writes one flat JSON object member by member, in call order. Keys are
    the library's own ASCII literals; values are escaped.
*/
class json_object_writer
{
    std::string& out_;
    bool first_ = true;

    void key(std::string_view k)
    {
        out_ += first_ ? "{\"" : ",\"";
        first_ = false;
        out_ += k;
        out_ += "\":";
    }

public:
    explicit json_object_writer(std::string& out) : out_(out) {}

    void string(std::string_view k, std::string_view v)
    {
        key(k);
        append_json_string(out_, v);
    }

    void boolean(std::string_view k, bool v)
    {
        key(k);
        out_ += v ? "true" : "false";
    }

    void integer(std::string_view k, std::int64_t v)
    {
        key(k);
        out_ += std::to_string(v);
    }

    /// Closes the object; an object with no member is written as `{}`.
    void finish() { out_ += first_ ? "{}" : "}"; }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
