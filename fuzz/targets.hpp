// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_HPP

/*  Every fuzz target, by the name of its corpus folder: for the replay test
    (tests/test_fuzz_replay.cpp), which runs every file of fuzz/corpus/<name>/
    and fuzz/regressions/<name>/ through the same body libFuzzer calls. Each
    body `fuzz_<name>(data, size)` is in fuzz/targets/<name>.hpp, which the
    libFuzzer main fuzz/fuzz_<name>.cpp includes alone; what they share is in
    support.hpp (checks, input splitter) and oracles.hpp. How a violated
    invariant is reported is up to the includer: see CORTI_FUZZ_FAIL in
    support.hpp.

    Input layouts (the seeds in fuzz/corpus/ follow them; fuzz/seeds.py
    writes them; each target's file says what its bits mean):

      fuzz_create_user_response  [config][status|type][arena] body
      fuzz_api_error             [config] body
      fuzz_path_segment          [config] value
      fuzz_request_body          email 0xFF first 0xFF last [0xFF password]
      fuzz_client                [status|type][secrets|transport][headers|mode]
                                 [type 0xFF] [request-id 0xFF] [location 0xFF] body
      fuzz_validators            text
      fuzz_operation_responses   [config][operation|arena][status|type] body
      fuzz_json_parser           [config] [reject-at, when config bit 5] text

    The configuration bytes use only their low 6 bits, so `@` (0x40) means
    "all defaults" and seeds stay readable.
*/

#include "targets/api_error.hpp"
#include "targets/client.hpp"
#include "targets/create_user_response.hpp"
#include "targets/json_parser.hpp"
#include "targets/operation_responses.hpp"
#include "targets/path_segment.hpp"
#include "targets/request_body.hpp"
#include "targets/validators.hpp"

#include <cstddef>
#include <cstdint>

namespace corti_fuzz {

/// A target's corpus folder name and body.
struct target
{
    char const* name;
    void (*run)(std::uint8_t const*, std::size_t);
};

inline constexpr target all_targets[] = {
    {"fuzz_create_user_response", &fuzz_create_user_response},
    {"fuzz_api_error", &fuzz_api_error},
    {"fuzz_path_segment", &fuzz_path_segment},
    {"fuzz_request_body", &fuzz_request_body},
    {"fuzz_client", &fuzz_client},
    {"fuzz_validators", &fuzz_validators},
    {"fuzz_operation_responses", &fuzz_operation_responses},
    {"fuzz_json_parser", &fuzz_json_parser},
};

} // namespace corti_fuzz

#endif
