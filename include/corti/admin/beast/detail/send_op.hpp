// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_SEND_OP_HPP
#define CORTI_ADMIN_BEAST_DETAIL_SEND_OP_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the composed operation that performs
    one exchange (a place in the pool, reuse or connect, handshake, write,
    read), over the parts in `request.hpp`, `response.hpp`, `deadline.hpp`,
    `connection.hpp` and `pool.hpp`.
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/beast/detail/deadline.hpp>
#include <corti/admin/beast/detail/pool.hpp>
#include <corti/admin/beast/detail/request.hpp>
#include <corti/admin/beast/detail/response.hpp>
#include <corti/admin/beast/detail/shared_state.hpp>
#include <corti/admin/beast/detail/tunnel.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/coroutine.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/read.hpp>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace corti {
namespace admin {
namespace detail {

/** Performs one exchange: takes a place in the pool (`async_send` waits for
    one here; `send` comes with one), with an idle connection when one is
    still good for the request's key, or resolves, connects and (TLS)
    handshakes; writes the request; reads the response (skipping interim
    1xx); gives the place back, with the connection for reuse when the
    response allows it.

    Resend rule: a GET or DELETE that fails on a reused connection while
    writing, or while reading before the first response byte, is resent
    once on a new connection. A POST or PATCH is written at most once.

    Completion signature: `void(result<http_response>)`.
*/
class beast_send_op
{
    using tcp = beast_net::ip::tcp;
    using parser_type = beast_response_parser;

    struct state
    {
        state() = default;
        state(state const&) = delete;
        state& operator=(state const&) = delete;
        // A call that ends early (an error, a deadline, a destroyed
        // io_context) leaves a partial body in the parser.
        ~state()
        {
            if(parser)
                secure_wipe(parser->get().body());
        }

        std::shared_ptr<beast_shared> shared;
        beast_net::any_io_executor ex;
        std::optional<error> early;
        prepared_request req;
        beast_clock::time_point deadline{};
        // Before `conn`, destroyed after it: a connection of `send` is
        // bound to the lease's io_context.
        pool_lease lease;
        /// `send`: where the lease goes when done; it is released once
        /// the caller stops running its io_context.
        pool_lease* give_back = nullptr;
        std::unique_ptr<beast_connection> conn;
        bool reused = false;
        bool resent = false;
        unsigned interim = 0;
        std::vector<tcp::endpoint> endpoints;
        std::optional<parser_type> parser;
        // [proxy] Where the connection is dialled when the request tunnels
        // through the proxy (`req.key.via` not empty), and why the tunnel failed.
        connection_key proxy;
        std::optional<error> tunnel_error;
    };

    std::unique_ptr<state> st_;
    beast_net::coroutine coro_;

public:
    beast_send_op(std::shared_ptr<beast_shared> shared, beast_net::any_io_executor ex, result<prepared_request> req,
                  std::optional<error> early = std::nullopt)
        : st_(std::make_unique<state>())
    {
        st_->shared = std::move(shared);
        st_->ex = std::move(ex);
        st_->early = std::move(early);
        if(!st_->early && st_->shared && st_->shared->setup_error)
            st_->early = *st_->shared->setup_error;
        if(!st_->early && !req)
            st_->early = req.error();
        if(req)
            st_->req = std::move(*req);
        if(!st_->early)
            route();
    }

    /// For `send`: the pool already gave a place (`lease`, maybe `conn`,
    /// bound to `lease.context()`, which `ex` is of); the wait for it
    /// counted against `deadline`. The lease goes to `*give_back` at the end.
    beast_send_op(std::shared_ptr<beast_shared> shared, beast_net::any_io_executor ex, prepared_request req,
                  beast_clock::time_point deadline, pool_lease lease, std::unique_ptr<beast_connection> conn,
                  pool_lease* give_back)
        : st_(std::make_unique<state>())
    {
        st_->shared = std::move(shared);
        st_->ex = std::move(ex);
        st_->req = std::move(req);
        st_->deadline = deadline;
        st_->lease = std::move(lease);
        st_->conn = std::move(conn);
        st_->give_back = give_back;
        route();
    }

    template<class Self>
    void operator()(Self& self, boost::system::error_code const& ec, tcp::endpoint const&)
    {
        (*this)(self, ec, std::size_t(0));
    }

    template<class Self>
    void operator()(Self& self, boost::system::error_code ec = {}, std::size_t = 0)
    {
        namespace http = boost::beast::http;
        state& st = *st_;
        BOOST_ASIO_CORO_REENTER(coro_)
        {
            if(st.early)
            {
                // Never complete inside the initiating function.
                BOOST_ASIO_CORO_YIELD beast_net::post(std::move(self));
                return finish(self, *st_->early);
            }
            if(!st.lease.held())
            {
                st.deadline = deadline_after(st.shared->settings.timeout);
                if(!try_take_place())
                {
                    BOOST_ASIO_CORO_YIELD wait_for_place(self);
                    if(ec)
                        return fail(self, step_failed("waiting for a free connection to", ec));
                }
            }
            check_taken_connection();

            for(;;)
            {
                if(!st.conn)
                {
                    st.conn = std::make_unique<beast_connection>(st.ex, &*st.shared->tls, st.req.key);
                    if(is_ip_literal(dial_key().host))
                        st.endpoints.assign(
                            1, tcp::endpoint(beast_net::ip::make_address(dial_key().host), dial_key().port));
                    else
                    {
                        st.endpoints.clear();
                        BOOST_ASIO_CORO_YIELD start_resolve(self);
                        // Nothing listens to the cancellation slot during the race.
                        if(!ec && self.cancelled() != beast_net::cancellation_type::none)
                            ec = beast_net::error::operation_aborted;
                        if(ec)
                            return fail(self, dial_failed("resolving", ec));
                    }
                    st.conn->tcp().expires_at(st.deadline);
                    BOOST_ASIO_CORO_YIELD st.conn->tcp().async_connect(st.endpoints, std::move(self));
                    if(ec)
                        return fail(self, dial_failed("connecting to", ec));
                    // [proxy] CONNECT, then TLS with the server through the tunnel.
                    if(!st.req.key.via.empty())
                    {
                        st.conn->tcp().expires_at(st.deadline);
                        BOOST_ASIO_CORO_YIELD async_tunnel(st.conn->tcp(), *st.shared->proxy, st.req.key,
                                                           st.shared->settings, st.tunnel_error, std::move(self));
                        if(ec)
                            return fail(self, st.tunnel_error ? std::move(*st.tunnel_error)
                                                              : dial_failed("opening a tunnel through", ec));
                    }
                    if(st.req.key.tls)
                    {
                        if(auto e = prepare_handshake())
                            return fail(self, std::move(*e));
                        st.conn->tcp().expires_at(st.deadline);
                        BOOST_ASIO_CORO_YIELD st.conn->tls().async_handshake(beast_net::ssl::stream_base::client,
                                                                             std::move(self));
                        if(ec)
                            return fail(self, handshake_error(ec));
                    }
                }

                st.conn->tcp().expires_at(st.deadline);
                BOOST_ASIO_CORO_YIELD st.conn->visit([&](auto& stream) {
                    beast_net::async_write(stream, beast_net::buffer(st.req.wire.str()), std::move(self));
                });
                if(ec)
                {
                    if(ec != boost::beast::error::timeout && ec != beast_net::error::operation_aborted && may_resend())
                    {
                        drop_connection();
                        continue;
                    }
                    return fail(self, step_failed("sending the request to", ec));
                }

                for(;;)
                {
                    new_parser();
                    BOOST_ASIO_CORO_YIELD st.conn->visit([&](auto& stream) {
                        http::async_read(stream, st.conn->buffer(), *st.parser, std::move(self));
                    });
                    if(ec || !is_interim_status(st.parser->get().result_int()))
                        break;
                    // A 1xx is never the answer: a server that only sends
                    // those must not be taken as having answered.
                    if(++st.interim > max_interim_responses)
                        return fail(self, too_many_interim(st.parser->get().result_int(), st.req.key));
                }
                if(ec)
                {
                    if(!st.parser->got_some() && st.interim == 0 && is_closed_error(ec) && may_resend())
                    {
                        drop_connection();
                        continue;
                    }
                    return fail(self, read_error(ec));
                }
                break;
            }
            return finish(self, take_response());
        }
    }

private:
    /// `async_send`: takes a place now if the pool has one free (and no
    /// call waits), with an idle connection if one fits.
    bool try_take_place()
    {
        state& st = *st_;
        return st.shared->pool.try_acquire(st.req.key, st.ex, st.lease, st.conn);
    }

    /// `async_send`: waits in turn for a place, at most until the deadline;
    /// resumes with no error, `timeout` or `operation_aborted`.
    template<class Self>
    void wait_for_place(Self& self)
    {
        state* st = st_.get(); // `this` is moved-from once `self` is
        wait_in_pool(self, st->shared->pool, st->ex, st->req.key, st->deadline, st->lease, st->conn);
    }

    /// Keeps a connection taken from the pool when it is still alive;
    /// closes it otherwise (a new one is made on the same place).
    void check_taken_connection()
    {
        state& st = *st_;
        if(!st.conn)
            return;
        if(st.conn->usable_after_idle(st.shared->settings.max_idle))
            st.reused = true;
        else
        {
            st.conn->close();
            st.conn.reset();
        }
    }

    /// Resolves the request's host (or its proxy's), raced against the deadline (see
    /// `resolve_before_deadline`); resumes with the lookup's error code.
    template<class Self>
    void start_resolve(Self& self)
    {
        state* st = st_.get(); // `this` is moved-from once `self` is
        connection_key const& k = st->req.key.via.empty() ? st->req.key : st->proxy;
        resolve_before_deadline(self, st->ex, st->deadline, k, st->shared->settings.resolve_delay, st->endpoints);
    }

    /// [proxy] HTTPS requests tunnel through the transport's proxy, if any
    /// (again for `send`, which routed the request before it asked the pool).
    void route()
    {
        if(!st_->shared || !st_->shared->proxy)
            return;
        route_through_proxy(st_->req.key, st_->shared->proxy);
        if(!st_->req.key.via.empty())
            st_->proxy = proxy_key(*st_->shared->proxy);
    }

    /// [proxy] What is resolved and connected to: the proxy, or the server.
    connection_key const& dial_key() const noexcept { return st_->req.key.via.empty() ? st_->req.key : st_->proxy; }

    /// [proxy] The failure of resolving or connecting, naming the proxy when
    /// the request goes through one.
    error dial_failed(char const* what, boost::system::error_code const& ec) const
    {
        if(st_->req.key.via.empty())
            return step_failed(what, ec);
        return step_failure((std::string(what) + " the proxy").c_str(), ec, st_->shared->settings, st_->proxy);
    }

    /// SNI (for names, not IP literals) and host name verification.
    std::optional<error> prepare_handshake()
    {
        state& st = *st_;
        auto& stream = st.conn->tls();
        if(!is_ip_literal(st.req.key.host) &&
           SSL_set_tlsext_host_name(stream.native_handle(), st.req.key.host.c_str()) != 1)
            return error(errc::connection_failed, "cannot set the TLS server name (SNI) for " + st.req.key.host);
        boost::system::error_code ec;
        stream.set_verify_callback(verify_host(st.req.key.host), ec);
        if(ec)
            return step_error(errc::connection_failed, "setting up TLS for", st.req.key.host, st.req.key.port, ec);
        return std::nullopt;
    }

    /// The failure of a step (see `step_failure`).
    error step_failed(char const* what, boost::system::error_code const& ec) const
    {
        return step_failure(what, ec, st_->shared->settings, st_->req.key);
    }

    /// A failed handshake, with OpenSSL's certificate verdict when there is one.
    error handshake_error(boost::system::error_code const& ec)
    {
        state& st = *st_;
        error e = step_failed("in the TLS handshake with", ec);
        if(e != errc::connection_failed)
            return e;
        long const verdict = SSL_get_verify_result(st.conn->tls().native_handle());
        if(verdict != X509_V_OK)
        {
            e.message += " (";
            e.message += X509_verify_cert_error_string(verdict);
            e.message += ')';
        }
        return e;
    }

    void new_parser()
    {
        state& st = *st_;
        if(st.parser)
            secure_wipe(st.parser->get().body());
        st.parser.emplace();
        limit_parser(*st.parser, st.shared->settings);
    }

    /// The resend rule (see the class comment).
    bool may_resend() const noexcept
    {
        state const& st = *st_;
        return st.reused && !st.resent && is_idempotent(st.req.method) && beast_clock::now() < st.deadline;
    }

    void drop_connection()
    {
        state& st = *st_;
        st.conn->close();
        st.conn.reset();
        st.reused = false;
        st.resent = true;
    }

    error read_error(boost::system::error_code const& ec) const
    {
        state const& st = *st_;
        return read_failure(ec, st.shared->settings, st.req.key, !st.parser->got_some() && st.interim == 0);
    }

    /// Moves the parsed response out and parks or closes the connection.
    http_response take_response()
    {
        state& st = *st_;
        st.req.wire.wipe(); // done with the secrets
        auto& msg = st.parser->get();
        http_response out = take_http_response(msg);
        bool const reusable =
            msg.keep_alive() && !st.parser->need_eof() && out.status != 101 && st.conn->buffer().size() == 0;
        if(reusable)
        {
            st.conn->park();
            st.lease.keep(std::move(st.conn));
        }
        else
            drop_connection();
        return out;
    }

    template<class Self>
    void fail(Self& self, error e)
    {
        state& st = *st_;
        if(st.conn)
        {
            st.conn->close();
            st.conn.reset();
        }
        finish(self, std::move(e));
    }

    /// Gives the place back (for `async_send`, before the handler runs, so
    /// that it finds the connection idle) and completes.
    template<class Self>
    void finish(Self& self, result<http_response> r)
    {
        state& st = *st_;
        st.req.wire.wipe();
        if(st.give_back)
            *st.give_back = std::move(st.lease);
        else
            st.lease.release();
        self.complete(std::move(r));
    }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
