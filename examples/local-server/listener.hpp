// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Accepts TCP connections and starts a plain or TLS session for each.
#pragma once

#include "app.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace local_server {

class listener : public std::enable_shared_from_this<listener>
{
public:
    // `tls` null: plain HTTP. Throws boost::system::system_error if the
    // address cannot be bound.
    listener(boost::asio::io_context& ioc, boost::asio::ip::tcp::endpoint const& endpoint, application& app,
             boost::asio::ssl::context* tls);

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    void start() { accept(); }
    void stop();

private:
    void accept();
    void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_timer_;
    application& app_;
    boost::asio::ssl::context* tls_;
};

} // namespace local_server
