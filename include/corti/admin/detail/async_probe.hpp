// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_ASYNC_PROBE_HPP
#define CORTI_ADMIN_DETAIL_ASYNC_PROBE_HPP

/** @file
    How `client` tells whether its transport can send asynchronously, and
    the tag its asynchronous members find the Asio driver by, without
    including any of Asio.
*/

#include <corti/admin/http.hpp>

#include <type_traits>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/** The asynchronous members call `async_exchange(async_exchange_tag{}, ...)`
    unqualified, so it is found by argument-dependent lookup where it is
    defined: in `<corti/admin/beast.hpp>`, which brings Asio. The core
    declares nothing of it and includes no Asio.
*/
struct async_exchange_tag
{
};

/// A handler type used only to ask whether `T::async_send` exists.
struct async_send_probe
{
    template<class... Args>
    void operator()(Args&&...) const
    {
    }
};

/// True when `T` has `async_send(http_request const&, CompletionToken&&)`.
template<class T, class = void>
struct has_async_send : std::false_type
{
};

template<class T>
struct has_async_send<T, std::void_t<decltype(std::declval<std::remove_reference_t<T>&>().async_send(
                             std::declval<http_request const&>(), async_send_probe{}))>> : std::true_type
{
};

} // namespace detail

} // namespace admin
} // namespace corti

#endif
