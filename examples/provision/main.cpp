// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Provision a customer with three users, list them, read the quotas.
//
//   corti-admin-provision PROJECT
//
// with the settings in CORTI_ADMIN_* variables (<corti/admin/settings.hpp>):
// CORTI_ADMIN_BASE_URL, CORTI_ADMIN_CA_FILE, and CORTI_ADMIN_TOKEN or
// CORTI_ADMIN_EMAIL and CORTI_ADMIN_PASSWORD.

#include <corti/admin.hpp>
#include <corti/admin/beast/settings.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace admin = corti::admin;

int main(int argc, char** argv)
{
    if(argc != 2)
    {
        std::cerr << "usage: " << argv[0] << " PROJECT\n";
        return 2;
    }
    std::string const project = argv[1];
    auto const fail = [](char const* what, admin::error const& e) {
        std::cerr << what << ": " << e << '\n';
        return EXIT_FAILURE;
    };

    auto settings = admin::settings_from_environment(admin::scheme_policy::allow_http_on_loopback);
    if(!settings)
        return fail("settings", settings.error());
    auto c = admin::make_beast_client(*settings);
    c.set_retry_policy(admin::retry_policy::with_attempts(3)); // GETs and DELETEs only

    admin::new_customer nc;
    nc.display_name = "Contoso Hospital";
    nc.customer_id = "contoso-hospital";
    nc.region = admin::region::eu;
    auto customer = c.create_customer(project, nc);
    if(!customer)
        return fail("create_customer", customer.error());
    std::cout << "created " << *customer << '\n';

    char const* const names[][2] = {{"Ada", "Lovelace"}, {"Alan", "Turing"}, {"Grace", "Hopper"}};
    for(auto const& n : names)
    {
        admin::new_user u;
        u.first_name = n[0];
        u.last_name = n[1];
        u.email = std::string(n[0]) + "." + n[1] + "@contoso.example";
        auto r = c.create_user(project, customer->customer_id, u); // no password: the user is invited
        if(!r)
            return fail("create_user", r.error());
        std::cout << "created " << *r << '\n';
    }

    auto users = c.list_all_users(project, customer->customer_id, {2, 100}); // two per page
    if(!users)
        return fail("list_all_users", users.error());
    std::cout << users->size() << " users:\n";
    for(auto const& u : *users)
        std::cout << "  " << u.email << (u.enabled ? "" : " (disabled)") << '\n';

    auto quotas = c.get_customer_quotas(project, customer->customer_id);
    if(!quotas)
        return fail("get_customer_quotas", quotas.error());
    std::cout << "quotas: " << *quotas << '\n';
    return EXIT_SUCCESS;
}
