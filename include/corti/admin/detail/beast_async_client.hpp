// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_BEAST_ASYNC_CLIENT_HPP
#define CORTI_ADMIN_DETAIL_BEAST_ASYNC_CLIENT_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the Asio side of the client's
    asynchronous members (`client::async_create_user`). Works with any
    transport whose `async_send` completes with `void(result<http_response>)`;
    it needs Asio but nothing of Beast or OpenSSL.
*/

#include <corti/admin/client.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/associator.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/system_executor.hpp>

#include <type_traits>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/** The handler given to the transport: parses the response, scrubs the
    secrets from any error, and calls the user's handler. Its associated
    executor, allocator and cancellation slot are the user's handler's
    (see the `associator` specialization below).
*/
template<class Handler, class Parse>
struct exchange_handler
{
    Handler handler_;
    scrubber scrub_;
    Parse parse_;

    void operator()(result<http_response> r)
    {
        using out_t = decltype(parse_(std::declval<http_response const&>()));
        if(!r)
        {
            std::move(handler_)(out_t(scrub_(std::move(r).error())));
            return;
        }
        out_t out = parse_(*r);
        if(!out)
        {
            std::move(handler_)(out_t(scrub_(std::move(out).error())));
            return;
        }
        std::move(handler_)(std::move(out));
    }
};

/// Posts `h(value)` to the transport's executor when it has one, else to the
/// system executor; `post` then hands it to the handler's own executor.
template<class Transport, class Handler, class Value>
void post_completion(Transport& t, Handler&& h, Value&& value)
{
    namespace net = boost::asio;
    auto token = net::append(std::forward<Handler>(h), std::forward<Value>(value));
    if constexpr(std::is_convertible_v<decltype(t.get_executor()), net::any_io_executor>)
    {
        net::any_io_executor ex = t.get_executor();
        if(ex)
        {
            net::post(ex, std::move(token));
            return;
        }
    }
    net::post(net::system_executor(), std::move(token));
}

/// The initiation of `async_exchange`.
template<class Transport>
class initiate_exchange
{
    Transport& t_;

public:
    explicit initiate_exchange(Transport& t) noexcept : t_(t) {}

    template<class Handler, class Parse>
    void operator()(Handler&& h, result<http_request> req, scrubber scrub, Parse parse)
    {
        using out_t = decltype(parse(std::declval<http_response const&>()));
        if(!req)
        {
            // Nothing to send. Still complete through the executors, never
            // inside the initiating function.
            post_completion(t_, std::forward<Handler>(h), out_t(scrub(req.error())));
            return;
        }
        t_.async_send(*req, exchange_handler<std::decay_t<Handler>, Parse>{std::forward<Handler>(h), std::move(scrub),
                                                                          std::move(parse)});
    }
};

/** Sends `req` with `t.async_send`, parses the response with `parse`, and
    completes with `void(R)` where `R` is what `parse` returns. Found by ADL
    from `client`'s asynchronous members.
*/
template<class Transport, class Parse, class CompletionToken>
auto async_exchange(async_exchange_tag, Transport& t, result<http_request> req, scrubber scrub, Parse parse,
                    CompletionToken&& token)
{
    using out_t = decltype(parse(std::declval<http_response const&>()));
    return boost::asio::async_initiate<CompletionToken, void(out_t)>(initiate_exchange<Transport>(t), token,
                                                                     std::move(req), std::move(scrub),
                                                                     std::move(parse));
}

} // namespace detail
} // namespace admin
} // namespace corti

namespace boost {
namespace asio {

/// The intermediate handler has the user's handler's executor, allocator
/// and cancellation slot.
template<template<class, class> class Associator, class Handler, class Parse, class DefaultCandidate>
struct associator<Associator, corti::admin::detail::exchange_handler<Handler, Parse>, DefaultCandidate>
    : Associator<Handler, DefaultCandidate>
{
    static typename Associator<Handler, DefaultCandidate>::type
    get(corti::admin::detail::exchange_handler<Handler, Parse> const& h) noexcept
    {
        return Associator<Handler, DefaultCandidate>::get(h.handler_);
    }

    static auto get(corti::admin::detail::exchange_handler<Handler, Parse> const& h, DefaultCandidate const& c) noexcept
        -> decltype(Associator<Handler, DefaultCandidate>::get(h.handler_, c))
    {
        return Associator<Handler, DefaultCandidate>::get(h.handler_, c);
    }
};

} // namespace asio
} // namespace boost

#endif
