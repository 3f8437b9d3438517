// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "listener.hpp"

#include "session.hpp"

#include <iostream>

namespace local_server {

listener::listener(net::io_context& ioc, net::ip::tcp::endpoint const& endpoint, application& app,
                   net::ssl::context* tls)
    : acceptor_(ioc), retry_timer_(ioc), app_(app), tls_(tls)
{
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
}

void listener::stop()
{
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    retry_timer_.cancel();
}

void listener::accept() { acceptor_.async_accept(beast::bind_front_handler(&listener::on_accept, shared_from_this())); }

void listener::on_accept(boost::system::error_code ec, net::ip::tcp::socket socket)
{
    if(ec == net::error::operation_aborted || !acceptor_.is_open())
        return; // stopping
    if(ec)
    {
        // E.g. out of file descriptors: back off briefly instead of spinning.
        std::cerr << "accept failed: " << ec.message() << "\n";
        retry_timer_.expires_after(std::chrono::milliseconds(100));
        retry_timer_.async_wait([self = shared_from_this()](boost::system::error_code e) {
            if(!e)
                self->accept();
        });
        return;
    }
    app_.count_accept();
    boost::system::error_code ignored;
    socket.set_option(net::ip::tcp::no_delay(true), ignored);
    if(tls_)
        std::make_shared<session<tls_stream>>(app_, std::move(socket), *tls_)->start();
    else
        std::make_shared<session<plain_stream>>(app_, std::move(socket))->start();
    accept();
}

} // namespace local_server
