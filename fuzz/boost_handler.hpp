// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_BOOST_HANDLER_HPP
#define CORTI_ADMIN_FUZZ_BOOST_HANDLER_HPP

/*  A handler for Boost.JSON's `basic_parser` that accepts every event and
    sets no limit: the base of the oracles' handlers (fuzz/oracles.hpp,
    fuzz/targets/), and the benchmarks' syntax-only floor
    (bench/bench_parse.cpp). A derived handler hides the events it wants.
*/

#include <boost/json/basic_parser_impl.hpp>

#include <cstddef>
#include <cstdint>

namespace corti_fuzz {

struct boost_handler
{
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    using ec_t = boost::system::error_code;
    using sv = boost::json::string_view;

    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    bool on_object_begin(ec_t&) { return true; }
    bool on_object_end(std::size_t, ec_t&) { return true; }
    bool on_array_begin(ec_t&) { return true; }
    bool on_array_end(std::size_t, ec_t&) { return true; }
    bool on_key_part(sv, std::size_t, ec_t&) { return true; }
    bool on_key(sv, std::size_t, ec_t&) { return true; }
    bool on_string_part(sv, std::size_t, ec_t&) { return true; }
    bool on_string(sv, std::size_t, ec_t&) { return true; }
    bool on_number_part(sv, ec_t&) { return true; }
    bool on_int64(std::int64_t, sv, ec_t&) { return true; }
    bool on_uint64(std::uint64_t, sv, ec_t&) { return true; }
    bool on_double(double, sv, ec_t&) { return true; }
    bool on_bool(bool, ec_t&) { return true; }
    bool on_null(ec_t&) { return true; }
    bool on_comment_part(sv, ec_t&) { return true; }
    bool on_comment(sv, ec_t&) { return true; }
};

} // namespace corti_fuzz

#endif
