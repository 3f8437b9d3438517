# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
# catch_discover_tests splits a test name at ';' (a CMake list separator):
# such a test becomes filters that match nothing, and Catch2 passes them
# without running anything. Fails when any TEST_CASE name holds a ';'.
file(GLOB_RECURSE sources ${TESTS_DIR}/*.cpp)
set(bad)
foreach(f IN LISTS sources)
    file(STRINGS ${f} lines REGEX "TEST_CASE\\(\"[^\"]*\\;")
    if(lines)
        list(APPEND bad "${f}")
    endif()
endforeach()
if(bad)
    message(FATAL_ERROR "TEST_CASE names with ';' (ctest would not run them):\n${bad}")
endif()
list(LENGTH sources n)
message(STATUS "${n} test files, no TEST_CASE name with ';'")
