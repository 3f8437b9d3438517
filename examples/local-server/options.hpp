// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Command-line options of corti-admin-local-server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace local_server {

enum class pagination_style
{
    has_next_page,
    total
};

struct server_options
{
    std::string bind_address = "127.0.0.1";
    std::uint16_t port = 0; // 0: let the kernel pick a free port
    bool plain = false;     // plain HTTP instead of HTTPS
    std::string ca_out = "./local-server-ca.pem";
    std::vector<std::string> cert_hosts; // empty until parsed; then defaulted
    std::string ready_file;              // empty: do not write one
    std::string email = "admin@example.com";
    std::string password = "local-dev-password";
    std::vector<std::string> projects; // defaulted to {"consoleproject"}
    std::int64_t token_ttl_seconds = 3600;
    unsigned create_status = 201;
    pagination_style pagination = pagination_style::has_next_page;
    std::int64_t user_quota = -1; // -1: unlimited
    std::vector<std::string> seed_customers;
};

// What parse_options() decided: run with the options, or exit with a code
// after having printed usage or an error.
struct parse_result
{
    std::optional<server_options> options;
    int exit_code = 0;
};

parse_result parse_options(int argc, char** argv);

} // namespace local_server
