// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// corti-admin: the command line. CLI11 reads the arguments; the commands
// (commands.cpp) and the import (import.cpp) run them on the library.

#include "cli.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

namespace corti_cli {

namespace admin = corti::admin;

std::optional<run_settings> load_settings(global_options const& g)
{
    // The flags win over the environment; the credentials come only from it.
    if(!g.base_url.empty())
        ::setenv("CORTI_ADMIN_BASE_URL", g.base_url.c_str(), 1);
    if(!g.ca_file.empty())
        ::setenv("CORTI_ADMIN_CA_FILE", g.ca_file.c_str(), 1);
    auto s = admin::settings_from_environment(admin::scheme_policy::allow_http_on_loopback);
    if(!s)
    {
        std::cerr << "settings: " << s.error() << '\n';
        return std::nullopt;
    }
    run_settings r{std::move(*s), std::chrono::seconds(30), g.json};
    if(g.timeout)
        r.timeout =
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(*g.timeout));
    return r;
}

bool is_refusal(admin::error const& e, bool token_request)
{
    if(e != admin::errc::api_error)
        return false;
    return e.http_status == 401 || (token_request && e.http_status == 403);
}

int report(char const* what, admin::error const& e, bool token_request)
{
    std::cerr << what << ": " << e << '\n';
    if(is_refusal(e, token_request))
    {
        std::cerr << "the credentials were refused (check CORTI_ADMIN_TOKEN, or CORTI_ADMIN_EMAIL and "
                     "CORTI_ADMIN_PASSWORD)\n";
        return exit_refused;
    }
    return exit_failed;
}

} // namespace corti_cli

int main(int argc, char** argv)
{
    using namespace corti_cli;
    CLI::App app{"corti-admin: the Corti Admin API from the command line.\n"
                 "Credentials come from the environment only: CORTI_ADMIN_TOKEN, or CORTI_ADMIN_EMAIL and "
                 "CORTI_ADMIN_PASSWORD;\nCORTI_ADMIN_BASE_URL and CORTI_ADMIN_CA_FILE are the defaults of "
                 "--base-url and --ca-file.",
                 "corti-admin"};
    app.require_subcommand(1);
    app.fallthrough(); // global options may follow the command
    global_options g;
    app.add_option("--base-url", g.base_url, "the API's base URL (default: CORTI_ADMIN_BASE_URL, else Corti's)");
    app.add_option("--ca-file", g.ca_file,
                   "PEM file of CAs to trust (default: CORTI_ADMIN_CA_FILE, else the system's)");
    app.add_option("--timeout", g.timeout, "seconds one call may take (default 30)")->check(CLI::PositiveNumber);
    app.add_flag("--json", g.json, "one JSON object per line on stdout");

    command cmd = command::token;
    command_args a;
    import_options io;
    bool import = false;

    auto on = [&](CLI::App* sub, command c) { sub->callback([&cmd, c] { cmd = c; }); };
    auto paging = [&](CLI::App* sub) {
        sub->add_option("--page", a.page, "only this page (1-based); default: every page")->check(CLI::PositiveNumber);
        sub->add_option("--page-size", a.page_size, "items per page (default 100)")->check(CLI::Range(1, 1000));
    };

    on(app.add_subcommand("token", "fetch a token with CORTI_ADMIN_EMAIL/PASSWORD; print its type and expiry only"),
       command::token);

    auto* customers = app.add_subcommand("customers", "list, create, update, delete customers; read their quotas");
    customers->require_subcommand(1);
    auto* cl = customers->add_subcommand("list", "list the project's customers");
    cl->add_option("PROJECT", a.project)->required();
    paging(cl);
    on(cl, command::customers_list);
    auto* cc = customers->add_subcommand("create", "create a customer");
    cc->add_option("PROJECT", a.project)->required();
    cc->add_option("CUSTOMER", a.customer, "its customerId")->required();
    cc->add_option("--display-name", a.display_name, "displayName (default: CUSTOMER)");
    cc->add_option("--tenant", a.tenant, "tenantName (server default: base)");
    cc->add_option("--region", a.region, "eu or us (server default: eu)")->check(CLI::IsMember({"eu", "us"}));
    cc->add_option("--nfr", a.nfr, "true or false: Not-For-Resale");
    on(cc, command::customers_create);
    auto* cu = customers->add_subcommand("update", "update a customer");
    cu->add_option("PROJECT", a.project)->required();
    cu->add_option("CUSTOMER", a.customer)->required();
    cu->add_option("--display-name", a.display_name, "new displayName");
    cu->add_option("--new-id", a.new_id, "new customerId (renames the customer)");
    cu->add_option("--nfr", a.nfr, "true or false");
    on(cu, command::customers_update);
    auto* cd = customers->add_subcommand("delete", "delete a customer and its users");
    cd->add_option("PROJECT", a.project)->required();
    cd->add_option("CUSTOMER", a.customer)->required();
    on(cd, command::customers_delete);
    auto* cq = customers->add_subcommand("quotas", "a customer's user quota");
    cq->add_option("PROJECT", a.project)->required();
    cq->add_option("CUSTOMER", a.customer)->required();
    on(cq, command::customers_quotas);

    auto* users = app.add_subcommand("users", "list, create, update, delete, import users; read consumption");
    users->require_subcommand(1);
    auto* ul = users->add_subcommand("list", "list a customer's users");
    ul->add_option("PROJECT", a.project)->required();
    ul->add_option("CUSTOMER", a.customer)->required();
    paging(ul);
    on(ul, command::users_list);
    auto* uc = users->add_subcommand("create", "create a user (without --password-stdin the server invites them)");
    uc->add_option("PROJECT", a.project)->required();
    uc->add_option("CUSTOMER", a.customer)->required();
    uc->add_option("--email", a.email)->required();
    uc->add_option("--first-name", a.first_name)->required();
    uc->add_option("--last-name", a.last_name)->required();
    uc->add_flag("--password-stdin", a.password_stdin, "read the initial password from stdin's first line");
    on(uc, command::users_create);
    auto* uu = users->add_subcommand("update", "update a user");
    uu->add_option("PROJECT", a.project)->required();
    uu->add_option("CUSTOMER", a.customer)->required();
    uu->add_option("USER_ID", a.user_id)->required();
    uu->add_option("--first-name", a.first_name);
    uu->add_option("--last-name", a.last_name);
    uu->add_option("--enabled", a.enabled, "true or false");
    uu->add_flag("--password-stdin", a.password_stdin, "read a new password from stdin's first line");
    on(uu, command::users_update);
    auto* ud = users->add_subcommand("delete", "delete a user");
    ud->add_option("PROJECT", a.project)->required();
    ud->add_option("CUSTOMER", a.customer)->required();
    ud->add_option("USER_ID", a.user_id)->required();
    on(ud, command::users_delete);
    auto* ucon = users->add_subcommand("consumption", "credits a user consumed from --from to --to");
    ucon->add_option("PROJECT", a.project)->required();
    ucon->add_option("CUSTOMER", a.customer)->required();
    ucon->add_option("USER_ID", a.user_id)->required();
    ucon->add_option("--from", a.from, "RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z")->required();
    ucon->add_option("--to", a.to, "RFC 3339 date-time")->required();
    ucon->add_option("--time-zone", a.time_zone, "IANA zone of the consumption windows");
    on(ucon, command::users_consumption);
    auto* ui = users->add_subcommand("import", "create the users of a CSV file (email,firstName,lastName[,password])");
    ui->add_option("PROJECT", io.project)->required();
    ui->add_option("CUSTOMER", io.customer)->required();
    ui->add_option("FILE", io.file, "CSV with a header row")->required();
    ui->add_option("--concurrency", io.concurrency, "calls in flight (default 4)");
    ui->add_option("--journal", io.journal, "append each row's outcome here; rows already done in it are skipped");
    ui->add_flag("--check", io.check, "only check the file; send nothing");
    ui->callback([&import] { import = true; });

    auto* q = app.add_subcommand("quotas", "the quotas of every tenant of a project");
    q->add_option("PROJECT", a.project)->required();
    on(q, command::quotas);

    try
    {
        app.parse(argc, argv);
    }
    catch(CLI::CallForHelp const& e)
    {
        return app.exit(e);
    }
    catch(CLI::CallForAllHelp const& e)
    {
        return app.exit(e);
    }
    catch(CLI::ParseError const& e)
    {
        app.exit(e);
        return exit_usage;
    }
    if(import)
        return run_import(g, io);
    return run_command(g, cmd, a);
}
