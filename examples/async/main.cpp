// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Creates several users at once from one thread: one io_context, one
// client (and so one connection) per concurrent request, callbacks.
//
//   corti-admin-async-example BASE_URL CA_FILE EMAIL PASSWORD PROJECT CUSTOMER [COUNT]
//
// With C++20, `co_await c.async_create_user(..., boost::asio::use_awaitable)`
// gives the same result<user>; with `boost::asio::use_future`, a
// std::future<result<user>> that never throws.

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace admin = corti::admin;
namespace net = boost::asio;

int main(int argc, char** argv)
{
    if(argc != 7 && argc != 8)
    {
        std::cerr << "usage: " << argv[0] << " BASE_URL CA_FILE EMAIL PASSWORD PROJECT CUSTOMER [COUNT]\n";
        return 2;
    }
    auto ep = admin::parse_base_url(argv[1], admin::scheme_policy::allow_http_on_loopback);
    if(!ep)
    {
        std::cerr << "base URL: " << ep.error() << '\n';
        return 1;
    }
    admin::config cfg;
    cfg.endpoint = *ep;
    int const count = argc == 8 ? std::atoi(argv[7]) : 4;

    admin::beast_transport_options opts;
    opts.ca_file = argv[2];
    opts.timeout = std::chrono::seconds(15);

    // One token for all the clients, fetched synchronously with the core's
    // builder and parser (the transport's own io_context runs it).
    admin::beast_transport auth(opts);
    auto req = admin::make_fetch_token_request(cfg, argv[3], admin::secret(argv[4]));
    if(!req)
    {
        std::cerr << "token request: " << req.error() << '\n';
        return 1;
    }
    auto resp = auth.send(*req);
    auto token = resp ? admin::parse_fetch_token_response(*resp, cfg) : admin::result<admin::access_token>(resp.error());
    if(!token)
    {
        std::cerr << "token: " << token.error() << '\n';
        return 1;
    }

    // The asynchronous operations run on this io_context.
    net::io_context ioc;
    using async_client = admin::client<admin::beast_transport>;
    std::vector<std::unique_ptr<async_client>> clients;
    int failures = 0;
    auto const stamp = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    for(int i = 0; i < count; ++i)
    {
        clients.push_back(std::make_unique<async_client>(admin::beast_transport(ioc.get_executor(), opts), cfg,
                                                         token->token));
        admin::new_user u;
        u.email = "async-" + std::to_string(i) + "-" + stamp + "@example.com";
        u.first_name = "Async";
        u.last_name = "Example";
        // The request is built now; `u` may go out of scope before completion.
        clients.back()->async_create_user(argv[5], argv[6], u, [&failures, i](admin::result<admin::user> r) {
            if(r)
                std::cout << i << ": created " << r->email << '\n';
            else
            {
                std::cerr << i << ": " << r.error() << '\n';
                ++failures;
            }
        });
    }
    ioc.run(); // all requests proceed concurrently on this thread
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
