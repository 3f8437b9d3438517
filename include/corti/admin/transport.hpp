// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TRANSPORT_HPP
#define CORTI_ADMIN_TRANSPORT_HPP

/** @file
    The transport requirement, checked at compile time.

    A transport is any type `T` such that, for `T& t` and
    `http_request const& req`, `t.send(req)` returns something convertible
    to `result<http_response>`. It must:
    - connect to `req.host`:`req.port`, with TLS when `req.tls` (verifying the
      peer and the host name), and send the request line, `req.headers`, a
      `Content-Length` and `req.body`;
    - return the status, the headers and the de-chunked body, or an error
      (ideally `errc::timeout`, `errc::connection_failed`,
      `errc::truncated_response`, `errc::invalid_response`,
      `errc::body_too_large`);
    - never follow redirects and never send a POST or PATCH twice.
    `corti::admin::testing::check_transport` exercises these rules.

    A transport may also have an Asio-style initiating function
    `async_send(http_request const& req, CompletionToken&& token)` with the
    completion signature `void(result<http_response>)`; the client's
    `async_*` members use it (`<corti/admin/beast.hpp>` drives them). Its
    rules are `send`'s, and:
    - the request: the library keeps `req` alive and unchanged until the
      completion handler runs (or is destroyed without running), so the
      transport may read it at any time before it calls the handler, and
      must not after. Code of yours that calls `async_send` keeps the same
      promise.
    - the handler is called exactly once, never from inside `async_send`,
      through its associated executor.
*/

#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>

#include <type_traits>
#include <utility>

namespace corti {
namespace admin {

/// True when `T` meets the transport requirement (see the file comment).
template<class T, class = void>
struct is_transport : std::false_type
{
};

template<class T>
struct is_transport<
    T, std::void_t<decltype(std::declval<std::remove_reference_t<T>&>().send(std::declval<http_request const&>()))>>
    : std::is_convertible<decltype(std::declval<std::remove_reference_t<T>&>().send(
                              std::declval<http_request const&>())),
                          result<http_response>>
{
};

/// `is_transport<T>::value`.
template<class T>
inline constexpr bool is_transport_v = is_transport<T>::value;

#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
/// The C++20 form of `is_transport_v`.
template<class T>
concept transport = is_transport_v<T>;
#endif

} // namespace admin
} // namespace corti

#endif
