// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_API_ERROR_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_API_ERROR_HPP

/*  fuzz_api_error: parse_api_error on a fuzzed error body, against the
    message the documentation says it picks (expected_api_message).
*/

#include "../support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corti_fuzz {

/// The message parse_api_error should produce for a body, computed from the
/// documentation, or nullopt for the shapes whose reading the docs leave
/// open (duplicate keys, an array or an object where a message string is
/// looked for).
inline std::optional<std::string> expected_api_message(std::string_view body, ca::limits const& lim)
{
    std::string const out = sanitize(trim(body), 512); // the excerpt, unless a message is found
    if(body.empty() || body.size() > lim.max_body_size)
        return out;
    auto const f = facts_of(body);
    if(f.number_limit)
        return std::nullopt; // the oracle stopped reading at a number the library reads on
    if(!f.valid || f.depth > std::min(lim.max_depth, reader_depth_cap))
        return out;
    if(f.duplicate)
        return std::nullopt;
    auto const dom = dom_of(body, f);
    if(!dom)
        return std::nullopt;
    auto const* root = dom->if_object();
    if(!root)
        return out;

    // Documented order: error, error.message, message, msg, error_description,
    // detail; the first non-empty string wins.
    std::optional<std::string> best;
    auto const consider = [&](boost::json::value const* v) {
        if(!v)
            return true;
        if(v->is_array() || v->is_object())
            return false;
        if(auto const* s = v->if_string(); s && !s->empty() && !best)
            best = std::string(s->data(), s->size());
        return true;
    };
    if(auto const* e = root->if_contains("error"); e && e->is_object())
    {
        // Whatever else the object holds, nested objects too (F4).
        if(!consider(e->as_object().if_contains("message")))
            return std::nullopt;
    }
    else if(!consider(e))
        return std::nullopt;
    for(char const* k : {"message", "msg", "error_description", "detail"})
        if(!consider(root->if_contains(k)))
            return std::nullopt;
    if(best)
        return sanitize(*best, 512);
    return out;
}

/// [config] body. Config: bits 0-2 status, bit 3 max_body_size 16,
/// bits 4-5 max_depth {16, 1, 2, 64}.
inline void fuzz_api_error(std::uint8_t const* data, std::size_t size)
{
    static constexpr unsigned error_statuses[8] = {400, 401, 403, 404, 409, 429, 500, 503};
    static constexpr std::size_t depths[4] = {16, 1, 2, 64};
    input in(data, size);
    std::uint8_t const c = in.byte();
    ca::limits lim;
    if(c & 8)
        lim.max_body_size = 16;
    lim.max_depth = depths[(c >> 4) & 3];
    ca::http_response r;
    r.status = error_statuses[c & 7];
    r.headers.add("Request-Id", request_id_value);
    r.body = std::string(in.rest());

    ca::error const e = ca::parse_api_error(r, lim);
    CORTI_FUZZ_CHECK(e.code == ca::errc::api_error, describe(e));
    CORTI_FUZZ_CHECK(e.http_status == r.status, describe(e));
    CORTI_FUZZ_CHECK(e.request_id == request_id_value, describe(e));
    CORTI_FUZZ_CHECK(e.field.empty(), describe(e));
    CORTI_FUZZ_CHECK(e.message.empty(), describe(e)); // the library adds nothing to the server's words
    check_server_message(e.server_message());
    if(auto const want = expected_api_message(r.body, lim))
        CORTI_FUZZ_CHECK(e.server_message() == *want,
                         "message " + show(e.server_message()) + ", expected " + show(*want));
}

} // namespace corti_fuzz

#endif
