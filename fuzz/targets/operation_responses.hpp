// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_OPERATION_RESPONSES_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_OPERATION_RESPONSES_HPP

/*  fuzz_operation_responses: the parsers of the eleven operations other than
    create-user (fuzz/operations.hpp names them and their success statuses)
    on a fuzzed status, Content-Type and body, with and without an arena.
*/

#include "../operations.hpp"
#include "../support.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>

namespace corti_fuzz {

/** Checks a parser's answer against what every parser promises: success only
    with one of the operation's statuses, a 3xx/4xx/5xx is always an error of
    the matching code, every error is of the library's category, and a
    `field` is empty or a JSON Pointer.
*/
template<class R, class Statuses>
void check_operation_result(ca::http_response const& r, R const& res, Statuses const& success)
{
    if(res)
    {
        CORTI_FUZZ_CHECK(std::find(success.begin(), success.end(), r.status) != success.end(),
                         "success with status " + std::to_string(r.status));
        return;
    }
    ca::error const& e = res.error();
    CORTI_FUZZ_CHECK(e.code.category() == ca::admin_category(), describe(e));
    if(r.status >= 400 && r.status <= 599)
        CORTI_FUZZ_CHECK(e.code == ca::errc::api_error && e.http_status == r.status, describe(e));
    else if(r.status >= 300 && r.status <= 399)
        CORTI_FUZZ_CHECK(e.code == ca::errc::redirect_not_followed, describe(e));
    CORTI_FUZZ_CHECK(e.field.empty() || e.field.front() == '/', describe(e));
    check_server_message(e.server_message());
}

/// [config][operation][status|type] body. Config as
/// fuzz_create_user_response's; operation: byte % operation_count; arena:
/// byte / operation_count % 4 (none, 16, 64 or 4096 bytes; see
/// parse_with_and_without_arena).
inline void fuzz_operation_responses(std::uint8_t const* data, std::size_t size)
{
    static constexpr unsigned op_statuses[8] = {200, 201, 204, 400, 401, 404, 503, 307};
    input in(data, size);
    std::uint8_t const c0 = in.byte();
    std::uint8_t const op = in.byte();
    std::uint8_t const c2 = in.byte();
    ca::config const cfg = response_config(c0);
    ca::http_response r;
    r.status = op_statuses[c2 & 7];
    if(auto const t = (c2 >> 3) & 7; t < 7)
        r.headers.add("Content-Type", content_types[t]);
    r.body = std::string(in.rest());
    static constexpr std::size_t arena_sizes[4] = {0, 16, 64, 4096};
    std::size_t const arena_size = arena_sizes[op / operation_count % 4];
    visit_operation(op % operation_count, [&](auto parse, auto const& success) {
        using parser = decltype(parse);
        if constexpr(!std::is_invocable_v<parser, ca::http_response const&, ca::config const&, ca::parse_arena*>)
            check_operation_result(r, parse(r, cfg), success); // an answer without a body
        else
        {
            auto const res = parse_with_and_without_arena(
                arena_size, [&](ca::parse_arena* a) { return parse(r, cfg, a); },
                [&](auto const& answer, bool) { check_operation_result(r, answer, success); });
            if constexpr(std::is_same_v<std::decay_t<decltype(*res)>, double>) // the consumption
                if(res)
                    CORTI_FUZZ_CHECK(std::isfinite(*res) && *res >= 0, std::to_string(*res));
        }
    });
}

} // namespace corti_fuzz

#endif
