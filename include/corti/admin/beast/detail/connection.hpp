// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_CONNECTION_HPP
#define CORTI_ADMIN_BEAST_DETAIL_CONNECTION_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the TLS context set-up and one
    HTTP/1.1 connection (plain or TLS) with the check that decides whether an
    idle kept-alive connection may carry another request.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/secret.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/ssl/verify_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

namespace beast_net = boost::asio;
using beast_clock = std::chrono::steady_clock;

/** A `std::allocator` that wipes each block before it frees it.

    For Beast's buffers that hold what was read from the server: the read
    buffer and the parser's fields. A response may carry a token (the
    `/auth/token` answer), and a buffer that grows frees its old block.
*/
template<class T>
struct wiping_allocator
{
    using value_type = T;

    wiping_allocator() = default;

    template<class U>
    wiping_allocator(wiping_allocator<U> const&) noexcept
    {
    }

    T* allocate(std::size_t n) { return std::allocator<T>().allocate(n); }

    void deallocate(T* p, std::size_t n) noexcept
    {
        secure_wipe(p, n * sizeof(T));
        std::allocator<T>().deallocate(p, n);
    }
};

template<class T, class U>
bool operator==(wiping_allocator<T> const&, wiping_allocator<U> const&) noexcept
{
    return true;
}

template<class T, class U>
bool operator!=(wiping_allocator<T> const&, wiping_allocator<U> const&) noexcept
{
    return false;
}

/// True when `host` is an IPv4 or IPv6 literal (no DNS lookup, no SNI).
inline bool is_ip_literal(std::string const& host)
{
    boost::system::error_code ec;
    beast_net::ip::make_address(host, ec);
    return !ec;
}

/// `host:port`, with brackets around an IPv6 literal; for error messages.
inline std::string host_port(std::string const& host, std::uint16_t port)
{
    std::string s;
    append_host(s, host);
    s += ':';
    s += std::to_string(port);
    return s;
}

/** Makes the error of a failed step: `<what> <host:port>: <underlying message>`.

    Only the host, the port and the library's own text go in: never a
    header value or the body of the request.
*/
inline error step_error(errc code, std::string_view what, std::string const& host, std::uint16_t port,
                        boost::system::error_code const& ec)
{
    std::string msg;
    msg += what;
    msg += ' ';
    msg += host_port(host, port);
    msg += ": ";
    msg += ec.message();
    return error(code, std::move(msg));
}

/** Configures a client TLS context the way every connection needs it:
    TLS 1.2 or newer, peer verification on, and the trust anchors.

    The system's default CA locations (OpenSSL's default paths, which honour
    `SSL_CERT_FILE` / `SSL_CERT_DIR`) are trusted only when `system_ca`;
    `ca_file` and `ca_pem` are added when not empty.

    @return nothing, or `errc::connection_failed` saying which trust anchor
    could not be loaded.
*/
inline result<void> configure_tls_context(beast_net::ssl::context& ctx, bool system_ca, std::string const& ca_file,
                                          std::string const& ca_pem)
{
    namespace ssl = beast_net::ssl;
    boost::system::error_code ec;
    // Never lower a minimum the caller's own context already raised (e.g. to TLS 1.3).
    auto const min = SSL_CTX_get_min_proto_version(ctx.native_handle());
    if(min == 0 || min < TLS1_2_VERSION)
        SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression,
                    ec);
    if(ec)
        return error(errc::connection_failed, "TLS context options: " + ec.message());
#ifdef SSL_OP_CLEANSE_PLAINTEXT
    // OpenSSL 3 keeps received plaintext (a token) in its record buffer
    // until overwritten; this wipes it once handed over.
    SSL_CTX_set_options(ctx.native_handle(), SSL_OP_CLEANSE_PLAINTEXT);
#endif
    ctx.set_verify_mode(ssl::verify_peer, ec);
    if(ec)
        return error(errc::connection_failed, "TLS context verify mode: " + ec.message());
    if(system_ca)
    {
        ctx.set_default_verify_paths(ec);
        if(ec)
            return error(errc::connection_failed, "loading the system CA paths: " + ec.message());
    }
    if(!ca_file.empty())
    {
        ctx.load_verify_file(ca_file, ec);
        if(ec)
            return error(errc::connection_failed, "loading the CA file " + ca_file + ": " + ec.message());
    }
    if(!ca_pem.empty())
    {
        ctx.add_certificate_authority(beast_net::buffer(ca_pem), ec);
        if(ec)
            return error(errc::connection_failed, "loading the CA PEM text: " + ec.message());
    }
    return {};
}

/** `ssl::host_name_verification`, plus a verification error that names the
    problem: the Asio callback fails a host mismatch without setting one, so
    OpenSSL would report "ok" as the reason.
*/
class verify_host
{
    beast_net::ssl::host_name_verification check_;

public:
    explicit verify_host(std::string const& host) : check_(host) {}

    bool operator()(bool preverified, beast_net::ssl::verify_context& ctx) const
    {
        bool const ok = check_(preverified, ctx);
        if(preverified && !ok)
            X509_STORE_CTX_set_error(ctx.native_handle(), X509_V_ERR_HOSTNAME_MISMATCH);
        return ok;
    }
};

/// Where a connection goes; two requests share a connection only when equal.
struct connection_key
{
    std::string host;
    std::uint16_t port = 0;
    bool tls = true;
    /// The HTTP proxy (`host:port`) the connection tunnels through; empty: direct.
    std::string via;

    friend bool operator==(connection_key const& a, connection_key const& b)
    {
        return a.port == b.port && a.tls == b.tls && a.host == b.host && a.via == b.via;
    }
};

/** One HTTP/1.1 connection: a TCP stream with Beast timeouts, wrapped in
    TLS when the key says so, and the read buffer that belongs to it.
*/
class beast_connection
{
public:
    using tls_stream = beast_net::ssl::stream<boost::beast::tcp_stream>;
    using read_buffer = boost::beast::basic_flat_buffer<wiping_allocator<char>>;

    beast_connection(beast_net::any_io_executor ex, beast_net::ssl::context* tls, connection_key key)
        : key_(std::move(key)), executor_(ex)
    {
        if(key_.tls)
        {
            tls_.emplace(ex, *tls);
            // Asio asks OpenSSL to free its record buffers whenever they are
            // empty; with SSL_OP_CLEANSE_PLAINTEXT each free is a wipe, twice
            // per call (12.6% of a create in the bench's profile). Keeping
            // them costs about 34 KiB per open connection; decrypted bytes
            // are still wiped once read.
            SSL_clear_mode(tls_->native_handle(), SSL_MODE_RELEASE_BUFFERS);
        }
        else
            plain_.emplace(ex);
    }

    connection_key const& key() const noexcept { return key_; }
    beast_net::any_io_executor const& executor() const noexcept { return executor_; }

    /// The TCP layer (timeouts, connect, the socket).
    boost::beast::tcp_stream& tcp() noexcept { return tls_ ? tls_->next_layer() : *plain_; }

    /// The TLS stream; only when `key().tls`.
    tls_stream& tls() noexcept { return *tls_; }

    /// Calls `f` with the stream requests are written to and read from.
    template<class F>
    void visit(F&& f)
    {
        if(tls_)
            f(*tls_);
        else
            f(*plain_);
    }

    /// Bytes read past the end of the previous response.
    read_buffer& buffer() noexcept { return buffer_; }

    /// When the previous exchange ended.
    beast_clock::time_point last_used() const noexcept { return last_used_; }

    /// Marks the connection idle now, with no deadline running.
    void park() noexcept
    {
        last_used_ = beast_clock::now();
        tcp().expires_never();
        // The read buffer still holds the consumed response (maybe a token):
        // free it now, wiped, rather than keep it while idle.
        if(buffer_.size() == 0)
            buffer_.shrink_to_fit();
    }

    /** Returns true when the idle connection may carry another request.

        It must have been idle for at most `max_idle`, hold no unread bytes
        (in the read buffer, or received but unprocessed by TLS), and its
        socket must show neither
        end-of-file nor data: a non-blocking peek must say "would block".
        A server that closed the connection while it was idle has sent a FIN
        (or a TLS close_notify, i.e. bytes), so this catches it before a
        request is written. A close that crosses our request on the wire is
        not caught; see `beast_transport` for the resend rule.
    */
    bool usable_after_idle(beast_clock::duration max_idle) noexcept
    {
        if(beast_clock::now() - last_used_ > max_idle)
            return false;
        if(buffer_.size() != 0)
            return false;
        if(tls_)
        {
            // Decrypted bytes not yet read, or received records not yet
            // processed: a close_notify read together with the end of the
            // previous response waits there, not in the socket.
            SSL* ssl = tls_->native_handle();
            if(SSL_pending(ssl) > 0 || BIO_ctrl_pending(SSL_get_rbio(ssl)) > 0)
                return false;
        }
        auto& sock = tcp().socket();
        if(!sock.is_open())
            return false;
        boost::system::error_code ec;
        sock.non_blocking(true, ec);
        if(ec)
            return false;
        char byte = 0;
        std::size_t const n = sock.receive(beast_net::buffer(&byte, 1), beast_net::socket_base::message_peek, ec);
        boost::system::error_code ignored;
        sock.non_blocking(false, ignored);
        return n == 0 && ec == beast_net::error::would_block;
    }

    /// Closes the socket at once (no TLS close_notify: nothing waits for it).
    void close() noexcept
    {
        boost::system::error_code ignored;
        tcp().socket().close(ignored);
    }

private:
    connection_key key_;
    beast_net::any_io_executor executor_;
    std::optional<tls_stream> tls_;
    std::optional<boost::beast::tcp_stream> plain_;
    read_buffer buffer_;
    beast_clock::time_point last_used_{};
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
