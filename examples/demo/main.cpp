// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The main job: get a token with Console credentials and create a user,
// over verified TLS with the Beast transport.
//
//   corti-admin-demo BASE_URL CA_FILE EMAIL PASSWORD PROJECT CUSTOMER
//
// scripts/demo runs it against the bundled local server.

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <cstdlib>
#include <iostream>

namespace admin = corti::admin;

int main(int argc, char** argv)
{
    if(argc != 7)
    {
        std::cerr << "usage: " << argv[0] << " BASE_URL CA_FILE EMAIL PASSWORD PROJECT CUSTOMER\n";
        return 2;
    }
    // http is accepted for loopback hosts only; the demo uses https.
    auto ep = admin::parse_base_url(argv[1], admin::scheme_policy::allow_http_on_loopback);
    if(!ep)
    {
        std::cerr << "base URL: " << ep.error() << '\n';
        return 1;
    }
    admin::config cfg;
    cfg.endpoint = *ep;

    admin::beast_transport_options opts;
    opts.ca_file = argv[2];
    admin::client<admin::beast_transport> c(admin::beast_transport(opts), cfg,
                                            admin::console_credentials{argv[3], admin::secret(argv[4])});

    admin::new_user u;
    u.email = "jane.doe@example.com";
    u.first_name = "Jane";
    u.last_name = "Doe";
    u.password = admin::secret("correct-horse-battery-staple");

    std::cout << "creating " << u.email << " in " << argv[5] << '/' << argv[6] << " at " << cfg.endpoint << '\n';
    auto r = c.create_user(argv[5], argv[6], u);
    if(!r)
    {
        std::cerr << "create_user failed: " << r.error() << '\n';
        return 1;
    }
    std::cout << "created " << *r << '\n';
    return EXIT_SUCCESS;
}
