// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// corti-admin-local-server: a loopback stand-in for the Corti Admin API, for
// development and the project's end-to-end tests. See README.md.
#include "app.hpp"
#include "certificate.hpp"
#include "listener.hpp"
#include "options.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

namespace {

namespace net = boost::asio;
using namespace local_server;

// Write to a temporary file, then rename: readers never see a partial file.
void write_file_atomically(std::string const& path, std::string const& content)
{
    std::string const tmp = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        out.close();
        if(!out)
            throw std::runtime_error("cannot write " + tmp);
    }
    if(std::rename(tmp.c_str(), path.c_str()) != 0)
    {
        std::remove(tmp.c_str());
        throw std::runtime_error("cannot rename " + tmp + " to " + path);
    }
}

// The TLS context with a freshly generated certificate, its PEM saved for clients.
std::optional<net::ssl::context> make_tls_context(server_options const& options)
{
    if(options.plain)
        return std::nullopt;
    std::optional<net::ssl::context> ctx(std::in_place, net::ssl::context::tls_server);
    restrict_to_modern_tls(*ctx);
    write_file_atomically(options.ca_out, install_self_signed_certificate(*ctx, options.cert_hosts));
    return ctx;
}

std::string url_host(net::ip::address const& address)
{
    return address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
}

int run(server_options const& options)
{
    boost::system::error_code ec;
    auto const address = net::ip::make_address(options.bind_address, ec);
    if(ec)
        throw std::runtime_error("--bind: not an IP address: '" + options.bind_address + "'");
    std::optional<net::ssl::context> tls = make_tls_context(options);
    application app(options);

    // Declared after `app` and `tls`: destroyed first, with any sessions it still holds.
    net::io_context ioc{1};
    auto server =
        std::make_shared<listener>(ioc, net::ip::tcp::endpoint{address, options.port}, app, tls ? &*tls : nullptr);
    server->start();

    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code, int) {
        server->stop();
        ioc.stop();
    });

    std::uint16_t const port = server->port();
    std::cout << "listening on " << (tls ? "https" : "http") << "://" << url_host(address) << ':' << port << std::endl;
    if(!options.ready_file.empty())
        write_file_atomically(options.ready_file, std::to_string(port) + "\n");

    ioc.run();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    parse_result parsed = parse_options(argc, argv);
    if(!parsed.options)
        return parsed.exit_code;
    try
    {
        return run(*parsed.options);
    }
    catch(std::exception const& e)
    {
        std::cerr << "corti-admin-local-server: " << e.what() << "\n";
        return 1;
    }
}
