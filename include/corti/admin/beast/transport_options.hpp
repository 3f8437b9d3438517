// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_TRANSPORT_OPTIONS_HPP
#define CORTI_ADMIN_BEAST_TRANSPORT_OPTIONS_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: `beast_transport_options`, the
    settings of a `beast_transport` (deadline, size limits, trust anchors,
    idle connection reuse, the connection pool's bound).
*/

#include <corti/admin/config.hpp>

#include <chrono>
#include <cstddef>
#include <string>

namespace corti {
namespace admin {

/** The settings of a `beast_transport`. */
struct beast_transport_options
{
    /// The deadline of one call, covering name resolution, connect, TLS
    /// handshake, writing the request and reading the whole response
    /// (`errc::timeout`). A resend (see `beast_transport`) shares it. A name
    /// lookup still running at the deadline (getaddrinfo cannot be
    /// interrupted) is left to finish in Asio's resolver thread; the call
    /// does not wait for it, and it holds nothing of the call or of the
    /// transport. Destroying the io_context it runs on (for `send`, the
    /// transport's own, so the transport) waits for it, as Asio does.
    std::chrono::steady_clock::duration timeout = std::chrono::seconds(30);

    /// The largest response header section (status line and fields), in
    /// bytes (`errc::body_too_large`).
    std::size_t max_header_size = limits{}.max_header_size;

    /// The largest response body after de-chunking, in bytes
    /// (`errc::body_too_large`). Checked against `Content-Length` before
    /// reading, and while reading a chunked body.
    std::size_t max_body_size = limits{}.max_body_size;

    /// A PEM file of certificate authorities to trust.
    std::string ca_file;

    /// PEM text of certificate authorities to trust.
    std::string ca_pem;

    /// The longest time a kept-alive connection may sit idle and still be
    /// reused. Older ones are closed and a new connection is made, which
    /// keeps clear of servers' own idle timeouts (often 5 s or more).
    std::chrono::steady_clock::duration max_idle = std::chrono::seconds(4);

    /// The most connections open at once to one (scheme, host, port), idle
    /// or busy. A call that finds them all busy waits, in order, for one to
    /// come free; the wait counts against its `timeout`. Connections of
    /// `send` and of `async_send` count alike. 0 counts as 1.
    std::size_t max_connections = 4;
};

} // namespace admin
} // namespace corti

#endif
