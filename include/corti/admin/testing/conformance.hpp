// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTING_CONFORMANCE_HPP
#define CORTI_ADMIN_TESTING_CONFORMANCE_HPP

/** @file
    Part of `<corti/admin/testing.hpp>`: the transport conformance kit. It
    runs a fixed list of checks of the transport requirement
    (`<corti/admin/transport.hpp>`) against a running
    `corti-admin-local-server` and reports each one. Independent of any test
    framework and of Asio; uses `Transport::send`, and `Transport::async_send`
    with a plain callable as the completion handler when the transport has it.

    @code
    // Start: corti-admin-local-server --port 0 --ready-file port.txt --ca-out ca.pem --seed-customer contosohospital
    my_transport t(my_options_trusting("ca.pem"));
    corti::admin::testing::conformance_target target;
    target.port = port_from("port.txt");
    target.max_body_size = my_options.max_body_size;
    target.run_async = [&] { ioc.restart(); ioc.run(); }; // only for a transport with async_send on `ioc`
    auto report = corti::admin::testing::check_transport(t, target);
    std::cout << report;              // one line per check
    return report.passed() ? 0 : 1;
    @endcode

    The kit injects faults through the server's `/_test/fault` hook and
    reads its counters from `/_test/stats` (it resets both first), so point
    it only at a server that is there for testing.
*/

#include <corti/admin/testing/conformance_report.hpp>
#include <corti/admin/testing/detail/conformance_checks.hpp>
#include <corti/admin/transport.hpp>

namespace corti {
namespace admin {
namespace testing {

/** Runs the conformance checks against a transport.

    The checks, in order (each starts with `POST /_test/reset`):
    `auth_token` (a POST with a sensitive body), `create_user` (a POST,
    parsed), `get_request` (a GET without a body), `delete_no_content` (a
    204 without a body, then another request), `api_error_is_a_response`
    (a 404 is a response, not a transport error), `redirect_not_followed`
    (a 307 is returned, one POST reached the server), `chunked_body`,
    `cut_body_is_an_error` (`errc::truncated_response`), `post_not_resent`
    (the server closes mid-body: one POST, then an error), `body_limit`
    (`errc::body_too_large`), `keep_alive` (no new connection for 5
    requests), `stale_connection` (the server closes an idle connection;
    the next POST succeeds and is sent once), `deadline` (skipped when
    `target.timeout` is 0; `errc::timeout` before the server answers),
    `concurrent_async_sends` (skipped for a transport without `async_send`,
    or when `target.run_async` is empty: `target.concurrent_sends` (16)
    create-user requests started at once with `async_send`, then
    `run_async` is called and the handlers awaited, at most 30 s; each
    completes once with a 200/201 holding the user its own request
    created, and the server saw each POST once) and
    `secrets_not_in_errors` (no error text contains the token or the
    password). A skipped check is in the report as passed, with
    `skipped` set and the reason as its `detail`.

    @param t the transport under test, configured to trust the server's CA
    (`--ca-out`) and with `target.max_body_size` / `target.timeout`.
    @param target the running server and the transport's limits.

    @return one entry per check. Never throws on a failing check; a
    transport that cannot reach the server gives a report whose first
    check failed; a target whose project or customer id is invalid fails
    the checks that need a request with it ("building the request: ...",
    nothing sent). Every answer is checked before it is read, so no
    transport, however broken, makes the kit misbehave. Secrets are
    scrubbed from the report's texts, and the token answer is never quoted.

    @par Thread Safety
    Calls `t` from the calling thread only; the handlers of
    `concurrent_async_sends` run wherever the transport's executor runs
    (the kit synchronizes with them). The transport must not be used
    elsewhere meanwhile. Takes a few hundred milliseconds plus
    `target.timeout` + 1 s for the deadline check.
*/
template<class Transport>
conformance_report check_transport(Transport& t, conformance_target const& target)
{
    static_assert(is_transport_v<Transport>,
                  "check_transport: Transport must have `send(corti::admin::http_request const&)` returning "
                  "corti::admin::result<corti::admin::http_response>");
    return detail::conformance_run<Transport>(t, target).run();
}

} // namespace testing
} // namespace admin
} // namespace corti

#endif
