// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The one-call commands: a synchronous client, one operation, a table or JSON lines.

#include "commands.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>
#include <corti/admin/beast/settings.hpp>
#include <corti/admin/json.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

namespace corti_cli {

namespace admin = corti::admin;

namespace {

using table_row = std::vector<std::string>;

/// Code points, for column widths (names are UTF-8).
std::size_t width(std::string const& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void print_table(table_row const& head, std::vector<table_row> const& rows)
{
    std::vector<std::size_t> w(head.size());
    for(std::size_t i = 0; i < head.size(); ++i)
        w[i] = width(head[i]);
    for(auto const& r : rows)
        for(std::size_t i = 0; i < r.size() && i < w.size(); ++i)
            w[i] = std::max(w[i], width(r[i]));
    auto line = [&](table_row const& r) {
        std::string out;
        for(std::size_t i = 0; i < r.size(); ++i)
        {
            out += r[i];
            if(i + 1 < r.size())
                out.append(w[i] - width(r[i]) + 2, ' ');
        }
        std::cout << out << '\n';
    };
    line(head);
    for(auto const& r : rows)
        line(r);
}

template<class T>
void print_json(T const& x)
{
    std::cout << boost::json::serialize(boost::json::value_from(x)) << '\n';
}

std::string yes_no(std::optional<bool> b) { return b ? (*b ? "yes" : "no") : "-"; }

template<class T>
std::string opt_string(std::optional<T> const& v)
{
    return v ? v->to_string() : "-";
}

std::string quota_string(std::int64_t q) { return q == -1 ? "unlimited" : std::to_string(q); }

void print_customers(std::vector<admin::customer> const& cs, bool json)
{
    if(json)
    {
        for(auto const& c : cs)
            print_json(c);
        return;
    }
    std::vector<table_row> rows;
    for(auto const& c : cs)
        rows.push_back({c.customer_id, c.display_name, c.tenant_name, std::string(admin::to_string(c.region)),
                        yes_no(c.is_nfr), opt_string(c.created_at)});
    print_table({"CUSTOMER ID", "DISPLAY NAME", "TENANT", "REGION", "NFR", "CREATED"}, rows);
}

void print_users(std::vector<admin::user> const& us, bool json)
{
    if(json)
    {
        for(auto const& u : us)
            print_json(u);
        return;
    }
    std::vector<table_row> rows;
    for(auto const& u : us)
        rows.push_back({opt_string(u.id), u.email, u.first_name, u.last_name, u.enabled ? "yes" : "no",
                        yes_no(u.email_verified), opt_string(u.created_at)});
    print_table({"ID", "EMAIL", "FIRST NAME", "LAST NAME", "ENABLED", "VERIFIED", "CREATED"}, rows);
}

void print_quota(admin::quota_usage const& q, std::string tenant, std::string region, std::vector<table_row>& rows)
{
    rows.push_back({std::move(tenant), std::move(region), quota_string(q.quota), std::to_string(q.usage),
                    q.remaining ? quota_string(*q.remaining) : "-"});
}

/// Reads one line of stdin as a password; nothing of it is echoed or printed.
std::optional<admin::secret> read_password()
{
    std::string line;
    if(!std::getline(std::cin, line))
        return std::nullopt;
    if(!line.empty() && line.back() == '\r')
        line.pop_back();
    admin::secret s(line);
    std::fill(line.begin(), line.end(), '\0');
    return s;
}

/// The token command: an exchange of its own, so that the token's type and lifetime can be shown.
int run_token(run_settings const& s)
{
    auto const* login = std::get_if<admin::console_credentials>(&s.settings.credentials);
    if(!login)
    {
        std::cerr << "token: CORTI_ADMIN_TOKEN is a fixed token; set CORTI_ADMIN_EMAIL and CORTI_ADMIN_PASSWORD "
                     "(and not CORTI_ADMIN_TOKEN) to fetch one\n";
        return exit_usage;
    }
    auto req = admin::make_fetch_token_request(s.settings.config, login->email, login->password);
    if(!req)
        return report("token", req.error(), true);
    admin::beast_transport_options opts;
    opts.timeout = s.timeout;
    admin::beast_transport t(admin::beast_options(s.settings, opts));
    auto resp = t.send(*req);
    if(!resp)
        return report("token", resp.error(), true);
    auto tok = admin::parse_fetch_token_response(*resp, s.settings.config);
    resp->wipe();
    if(!tok)
        return report("token", tok.error(), true);
    if(s.json)
        print_json(*tok); // value_from leaves the token out
    else
        std::cout << "token type: " << tok->token_type << "\nexpires in: " << tok->expires_in << " s\n";
    return exit_ok;
}

} // namespace

int run_command(global_options const& g, command cmd, command_args const& a)
{
    auto s = load_settings(g);
    if(!s)
        return exit_usage;
    if(cmd == command::token)
        return run_token(*s);

    admin::beast_transport_options opts;
    opts.timeout = s->timeout;
    auto c = admin::make_beast_client(s->settings, opts);
    if(std::holds_alternative<admin::console_credentials>(s->settings.credentials))
        if(auto r = c.fetch_token(); !r)
            return report("token", r.error(), true);
    bool const json = s->json;
    admin::paging_options all{a.page_size, 1000};
    admin::page_request one{a.page, a.page_size};

    switch(cmd)
    {
    case command::token: break;
    case command::customers_list: {
        if(a.page > 0)
        {
            auto r = c.list_customers(a.project, one);
            if(!r)
                return report("customers list", r.error());
            print_customers(r->customers, json);
            if(!json && r->pagination.has_more())
                std::cout << "(more on page " << a.page + 1 << ")\n";
            return exit_ok;
        }
        auto r = c.list_all_customers(a.project, all);
        if(!r)
            return report("customers list", r.error());
        print_customers(*r, json);
        return exit_ok;
    }
    case command::customers_create: {
        admin::new_customer nc;
        nc.customer_id = a.customer;
        nc.display_name = a.display_name.value_or(a.customer);
        nc.tenant_name = a.tenant;
        if(a.region)
            nc.region = *a.region == "us" ? admin::region::us : admin::region::eu;
        nc.is_nfr = a.nfr;
        auto r = c.create_customer(a.project, nc);
        if(!r)
            return report("customers create", r.error());
        print_customers({*r}, json);
        return exit_ok;
    }
    case command::customers_update: {
        admin::customer_update u;
        u.display_name = a.display_name;
        u.customer_id = a.new_id;
        u.is_nfr = a.nfr;
        auto r = c.update_customer(a.project, a.customer, u);
        if(!r)
            return report("customers update", r.error());
        print_customers({*r}, json);
        return exit_ok;
    }
    case command::customers_delete: {
        auto r = c.delete_customer(a.project, a.customer);
        if(!r)
            return report("customers delete", r.error());
        if(json)
            std::cout << boost::json::serialize(boost::json::object{{"deleted", a.customer}}) << '\n';
        else
            std::cout << "deleted customer " << a.customer << '\n';
        return exit_ok;
    }
    case command::customers_quotas: {
        auto r = c.get_customer_quotas(a.project, a.customer);
        if(!r)
            return report("customers quotas", r.error());
        if(json)
            print_json(*r);
        else
        {
            std::vector<table_row> rows;
            rows.push_back({"users", quota_string(r->users.quota), std::to_string(r->users.usage),
                            r->users.remaining ? quota_string(*r->users.remaining) : "-"});
            print_table({"QUOTA", "LIMIT", "USAGE", "REMAINING"}, rows);
        }
        return exit_ok;
    }
    case command::users_list: {
        if(a.page > 0)
        {
            auto r = c.list_users(a.project, a.customer, one);
            if(!r)
                return report("users list", r.error());
            print_users(r->users, json);
            if(!json && r->pagination.has_more())
                std::cout << "(more on page " << a.page + 1 << ")\n";
            return exit_ok;
        }
        auto r = c.list_all_users(a.project, a.customer, all);
        if(!r)
            return report("users list", r.error());
        print_users(*r, json);
        return exit_ok;
    }
    case command::users_create: {
        admin::new_user u;
        u.email = a.email.value_or("");
        u.first_name = a.first_name.value_or("");
        u.last_name = a.last_name.value_or("");
        if(a.password_stdin)
        {
            u.password = read_password();
            if(!u.password)
            {
                std::cerr << "users create: --password-stdin: no line on stdin\n";
                return exit_usage;
            }
        }
        auto r = c.create_user(a.project, a.customer, u);
        if(!r)
            return r.error() == admin::errc::invalid_field ? (report("users create", r.error()), int(exit_usage))
                                                           : report("users create", r.error());
        print_users({*r}, json);
        return exit_ok;
    }
    case command::users_update:
    case command::users_delete:
    case command::users_consumption: {
        auto id = admin::uuid::parse(a.user_id);
        if(!id)
        {
            std::cerr << "USER_ID: not a UUID\n";
            return exit_usage;
        }
        if(cmd == command::users_delete)
        {
            auto r = c.delete_user(a.project, a.customer, *id);
            if(!r)
                return report("users delete", r.error());
            if(json)
                std::cout << boost::json::serialize(boost::json::object{{"deleted", a.user_id}}) << '\n';
            else
                std::cout << "deleted user " << a.user_id << '\n';
            return exit_ok;
        }
        if(cmd == command::users_consumption)
        {
            auto from = admin::date_time::parse(a.from);
            auto to = admin::date_time::parse(a.to);
            if(!from || !to)
            {
                std::cerr << (from ? "--to" : "--from") << ": not an RFC 3339 date-time\n";
                return exit_usage;
            }
            std::optional<std::string_view> tz;
            if(a.time_zone)
                tz = *a.time_zone;
            auto r = c.get_user_consumption(a.project, a.customer, *id, *from, *to, tz);
            if(!r)
                return report("users consumption", r.error());
            if(json)
                std::cout << boost::json::serialize(boost::json::object{{"consumption", *r}}) << '\n';
            else
                std::cout << "consumption: " << *r << " credits\n";
            return exit_ok;
        }
        admin::user_update u;
        u.first_name = a.first_name;
        u.last_name = a.last_name;
        u.enabled = a.enabled;
        if(a.password_stdin)
        {
            u.password = read_password();
            if(!u.password)
            {
                std::cerr << "users update: --password-stdin: no line on stdin\n";
                return exit_usage;
            }
        }
        auto r = c.update_user(a.project, a.customer, *id, u);
        if(!r)
            return report("users update", r.error());
        print_users({*r}, json);
        return exit_ok;
    }
    case command::quotas: {
        auto r = c.get_project_quotas(a.project);
        if(!r)
            return report("quotas", r.error());
        if(json)
        {
            for(auto const& q : r->quotas)
                print_json(q);
            return exit_ok;
        }
        std::vector<table_row> rows;
        for(auto const& q : r->quotas)
            print_quota(q.users, q.tenant_name, q.region, rows);
        print_table({"TENANT", "REGION", "USER QUOTA", "USAGE", "REMAINING"}, rows);
        return exit_ok;
    }
    }
    return exit_failed;
}

} // namespace corti_cli
