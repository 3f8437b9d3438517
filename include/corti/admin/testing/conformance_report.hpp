// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTING_CONFORMANCE_REPORT_HPP
#define CORTI_ADMIN_TESTING_CONFORMANCE_REPORT_HPP

/** @file
    Part of `<corti/admin/testing.hpp>`: what the transport conformance kit
    (`<corti/admin/testing/conformance.hpp>`) is told, `conformance_target`,
    and what it reports, `conformance_report`.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/secret.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace corti {
namespace admin {
namespace testing {

/** Where the server under test runs, and what the kit must know about the
    transport it checks.
*/
struct conformance_target
{
    /// The server's host (the name its certificate was made for).
    std::string host = "localhost";
    /// The server's port (`--ready-file` writes it).
    std::uint16_t port = 0;
    /// False for a server started with `--plain`.
    bool tls = true;
    /// The API's path prefix; the server accepts it or none.
    std::string encoded_base_path = "/functions/v1/public";
    /// A project that exists (`--project`; default `consoleproject`).
    std::string project_id = "consoleproject";
    /// A customer that exists (`--seed-customer`).
    std::string customer_id = "contosohospital";
    /// The Console credentials the server accepts (`--email`, `--password`);
    /// the kit gets its bearer token with them through `/auth/token`.
    std::string email = "admin@example.com";
    /// The password that goes with `email`.
    secret password{"local-dev-password"};
    /// The transport's body limit: the oversized body sent exceeds it.
    std::size_t max_body_size = limits{}.max_body_size;
    /// The transport's deadline. Zero skips the deadline check; otherwise
    /// the server delays one answer by `timeout` + 1 s.
    std::chrono::milliseconds timeout{0};
    /// How long the stale-connection check leaves a closed connection
    /// idle, so that the server's close has arrived before the next request.
    std::chrono::milliseconds idle_pause{200};
    /// For a transport with `async_send`: runs the executor its operations
    /// run on, on the calling thread, until the concurrency check's sends
    /// are done. For an `io_context`: `[&] { ioc.restart(); ioc.run(); }`.
    /// When other threads already run it, a function that returns at once
    /// (`[] {}`); the kit then waits for the handlers. Empty: the
    /// `concurrent_async_sends` check is skipped.
    std::function<void()> run_async;
    /// How many requests the concurrency check starts at once.
    std::size_t concurrent_sends = 16;
};

/// The outcome of one check.
struct conformance_check
{
    std::string name;     ///< e.g. `keep_alive`
    bool passed = false;  ///< true when the check passed, or was skipped
    std::string detail;   ///< what was seen (on failure: what was wrong; skipped: why)
    bool skipped = false; ///< true when the check did not apply to this transport or target
};

/// The outcome of all checks, in the order they ran.
struct conformance_report
{
    std::vector<conformance_check> checks; ///< one per check, in the order they ran

    /// Returns true when every check passed or was skipped (and there was at least one).
    bool passed() const noexcept { return !checks.empty() && failures() == 0; }

    /// Returns the number of failed checks.
    std::size_t failures() const noexcept
    {
        std::size_t n = 0;
        for(auto const& c : checks)
            n += c.passed ? 0 : 1;
        return n;
    }

    /// Returns the check named `name`, or null when it is not in the report.
    conformance_check const* find(std::string const& name) const noexcept
    {
        for(auto const& c : checks)
            if(c.name == name)
                return &c;
        return nullptr;
    }

    /// Returns one line per check, `[pass] name: detail`, `[skip] name:
    /// reason` or `[FAIL] ...`.
    std::string to_string() const
    {
        std::string s;
        for(auto const& c : checks)
        {
            s += c.skipped ? "[skip] " : c.passed ? "[pass] " : "[FAIL] ";
            s += c.name;
            if(!c.detail.empty())
            {
                s += ": ";
                s += c.detail;
            }
            s += '\n';
        }
        return s;
    }

    /// Prints `to_string()`.
    friend std::ostream& operator<<(std::ostream& os, conformance_report const& r) { return os << r.to_string(); }
};

} // namespace testing
} // namespace admin
} // namespace corti

#endif
