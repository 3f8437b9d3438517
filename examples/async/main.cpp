// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Creates several users at once from one thread: one io_context, one
// client (and so one connection) per concurrent request, callbacks.
//
//   corti-admin-async-example PROJECT CUSTOMER [COUNT]
//
// with the settings in CORTI_ADMIN_* variables (<corti/admin/settings.hpp>).
//
// With C++20, `co_await c.async_create_user(..., boost::asio::use_awaitable)`
// gives the same result<user>; with `boost::asio::use_future`, a
// std::future<result<user>> that never throws.

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>
#include <corti/admin/beast/settings.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace admin = corti::admin;
namespace net = boost::asio;

namespace {

/** The one token all the clients share: the settings' own, or one fetched
    with their Console credentials through the core's builder and parser
    (the transport's own io_context runs it).
*/
admin::result<admin::secret> shared_token(admin::client_settings const& s, admin::beast_transport_options const& opts)
{
    auto const* login = std::get_if<admin::console_credentials>(&s.credentials);
    if(!login)
        return std::get<admin::secret>(s.credentials);
    auto req = admin::make_fetch_token_request(s.config, login->email, login->password);
    if(!req)
        return req.error();
    admin::beast_transport auth(admin::beast_options(s, opts));
    auto resp = auth.send(*req);
    if(!resp)
        return resp.error();
    auto token = admin::parse_fetch_token_response(*resp, s.config);
    resp->wipe(); // it held the token
    if(!token)
        return token.error();
    return std::move(token->token);
}

} // namespace

int main(int argc, char** argv)
{
    if(argc != 3 && argc != 4)
    {
        std::cerr << "usage: " << argv[0] << " PROJECT CUSTOMER [COUNT] (settings in CORTI_ADMIN_* variables)\n";
        return 2;
    }
    int const count = argc == 4 ? std::atoi(argv[3]) : 4;
    auto settings = admin::settings_from_environment(admin::scheme_policy::allow_http_on_loopback);
    if(!settings)
    {
        std::cerr << "settings: " << settings.error() << '\n';
        return 1;
    }
    admin::beast_transport_options opts;
    opts.timeout = std::chrono::seconds(15);
    auto token = shared_token(*settings, opts);
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
        admin::beast_transport transport(ioc.get_executor(), admin::beast_options(*settings, opts));
        clients.push_back(std::make_unique<async_client>(std::move(transport), settings->config, *token));
        admin::new_user u;
        u.email = "async-" + std::to_string(i) + "-" + stamp + "@example.com";
        u.first_name = "Async";
        u.last_name = "Example";
        // The request is built now; `u` may go out of scope before completion.
        clients.back()->async_create_user(argv[1], argv[2], u, [&failures, i](admin::result<admin::user> r) {
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
