// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Create a user through a transport of your own.
//
// A transport is any type with `result<http_response> send(http_request const&)`.
// This one plays a server: it checks the bytes it would put on the wire and
// answers like the API does. Replace its body with your HTTP stack's call.

#include <corti/admin.hpp>

#include <cstdlib>
#include <iostream>

namespace admin = corti::admin;

class loopback_transport
{
public:
    admin::result<admin::http_response> send(admin::http_request const& req)
    {
        // A real transport connects to req.host:req.port (TLS when req.tls) and
        // writes these bytes. They hold the token and the password: never log them.
        std::string wire = admin::serialize_http1(req);
        std::cout << "-> " << wire.size() << " bytes to " << req.host << ':' << req.port << '\n'
                  << "   " << req << "\n"; // operator<< redacts the secrets
        admin::detail::secure_wipe(wire);

        admin::http_response res;
        res.status = 201;
        res.headers.add("Content-Type", "application/json; charset=utf-8");
        res.headers.add("x-request-id", "req-0001");
        res.body = R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com",)"
                   R"("firstName":"John","lastName":"Doe","emailVerified":false,"enabled":true,)"
                   R"("createdAt":"2023-10-01T12:00:00Z"})";
        return res;
    }
};

int main()
{
    admin::client<loopback_transport> c(loopback_transport{}, admin::config{}, admin::secret("example-token"));

    admin::new_user u;
    u.email = "user@example.com";
    u.first_name = "John";
    u.last_name = "Doe";
    u.password = admin::secret("My$ecureP@ssw0rd123!");

    auto r = c.create_user("consoleproject", "contosohospital", u);
    if(!r)
    {
        std::cerr << "create_user failed: " << r.error() << '\n';
        return EXIT_FAILURE;
    }
    std::cout << "created " << r->email << " id=" << *r->id << " enabled=" << std::boolalpha << r->enabled
              << " createdAt=" << *r->created_at << '\n';

    // Arguments are checked before anything is sent.
    auto bad = c.create_user("consoleproject", "..", u);
    std::cout << "with customerId \"..\": " << bad.error() << '\n';
    return bad.error() == admin::errc::invalid_argument ? EXIT_SUCCESS : EXIT_FAILURE;
}
