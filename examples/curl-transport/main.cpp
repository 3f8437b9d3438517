// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Creates a user through client<curl_transport>, a transport built on libcurl
// (curl_transport.hpp), to show that the client works over an HTTP stack you
// already have:
//
//   curl_transport_example BASE_URL CA_FILE EMAIL PASSWORD [PROJECT [CUSTOMER [NEW_USER_EMAIL]]]
//
// EMAIL and PASSWORD are the Console credentials the client exchanges for a
// token at POST /auth/token. Against the local server:
//
//   corti-admin-local-server --port 8443 --ca-out ca.pem --seed-customer contosohospital &
//   curl_transport_example https://localhost:8443/functions/v1/public ca.pem admin@example.com local-dev-password
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
    if(argc < 5 || argc > 8)
    {
        std::cerr << "usage: " << argv[0]
                  << " BASE_URL CA_FILE EMAIL PASSWORD [PROJECT [CUSTOMER [NEW_USER_EMAIL]]]\n";
        return 2;
    }
    std::string const project = argc > 5 ? argv[5] : "consoleproject";
    std::string const customer = argc > 6 ? argv[6] : "contosohospital";

    auto ep = admin::parse_base_url(argv[1], admin::scheme_policy::allow_http_on_loopback);
    if(!ep)
    {
        std::cerr << "base URL: " << ep.error() << '\n';
        return 1;
    }
    admin::config cfg;
    cfg.endpoint = *ep;

    curl_global_init(CURL_GLOBAL_DEFAULT); // once per program, before any thread uses libcurl
    int rc = 0;
    {
        corti_examples::curl_transport_options opts;
        opts.ca_file = argv[2];
        opts.max_body_size = cfg.limits.max_body_size; // the transport's limit matches the parser's
        admin::client<corti_examples::curl_transport> c(corti_examples::curl_transport(opts), cfg,
                                                       admin::console_credentials{argv[3], admin::secret(argv[4])});

        admin::new_user u;
        u.email = argc > 7 ? argv[7]
                           : "curl-example-" +
                                 std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) +
                                 "@example.com";
        u.first_name = "Curl";
        u.last_name = "Example";

        // The token request and the create share one kept-alive connection.
        if(auto tok = c.fetch_token(); !tok)
        {
            std::cerr << "token: " << tok.error() << '\n';
            rc = 1;
        }
        else if(auto created = c.create_user(project, customer, u); !created)
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
