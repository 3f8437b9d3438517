// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// libFuzzer entry point; the target's body is fuzz_create_user_response in targets/create_user_response.hpp.
#include "targets/create_user_response.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    corti_fuzz::fuzz_create_user_response(data, size);
    return 0;
}
