// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// In-memory data of the local server: projects, customers, users, tokens.
// Single-threaded: everything runs on the one io_context thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace local_server {

struct user_record
{
    std::string id; // random v4 UUID
    std::string email;
    std::string first_name;
    std::string last_name;
    bool email_verified = false;
    bool enabled = true;
    std::string created_at;
};

struct customer_record
{
    std::string display_name;
    std::string tenant_name = "base";
    std::string region = "eu";
    std::string customer_id;
    bool is_nfr = false;
    std::string created_at;
    std::vector<user_record> users; // in creation order

    std::int64_t enabled_users() const;
    user_record* find_user(std::string_view id);
    bool erase_user(std::string_view id);
    bool has_email(std::string_view email) const; // case-insensitive
};

struct project_record
{
    std::string id;
    std::vector<customer_record> customers; // in creation order

    customer_record* find_customer(std::string_view customer_id);
    bool erase_customer(std::string_view customer_id);
};

class store
{
public:
    store(std::vector<std::string> const& project_ids, std::vector<std::string> const& seed_customers);

    project_record* find_project(std::string_view id);

private:
    std::vector<project_record> projects_;
};

// Bearer tokens this server issued, with their issue time.
class token_store
{
public:
    explicit token_store(std::chrono::seconds ttl) : ttl_(ttl) {}

    std::string issue();
    bool is_valid(std::string const& token) const;
    std::chrono::seconds ttl() const { return ttl_; }

private:
    using clock = std::chrono::steady_clock;
    void forget_expired();

    std::chrono::seconds ttl_;
    std::unordered_map<std::string, clock::time_point> issued_;
};

} // namespace local_server
