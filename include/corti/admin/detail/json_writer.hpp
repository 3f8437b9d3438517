// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_WRITER_HPP
#define CORTI_ADMIN_DETAIL_JSON_WRITER_HPP

#include <boost/json/serializer.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/** Appends `s` as a JSON string (quoted and escaped by Boost.JSON's
    serializer). `s` must already be valid UTF-8: the serializer copies
    bytes >= 0x80 as they are.
*/
inline void append_json_string(std::string& out, std::string_view s)
{
    bool plain = true;
    for(char c : s)
        if(c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
        {
            plain = false;
            break;
        }
    if(plain)
    {
        out += '"';
        out += s;
        out += '"';
        return;
    }
    boost::json::serializer sr;
    sr.reset(boost::json::string_view(s.data(), s.size()));
    // Room for the worst case (every byte as \u00XX, and the quotes): the
    // serializer then finishes in one call. Cut short, it would save its
    // state on a stack of its own, which allocates from the heap.
    std::size_t const room = 6 * s.size() + 2;
    while(!sr.done())
    {
        std::size_t const at = out.size();
        out.resize(at + room);
        auto const written = sr.read(&out[at], room);
        out.resize(at + written.size());
    }
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
