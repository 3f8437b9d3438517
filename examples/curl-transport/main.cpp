// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Creates a user through client<curl_transport>, a transport built on libcurl
// (curl_transport.hpp), to show that the client works over an HTTP stack you
// already have:
//
//   curl_transport_example [PROJECT [CUSTOMER [NEW_USER_EMAIL]]]
//
// with the settings in CORTI_ADMIN_* variables (<corti/admin/settings.hpp>).
// With CORTI_ADMIN_EMAIL and CORTI_ADMIN_PASSWORD, the Console credentials,
// the client gets a token at POST /auth/token first. Against the local server:
//
//   corti-admin-local-server --port 8443 --ca-out ca.pem --seed-customer contosohospital &
//   export CORTI_ADMIN_BASE_URL=https://localhost:8443/functions/v1/public CORTI_ADMIN_CA_FILE=ca.pem
//   export CORTI_ADMIN_EMAIL=admin@example.com CORTI_ADMIN_PASSWORD=local-dev-password
//   curl_transport_example
//
// An http:// base URL is accepted for loopback hosts only (a server started
// with --plain).

#include "curl_transport.hpp"

#include <corti/admin.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace admin = corti::admin;

int main(int argc, char** argv)
{
    if(argc > 4)
    {
        std::cerr << "usage: " << argv[0]
                  << " [PROJECT [CUSTOMER [NEW_USER_EMAIL]]] (settings in CORTI_ADMIN_* variables)\n";
        return 2;
    }
    std::string const project = argc > 1 ? argv[1] : "consoleproject";
    std::string const customer = argc > 2 ? argv[2] : "contosohospital";
    auto settings = admin::settings_from_environment(admin::scheme_policy::allow_http_on_loopback);
    if(!settings)
    {
        std::cerr << "settings: " << settings.error() << '\n';
        return 1;
    }

    curl_global_init(CURL_GLOBAL_DEFAULT); // once per program, before any thread uses libcurl
    int rc = 0;
    {
        corti_examples::curl_transport_options opts;
        opts.ca_file = settings->ca_file;
        opts.max_body_size = settings->config.limits.max_body_size; // the transport's limit matches the parser's
        auto c = admin::make_client(corti_examples::curl_transport(opts), settings->config, settings->credentials);

        admin::new_user u;
        u.email = argc > 3
                      ? argv[3]
                      : "curl-example-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) +
                            "@example.com";
        u.first_name = "Curl";
        u.last_name = "Example";

        // The token request (with Console credentials) and the create share
        // one kept-alive connection.
        if(auto created = c.create_user(project, customer, u); !created)
        {
            std::cerr << "create_user: " << created.error() << '\n';
            rc = 1;
        }
        else
            std::cout << "created " << created->email << " (id "
                      << (created->id ? created->id->to_string() : std::string("none")) << ")\n";
    }
    curl_global_cleanup();
    return rc;
}
