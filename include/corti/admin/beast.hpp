// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_HPP
#define CORTI_ADMIN_BEAST_HPP

/** @file
    `beast_transport`: HTTPS (and, for loopback tests, plain HTTP) over
    Boost.Beast and OpenSSL, synchronous and asynchronous; and the Asio side
    of `client::async_create_user`. Include this header, not the parts under
    `beast/`.

    Needs: Boost.Asio/Beast (header-only), OpenSSL (`-lssl -lcrypto`),
    threads, and exceptions. The core (`<corti/admin.hpp>`) stays free of
    all of this. The errors of `send` / `async_send` are listed in
    `<corti/admin/beast/transport.hpp>`.
*/

#include <corti/admin/beast/detail/async_client.hpp>
#include <corti/admin/beast/proxy.hpp>
#include <corti/admin/beast/transport.hpp>
#include <corti/admin/beast/transport_options.hpp>
#include <corti/admin/client.hpp>

#endif
