// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_REDACT_HPP
#define CORTI_ADMIN_DETAIL_REDACT_HPP

/** @file
    Scrubbing secrets (a password, a token) from errors and responses: the
    client and the conformance kit share these.
*/

#include <corti/admin/detail/json/writer.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// Replaces every occurrence of `s` in `text` with `[redacted]`. The text
/// is rebuilt in a buffer of the exact size and the old one wiped: growing
/// either in place could free a buffer that still holds a secret.
inline void redact_in(std::string& text, std::string_view s)
{
    constexpr std::string_view mark = "[redacted]";
    if(s.empty())
        return;
    std::size_t count = 0;
    for(auto p = text.find(s); p != std::string::npos; p = text.find(s, p + s.size()))
        ++count;
    if(count == 0)
        return;
    std::string out;
    out.reserve(text.size() - count * s.size() + count * mark.size());
    std::size_t from = 0;
    for(auto pos = text.find(s); pos != std::string::npos; pos = text.find(s, from))
    {
        out.append(text, from, pos - from);
        out += mark;
        from = pos + s.size();
    }
    out.append(text, from, std::string::npos);
    secure_wipe(text);
    text.swap(out); // `out` now holds the wiped buffer
}

/// Scrubs a secret from every text member of an error (a server may echo
/// the password or the token back in its message).
inline error redact(error e, std::string_view s)
{
    redact_in(e.message, s);
    redact_in(e.server_message_buffer(), s);
    redact_in(e.field, s);
    redact_in(e.request_id, s);
    return e;
}

/** Scrubs a secret from the body of an error response before it is parsed,
    as it is and JSON-escaped: once the parser has cut the message to its
    bound or replaced its control characters, the secret could no longer be
    recognized.
*/
inline void redact_body(std::string& body, std::string_view s);

/** Scrubs a secret from a response before it is parsed: from every header
    value (a parser quotes `Location` and `Content-Type`, cut to a bound) and,
    for a status of 300 or more, from the body (which becomes the message).
*/
inline void redact_response(http_response& r, std::string_view s)
{
    if(s.empty())
        return;
    for(auto& f : r.headers)
        redact_in(f.value, s);
    if(r.status >= 300)
        redact_body(r.body, s);
}

inline void redact_body(std::string& body, std::string_view s)
{
    if(s.empty())
        return;
    redact_in(body, s);
    std::string escaped;
    append_json_string(escaped, s);
    std::string_view const inner(escaped.data() + 1, escaped.size() - 2);
    if(inner != s)
        redact_in(body, inner);
    secure_wipe(escaped);
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
