// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "options.hpp"

#include <charconv>
#include <functional>
#include <iostream>
#include <map>
#include <string_view>

namespace local_server {
namespace {

constexpr const char* usage_text =
    R"(usage: corti-admin-local-server [options]

A local stand-in for the Corti Admin API, for development and end-to-end tests.

  --bind ADDR            address to listen on (default 127.0.0.1)
  --port N               port to listen on (default 0: pick a free port)
  --plain                serve plain HTTP instead of HTTPS
  --ca-out FILE          where to write the generated self-signed certificate
                         (PEM; default ./local-server-ca.pem)
  --cert-host NAME       DNS name or IP for the certificate's subjectAltName;
                         repeatable (default: localhost and 127.0.0.1)
  --ready-file FILE      once listening, write the port number to FILE
  --email E              Console email that /auth/token accepts
                         (default admin@example.com)
  --password P           Console password that /auth/token accepts
                         (default local-dev-password)
  --project ID           a project that exists; repeatable (default consoleproject)
  --token-ttl SECONDS    lifetime of issued tokens (default 3600)
  --create-status 200|201  status of successful creates (default 201)
  --pagination total|hasNextPage  pagination object form (default hasNextPage)
  --user-quota N         max enabled users per customer (default -1: unlimited)
  --seed-customer ID     a customer that exists at start in every project;
                         repeatable
  --max-connections N    accepted and ignored (connections are not limited)
  --help                 show this text
)";

bool parse_int(std::string_view text, std::int64_t& out)
{
    auto const* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end && !text.empty();
}

// Thrown for a bad command line; the message is printed before exiting 2.
struct usage_error
{
    std::string message;
};

std::int64_t int_in_range(std::string_view flag, std::string_view value, std::int64_t lo, std::int64_t hi)
{
    std::int64_t n = 0;
    if(!parse_int(value, n) || n < lo || n > hi)
        throw usage_error{std::string(flag) + ": expected an integer from " + std::to_string(lo) + " to " +
                          std::to_string(hi) + ", got '" + std::string(value) + "'"};
    return n;
}

using setter = std::function<void(server_options&, std::string_view flag, std::string_view value)>;

// Flags that take a value, and what each does with it.
const std::map<std::string_view, setter>& value_flags()
{
    static const std::map<std::string_view, setter> flags = {
        {"--bind", [](server_options& o, auto, auto v) { o.bind_address = std::string(v); }},
        {"--port",
         [](server_options& o, auto f, auto v) { o.port = static_cast<std::uint16_t>(int_in_range(f, v, 0, 65535)); }},
        {"--ca-out", [](server_options& o, auto, auto v) { o.ca_out = std::string(v); }},
        {"--cert-host", [](server_options& o, auto, auto v) { o.cert_hosts.emplace_back(v); }},
        {"--ready-file", [](server_options& o, auto, auto v) { o.ready_file = std::string(v); }},
        {"--email", [](server_options& o, auto, auto v) { o.email = std::string(v); }},
        {"--password", [](server_options& o, auto, auto v) { o.password = std::string(v); }},
        {"--project", [](server_options& o, auto, auto v) { o.projects.emplace_back(v); }},
        {"--token-ttl",
         [](server_options& o, auto f, auto v) { o.token_ttl_seconds = int_in_range(f, v, 1, 100000000); }},
        {"--create-status",
         [](server_options& o, auto f, auto v) {
             if(v != "200" && v != "201")
                 throw usage_error{std::string(f) + ": expected 200 or 201"};
             o.create_status = v == "200" ? 200u : 201u;
         }},
        {"--pagination",
         [](server_options& o, auto f, auto v) {
             if(v == "total")
                 o.pagination = pagination_style::total;
             else if(v == "hasNextPage")
                 o.pagination = pagination_style::has_next_page;
             else
                 throw usage_error{std::string(f) + ": expected total or hasNextPage"};
         }},
        {"--user-quota", [](server_options& o, auto f, auto v) { o.user_quota = int_in_range(f, v, -1, 1000000000); }},
        {"--seed-customer", [](server_options& o, auto, auto v) { o.seed_customers.emplace_back(v); }},
        // Accepted for compatibility and ignored: connections are not limited.
        {"--max-connections", [](server_options&, auto f, auto v) { int_in_range(f, v, 1, 1000000); }},
    };
    return flags;
}

void apply_defaults(server_options& o)
{
    if(o.cert_hosts.empty())
        o.cert_hosts = {"localhost", "127.0.0.1"};
    if(o.projects.empty())
        o.projects = {"consoleproject"};
}

} // namespace

parse_result parse_options(int argc, char** argv)
{
    server_options options;
    try
    {
        for(int i = 1; i < argc; ++i)
        {
            std::string_view arg = argv[i];
            std::string_view value;
            bool inline_value = false;
            // Accept both "--flag value" and "--flag=value".
            if(auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string_view::npos)
            {
                value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                inline_value = true;
            }
            if(arg == "--help" || arg == "-h")
            {
                std::cout << usage_text;
                return {std::nullopt, 0};
            }
            if(arg == "--plain")
            {
                if(inline_value)
                    throw usage_error{"--plain takes no value"};
                options.plain = true;
                continue;
            }
            auto it = value_flags().find(arg);
            if(it == value_flags().end())
                throw usage_error{"unknown option '" + std::string(arg) + "'"};
            if(!inline_value)
            {
                if(i + 1 >= argc)
                    throw usage_error{std::string(arg) + " needs a value"};
                value = argv[++i];
            }
            it->second(options, arg, value);
        }
    }
    catch(usage_error const& e)
    {
        std::cerr << "corti-admin-local-server: " << e.message << "\n\n" << usage_text;
        return {std::nullopt, 2};
    }
    apply_defaults(options);
    return {std::move(options), 0};
}

} // namespace local_server
