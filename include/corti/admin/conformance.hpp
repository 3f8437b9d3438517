// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_CONFORMANCE_HPP
#define CORTI_ADMIN_CONFORMANCE_HPP

/** @file
    The transport conformance kit: runs a fixed list of checks of the
    transport requirement (`<corti/admin/transport.hpp>`) against a running
    `corti-admin-local-server` and reports each one. Independent of any test
    framework and of Asio; uses only `Transport::send`.

    @code
    // Start: corti-admin-local-server --port 0 --ready-file port.txt --ca-out ca.pem --seed-customer contosohospital
    my_transport t(my_options_trusting("ca.pem"));
    corti::admin::testing::conformance_target target;
    target.port = port_from("port.txt");
    target.max_body_size = my_options.max_body_size;
    auto report = corti::admin::testing::check_transport(t, target);
    std::cout << report;              // one line per check
    return report.passed() ? 0 : 1;
    @endcode

    The kit injects faults through the server's `/_test/fault` hook and
    reads its counters from `/_test/stats` (it resets both first), so point
    it only at a server that is there for testing.
*/

#include <corti/admin/detail/redact.hpp>
#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/transport.hpp>
#include <corti/admin/uuid.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace corti {
namespace admin {

namespace detail {

// The body of the local server's `GET /_test/stats`, as far as the kit reads it.
struct stats_by_method
{
    std::optional<std::uint64_t> post;
};

struct stats_body
{
    std::uint64_t accepts = 0;
    stats_by_method requests_by_method;
};

template<>
struct json_schema<stats_by_method>
{
    static constexpr auto fields() { return std::make_tuple(json_field("POST", &stats_by_method::post)); }
};

template<>
struct json_schema<stats_body>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("accepts", &stats_body::accepts),
                               json_field("requests_by_method", &stats_body::requests_by_method));
    }
};

} // namespace detail

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
    secret password{"local-dev-password"};
    /// The transport's body limit: the oversized body sent exceeds it.
    std::size_t max_body_size = limits{}.max_body_size;
    /// The transport's deadline. Zero skips the deadline check; otherwise
    /// the server delays one answer by `timeout` + 1 s.
    std::chrono::milliseconds timeout{0};
    /// How long the stale-connection check leaves a closed connection
    /// idle, so that the server's close has arrived before the next request.
    std::chrono::milliseconds idle_pause{200};
};

/// The outcome of one check.
struct conformance_check
{
    std::string name;   ///< e.g. `keep_alive`
    bool passed = false;
    std::string detail; ///< what was seen (on failure: what was wrong)
};

/// The outcome of all checks, in the order they ran.
struct conformance_report
{
    std::vector<conformance_check> checks;

    /// Returns true when every check passed (and there was at least one).
    bool passed() const noexcept { return !checks.empty() && failures() == 0; }

    /// Returns the number of failed checks.
    std::size_t failures() const noexcept
    {
        std::size_t n = 0;
        for(auto const& c : checks)
            n += c.passed ? 0 : 1;
        return n;
    }

    /// Returns one line per check, `[pass] name: detail` or `[FAIL] ...`.
    std::string to_string() const
    {
        std::string s;
        for(auto const& c : checks)
        {
            s += c.passed ? "[pass] " : "[FAIL] ";
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

    friend std::ostream& operator<<(std::ostream& os, conformance_report const& r) { return os << r.to_string(); }
};

namespace detail {

/// The server's counters, from `GET /_test/stats`.
struct server_stats
{
    bool ok = false;
    std::uint64_t accepts = 0;
    std::uint64_t posts = 0;
};

/// Reads the body of `GET /_test/stats`; `ok` is false when it is not as expected.
inline server_stats parse_server_stats(std::string const& body)
{
    admin::detail::stats_body b;
    server_stats s;
    if(!admin::detail::read_json(body, b, limits{}, strictness::tolerant))
        return s;
    s.accepts = b.accepts;
    s.posts = b.requests_by_method.post.value_or(0);
    s.ok = true;
    return s;
}

/// Runs the checks; see `check_transport`.
template<class Transport>
class conformance_run
{
    Transport& t_;
    conformance_target const& target_;
    config cfg_;
    secret token_;
    conformance_report report_;
    std::vector<std::string> error_texts_; // every error the transport returned
    std::optional<uuid> user_id_;          // made by create_user, deleted by delete_no_content
    std::string last_error_;               // of the last failed request, for the report

public:
    conformance_run(Transport& t, conformance_target const& target) : t_(t), target_(target)
    {
        cfg_.endpoint.tls = target.tls;
        cfg_.endpoint.host = target.host;
        cfg_.endpoint.port = target.port;
        cfg_.endpoint.encoded_base_path = target.encoded_base_path;
    }

    conformance_report run()
    {
        if(!reset())
        {
            add("reach_server", false, "POST /_test/reset failed: " + last_error_);
            return finish();
        }
        check("auth_token", &conformance_run::auth_token);
        if(token_.empty())
            return finish(); // nothing else can work without a token
        check("create_user", &conformance_run::create_user);
        check("get_request", &conformance_run::get_request);
        check("delete_no_content", &conformance_run::delete_no_content);
        check("api_error_is_a_response", &conformance_run::api_error_is_a_response);
        check("redirect_not_followed", &conformance_run::redirect_not_followed);
        check("chunked_body", &conformance_run::chunked_body);
        check("cut_body_is_an_error", &conformance_run::cut_body);
        check("post_not_resent", &conformance_run::post_not_resent);
        check("body_limit", &conformance_run::body_limit);
        check("keep_alive", &conformance_run::keep_alive);
        check("stale_connection", &conformance_run::stale_connection);
        if(target_.timeout.count() > 0)
            check("deadline", &conformance_run::deadline);
        secrets_not_in_errors();
        return finish();
    }

private:
    using outcome = std::pair<bool, std::string>;

    // --- plumbing -----------------------------------------------------------

    template<class Check>
    void check(char const* name, Check fn)
    {
        if(!reset())
        {
            add(name, false, "POST /_test/reset failed: " + last_error_);
            return;
        }
        outcome o = (this->*fn)();
        add(name, o.first, std::move(o.second));
    }

    void add(char const* name, bool passed, std::string detail)
    {
        report_.checks.push_back({name, passed, std::move(detail)});
    }

    conformance_report finish()
    {
        // The report may end up in a CI log: scrub what must never appear.
        for(auto& c : report_.checks)
        {
            admin::detail::redact_in(c.detail, token_.reveal());
            admin::detail::redact_in(c.detail, target_.password.reveal());
        }
        return std::move(report_);
    }

    result<http_response> send(http_request const& req)
    {
        result<http_response> r = t_.send(req);
        if(!r)
        {
            error_texts_.push_back(r.error().to_string());
            last_error_ = r.error().to_string();
        }
        return r;
    }

    /// A request to one of the server's own paths (`/_test/...`, `/auth/token`).
    http_request raw_request(http_method m, std::string const& target, std::string body = {}) const
    {
        http_request r;
        r.method = m;
        r.tls = target_.tls;
        r.host = target_.host;
        r.port = target_.port;
        r.target = target;
        r.headers.add("Host", cfg_.endpoint.host_header());
        r.headers.add("Accept", "application/json");
        if(!body.empty())
            r.headers.add("Content-Type", "application/json");
        r.body = std::move(body);
        return r;
    }

    bool reset()
    {
        auto r = send(raw_request(http_method::post, "/_test/reset", "{}"));
        if(r && r->status != 200)
            last_error_ = "status " + std::to_string(r->status);
        return r && r->status == 200;
    }

    bool arm(std::string const& fault_json)
    {
        auto r = send(raw_request(http_method::post, "/_test/fault", fault_json));
        if(r && r->status != 200)
            last_error_ = "status " + std::to_string(r->status) + ": " + r->body;
        return r && r->status == 200;
    }

    server_stats stats()
    {
        auto r = send(raw_request(http_method::get, "/_test/stats"));
        if(!r || r->status != 200)
            return {};
        return parse_server_stats(r->body);
    }

    new_user next_user()
    {
        static std::atomic<unsigned> counter{0};
        auto const nonce = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
        new_user u;
        u.email = "conformance-" + std::to_string(nonce) + "-" + std::to_string(counter++) + "@example.com";
        u.first_name = "Conformance";
        u.last_name = "Kit";
        return u;
    }

    result<http_request> create_request(std::string_view project_id = {})
    {
        return make_create_user_request(cfg_, token_, project_id.empty() ? target_.project_id : project_id,
                                        target_.customer_id, next_user());
    }

    /// The outcome of a check whose request could not be built (a target
    /// with an invalid project or customer id): a failure, nothing sent.
    static outcome not_built(result<http_request> const& req)
    {
        return {false, "building the request: " + req.error().to_string()};
    }

    static std::string describe(result<http_response> const& r)
    {
        if(!r)
            return "transport error: " + r.error().to_string();
        std::string s = "HTTP " + std::to_string(r->status);
        if(!r->body.empty())
        {
            s += ", body: ";
            admin::detail::append_sanitized(s, r->body, 160);
        }
        return s;
    }

    // --- the checks -----------------------------------------------------------

    outcome auth_token()
    {
        auto req = make_fetch_token_request(cfg_, target_.email, target_.password);
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(!r)
            return {false, "POST /auth/token: " + describe(r)};
        auto tok = parse_fetch_token_response(*r, cfg_);
        auto const status = r->status;
        r->wipe(); // the answer may hold a token: it is not quoted in the report either
        if(!tok)
            return {false, "POST /auth/token: HTTP " + std::to_string(status) + ": " + tok.error().to_string()};
        token_ = std::move(tok->token);
        return {true, "got a bearer token"};
    }

    outcome create_user()
    {
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(!r)
            return {false, describe(r)};
        auto u = parse_create_user_response(*r, cfg_);
        if(!u)
            return {false, "parsing: " + u.error().to_string() + " (" + describe(r) + ")"};
        if(!u->id)
            return {false, "the created user has no id"};
        user_id_ = u->id;
        return {true, "HTTP " + std::to_string(r->status) + ", user " + u->id->to_string()};
    }

    outcome get_request()
    {
        auto s = stats();
        if(!s.ok)
            return {false, "GET /_test/stats: " + last_error_};
        return {true, "GET without a body answered and parsed"};
    }

    outcome delete_no_content()
    {
        if(!user_id_)
            return {false, "needs the user made by create_user"};
        auto req = make_delete_user_request(cfg_, token_, target_.project_id, target_.customer_id, *user_id_);
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(!r || r->status != 204 || !r->body.empty())
            return {false, "DELETE: expected 204 with no body, got " + describe(r)};
        // The connection must still be usable after a response without a body.
        auto s = stats();
        if(!s.ok)
            return {false, "the request after the 204 failed: " + last_error_};
        return {true, "204 with an empty body, and the next request worked"};
    }

    outcome api_error_is_a_response()
    {
        auto req = create_request("no-such-project");
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(!r)
            return {false, "a 404 must be returned as a response: " + describe(r)};
        if(r->status != 404)
            return {false, "expected HTTP 404, got " + describe(r)};
        return {true, "HTTP 404 returned as a response"};
    }

    outcome redirect_not_followed()
    {
        if(!arm(R"({"kind":"redirect"})"))
            return {false, "arming the fault: " + last_error_};
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto r = send(*req);
        auto s = stats();
        if(!r)
            return {false, "a 3xx must be returned as a response: " + describe(r)};
        if(r->status != 307 || r->headers.find("Location").empty())
            return {false, "expected HTTP 307 with a Location, got " + describe(r)};
        if(!s.ok || s.posts != 1)
            return {false, "the server saw " + std::to_string(s.posts) + " POSTs, expected 1"};
        return {true, "HTTP 307 returned, not followed"};
    }

    outcome chunked_body()
    {
        if(!arm(R"({"kind":"chunked"})"))
            return {false, "arming the fault: " + last_error_};
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(!r)
            return {false, describe(r)};
        auto u = parse_create_user_response(*r, cfg_);
        if(!u)
            return {false, "the de-chunked body did not parse: " + u.error().to_string() + " (" + describe(r) + ")"};
        return {true, "chunked body de-chunked and parsed"};
    }

    outcome cut_body()
    {
        if(!arm(R"({"kind":"close_mid_body"})"))
            return {false, "arming the fault: " + last_error_};
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(r)
            return {false, "a body cut short must be an error, got " + describe(r)};
        if(r.error() != errc::truncated_response)
            return {false, "expected errc::truncated_response, got " + r.error().to_string()};
        return {true, r.error().to_string()};
    }

    outcome post_not_resent()
    {
        // The server takes the POST, answers half, and closes: a transport
        // that resends on a dropped connection would create a second user.
        if(!arm(R"({"kind":"close_mid_body"})"))
            return {false, "arming the fault: " + last_error_};
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto r = send(*req);
        auto s = stats();
        if(r)
            return {false, "expected an error, got " + describe(r)};
        if(!s.ok || s.posts != 1)
            return {false, "the server saw " + std::to_string(s.posts) + " POSTs, expected exactly 1"};
        return {true, "one POST, then the error"};
    }

    outcome body_limit()
    {
        std::size_t const bytes = target_.max_body_size + 64 * 1024;
        if(!arm(R"({"kind":"oversized_body","bytes":)" + std::to_string(bytes) + "}"))
            return {false, "arming the fault: " + last_error_};
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto r = send(*req);
        if(r)
            return {false, "a " + std::to_string(bytes) + "-byte body over the " +
                               std::to_string(target_.max_body_size) + "-byte limit was accepted"};
        if(r.error() != errc::body_too_large)
            return {false, "expected errc::body_too_large, got " + r.error().to_string()};
        return {true, r.error().to_string()};
    }

    outcome keep_alive()
    {
        auto const before = stats();
        for(int i = 0; i < 3; ++i)
        {
            auto req = create_request();
            if(!req)
                return not_built(req);
            auto r = send(*req);
            if(!r || (r->status != 200 && r->status != 201))
                return {false, "request " + std::to_string(i + 1) + ": " + describe(r)};
        }
        auto const after = stats();
        if(!before.ok || !after.ok)
            return {false, "reading /_test/stats: " + last_error_};
        auto const opened = after.accepts - before.accepts;
        if(opened != 0)
            return {false, "3 requests and a stats read opened " + std::to_string(opened) +
                               " new connections; expected them all on the first one"};
        return {true, "5 requests on one connection"};
    }

    outcome stale_connection()
    {
        auto const before = stats();
        if(!arm(R"({"kind":"close_after_response"})"))
            return {false, "arming the fault: " + last_error_};
        auto first = create_request();
        if(!first)
            return not_built(first);
        auto r1 = send(*first);
        if(!r1 || (r1->status != 200 && r1->status != 201))
            return {false, "the POST before the close: " + describe(r1)};
        std::this_thread::sleep_for(target_.idle_pause); // the server's close arrives meanwhile
        auto second = create_request();
        if(!second)
            return not_built(second);
        auto r2 = send(*second);
        auto const after = stats();
        if(!r2 || (r2->status != 200 && r2->status != 201))
            return {false, "the POST after the server closed the idle connection: " + describe(r2)};
        if(!before.ok || !after.ok)
            return {false, "reading /_test/stats: " + last_error_};
        if(after.posts - before.posts != 2)
            return {false, "the server saw " + std::to_string(after.posts - before.posts) + " POSTs, expected 2"};
        if(after.accepts - before.accepts < 1)
            return {false, "no new connection after the server closed the old one"};
        return {true, "reconnected; each POST sent once"};
    }

    outcome deadline()
    {
        auto const delay = target_.timeout + std::chrono::seconds(1);
        if(!arm(R"({"kind":"delay","ms":)" + std::to_string(delay.count()) + "}"))
            return {false, "arming the fault: " + last_error_};
        auto req = create_request();
        if(!req)
            return not_built(req);
        auto const start = std::chrono::steady_clock::now();
        auto r = send(*req);
        auto const took =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if(r)
            return {false, "expected a timeout, got " + describe(r)};
        if(r.error() != errc::timeout)
            return {false, "expected errc::timeout, got " + r.error().to_string()};
        if(took >= delay)
            return {false, "the call took " + std::to_string(took.count()) + " ms, as long as the server's delay"};
        return {true, "timed out after " + std::to_string(took.count()) + " ms"};
    }

    void secrets_not_in_errors()
    {
        for(auto const& text : error_texts_)
        {
            bool const leak = (!token_.empty() && text.find(token_.reveal()) != std::string::npos) ||
                              (!target_.password.empty() && text.find(target_.password.reveal()) != std::string::npos);
            if(leak)
            {
                add("secrets_not_in_errors", false, "an error contains the token or the password: " + text);
                return;
            }
        }
        add("secrets_not_in_errors", true, std::to_string(error_texts_.size()) + " errors checked");
    }
};

} // namespace detail

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
    the next POST succeeds and is sent once), `deadline` (only with
    `target.timeout`; `errc::timeout` before the server answers) and
    `secrets_not_in_errors` (no error text contains the token or the
    password).

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
    Uses `t` from the calling thread only; the transport must not be used
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
