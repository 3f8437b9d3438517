#include "store.hpp"

#include "util.hpp"

#include <algorithm>

namespace local_server {

std::int64_t Customer::enabled_users() const {
    return std::count_if(users.begin(), users.end(), [](User const& u) { return u.enabled; });
}

User* Customer::find_user(std::string_view id) {
    auto it = std::find_if(users.begin(), users.end(), [&](User const& u) { return u.id == id; });
    return it == users.end() ? nullptr : &*it;
}

bool Customer::erase_user(std::string_view id) {
    auto it = std::find_if(users.begin(), users.end(), [&](User const& u) { return u.id == id; });
    if (it == users.end()) return false;
    users.erase(it);
    return true;
}

bool Customer::has_email(std::string_view email) const {
    return std::any_of(users.begin(), users.end(),
                       [&](User const& u) { return to_lower_ascii(u.email) == to_lower_ascii(email); });
}

Customer* Project::find_customer(std::string_view customer_id) {
    auto it = std::find_if(customers.begin(), customers.end(),
                           [&](Customer const& c) { return c.customer_id == customer_id; });
    return it == customers.end() ? nullptr : &*it;
}

bool Project::erase_customer(std::string_view customer_id) {
    auto it = std::find_if(customers.begin(), customers.end(),
                           [&](Customer const& c) { return c.customer_id == customer_id; });
    if (it == customers.end()) return false;
    customers.erase(it);  // its users go with it
    return true;
}

Store::Store(std::vector<std::string> const& project_ids,
             std::vector<std::string> const& seed_customers) {
    std::string const now = now_rfc3339();
    for (auto const& id : project_ids) {
        if (find_project(id)) continue;  // --project given twice
        Project project{id, {}};
        for (auto const& seed : seed_customers) {
            if (project.find_customer(seed)) continue;
            Customer customer;
            customer.display_name = seed;
            customer.customer_id = seed;
            customer.created_at = now;
            project.customers.push_back(std::move(customer));
        }
        projects_.push_back(std::move(project));
    }
}

Project* Store::find_project(std::string_view id) {
    auto it = std::find_if(projects_.begin(), projects_.end(), [&](Project const& p) { return p.id == id; });
    return it == projects_.end() ? nullptr : &*it;
}

std::string TokenStore::issue() {
    forget_expired();
    std::string token = random_hex(32);  // 256 bits
    issued_[token] = Clock::now();
    return token;
}

bool TokenStore::is_valid(std::string const& token) const {
    auto it = issued_.find(token);
    return it != issued_.end() && Clock::now() - it->second <= ttl_;
}

void TokenStore::forget_expired() {
    auto const now = Clock::now();
    for (auto it = issued_.begin(); it != issued_.end();)
        it = now - it->second > ttl_ ? issued_.erase(it) : std::next(it);
}

}  // namespace local_server
