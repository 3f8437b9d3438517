# Fails when the core headers pull in Asio, Beast or OpenSSL (the core does
# no I/O), or Boost.JSON (the core's JSON reader and writer are its own, so
# there is no Boost.JSON library to link or compile in).
foreach(header corti/admin.hpp corti/admin/testing.hpp)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/core_includes.cpp "#include <${header}>\n")
    execute_process(
        COMMAND ${CXX} -std=c++17 -H -fsyntax-only -I${INCLUDE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/core_includes.cpp
        RESULT_VARIABLE rc ERROR_VARIABLE includes OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "compiling <${header}> failed:\n${includes}")
    endif()
    string(REGEX MATCHALL "[^\n]*(boost/asio|boost/beast|openssl/|boost/json)[^\n]*" bad "${includes}")
    if(bad)
        message(FATAL_ERROR "<${header}> includes I/O or Boost.JSON headers:\n${bad}")
    endif()
    string(REGEX MATCHALL "\n\\.+ [^\n]*" all "${includes}")
    list(LENGTH all n)
    message(STATUS "<${header}>: ${n} headers included, none of Asio, Beast, OpenSSL or Boost.JSON")
endforeach()
