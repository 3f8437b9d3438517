// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_SHARED_STATE_HPP
#define CORTI_ADMIN_BEAST_DETAIL_SHARED_STATE_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: what a `beast_transport` shares with
    its operations: its settings, its TLS context and its connection pool.
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/beast/detail/pool.hpp>
#include <corti/admin/error.hpp>

#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>

namespace corti {
namespace admin {
namespace detail {

/// What a transport's options mean to an operation.
struct beast_settings
{
    beast_clock::duration timeout = std::chrono::seconds(30);
    std::size_t max_header_size = 16 * 1024;
    std::size_t max_body_size = 1024 * 1024;
    beast_clock::duration max_idle = std::chrono::seconds(4);
    /// Test hook: each name lookup starts this much later, as with a slow
    /// DNS server. Not an option: set through `beast_transport_access`.
    beast_clock::duration resolve_delay{};
};

/** What a transport shares with its operations. Held by `shared_ptr` so
    that an operation still running when its transport is moved or
    destroyed stays valid (its connection then goes back to a pool nothing
    else uses). The pool is thread-safe; the rest is set up once by the
    transport's constructor and only read afterwards.
*/
struct beast_shared
{
    beast_settings settings;
    std::optional<beast_net::ssl::context> tls;
    /// A trust anchor that failed to load: every call reports it.
    std::optional<error> setup_error;
    /// The connections, idle and busy, and the calls waiting for one. Last,
    /// destroyed first: its connections may use the TLS context.
    beast_pool pool;
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
