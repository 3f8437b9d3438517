// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_ASYNC_CLIENT_HPP
#define CORTI_ADMIN_BEAST_DETAIL_ASYNC_CLIENT_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the Asio side of the client's
    asynchronous members (`client::async_create_user`): it drives a call's
    steps (token, request, token again and request after a 401) with
    `async_send`. Works with any transport whose `async_send` completes with
    `void(result<http_response>)`; it needs Asio but nothing of Beast or
    OpenSSL.
*/

#include <corti/admin/client.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/associator.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prepend.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/system_executor.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/// The transport's executor when it has one, else the system executor.
template<class Transport>
boost::asio::any_io_executor transport_executor(Transport& t)
{
    namespace net = boost::asio;
    if constexpr(std::is_convertible_v<decltype(t.get_executor()), net::any_io_executor>)
    {
        net::any_io_executor ex = t.get_executor();
        if(ex)
            return ex;
    }
    return net::system_executor();
}

/// Posts `h(value)` to the transport's executor (see `transport_executor`);
/// `post` then hands it to the handler's own executor.
template<class Transport, class Handler, class Value>
void post_completion(Transport& t, Handler&& h, Value&& value)
{
    namespace net = boost::asio;
    net::post(transport_executor(t), net::append(std::forward<Handler>(h), std::forward<Value>(value)));
}

/// Tells `call_op` that its retry timer fired.
struct retry_timer_fired
{
};

/// Tells `call_op` that the token fetch it waited for ended (or that it was cancelled).
struct token_fetched
{
};

/** The intermediate handler of an asynchronous call: sends each request the
    call's steps (`detail::op_steps` and the like) ask for, gives them each answer, and
    calls the user's handler with the result. Its associated executor,
    allocator and cancellation slot are the user's handler's (see the
    `associator` specialization below).
*/
template<class Transport, class Steps, class Handler>
struct call_op
{
    Transport* transport_;
    Steps steps_;
    Handler handler_;
    // On the heap: this handler moves while the timer waits.
    std::unique_ptr<boost::asio::steady_timer> timer_{};
    // Shared: the token state's wake-up holds it weakly.
    std::shared_ptr<boost::asio::steady_timer> token_timer_{};
    // The request being sent, on the heap so that it stays put while this
    // handler moves: the transport may read it until it calls the handler.
    std::unique_ptr<http_request const> sending_{};

    /// Starts what the steps ask for next, a wait before a retry or a send:
    /// true when it did (`*this` then moved into that operation), false when
    /// the call is over.
    bool step()
    {
        auto const a = steps_.next();
        switch(a.what)
        {
        case sansio::call_action::kind::wait: {
            timer_ = std::make_unique<boost::asio::steady_timer>(transport_executor(*transport_), a.delay);
            auto& timer = *timer_;
            timer.async_wait(boost::asio::prepend(std::move(*this), retry_timer_fired{}));
            return true;
        }
        case sansio::call_action::kind::wait_token: {
            // Another call fetches the token. A timer that never expires is
            // the wait: the fetch's end cancels it (posted: a timer is not
            // thread-safe), and so does the user's cancellation slot. The
            // token state holds it weakly: the call may be gone by then.
            auto timer = std::make_shared<boost::asio::steady_timer>(transport_executor(*transport_),
                                                                     boost::asio::steady_timer::time_point::max());
            auto* tokens = a.tokens;
            auto const round = a.round;
            auto ex = transport_executor(*transport_);
            token_timer_ = timer;
            timer->async_wait(boost::asio::prepend(std::move(*this), token_fetched{}));
            std::weak_ptr<boost::asio::steady_timer> weak = timer;
            auto wake = [ex, weak] {
                boost::asio::post(ex, [weak] {
                    if(auto t = weak.lock())
                        t->cancel();
                });
            };
            if(!tokens->when_fetched(round, wake))
                wake(); // it ended meanwhile
            return true;
        }
        case sansio::call_action::kind::send: {
            sending_ = std::make_unique<http_request const>(*a.request);
            http_request const& req = *sending_;
            Transport& t = *transport_;
            t.async_send(req, std::move(*this));
            return true;
        }
        case sansio::call_action::kind::done: break;
        }
        return false;
    }

    void operator()(result<http_response> r)
    {
        sending_.reset(); // the transport is done with it
        steps_.on_response(std::move(r));
        if(!step())
            std::move(handler_)(steps_.take_result());
    }

    void operator()(token_fetched, boost::system::error_code ec)
    {
        token_timer_.reset();
        // Cancelled is how the fetch's end wakes the call: only a wait that
        // is still pending afterwards (the user's cancellation) ends the call.
        steps_.on_token_ready(ec == boost::asio::error::operation_aborted ? ec : boost::system::error_code());
        if(!step())
            std::move(handler_)(steps_.take_result());
    }

    void operator()(retry_timer_fired, boost::system::error_code ec)
    {
        timer_.reset();
        steps_.on_wait_done(ec); // cancelled while waiting: that is the call's answer
        if(!step())
            std::move(handler_)(steps_.take_result());
    }
};

/// The initiation of `async_exchange`.
template<class Transport>
class initiate_call
{
    Transport& t_;

public:
    explicit initiate_call(Transport& t) noexcept : t_(t) {}

    template<class Handler, class Steps>
    void operator()(Handler&& h, Steps steps)
    {
        call_op<Transport, Steps, std::decay_t<Handler>> op{&t_, std::move(steps), std::forward<Handler>(h)};
        // Nothing to send (an invalid argument, a token request that cannot
        // be built): still complete through the executors, never inside the
        // initiating function.
        if(!op.step())
            post_completion(t_, std::move(op.handler_), op.steps_.take_result());
    }
};

/** Runs the steps of a client's call with `t.async_send` and completes with
    `void(R)`, `R` being the call's result type. Found by ADL from
    `client`'s asynchronous members.
*/
template<class Transport, class Steps, class CompletionToken>
auto async_exchange(async_exchange_tag, Transport& t, Steps steps, CompletionToken&& token)
{
    using out_t = typename Steps::result_type;
    return boost::asio::async_initiate<CompletionToken, void(out_t)>(initiate_call<Transport>(t), token,
                                                                     std::move(steps));
}

} // namespace detail
} // namespace admin
} // namespace corti

namespace boost {
namespace asio {

/// The intermediate handler has the user's handler's executor, allocator
/// and cancellation slot.
template<template<class, class> class Associator, class Transport, class Steps, class Handler, class DefaultCandidate>
struct associator<Associator, corti::admin::detail::call_op<Transport, Steps, Handler>, DefaultCandidate>
    : Associator<Handler, DefaultCandidate>
{
    static typename Associator<Handler, DefaultCandidate>::type
    get(corti::admin::detail::call_op<Transport, Steps, Handler> const& h) noexcept
    {
        return Associator<Handler, DefaultCandidate>::get(h.handler_);
    }

    static auto get(corti::admin::detail::call_op<Transport, Steps, Handler> const& h,
                    DefaultCandidate const& c) noexcept
        -> decltype(Associator<Handler, DefaultCandidate>::get(h.handler_, c))
    {
        return Associator<Handler, DefaultCandidate>::get(h.handler_, c);
    }
};

} // namespace asio
} // namespace boost

#endif
