// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// libFuzzer entry point; the target's body is fuzz_path_segment in targets/path_segment.hpp.
#include "targets/path_segment.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    corti_fuzz::fuzz_path_segment(data, size);
    return 0;
}
