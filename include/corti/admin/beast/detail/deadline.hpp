// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_DEADLINE_HPP
#define CORTI_ADMIN_BEAST_DETAIL_DEADLINE_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the call's deadline: computing it,
    the errors of a step that ran out of time or was cancelled, and a name
    lookup raced against it (getaddrinfo cannot be interrupted).
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/beast/detail/shared_state.hpp>
#include <corti/admin/error.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace corti {
namespace admin {
namespace detail {

/// `now + d`, saturating at "never" instead of overflowing.
inline beast_clock::time_point deadline_after(beast_clock::duration d) noexcept
{
    auto const now = beast_clock::now();
    if(d >= beast_clock::time_point::max() - now)
        return beast_clock::time_point::max();
    return now + d;
}

/// The error for a deadline that passed while doing `what`.
inline error timeout_error(char const* what, beast_settings const& s, connection_key const& k)
{
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(s.timeout).count();
    return error(errc::timeout,
                 "deadline of " + std::to_string(ms) + " ms exceeded while " + what + " " + host_port(k.host, k.port));
}

/** Maps the failure of a step: the deadline (`errc::timeout`), a
    cancellation through the handler's slot (`operation_aborted`, kept
    as is), anything else `errc::connection_failed`.
*/
inline error step_failure(char const* what, boost::system::error_code const& ec, beast_settings const& s,
                          connection_key const& k)
{
    if(ec == boost::beast::error::timeout)
        return timeout_error(what, s, k);
    if(ec == beast_net::error::operation_aborted)
        return error(ec, std::string("cancelled while ") + what + " " + host_port(k.host, k.port));
    return step_error(errc::connection_failed, what, k.host, k.port, ec);
}

/** Resolves `key.host` with the deadline, then resumes `self` with the
    lookup's error code (`boost::beast::error::timeout` when the deadline
    won), the addresses appended to `endpoints`. The resolver cannot
    interrupt a running getaddrinfo, so a timer races it and whichever
    finishes first takes the operation out of the race and continues it.

    The loser's handler may run much later (a slow DNS server), or never
    before the io_context is destroyed. It must then hold nothing of the
    operation: the operation holds the transport's shared state, which
    owns the private io_context of `send`, which owns that handler; a
    cycle nothing would ever break. So the race holds the operation, and
    the handlers hold only the race. The handlers run on the operation's
    executor, which may run them at once on two threads: the first to
    claim the race takes the operation.

    `key` and `endpoints` belong to the operation's state: the handlers
    touch them only while the race still holds the operation. `delay` is
    the test hook's slow lookup (`beast_settings::resolve_delay`).
*/
template<class Self>
void resolve_before_deadline(Self& self, beast_net::any_io_executor const& ex, beast_clock::time_point deadline,
                             connection_key const& key, beast_clock::duration delay,
                             std::vector<beast_net::ip::tcp::endpoint>& endpoints)
{
    using tcp = beast_net::ip::tcp;
    struct race
    {
        tcp::resolver resolver;
        beast_net::steady_timer timer;
        beast_net::steady_timer hold; // the test hook's slow lookup
        std::optional<Self> op;
        std::atomic<bool> claimed{false};
        race(beast_net::any_io_executor const& ex, Self&& s) : resolver(ex), timer(ex), hold(ex), op(std::move(s)) {}

        /// Returns true for the one handler that takes `op`.
        bool claim() noexcept { return !claimed.exchange(true); }
    };
    connection_key const* k = &key;
    auto* eps = &endpoints;
    auto op_ex = self.get_executor();
    auto r = std::make_shared<race>(ex, std::move(self));
    r->timer.expires_at(deadline);
    r->timer.async_wait(beast_net::bind_executor(op_ex, [r](boost::system::error_code) {
        if(!r->claim())
            return;
        Self op = std::move(*r->op);
        r->op.reset();
        r->resolver.cancel();
        op(boost::system::error_code(boost::beast::error::timeout));
    }));
    auto lookup = [r, k, eps, op_ex] {
        r->resolver.async_resolve(
            k->host, std::to_string(k->port),
            beast_net::bind_executor(op_ex, [r, eps](boost::system::error_code ec, tcp::resolver::results_type res) {
                if(!r->claim())
                    return; // `eps` may be gone
                Self op = std::move(*r->op);
                r->op.reset();
                r->timer.cancel();
                if(!ec)
                    for(auto const& entry : res)
                        eps->push_back(entry.endpoint());
                op(ec);
            }));
    };
    if(delay <= beast_clock::duration::zero())
        return lookup();
    // Like getaddrinfo, this wait is not cut short by the deadline.
    r->hold.expires_after(delay);
    r->hold.async_wait([r, lookup](boost::system::error_code) {
        if(!r->claimed)
            lookup();
    });
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
