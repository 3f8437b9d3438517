// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_TRANSPORT_HPP
#define CORTI_ADMIN_BEAST_TRANSPORT_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: `beast_transport`, HTTPS (and, for
    loopback tests, plain HTTP) over Boost.Beast and OpenSSL, synchronous
    and asynchronous.

    Needs: Boost.Asio/Beast (header-only), OpenSSL (`-lssl -lcrypto`),
    threads, and exceptions: Asio and Beast may throw (`std::bad_alloc`, or
    `boost::system::system_error` when an SSL context cannot be created).
    Every failure of an exchange itself is reported as a value. The core
    (`<corti/admin.hpp>`) stays free of all of this.

    @par Errors reported by `send` / `async_send`
    - `errc::invalid_argument`: the request cannot be sent safely (no host,
      a target that is not origin-form, CR/LF in a header); nothing is sent.
    - `errc::connection_failed`: name resolution, connect, or the TLS
      handshake failed, including certificate verification (the message
      then contains OpenSSL's "certificate verify failed" and the reason,
      e.g. "hostname mismatch"); also a CA file or PEM that did not load,
      and a failed write of the request. Through a proxy, resolving or
      connecting to the proxy ("connecting to the proxy host:port: ..."),
      and the proxy closing the connection before it answered `CONNECT`.
    - `errc::timeout`: the call's deadline passed, including while it
      waited for a free connection ("while waiting for a free connection
      to HOST:PORT").
    - `errc::truncated_response`: the connection closed before a complete
      response arrived.
    - `errc::invalid_response`: the bytes were not a valid HTTP/1.1 response.
    - `errc::body_too_large`: the body or the header section is larger
      than the options allow.
    - `errc::proxy_error`: the HTTP proxy answered `CONNECT` with a status
      other than 2xx (`error::http_status` holds it: 407 when it wants
      credentials or refused them, 5xx when it could not reach the server),
      or with bytes that are not an answer. The message names the proxy and
      the server, never the credentials.
    - `errc::invalid_argument` also when `proxy` options do not parse (a
      URL that is not `http://host[:port]`, credentials in the URL, a user
      name with ':'); `error::field` is `proxy.url`, `proxy.username` or
      `proxy.password`.
    - `errc::unexpected_status`: more than 8 interim (1xx) responses came
      before the answer (`error::http_status` is the last one's).
    - `boost::asio::error::operation_aborted`: the operation was cancelled
      through the completion handler's cancellation slot (any cancellation
      type; the connection is closed, so a POST may or may not have been
      processed).
    Messages carry the host, the port and the underlying error text; never
    a header value or the request body.
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/beast/detail/deadline.hpp>
#include <corti/admin/beast/detail/pool.hpp>
#include <corti/admin/beast/detail/request.hpp>
#include <corti/admin/beast/detail/send_op.hpp>
#include <corti/admin/beast/detail/shared_state.hpp>
#include <corti/admin/beast/detail/tunnel.hpp>
#include <corti/admin/beast/transport_options.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/execution_context.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/system_executor.hpp>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace corti {
namespace admin {

namespace detail {
struct beast_transport_access;
} // namespace detail

/** An HTTP/1.1 transport over Boost.Beast, with TLS from OpenSSL.

    Meets the transport requirement (`<corti/admin/transport.hpp>`) with
    `send`, and adds `async_send` for Asio completion tokens.

    @par TLS
    TLS 1.2 or newer; the peer's certificate chain is verified
    (`ssl::verify_peer`) and so is the host name
    (`ssl::host_name_verification`, which handles IP literals too); SNI is
    sent for host names. Trust: `ca_file` and/or `ca_pem` when given,
    otherwise the system's default CA locations (OpenSSL's default paths,
    honouring `SSL_CERT_FILE` / `SSL_CERT_DIR`). For full control pass
    your own `ssl::context`: verification and the TLS 1.2 floor are still
    enforced on it, and `ca_file`/`ca_pem` are added to it. Plain HTTP is
    used only for a request with `tls == false`, which the core produces
    only for loopback hosts when the caller opted in.

    @par Proxy
    With `beast_transport_options::proxy`, each HTTPS connection is made to
    the proxy and turned into a tunnel to the server with
    `CONNECT host:port` (with `Proxy-Authorization: Basic` when a user name
    is set, wiped once written); the proxy's answer is read under the
    call's deadline and `max_header_size`. TLS then runs with the server
    through the tunnel: SNI and certificate verification use the server's
    name, never the proxy's. Hosts that `no_proxy` matches are reached
    directly. A tunnelled connection is kept alive and reused only for the
    same server through the same proxy.

    @par Connections
    A pool: at most `max_connections` connections are open at once to one
    (scheme, host, port), idle or busy, counting those of `send` and of
    `async_send`. A call that finds them all busy waits, in the order the
    calls came (FIFO), for one to come free; the wait counts against its
    deadline (`errc::timeout`), and an `async_send` can be cancelled while
    it waits. Kept-alive connections wait idle for the next request to the
    same (scheme, host, port): an `async_send` reuses only those made on the
    same executor, a `send` only those made by `send` (each owns a private
    `io_context`, which goes with it). An idle connection that does not fit
    the first waiting call is closed to make room. Idle connections older
    than `max_idle` are closed when the pool next looks at that (scheme,
    host, port). Before a request is written on an idle connection, it must
    pass a check: idle for at most `max_idle`, no unread bytes, and a
    non-blocking peek at the socket that shows neither end-of-file nor
    data (a server that closed an idle
    connection has sent a FIN or a TLS close_notify). A connection that
    fails the check is closed and a new one made; nothing was sent on it.
    The response decides whether the connection is kept: HTTP/1.1 without
    `Connection: close`, a length-delimited body, nothing after it.

    @par Resend rule
    Only the close that crosses a request on the wire can still hit a
    reused connection. Then a GET or DELETE is resent once, on a new
    connection, when the failure was on writing or on reading before the
    first byte of the response. A POST or PATCH is never written twice:
    the failure is reported (`errc::connection_failed` for the write,
    `errc::truncated_response` for the read) and the caller decides.

    Redirects are returned as responses, never followed. Interim 1xx
    responses (other than 101) are skipped, at most 8 of them. Chunked bodies
    are de-chunked.

    @par Secrets
    The request's bytes (the bearer token, a password) are wiped once
    written. What is read from the server (the read buffer, and the
    parser's body and header fields, which hold the `/auth/token` answer)
    is wiped before its memory is freed, including the blocks a growing
    chunked body leaves behind and the partial body of a failed call; the
    read buffer of a kept-alive connection is wiped and freed as soon as
    the response is taken. OpenSSL is asked to wipe decrypted records too
    (`SSL_OP_CLEANSE_PLAINTEXT`, OpenSSL 3). The returned `http_response`
    then belongs to the caller.

    @par Executors
    Constructed without an executor, the transport supports `send` only,
    which runs a private `io_context` (one per connection of `send`) on the
    calling thread. Constructed with an executor (or an execution context),
    `async_send` runs on it, each call on a strand of its own (so its
    steps never run at once, even on an `io_context` run by several
    threads); `send` still works, with its own connections.

    @par Thread Safety
    Distinct objects: safe. Shared objects: `send`, `async_send`,
    `get_executor` and `options` are safe from any number of threads at
    once, and any number of `async_send` may be outstanding, with their
    handlers running concurrently (e.g. on an `io_context` run by several
    threads). `close` is safe at the same time too (it closes only idle
    connections). Moving, assigning or destroying the transport is not:
    do it while no other thread uses it and no call is outstanding (an
    operation still running keeps the shared state alive, but its
    connection then goes to a pool nothing else uses). A `send` made from
    a handler running on the executor of `async_send` blocks that thread:
    with the pool full of `async_send` calls that need the thread, it waits
    until its deadline.
*/
class beast_transport
{
public:
    /// The executor `async_send` runs on.
    using executor_type = boost::asio::any_io_executor;

    /** Makes a transport for `send` only.

        A CA that fails to load does not throw: every call then fails with
        `errc::connection_failed` saying why.

        @throws boost::system::system_error when OpenSSL cannot create a
        TLS context (out of memory).
    */
    explicit beast_transport(beast_transport_options const& opts = {})
        : beast_transport(executor_type(), std::nullopt, opts)
    {
    }

    /// Makes a transport whose asynchronous operations run on `ex`.
    explicit beast_transport(executor_type ex, beast_transport_options const& opts = {})
        : beast_transport(std::move(ex), std::nullopt, opts)
    {
    }

    /// Makes a transport whose asynchronous operations run on `ctx`
    /// (e.g. an `io_context`).
    template<class ExecutionContext,
             std::enable_if_t<std::is_convertible_v<ExecutionContext&, boost::asio::execution_context&>, int> = 0>
    explicit beast_transport(ExecutionContext& ctx, beast_transport_options const& opts = {})
        : beast_transport(executor_type(ctx.get_executor()), std::nullopt, opts)
    {
    }

    /// Makes a `send`-only transport over your own TLS context (client
    /// certificates, pinning, ...). `verify_peer` and TLS 1.2 or newer are
    /// set on it; `opts.ca_file` / `opts.ca_pem` are added when not empty.
    explicit beast_transport(boost::asio::ssl::context tls, beast_transport_options const& opts = {})
        : beast_transport(executor_type(), std::optional<boost::asio::ssl::context>(std::move(tls)), opts)
    {
    }

    /// As above, with asynchronous operations on `ex`.
    beast_transport(executor_type ex, boost::asio::ssl::context tls, beast_transport_options const& opts = {})
        : beast_transport(std::move(ex), std::optional<boost::asio::ssl::context>(std::move(tls)), opts)
    {
    }

    /// Movable (do not move while an operation is outstanding); not copyable.
    ///@{
    beast_transport(beast_transport&&) noexcept = default;
    beast_transport& operator=(beast_transport&&) noexcept = default;
    beast_transport(beast_transport const&) = delete;
    beast_transport& operator=(beast_transport const&) = delete;
    ///@}
    ~beast_transport() = default;

    /// Returns the executor given at construction; empty when none was.
    executor_type get_executor() const noexcept { return ex_; }

    /** Sends `req` and waits for the response, at most `options().timeout`
        (including the wait for a free connection).

        Runs the private `io_context` of its connection on the calling
        thread. Safe to call from several threads at once.

        @return the response (any status, including 3xx, 4xx and 5xx), or
        an error listed in the file comment.
    */
    result<http_response> send(http_request const& req)
    {
        auto& sh = *shared_;
        if(sh.setup_error)
            return *sh.setup_error;
        auto prepared = detail::prepare_request(req);
        if(!prepared)
            return prepared.error();
        // Through the proxy or not: part of the key the pool goes by.
        detail::route_through_proxy(prepared->key, sh.proxy);
        auto const deadline = detail::deadline_after(sh.settings.timeout);
        detail::pool_lease lease;
        std::unique_ptr<detail::beast_connection> conn;
        if(!sh.pool.acquire_sync(prepared->key, deadline, lease, conn))
            return detail::timeout_error("waiting for a free connection to", sh.settings, prepared->key);
        // Only this call runs it until the lease goes back, after the loop.
        auto& ioc = *lease.context();
        detail::pool_lease back;
        std::optional<result<http_response>> out;
        auto on_done = [&out](result<http_response> r) { out.emplace(std::move(r)); };
        boost::asio::async_compose<decltype(on_done), void(result<http_response>)>(
            detail::beast_send_op(shared_, ioc.get_executor(), std::move(*prepared), deadline, std::move(lease),
                                  std::move(conn), &back),
            on_done, ioc.get_executor());
        ioc.restart();
        // run_one, not run: a lost resolve race may leave a getaddrinfo
        // running, and the caller must not wait for it.
        while(!out && ioc.run_one() != 0)
        {
        }
        back.release();
        if(!out)
            return error(errc::connection_failed, "beast_transport: the operation did not complete");
        return std::move(*out);
    }

    /** Starts sending `req`; the asynchronous form of `send`.

        The request is checked and serialized before this returns, so it need
        not outlive the call; the transport must outlive the operation. The
        operation runs on `get_executor()`. On a transport constructed
        without an executor it completes, without sending anything, with
        `errc::invalid_argument` ("constructed without an executor") on the
        handler's associated executor (the system executor by default).

        @param req the request to send.
        @param token an Asio completion token. Completion signature:
        `void(result<http_response>)`. A single `result` argument, rather
        than `(error_code, http_response)`, keeps the rich `error` (status,
        message, request id) with every token: `use_future` gives a
        `std::future<result<http_response>>` that never throws,
        `use_awaitable` a `result<http_response>`, `deferred` a deferred
        operation.

        @return whatever the token makes of the completion signature.
    */
    template<class CompletionToken>
    auto async_send(http_request const& req, CompletionToken&& token)
    {
        using signature = void(result<http_response>);
        executor_type ex = ex_;
        executor_type io;
        std::optional<error> early;
        if(!ex)
        {
            ex = io = executor_type(boost::asio::system_executor());
            early = error(errc::invalid_argument,
                          "beast_transport: async_send needs a transport constructed with an executor");
        }
        else
            // A strand per call: on an io_context run by several threads, the
            // call's own handlers (and Beast's timeouts) never run at once.
            // Its connection stays on `ex`, to be reused by other calls.
            io = boost::asio::make_strand(ex);
        return boost::asio::async_compose<CompletionToken, signature>(
            detail::beast_send_op(shared_, ex, detail::prepare_request(req), std::move(early)), token, io);
    }

    /// Closes every idle connection; busy ones are kept until their call
    /// ends. The next request connects anew.
    void close() noexcept
    {
        if(shared_)
            shared_->pool.close_idle();
    }

    /// Returns the settings the transport was made with.
    beast_transport_options const& options() const noexcept { return opts_; }

private:
    friend struct detail::beast_transport_access;

    beast_transport(executor_type ex, std::optional<boost::asio::ssl::context> tls, beast_transport_options const& opts)
        : shared_(std::make_shared<detail::beast_shared>()), ex_(std::move(ex)), opts_(opts)
    {
        namespace ssl = boost::asio::ssl;
        auto& sh = *shared_;
        sh.settings.timeout = opts.timeout;
        sh.settings.max_header_size = opts.max_header_size;
        sh.settings.max_body_size = opts.max_body_size;
        sh.settings.max_idle = opts.max_idle;
        sh.pool.configure(opts.max_connections, opts.max_idle);
        bool const own_context = !tls.has_value();
        if(own_context)
            tls.emplace(ssl::context::tls_client);
        sh.tls.emplace(std::move(*tls));
        bool const system_ca = own_context && opts.ca_file.empty() && opts.ca_pem.empty();
        auto ok = detail::configure_tls_context(*sh.tls, system_ca, opts.ca_file, opts.ca_pem);
        if(!ok)
            sh.setup_error = ok.error();
        if(opts.proxy)
        {
            auto route = detail::make_proxy_route(*opts.proxy);
            if(!route && !sh.setup_error)
                sh.setup_error = route.error();
            else if(route)
                sh.proxy.emplace(std::move(*route));
        }
    }

    std::shared_ptr<detail::beast_shared> shared_;
    executor_type ex_;
    beast_transport_options opts_;
};

namespace detail {

/** The library's own tests reach into a transport through this: its
    settings (e.g. the `resolve_delay` hook) and its shared state, to see it
    go. Not part of the API.
*/
struct beast_transport_access
{
    static beast_settings& settings(beast_transport& t) noexcept { return t.shared_->settings; }

    static std::weak_ptr<beast_shared const> state(beast_transport const& t) noexcept { return t.shared_; }
};

} // namespace detail

} // namespace admin
} // namespace corti

#endif
