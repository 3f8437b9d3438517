// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "store.hpp"

#include "util.hpp"

#include <algorithm>

namespace local_server {

std::int64_t customer_record::enabled_users() const
{
    return std::count_if(users.begin(), users.end(), [](user_record const& u) { return u.enabled; });
}

user_record* customer_record::find_user(std::string_view id)
{
    auto it = std::find_if(users.begin(), users.end(), [&](user_record const& u) { return u.id == id; });
    return it == users.end() ? nullptr : &*it;
}

bool customer_record::erase_user(std::string_view id)
{
    auto it = std::find_if(users.begin(), users.end(), [&](user_record const& u) { return u.id == id; });
    if(it == users.end())
        return false;
    users.erase(it);
    return true;
}

bool customer_record::has_email(std::string_view email) const
{
    return std::any_of(users.begin(), users.end(),
                       [&](user_record const& u) { return to_lower_ascii(u.email) == to_lower_ascii(email); });
}

customer_record* project_record::find_customer(std::string_view customer_id)
{
    auto it = std::find_if(customers.begin(), customers.end(),
                           [&](customer_record const& c) { return c.customer_id == customer_id; });
    return it == customers.end() ? nullptr : &*it;
}

bool project_record::erase_customer(std::string_view customer_id)
{
    auto it = std::find_if(customers.begin(), customers.end(),
                           [&](customer_record const& c) { return c.customer_id == customer_id; });
    if(it == customers.end())
        return false;
    customers.erase(it); // its users go with it
    return true;
}

store::store(std::vector<std::string> const& project_ids, std::vector<std::string> const& seed_customers)
{
    std::string const now = now_rfc3339();
    for(auto const& id : project_ids)
    {
        if(find_project(id))
            continue; // --project given twice
        project_record project{id, {}};
        for(auto const& seed : seed_customers)
        {
            if(project.find_customer(seed))
                continue;
            customer_record customer;
            customer.display_name = seed;
            customer.customer_id = seed;
            customer.created_at = now;
            project.customers.push_back(std::move(customer));
        }
        projects_.push_back(std::move(project));
    }
}

project_record* store::find_project(std::string_view id)
{
    auto it = std::find_if(projects_.begin(), projects_.end(), [&](project_record const& p) { return p.id == id; });
    return it == projects_.end() ? nullptr : &*it;
}

std::string token_store::issue()
{
    forget_expired();
    std::string token = random_hex(32); // 256 bits
    issued_[token] = clock::now();
    return token;
}

bool token_store::is_valid(std::string const& token) const
{
    auto it = issued_.find(token);
    return it != issued_.end() && clock::now() - it->second <= ttl_;
}

void token_store::forget_expired()
{
    auto const now = clock::now();
    for(auto it = issued_.begin(); it != issued_.end();)
        it = now - it->second > ttl_ ? issued_.erase(it) : std::next(it);
}

} // namespace local_server
