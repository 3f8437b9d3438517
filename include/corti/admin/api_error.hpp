// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_API_ERROR_HPP
#define CORTI_ADMIN_API_ERROR_HPP

/** @file
    The error of a 4xx or 5xx answer (`parse_api_error`), and the one place
    that stamps an error with the response it came from (status, request id).
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/json/error_body.hpp>
#include <corti/admin/detail/json/reader.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

namespace detail {

/// Returns the request id of a response, from the usual headers.
inline std::string_view find_request_id(http_headers const& h) noexcept
{
    for(auto name : {"x-request-id", "request-id", "x-correlation-id", "sb-request-id"})
    {
        auto const v = h.find(name);
        if(!v.empty())
            return v;
    }
    return {};
}

/// Stamps `e` with the response it came from: its status and request id.
inline error stamp(error e, http_response const& r)
{
    e.http_status = r.status;
    e.request_id = std::string(find_request_id(r.headers));
    return e;
}

} // namespace detail

/** Makes the error for a 4xx or 5xx response.

    The body is read tolerantly: when it is a JSON object (whatever the
    `Content-Type` says) the message is the first string found in its
    `error`, `message`, `msg`, `error_description` or `detail` member, or in
    `error.message`; otherwise it is a bounded excerpt of the body. Control
    characters are replaced and the message is at most 512 bytes.

    @return an `error` with `code == errc::api_error`, `http_status`,
    `server_message()` (the server's words; `message` stays empty) and
    `request_id` (from `x-request-id`, `request-id`,
    `x-correlation-id` or `sb-request-id`).
*/
inline error parse_api_error(http_response const& r, limits const& lim = {})
{
    error e = detail::stamp(error(errc::api_error), r);
    std::string text;
    if(!r.body.empty() && r.body.size() <= lim.max_body_size)
    {
        detail::error_body_handler h;
        if(detail::read_error_body(r.body, h, lim.max_depth) && !h.message.empty())
            text = std::move(h.message);
    }
    if(text.empty())
        detail::append_sanitized(text, detail::trim_ows(r.body), detail::max_server_message);
    e.set_server_message(std::move(text));
    return e;
}

} // namespace admin
} // namespace corti

#endif
