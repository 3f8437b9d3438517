// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_WRITER_HPP
#define CORTI_ADMIN_DETAIL_JSON_WRITER_HPP

/*  Request bodies: flat objects whose keys are the library's own ASCII
    literals and whose string values are escaped by Boost.JSON's
    `serializer`, straight into the body (no DOM, no buffer of its own).
*/

#include <boost/json/serializer.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// The most bytes `s` can take as a JSON string: every byte as `\u00XX`, and the quotes.
constexpr std::size_t max_json_string_size(std::size_t n) noexcept { return 2 + 6 * n; }

/** Appends `s` as a JSON string, escaped by `sr` (Boost.JSON's
    serializer: `"` and `\` escaped, control characters as `\b \f \n \r \t`
    or `\u00XX`, bytes >= 0x80 copied as they are). `s` must already be
    valid UTF-8.

    The destination is made large enough for the worst case first, so the
    serializer writes everything in one `read` and never suspends (which
    would allocate its stack); the string is then cut to what was written.
    Reserve `max_json_string_size` per value ahead to keep the body to one
    allocation.
*/
inline void append_json_string(std::string& out, std::string_view s, boost::json::serializer& sr)
{
    sr.reset(boost::json::string_view(s.data(), s.size()));
    std::size_t const at = out.size();
    out.resize(at + max_json_string_size(s.size()));
    std::size_t const n = sr.read(&out[at], out.size() - at).size();
    out.resize(at + n);
}

/// Appends `s` as a JSON string (see the overload with a serializer).
inline void append_json_string(std::string& out, std::string_view s)
{
    boost::json::serializer sr;
    append_json_string(out, s, sr);
}

/** Writes one flat JSON object member by member, in call order. Keys are
    the library's own ASCII literals; values are escaped.
*/
class json_object_writer
{
    std::string& out_;
    boost::json::serializer sr_;
    bool first_ = true;

    void key(std::string_view k)
    {
        out_ += first_ ? "{\"" : ",\"";
        first_ = false;
        out_ += k;
        out_ += "\":";
    }

public:
    explicit json_object_writer(std::string& out) noexcept : out_(out) {}

    void string(std::string_view k, std::string_view v)
    {
        key(k);
        append_json_string(out_, v, sr_);
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
