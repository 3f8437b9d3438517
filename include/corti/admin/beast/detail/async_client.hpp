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
#include <optional>
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

/// What an asynchronous call keeps while it runs: on the heap, so that
/// moving its handler (Asio does, many times per call) moves one pointer.
template<class Steps>
struct call_state
{
    Steps steps;
    // The retry wait.
    std::optional<boost::asio::steady_timer> timer{};
    // The wait for another call's token fetch; shared: the token state's
    // wake-up holds it weakly.
    std::shared_ptr<boost::asio::steady_timer> token_timer{};
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
    std::unique_ptr<call_state<Steps>> st_;
    Handler handler_;

    /// Starts what the steps ask for next, a wait or a send: true when it
    /// did (`*this` then moved into that operation), false when the call is
    /// over.
    bool step()
    {
        namespace net = boost::asio;
        auto& st = *st_;
        auto const a = st.steps.next();
        switch(a.what)
        {
        case sansio::call_action::kind::wait: {
            auto& timer = st.timer.emplace(transport_executor(*transport_), a.delay);
            timer.async_wait(net::prepend(std::move(*this), retry_timer_fired{}));
            return true;
        }
        case sansio::call_action::kind::wait_token: {
            // Another call fetches the token. A timer that never expires is
            // the wait: the fetch's end cancels it (posted: a timer is not
            // thread-safe), and so does the user's cancellation slot. The
            // token state holds it weakly: the call may be gone by then.
            auto ex = transport_executor(*transport_);
            auto timer = std::make_shared<net::steady_timer>(ex, net::steady_timer::time_point::max());
            st.token_timer = timer;
            timer->async_wait(net::prepend(std::move(*this), token_fetched{}));
            std::weak_ptr<net::steady_timer> weak = timer;
            auto wake = [ex, weak] {
                net::post(ex, [weak] {
                    if(auto t = weak.lock())
                        t->cancel();
                });
            };
            if(!a.tokens->when_fetched(a.round, wake))
                wake(); // it ended meanwhile
            return true;
        }
        case sansio::call_action::kind::send: {
            // The request lives in the steps, on the heap, untouched until
            // the transport calls back.
            Transport& t = *transport_;
            t.async_send(*a.request, std::move(*this));
            return true;
        }
        case sansio::call_action::kind::done: break;
        }
        return false;
    }

    void operator()(result<http_response> r)
    {
        st_->steps.on_response(std::move(r));
        resume();
    }

    void operator()(token_fetched, boost::system::error_code ec)
    {
        st_->token_timer.reset();
        // Cancelled is how the fetch's end wakes the call: only a wait that
        // is still pending afterwards (the user's cancellation) ends the call.
        st_->steps.on_token_ready(ec);
        resume();
    }

    void operator()(retry_timer_fired, boost::system::error_code ec)
    {
        st_->timer.reset();
        st_->steps.on_wait_done(ec); // cancelled while waiting: that is the call's answer
        resume();
    }

    /// Goes on with the next step, or completes.
    void resume()
    {
        if(step())
            return;
        auto out = st_->steps.take_result();
        st_.reset(); // before the user's handler runs
        std::move(handler_)(std::move(out));
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
        call_op<Transport, Steps, std::decay_t<Handler>> op{
            &t_, std::make_unique<call_state<Steps>>(call_state<Steps>{std::move(steps)}), std::forward<Handler>(h)};
        // Nothing to send (an invalid argument, a token request that cannot
        // be built): still complete through the executors, never inside the
        // initiating function.
        if(!op.step())
            post_completion(t_, std::move(op.handler_), op.st_->steps.take_result());
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
