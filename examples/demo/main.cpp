// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The main job: get a token with Console credentials and create a user,
// over verified TLS with the Beast transport.
//
//   export CORTI_ADMIN_BASE_URL=https://... CORTI_ADMIN_CA_FILE=ca.pem
//   export CORTI_ADMIN_EMAIL=... CORTI_ADMIN_PASSWORD=...   # or CORTI_ADMIN_TOKEN=...
//   corti-admin-demo PROJECT CUSTOMER
//
// (<corti/admin/settings.hpp> says what each variable means). scripts/demo
// runs it against the bundled local server.

#include <corti/admin.hpp>
#include <corti/admin/beast/settings.hpp>

#include <cstdlib>
#include <iostream>

namespace admin = corti::admin;

int main(int argc, char** argv)
{
    if(argc != 3)
    {
        std::cerr << "usage: " << argv[0] << " PROJECT CUSTOMER (settings in CORTI_ADMIN_* variables)\n";
        return 2;
    }
    // http is accepted for loopback hosts only; the demo uses https.
    auto settings = admin::settings_from_environment(admin::scheme_policy::allow_http_on_loopback);
    if(!settings)
    {
        std::cerr << "settings: " << settings.error() << '\n';
        return 1;
    }
    auto c = admin::make_beast_client(*settings);

    admin::new_user u;
    u.email = "jane.doe@example.com";
    u.first_name = "Jane";
    u.last_name = "Doe";
    u.password = admin::secret("correct-horse-battery-staple");

    std::cout << "creating " << u.email << " in " << argv[1] << '/' << argv[2] << " at " << c.get_config().endpoint
              << '\n';
    auto r = c.create_user(argv[1], argv[2], u);
    if(!r)
    {
        std::cerr << "create_user failed: " << r.error() << '\n';
        return 1;
    }
    std::cout << "created " << *r << '\n';
    return EXIT_SUCCESS;
}
