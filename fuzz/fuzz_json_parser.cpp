// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// libFuzzer entry point; the target's body is fuzz_json_parser in targets/json_parser.hpp.
#include "targets/json_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    corti_fuzz::fuzz_json_parser(data, size);
    return 0;
}
