// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_CREATE_USER_RESPONSE_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_CREATE_USER_RESPONSE_HPP

/*  fuzz_create_user_response: parse_create_user_response on a fuzzed
    status, Content-Type and body, with and without a parse_arena; the
    answer is checked by check_user_result (user_checks.hpp).
*/

#include "../support.hpp"
#include "../user_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace corti_fuzz {

/// [config][status|type][arena] body. Config: see response_config, bit 5
/// adds an x-request-id header. Status|type: bits 0-2 status, bits 3-5
/// Content-Type. Arena: bits 0-1 a parse_arena of {none, 16, 100, 4096} bytes.
inline void fuzz_create_user_response(std::uint8_t const* data, std::size_t size)
{
    static constexpr std::size_t arena_sizes[4] = {0, 16, 100, 4096};
    input in(data, size);
    std::uint8_t const c0 = in.byte();
    std::uint8_t const c1 = in.byte();
    std::uint8_t const c2 = in.byte();
    ca::config const cfg = response_config(c0);
    ca::http_response r;
    r.status = statuses[c1 & 7];
    if(auto const t = (c1 >> 3) & 7; t < 7)
        r.headers.add("Content-Type", content_types[t]);
    if(c0 & 32)
        r.headers.add("X-Request-Id", request_id_value);
    r.body = std::string(in.rest());

    parse_with_and_without_arena(
        arena_sizes[c2 & 3], [&](ca::parse_arena* a) { return ca::parse_create_user_response(r, cfg, a); },
        [&](auto const& res, bool with_arena) { check_user_result(r, cfg, res, with_arena); });
}

} // namespace corti_fuzz

#endif
