// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// libFuzzer entry point; the target's body is fuzz_request_body in targets/request_body.hpp.
#include "targets/request_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    corti_fuzz::fuzz_request_body(data, size);
    return 0;
}
