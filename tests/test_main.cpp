// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
