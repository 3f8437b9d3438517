// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_APPS_COMMANDS_HPP
#define CORTI_ADMIN_APPS_COMMANDS_HPP

/** @file
    The one-call commands of `corti-admin`: each one makes a client, signs
    in, runs its operation and prints the answer (a table, or JSON lines).
*/

#include "cli.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace corti_cli {

/// Every argument a one-call command may take; each command reads its own.
struct command_args
{
    std::string project;                     ///< PROJECT
    std::string customer;                    ///< CUSTOMER
    std::string user_id;                     ///< USER_ID
    std::int64_t page = 0;                   ///< --page: one page; 0 for every page
    std::int64_t page_size = 100;            ///< --page-size
    std::optional<std::string> display_name; ///< --display-name
    std::optional<std::string> new_id;       ///< customers update --new-id
    std::optional<std::string> tenant;       ///< --tenant
    std::optional<std::string> region;       ///< --region
    std::optional<bool> nfr;                 ///< --nfr
    std::optional<std::string> email;        ///< --email
    std::optional<std::string> first_name;   ///< --first-name
    std::optional<std::string> last_name;    ///< --last-name
    std::optional<bool> enabled;             ///< --enabled
    bool password_stdin = false;             ///< --password-stdin: the password is stdin's first line
    std::string from;                        ///< --from
    std::string to;                          ///< --to
    std::optional<std::string> time_zone;    ///< --time-zone
};

/// The one-call commands.
enum class command
{
    token,
    customers_list,
    customers_create,
    customers_update,
    customers_delete,
    customers_quotas,
    users_list,
    users_create,
    users_update,
    users_delete,
    users_consumption,
    quotas
};

/// Runs `cmd`. @return its exit code.
int run_command(global_options const& g, command cmd, command_args const& a);

} // namespace corti_cli

#endif
