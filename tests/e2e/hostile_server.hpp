// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTS_E2E_HOSTILE_SERVER_HPP
#define CORTI_ADMIN_TESTS_E2E_HOSTILE_SERVER_HPP

// A scripted raw TCP/TLS server on 127.0.0.1 for the hostile-server matrix
// (test_hostile.cpp): each accepted connection runs the next script, which
// writes exactly the bytes and timing its case needs. One thread; every
// operation is bounded in time, and the destructor stops it within about a
// second whatever the script is doing. Connections beyond the scripts are
// accepted, their request heads read and counted, and closed: a resent
// request shows in `requests()` and `accepts()`.
//
// The certificate comes from examples/local-server/certificate.cpp (linked
// into the test), with the validity window and names a case asks for.

#include "certificate.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>

#include <openssl/ssl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace e2e {

namespace hostile_net = boost::asio;

class hostile_server;

/// What a script does with its connection. Every call is bounded in time
/// and returns false (or empty) once the connection failed or the server
/// is stopping, so a script never needs to check anything to end.
class hostile_connection
{
public:
    using tcp = hostile_net::ip::tcp;
    using ms = std::chrono::milliseconds;

    hostile_connection(hostile_server& srv, tcp::socket sock, hostile_net::ssl::context& ctx, bool tls);

    /// The server's side of the TLS handshake.
    bool handshake();

    /// Reads up to the end of a request's header section and counts the
    /// request. Returns the head (empty on failure).
    std::string read_head();

    /// Reads a whole request (head and `Content-Length` body) and counts it.
    bool read_request();

    /// Reads the rest of the body announced by `head` (after `read_head`).
    bool read_body(std::string const& head);

    /// Reads whatever arrives next, at most `max` bytes, without TLS (for
    /// scripts that cut a handshake short). Returns the number of bytes.
    std::size_t read_raw(std::size_t max);

    /// Writes `bytes`.
    bool write(std::string_view bytes);

    /// Writes `bytes` one byte at a time, `gap` apart; stops at the first
    /// failed write (the client gave up).
    bool trickle(std::string_view bytes, ms gap);

    /// Writes `piece` `times` times, in writes of about 64 KiB; stops at the
    /// first failed write.
    bool write_repeated(std::string_view piece, std::size_t times);

    /// Waits `d`, or less when the server is stopping.
    void pause(ms d);

    /// Closes the TCP connection (FIN), without a TLS close_notify.
    void close();

    /// Sends a TLS close_notify, then closes.
    void tls_close();

    /// Resets the connection (RST): SO_LINGER with a zero timeout, then close.
    void reset();

private:
    template<class Start>
    bool run(Start start, ms limit, std::size_t* n = nullptr);
    bool read_more();
    std::size_t count_head();

    hostile_server& srv_;
    hostile_net::ssl::stream<tcp::socket> stream_;
    bool tls_;
    std::string in_; // bytes read and not yet consumed
};

/// The server. Scripts run on its thread, one per accepted connection.
class hostile_server
{
public:
    using tcp = hostile_net::ip::tcp;
    using script = std::function<void(hostile_connection&)>;

    struct options
    {
        /// TLS (with a certificate of its own) or plain TCP.
        bool tls = true;
        /// False: the script gets the TCP connection before any TLS (to cut
        /// a handshake short); reads and writes then bypass TLS.
        bool handshake = true;
        /// subjectAltName entries of the certificate.
        std::vector<std::string> cert_hosts{"127.0.0.1", "localhost"};
        /// Its validity window, from now.
        local_server::certificate_validity validity{};
        /// Changes to the server's TLS context (e.g. TLS 1.0/1.1 only).
        std::function<void(hostile_net::ssl::context&)> tune;
    };

    explicit hostile_server(std::vector<script> scripts) : hostile_server(std::move(scripts), options()) {}
    explicit hostile_server(script s) : hostile_server(std::vector<script>{std::move(s)}, options()) {}
    hostile_server(script s, options o) : hostile_server(std::vector<script>{std::move(s)}, std::move(o)) {}

    hostile_server(std::vector<script> scripts, options o)
        : scripts_(std::move(scripts)), opts_(std::move(o)), acceptor_(ioc_),
          ctx_(hostile_net::ssl::context::tls_server)
    {
        if(opts_.tls)
        {
            ca_pem_ = local_server::install_self_signed_certificate(ctx_, opts_.cert_hosts, opts_.validity);
            if(opts_.tune)
                opts_.tune(ctx_);
        }
        tcp::endpoint const ep(hostile_net::ip::make_address("127.0.0.1"), 0);
        acceptor_.open(ep.protocol());
        acceptor_.set_option(tcp::acceptor::reuse_address(true));
        acceptor_.bind(ep);
        acceptor_.listen();
        port_ = acceptor_.local_endpoint().port();
        thread_ = std::thread([this] { serve(); });
    }

    hostile_server(hostile_server const&) = delete;
    hostile_server& operator=(hostile_server const&) = delete;

    ~hostile_server() { stop(); }

    /// Stops the thread (within about a second) and waits for it; the
    /// counters are final afterwards.
    void stop()
    {
        if(!thread_.joinable())
            return;
        stopping_ = true;
        ioc_.stop();
        thread_.join();
    }

    std::uint16_t port() const noexcept { return port_; }
    bool tls() const noexcept { return opts_.tls; }

    /// The certificate's PEM: a client trusts it as its CA.
    std::string const& ca_pem() const noexcept { return ca_pem_; }

    /// Request heads read, over all connections.
    unsigned requests() const noexcept { return requests_; }

    /// Connections accepted.
    unsigned accepts() const noexcept { return accepts_; }

    /// Scripts that ran to their end.
    unsigned scripts_done() const noexcept { return scripts_done_; }

private:
    friend class hostile_connection;

    /** Runs one asynchronous operation on the server's io_context for at
        most `limit`; `cancel` is called when it takes longer, and the
        handler is then waited for (its state is shared, never dangling).
        Returns true when it completed without an error. */
    template<class Start, class Cancel>
    bool run(Start start, Cancel cancel, std::chrono::milliseconds limit, std::size_t* n)
    {
        struct outcome
        {
            bool done = false;
            boost::system::error_code ec;
            std::size_t bytes = 0;
        };
        if(stopping_)
            return false;
        auto out = std::make_shared<outcome>();
        start([out](boost::system::error_code ec, std::size_t bytes = 0) {
            out->done = true;
            out->ec = ec;
            out->bytes = bytes;
        });
        ioc_.restart();
        // Checked after restart: a stop() from now on ends run_for at once.
        if(!stopping_)
            ioc_.run_for(limit);
        if(!out->done)
        {
            cancel();
            ioc_.restart();
            for(int i = 0; i < 100 && !out->done; ++i)
                ioc_.run_for(std::chrono::milliseconds(10));
        }
        if(n)
            *n = out->bytes;
        return out->done && !out->ec;
    }

    void serve()
    {
        for(std::size_t i = 0; !stopping_; ++i)
        {
            tcp::socket sock(ioc_);
            bool accepted = false;
            // In slices, so that stop() is seen promptly; bounded by it.
            while(!accepted && !stopping_)
                accepted = run([&](auto h) { acceptor_.async_accept(sock, h); },
                               [&] {
                                   boost::system::error_code ignored;
                                   acceptor_.cancel(ignored);
                               },
                               std::chrono::milliseconds(100), nullptr);
            if(!accepted)
                break;
            ++accepts_;
            hostile_connection c(*this, std::move(sock), ctx_, opts_.tls && opts_.handshake);
            if(opts_.tls && opts_.handshake && !c.handshake())
            {
                c.close();
                continue;
            }
            if(i < scripts_.size())
            {
                scripts_[i](c);
                ++scripts_done_;
            }
            else
                c.read_head(); // an extra connection: count what arrives
            c.close();
        }
    }

    std::vector<script> scripts_;
    options opts_;
    hostile_net::io_context ioc_{1};
    tcp::acceptor acceptor_;
    hostile_net::ssl::context ctx_;
    std::string ca_pem_;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<unsigned> requests_{0};
    std::atomic<unsigned> accepts_{0};
    std::atomic<unsigned> scripts_done_{0};
    std::thread thread_;
};

// --- hostile_connection ----------------------------------------------------

inline hostile_connection::hostile_connection(hostile_server& srv, tcp::socket sock, hostile_net::ssl::context& ctx,
                                              bool tls)
    : srv_(srv), stream_(std::move(sock), ctx), tls_(tls)
{
}

template<class Start>
bool hostile_connection::run(Start start, ms limit, std::size_t* n)
{
    return srv_.run(
        start,
        [this] {
            boost::system::error_code ignored;
            stream_.next_layer().close(ignored);
        },
        limit, n);
}

inline void hostile_connection::pause(ms d)
{
    auto const until = std::chrono::steady_clock::now() + d;
    while(!srv_.stopping_ && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(ms(5));
}

inline bool hostile_connection::handshake()
{
    return run([&](auto h) { stream_.async_handshake(hostile_net::ssl::stream_base::server, h); }, ms(5000));
}

inline bool hostile_connection::read_more()
{
    char buf[4096];
    std::size_t n = 0;
    bool const ok = run(
        [&](auto h) {
            if(tls_)
                stream_.async_read_some(hostile_net::buffer(buf), h);
            else
                stream_.next_layer().async_read_some(hostile_net::buffer(buf), h);
        },
        ms(5000), &n);
    in_.append(buf, n);
    return ok && n > 0;
}

inline std::size_t hostile_connection::count_head()
{
    auto const end = in_.find("\r\n\r\n");
    return end == std::string::npos ? 0 : end + 4;
}

inline std::string hostile_connection::read_head()
{
    while(count_head() == 0)
        if(in_.size() > 1024 * 1024 || !read_more())
            return {};
    std::size_t const n = count_head();
    std::string head = in_.substr(0, n);
    in_.erase(0, n);
    ++srv_.requests_;
    return head;
}

inline bool hostile_connection::read_body(std::string const& head)
{
    std::string lower(head);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::size_t length = 0;
    auto const at = lower.find("\r\ncontent-length:");
    if(at != std::string::npos)
        length = std::stoul(lower.substr(at + 17));
    while(in_.size() < length)
        if(!read_more())
            return false;
    in_.erase(0, length);
    return true;
}

inline bool hostile_connection::read_request()
{
    auto const head = read_head();
    return !head.empty() && read_body(head);
}

inline std::size_t hostile_connection::read_raw(std::size_t max)
{
    std::string buf(max, '\0');
    std::size_t n = 0;
    run([&](auto h) { stream_.next_layer().async_read_some(hostile_net::buffer(buf), h); }, ms(5000), &n);
    return n;
}

inline bool hostile_connection::write(std::string_view bytes)
{
    return run(
        [&](auto h) {
            if(tls_)
                hostile_net::async_write(stream_, hostile_net::buffer(bytes), h);
            else
                hostile_net::async_write(stream_.next_layer(), hostile_net::buffer(bytes), h);
        },
        ms(5000));
}

inline bool hostile_connection::trickle(std::string_view bytes, ms gap)
{
    for(char const& c : bytes)
    {
        if(!write(std::string_view(&c, 1)))
            return false;
        pause(gap);
    }
    return true;
}

inline bool hostile_connection::write_repeated(std::string_view piece, std::size_t times)
{
    std::size_t const per_write = std::max<std::size_t>(1, 64 * 1024 / std::max<std::size_t>(1, piece.size()));
    std::string batch;
    for(std::size_t i = 0; i < per_write; ++i)
        batch += piece;
    for(std::size_t done = 0; done < times; done += per_write)
    {
        std::size_t const k = std::min(per_write, times - done);
        if(!write(std::string_view(batch).substr(0, k * piece.size())))
            return false;
    }
    return true;
}

inline void hostile_connection::close()
{
    boost::system::error_code ignored;
    stream_.next_layer().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.next_layer().close(ignored);
}

inline void hostile_connection::tls_close()
{
    // Waits (briefly) for the client's close_notify, which it may never send.
    run([&](auto h) { stream_.async_shutdown(h); }, ms(1000));
    close();
}

inline void hostile_connection::reset()
{
    boost::system::error_code ignored;
    stream_.next_layer().set_option(tcp::socket::linger(true, 0), ignored);
    stream_.next_layer().close(ignored);
}

} // namespace e2e

#endif
