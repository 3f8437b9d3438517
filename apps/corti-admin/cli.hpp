// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_APPS_CLI_HPP
#define CORTI_ADMIN_APPS_CLI_HPP

/** @file
    What the parts of `corti-admin` share: the global options, the settings
    they make, the exit codes, and the commands' entry points.
*/

#include <corti/admin/error.hpp>
#include <corti/admin/settings.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace corti_cli {

/// The exit codes the issue fixes.
enum exit_code : int
{
    exit_ok = 0,           ///< every row created or existing; the command succeeded
    exit_failed = 1,       ///< a row or the command failed
    exit_usage = 2,        ///< usage or invalid input
    exit_refused = 3,      ///< the credentials were refused
    exit_interrupted = 130 ///< SIGINT
};

/// The options before (or anywhere after) the command.
struct global_options
{
    std::string base_url;          ///< --base-url, else CORTI_ADMIN_BASE_URL
    std::string ca_file;           ///< --ca-file, else CORTI_ADMIN_CA_FILE
    std::optional<double> timeout; ///< --timeout in seconds, per call
    bool json = false;             ///< --json
};

/// The settings and the transport's knobs a command runs with.
struct run_settings
{
    corti::admin::client_settings settings;      ///< config, credentials, CA file
    std::chrono::steady_clock::duration timeout; ///< per call
    bool json = false;                           ///< --json
};

/// Reads the environment, with the flags overriding it. Prints the error and returns nothing on failure.
std::optional<run_settings> load_settings(global_options const& g);

/// True when `e` says the credentials were refused: a 401, or a 403 from `/auth/token`.
bool is_refusal(corti::admin::error const& e, bool token_request);

/// Prints `what: error` on stderr and returns its exit code (3 for a refusal, else 1).
int report(char const* what, corti::admin::error const& e, bool token_request = false);

/// `users import`'s arguments.
struct import_options
{
    std::string project;         ///< PROJECT
    std::string customer;        ///< CUSTOMER
    std::string file;            ///< FILE.csv
    std::size_t concurrency = 4; ///< calls in flight
    std::string journal;         ///< --journal, empty for none
    bool check = false;          ///< --check: validate only
};

/// Runs `users import`. @return its exit code.
int run_import(global_options const& g, import_options const& o);

} // namespace corti_cli

#endif
