// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_HEX_HPP
#define CORTI_ADMIN_DETAIL_HEX_HPP

namespace corti {
namespace admin {
namespace detail {

struct hex_digits
{
    signed char v[256];
    constexpr hex_digits() noexcept : v{}
    {
        for(int c = 0; c < 256; ++c)
            v[c] = static_cast<signed char>(c >= '0' && c <= '9'   ? c - '0'
                                            : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                                   : -1);
    }
};

/// The value of each byte as a hexadecimal digit, or -1.
inline constexpr hex_digits hex_table{};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
