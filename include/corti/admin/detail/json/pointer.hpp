// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_POINTER_HPP
#define CORTI_ADMIN_DETAIL_JSON_POINTER_HPP

/** @file
    JSON Pointers (RFC 6901), which name the value an error is about.
*/

#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// Appends `/` and `name` to the pointer `p`, with `~` as `~0` and `/` as `~1`.
inline void append_pointer_token(std::string& p, std::string_view name)
{
    p += '/';
    for(char c : name)
    {
        if(c == '~')
            p += "~0";
        else if(c == '/')
            p += "~1";
        else
            p += c;
    }
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
