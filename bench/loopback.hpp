// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BENCH_LOOPBACK_HPP
#define CORTI_ADMIN_BENCH_LOOPBACK_HPP

// The local server (examples/local-server) that the roundtrip_loopback and
// concurrent_create rows talk to. scripts/bench starts it and passes
//   CORTI_BENCH_SERVER  the base URL, e.g. https://127.0.0.1:41234/functions/v1/public
//   CORTI_BENCH_CA      the PEM file the server wrote with --ca-out
// and seeds the customer `contosohospital` in the project `consoleproject`.

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace corti_bench {

/// The server the loopback rows use, and a token for it (fetched once).
struct server_info
{
    std::string error;    // empty when usable
    std::string base_url; // https://127.0.0.1:PORT/functions/v1/public
    std::string ca_file;
    std::string token;
    corti::admin::config cfg;
};

/// A transport for `send` only, trusting the server's CA.
inline corti::admin::beast_transport make_transport(std::string const& ca_file)
{
    corti::admin::beast_transport_options o;
    o.ca_file = ca_file;
    return corti::admin::beast_transport(o);
}

/// The server from the environment, with a token fetched with the local
/// server's Console credentials; `error` says why it is unusable.
inline server_info const& server()
{
    namespace admin = corti::admin;
    static server_info const info = [] {
        server_info s;
        char const* url = std::getenv("CORTI_BENCH_SERVER");
        char const* ca = std::getenv("CORTI_BENCH_CA");
        if(!url || !ca || !*url || !*ca)
        {
            s.error = "CORTI_BENCH_SERVER / CORTI_BENCH_CA not set (run scripts/bench)";
            return s;
        }
        s.base_url = url;
        s.ca_file = ca;
        auto ep = admin::parse_base_url(s.base_url);
        if(!ep)
        {
            s.error = "CORTI_BENCH_SERVER: " + ep.error().to_string();
            return s;
        }
        s.cfg.endpoint = *ep;
        auto tr = make_transport(s.ca_file);
        auto req = admin::make_fetch_token_request(s.cfg, "admin@example.com", admin::secret("local-dev-password"));
        if(!req)
        {
            s.error = req.error().to_string();
            return s;
        }
        auto resp = tr.send(*req);
        if(!resp)
        {
            s.error = "POST /auth/token: " + resp.error().to_string();
            return s;
        }
        auto tok = admin::parse_fetch_token_response(*resp, s.cfg);
        if(!tok)
        {
            s.error = "POST /auth/token: " + tok.error().to_string();
            return s;
        }
        s.token = std::string(tok->token.reveal());
        return s;
    }();
    return info;
}

/// A unique email of constant length (21 bytes) for each call, in every row.
inline void next_email(std::string& out)
{
    static unsigned long long n = 0;
    char buf[32];
    int const len = std::snprintf(buf, sizeof buf, "u%010llu@example.com", ++n);
    out.assign(buf, static_cast<std::size_t>(len));
}

} // namespace corti_bench

#endif
