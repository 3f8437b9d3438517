// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTING_DETAIL_CONFORMANCE_SESSION_HPP
#define CORTI_ADMIN_TESTING_DETAIL_CONFORMANCE_SESSION_HPP

/** @file
    Part of `<corti/admin/testing.hpp>`: the plumbing of the conformance
    kit's checks: the transport under test, the server's `/_test/` hooks and
    counters, the requests the checks send, and the report they fill.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/redact.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/testing/conformance_report.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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
    std::optional<std::uint64_t> peak_connections; // servers before it had none
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
                               json_field("peak_connections", &stats_body::peak_connections),
                               json_field("requests_by_method", &stats_body::requests_by_method));
    }
};

} // namespace detail

namespace testing {
namespace detail {

/// The server's counters, from `GET /_test/stats`.
struct server_stats
{
    bool ok = false;
    std::uint64_t accepts = 0;
    std::uint64_t posts = 0;
    std::optional<std::uint64_t> peak_connections;
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
    s.peak_connections = b.peak_connections;
    s.ok = true;
    return s;
}

/** What the concurrency check shares with its completion handlers. They
    may run on other threads, and, when a transport never completes, after
    the check gave up: so it is shared, and holds the requests, which a
    transport may read until it completes (`transport.hpp`).
*/
struct async_batch
{
    std::mutex m;
    std::condition_variable cv;
    std::vector<http_request> requests; // not resized once the first is sent
    std::vector<std::optional<result<http_response>>> responses;
    std::size_t done = 0;  // requests whose handler ran
    std::size_t again = 0; // handlers that ran a second time for one request
};

/** What every check needs: sends through the transport, remembering the
    errors it returned; talks to the server's `/_test/` hooks; builds the
    requests; fills the report. See `conformance_run` for the checks.
*/
template<class Transport>
class conformance_session
{
protected:
    /// A check's verdict and what was seen.
    using outcome = std::pair<bool, std::string>;

    Transport& t_;
    conformance_target const& target_;
    config cfg_;
    secret token_;
    conformance_report report_;
    std::vector<std::string> error_texts_; // every error the transport returned
    std::string last_error_;               // of the last failed request, for the report

    conformance_session(Transport& t, conformance_target const& target) : t_(t), target_(target)
    {
        cfg_.endpoint.tls = target.tls;
        cfg_.endpoint.host = target.host;
        cfg_.endpoint.port = target.port;
        cfg_.endpoint.encoded_base_path = target.encoded_base_path;
    }

    void add(char const* name, bool passed, std::string detail)
    {
        report_.checks.push_back({name, passed, std::move(detail)});
    }

    /// A check that does not apply: passed, marked skipped, with the reason.
    void skip(char const* name, std::string reason) { report_.checks.push_back({name, true, std::move(reason), true}); }

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

    /// A create-user exchange of a check: its answer, or the outcome that
    /// ended the check before it (a fault that could not be armed, a request
    /// that could not be built).
    struct exchange
    {
        std::optional<outcome> failed;
        result<http_response> response = error(errc::invalid_argument);
    };

    /// Arms `fault_json` (none when empty), then sends a create-user request.
    exchange create_user_under(std::string const& fault_json, std::string_view project_id = {})
    {
        if(!fault_json.empty() && !arm(fault_json))
            return {outcome{false, "arming the fault: " + last_error_}, error(errc::invalid_argument)};
        auto req = create_request(project_id);
        if(!req)
            return {not_built(req), error(errc::invalid_argument)};
        return {std::nullopt, send(*req)};
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
};

} // namespace detail
} // namespace testing
} // namespace admin
} // namespace corti

#endif
