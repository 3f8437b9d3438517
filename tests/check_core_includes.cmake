# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
# The core does no I/O: its headers pull in nothing of Asio, Beast or OpenSSL.
# Its JSON goes through Boost.JSON: responses through basic_parser, not the
# compact tokenizer (detail/json/compact_parser.hpp, only with CORTI_ADMIN_COMPACT_JSON),
# and request strings through the serializer.
foreach(header corti/admin.hpp corti/admin/testing.hpp)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/core_includes.cpp "#include <${header}>\n")
    execute_process(
        COMMAND ${CXX} -std=c++17 -H -fsyntax-only -I${INCLUDE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/core_includes.cpp
        RESULT_VARIABLE rc ERROR_VARIABLE includes OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "compiling <${header}> failed:\n${includes}")
    endif()
    string(REGEX MATCHALL "[^\n]*(boost/asio|boost/beast|openssl/|detail/json/compact_parser\\.hpp)[^\n]*" bad "${includes}")
    if(bad)
        message(FATAL_ERROR "<${header}> includes I/O headers or the compact tokenizer:\n${bad}")
    endif()
    set(needed_headers)
    if(header STREQUAL "corti/admin.hpp")
        set(needed_headers boost/json/basic_parser.hpp boost/json/serializer.hpp)
    endif()
    foreach(needed IN LISTS needed_headers)
        string(FIND "${includes}" "${needed}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "<${header}> does not include <${needed}>")
        endif()
    endforeach()
    string(REGEX MATCHALL "\n\\.+ [^\n]*" all "${includes}")
    list(LENGTH all n)
    message(STATUS "<${header}>: ${n} headers included, none of Asio, Beast or OpenSSL; ${needed_headers}")
endforeach()
