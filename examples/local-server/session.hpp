// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// One client connection (plain TCP or TLS): reads requests one after another
// on a persistent HTTP/1.1 connection, asks the application for replies and writes
// them, including the deliberately broken ways the fault hooks ask for.
#pragma once

#include "app.hpp"
#include "util.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>

namespace local_server {

namespace beast = boost::beast;
namespace net = boost::asio;

using plain_stream = beast::tcp_stream;
using tls_stream = beast::ssl_stream<beast::tcp_stream>;

namespace session_limits {
constexpr auto handshake_timeout = std::chrono::seconds(10);
constexpr auto idle_timeout = std::chrono::seconds(60); // waiting for the next request
constexpr auto write_timeout = std::chrono::seconds(30);
constexpr auto shutdown_timeout = std::chrono::seconds(5);
constexpr std::uint64_t body_limit = 1024 * 1024;
constexpr std::uint32_t header_limit = 16 * 1024;
constexpr std::size_t padding_block = 64 * 1024; // oversized_body streams this much per write
} // namespace session_limits

// The HTTP/1 header block (status line, fields, blank line) of `res`.
template<class Body>
std::string header_text(http::response<Body> const& res)
{
    std::ostringstream out;
    out << res.base();
    return out.str();
}

template<class Stream>
class session : public std::enable_shared_from_this<session<Stream>>
{
    static constexpr bool is_tls = std::is_same_v<Stream, tls_stream>;

public:
    template<class... StreamArgs>
    explicit session(application& app, StreamArgs&&... args)
        : stream_(std::forward<StreamArgs>(args)...), app_(app), timer_(stream_.get_executor())
    {
        app_.connection_opened();
    }

    // The last handler holding the session has run: the socket closes now.
    ~session() { app_.connection_closed(); }

    session(session const&) = delete;
    session& operator=(session const&) = delete;

    void start()
    {
        if constexpr(is_tls)
        {
            lowest().expires_after(session_limits::handshake_timeout);
            stream_.async_handshake(net::ssl::stream_base::server, bind(&session::on_handshake));
        }
        else
        {
            read_request();
        }
    }

private:
    // --- reading --------------------------------------------------------------

    void on_handshake(beast::error_code ec)
    {
        if(!ec)
            read_request(); // a failed handshake is not a request: nothing to log
    }

    void read_request()
    {
        parser_.emplace();
        parser_->body_limit(session_limits::body_limit);
        parser_->header_limit(session_limits::header_limit);
        lowest().expires_after(session_limits::idle_timeout);
        http::async_read_header(stream_, buffer_, *parser_, bind(&session::on_header));
    }

    void on_header(beast::error_code ec, std::size_t)
    {
        if(ec)
            return on_read_error(ec);
        auto expect = parser_->get()[http::field::expect];
        if(!iequals(std::string_view(expect.data(), expect.size()), "100-continue"))
            return read_body();
        static const std::string continue_line = "HTTP/1.1 100 Continue\r\n\r\n";
        net::async_write(stream_, net::buffer(continue_line),
                         [self = this->shared_from_this()](beast::error_code ec2, std::size_t) {
                             if(!ec2)
                                 self->read_body();
                         });
    }

    void read_body() { http::async_read(stream_, buffer_, *parser_, bind(&session::on_read)); }

    void on_read(beast::error_code ec, std::size_t)
    {
        if(ec)
            return on_read_error(ec);
        started_ = std::chrono::steady_clock::now();
        request_ = parser_->release();
        log_method_ = std::string(request_.method_string());
        log_target_ = std::string(request_.target());
        keep_alive_ = request_.keep_alive();
        ticket_ = app_.admit(request_);
        if(ticket_.delay.count() == 0)
            return respond();
        // Delay without blocking: other connections are served meanwhile.
        timer_.expires_after(ticket_.delay);
        timer_.async_wait(bind(&session::on_delay_done));
    }

    void on_delay_done(beast::error_code ec)
    {
        if(!ec)
            respond();
    }

    void on_read_error(beast::error_code ec)
    {
        if(ec == http::error::end_of_stream)
            return shutdown(); // client closed a keep-alive connection
        if(ec == http::error::partial_message ||
           ec.category() != http::make_error_code(http::error::end_of_stream).category())
            return; // gone mid-request, timeout, reset, TLS truncation...: just drop the connection
        // A malformed or too large request: answer it once, then close.
        started_ = std::chrono::steady_clock::now();
        // The start line may have been parsed even if the rest was not.
        auto const& partial = parser_->get();
        log_method_ = partial.method_string().empty() ? "-" : std::string(partial.method_string());
        log_target_ = partial.target().empty() ? "-" : std::string(partial.target());
        keep_alive_ = false;
        reply_ = ec == http::error::body_limit
                     ? error_reply(http::status::payload_too_large, "payload_too_large", "request body too large")
                 : ec == http::error::header_limit
                     ? error_reply(http::status::request_header_fields_too_large, "headers_too_large",
                                   "request headers too large")
                     : error_reply(http::status::bad_request, "bad_request", "malformed HTTP request");
        write_message();
    }

    // --- writing --------------------------------------------------------------

    void respond()
    {
        reply_ = app_.respond(request_, ticket_);
        // Chunking needs HTTP/1.1 and a body to split.
        bool const can_chunk =
            request_.version() >= 11 && reply_.status != http::status::no_content && !reply_.body.empty();
        switch(reply_.mode)
        {
        case write_mode::chunked: return can_chunk ? write_chunked() : write_message();
        case write_mode::close_mid_body: return write_half_body();
        case write_mode::oversized_body: return write_oversized();
        default: return write_message();
        }
    }

    template<class Body>
    http::response<Body> make_response() const
    {
        http::response<Body> res{reply_.status, request_.version() ? request_.version() : 11};
        res.set(http::field::server, "corti-admin-local-server");
        if(!reply_.content_type.empty())
            res.set(http::field::content_type, reply_.content_type);
        for(auto const& [name, value] : reply_.headers)
            res.set(name, value);
        res.keep_alive(keep_alive_);
        return res;
    }

    void write_message()
    {
        response_.emplace(make_response<http::string_body>());
        // 204 and 304 carry neither a body (even if an injected status fault
        // asks for one) nor a Content-Length (RFC 9110, 8.6).
        if(reply_.status != http::status::no_content && reply_.status != http::status::not_modified)
        {
            response_->body() = std::move(reply_.body);
            response_->prepare_payload();
        }
        lowest().expires_after(session_limits::write_timeout);
        bool const close = !keep_alive_ || reply_.mode == write_mode::close_after_response;
        http::async_write(
            stream_, *response_,
            [self = this->shared_from_this(), close](beast::error_code ec, std::size_t) { self->finish(ec, close); });
    }

    void write_chunked()
    {
        auto res = make_response<http::empty_body>();
        res.chunked(true);
        raw_ = header_text(res);
        // Several chunks, so the client really has to reassemble them.
        std::string_view body = reply_.body;
        std::size_t const piece = body.size() / 3 + 1;
        for(std::size_t at = 0; at < body.size(); at += piece)
        {
            std::string_view chunk = body.substr(at, piece);
            std::ostringstream size;
            size << std::hex << chunk.size();
            raw_ += size.str() + "\r\n" + std::string(chunk) + "\r\n";
        }
        raw_ += "0\r\n\r\n";
        write_raw([self = this->shared_from_this()](beast::error_code ec) { self->finish(ec, !self->keep_alive_); });
    }

    void write_half_body()
    {
        auto res = make_response<http::empty_body>();
        res.content_length(reply_.body.size());                                  // promise the whole body...
        raw_ = header_text(res) + reply_.body.substr(0, reply_.body.size() / 2); // ...send half
        write_raw([self = this->shared_from_this()](beast::error_code ec) {
            self->log_request();
            if(!ec)
                self->close_abruptly();
        });
    }

    void write_oversized()
    {
        auto res = make_response<http::empty_body>();
        res.content_length(reply_.oversized_bytes);
        raw_ = header_text(res) + "{}"; // a JSON object followed by whitespace
        padding_left_ = reply_.oversized_bytes - 2;
        write_raw([self = this->shared_from_this()](beast::error_code ec) { self->write_padding(ec); });
    }

    // Streams the whitespace from one shared block instead of building the body.
    void write_padding(beast::error_code ec)
    {
        if(ec || padding_left_ == 0)
            return finish(ec, !keep_alive_);
        static const std::string spaces(session_limits::padding_block, ' ');
        std::size_t const n = static_cast<std::size_t>(std::min<std::uint64_t>(padding_left_, spaces.size()));
        padding_left_ -= n;
        lowest().expires_after(session_limits::write_timeout);
        net::async_write(
            stream_, net::buffer(spaces.data(), n),
            [self = this->shared_from_this()](beast::error_code ec2, std::size_t) { self->write_padding(ec2); });
    }

    template<class Then>
    void write_raw(Then then)
    {
        lowest().expires_after(session_limits::write_timeout);
        net::async_write(stream_, net::buffer(raw_),
                         [then = std::move(then)](beast::error_code ec, std::size_t) mutable { then(ec); });
    }

    // After a complete answer: log, then read the next request or close.
    void finish(beast::error_code ec, bool close)
    {
        log_request();
        if(ec)
            return; // the client went away; dropping the last reference closes the socket
        if(close)
            return shutdown();
        read_request();
    }

    void log_request() const
    {
        auto const ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
        std::ostringstream line;
        line << log_method_ << ' ' << log_target_ << " -> " << static_cast<unsigned>(reply_.status) << " (" << ms
             << " ms)\n";
        std::cerr << line.str() << std::flush;
    }

    // --- closing --------------------------------------------------------------

    void shutdown()
    {
        if constexpr(is_tls)
        {
            lowest().expires_after(session_limits::shutdown_timeout);
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
        }
        else
        {
            beast::error_code ignored;
            lowest().socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
        }
    }

    // No TLS close_notify, no graceful anything: the connection just dies.
    void close_abruptly()
    {
        beast::error_code ignored;
        lowest().socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
        lowest().socket().close(ignored);
    }

    // --- helpers --------------------------------------------------------------

    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    template<class Member>
    auto bind(Member member)
    {
        return beast::bind_front_handler(member, this->shared_from_this());
    }

    Stream stream_;
    application& app_;
    net::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    request request_;
    admission ticket_;
    reply reply_;
    std::optional<http::response<http::string_body>> response_;
    std::string raw_;
    std::uint64_t padding_left_ = 0;
    bool keep_alive_ = true;
    std::chrono::steady_clock::time_point started_;
    std::string log_method_;
    std::string log_target_;
};

} // namespace local_server
