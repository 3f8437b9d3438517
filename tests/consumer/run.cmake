# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
# ctest driver: configure, build and run the consumer project.
# -DMODE=package|subdir|pkgconfig -DSOURCE=<repo> -DWORK=<scratch dir> -DCXX=<compiler>
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "package" OR MODE STREQUAL "pkgconfig")
    # Install a copy of the library alone (no tests, no examples, no command line).
    run(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/lib -DCMAKE_INSTALL_PREFIX=${WORK}/prefix
        -DCORTI_ADMIN_BUILD_TESTS=OFF -DCORTI_ADMIN_BUILD_EXAMPLES=OFF -DCORTI_ADMIN_BUILD_APPS=OFF
        -DCORTI_ADMIN_INSTALL=ON)
    run(${CMAKE_COMMAND} --install ${WORK}/lib)
endif()

if(MODE STREQUAL "package")
    run(${CMAKE_COMMAND} -S ${SOURCE}/tests/consumer -B ${WORK}/app -DCONSUME=package
        -DCMAKE_PREFIX_PATH=${WORK}/prefix -DCMAKE_CXX_COMPILER=${CXX})
    run(${CMAKE_COMMAND} --build ${WORK}/app)
    run(${WORK}/app/consumer)
elseif(MODE STREQUAL "subdir")
    run(${CMAKE_COMMAND} -S ${SOURCE}/tests/consumer -B ${WORK}/app -DCONSUME=subdir
        -DCORTI_ADMIN_SOURCE_DIR=${SOURCE} -DCMAKE_CXX_COMPILER=${CXX})
    run(${CMAKE_COMMAND} --build ${WORK}/app)
    run(${WORK}/app/consumer)
elseif(MODE STREQUAL "pkgconfig")
    set(ENV{PKG_CONFIG_PATH} ${WORK}/prefix/share/pkgconfig)
    run(pkg-config --cflags --libs corti-admin)
    string(STRIP "${last_output}" flags)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    run(${CXX} ${SOURCE}/tests/consumer/main.cpp ${flags} -o ${WORK}/consumer)
    run(${WORK}/consumer)
else()
    message(FATAL_ERROR "unknown MODE ${MODE}")
endif()
message(STATUS "${last_output}")
