// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Builds and parses a create-user call: proves the headers, the include
// path and the Boost link all come with the corti::admin target.
#include <corti/admin.hpp>
#include <corti/admin/testing.hpp>

#include <iostream>

int main()
{
    namespace admin = corti::admin;
    admin::testing::mock_transport t;
    t.push(201, R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true})");
    admin::client<admin::testing::mock_transport&> c(t, admin::config{}, admin::secret("token"));
    auto const u = c.create_user("p", "c", admin::new_user{"a@b.co", "A", "B", std::nullopt});
    if(!u)
    {
        std::cerr << u.error() << '\n';
        return 1;
    }
    std::cout << "consumer ok: " << *u << '\n';
    return 0;
}
