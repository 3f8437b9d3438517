// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_SOURCE_HPP
#define CORTI_ADMIN_DETAIL_JSON_SOURCE_HPP

/*  Where the readers' events come from: Boost.JSON's `basic_parser` by
    default, the compact tokenizer when CORTI_ADMIN_COMPACT_JSON is defined
    (flash-starved firmware; define it for every translation unit). One
    reader serves both.
*/

#include <corti/admin/detail/json/handler.hpp>

#ifdef CORTI_ADMIN_COMPACT_JSON
#include <corti/admin/detail/json/compact_parser.hpp>
#else
#include <corti/admin/detail/json/boost_source.hpp>
#endif

#include <cstddef>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/** Parses `text` as one JSON document, sending the events to `h`.

    @return how it ended (see `json_parse_result`).
*/
template<class Handler>
json_parse_result parse_json(std::string_view text, Handler& h, std::size_t max_depth)
{
#ifdef CORTI_ADMIN_COMPACT_JSON
    return parse_json_compact(text, h, max_depth);
#else
    return parse_json_boost(text, h, max_depth);
#endif
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
