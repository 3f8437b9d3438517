// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// libFuzzer entry point; the target's body is fuzz_api_error in targets/api_error.hpp.
#include "targets/api_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    corti_fuzz::fuzz_api_error(data, size);
    return 0;
}
