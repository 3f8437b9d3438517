// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTING_DETAIL_CONFORMANCE_CHECKS_HPP
#define CORTI_ADMIN_TESTING_DETAIL_CONFORMANCE_CHECKS_HPP

/** @file
    Part of `<corti/admin/testing.hpp>`: the conformance kit's checks, run
    in order by `check_transport` (`<corti/admin/testing/conformance.hpp>`).
*/

#include <corti/admin/detail/async_probe.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>
#include <corti/admin/testing/conformance_report.hpp>
#include <corti/admin/testing/detail/conformance_session.hpp>
#include <corti/admin/uuid.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace corti {
namespace admin {
namespace testing {
namespace detail {

/// Runs the checks; see `check_transport`.
template<class Transport>
class conformance_run : conformance_session<Transport>
{
    using session = conformance_session<Transport>;
    using session::add;
    using session::arm;
    using session::cfg_;
    using session::create_request;
    using session::create_user_under;
    using session::describe;
    using session::error_texts_;
    using session::finish;
    using session::last_error_;
    using session::not_built;
    using session::reset;
    using session::next_user;
    using session::send;
    using session::skip;
    using session::stats;
    using session::target_;
    using session::token_;

    std::optional<uuid> user_id_; // made by create_user, deleted by delete_no_content

public:
    conformance_run(Transport& t, conformance_target const& target) : session(t, target) {}

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
        else
            skip("deadline", "conformance_target::timeout is 0");
        if constexpr(admin::detail::has_async_send<Transport>::value)
        {
            if(target_.run_async)
                check("concurrent_async_sends", &conformance_run::concurrent_async_sends);
            else
                skip("concurrent_async_sends", "conformance_target::run_async is not set");
        }
        else
        {
            skip("concurrent_async_sends", "the transport has no async_send");
        }
        secrets_not_in_errors();
        return finish();
    }

private:
    using outcome = typename session::outcome;

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
        auto x = create_user_under({});
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
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
        auto x = create_user_under({}, "no-such-project");
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
        if(!r)
            return {false, "a 404 must be returned as a response: " + describe(r)};
        if(r->status != 404)
            return {false, "expected HTTP 404, got " + describe(r)};
        return {true, "HTTP 404 returned as a response"};
    }

    outcome redirect_not_followed()
    {
        auto x = create_user_under(R"({"kind":"redirect"})");
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
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
        auto x = create_user_under(R"({"kind":"chunked"})");
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
        if(!r)
            return {false, describe(r)};
        auto u = parse_create_user_response(*r, cfg_);
        if(!u)
            return {false, "the de-chunked body did not parse: " + u.error().to_string() + " (" + describe(r) + ")"};
        return {true, "chunked body de-chunked and parsed"};
    }

    outcome cut_body()
    {
        auto x = create_user_under(R"({"kind":"close_mid_body"})");
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
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
        auto x = create_user_under(R"({"kind":"close_mid_body"})");
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
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
        auto x = create_user_under(R"({"kind":"oversized_body","bytes":)" + std::to_string(bytes) + "}");
        if(x.failed)
            return *x.failed;
        auto& r = x.response;
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

    /// How long the concurrency check waits for its handlers once
    /// `run_async` has returned.
    static constexpr std::chrono::seconds async_wait{30};

    // Only instantiated for a transport with async_send.
    outcome concurrent_async_sends()
    {
        std::size_t const n = target_.concurrent_sends < 2 ? 2 : target_.concurrent_sends;
        auto batch = std::make_shared<async_batch>();
        std::vector<std::string> emails;
        for(std::size_t i = 0; i < n; ++i)
        {
            auto const u = next_user();
            auto req = make_create_user_request(cfg_, token_, target_.project_id, target_.customer_id, u);
            if(!req)
                return not_built(req);
            emails.push_back(u.email);
            batch->requests.push_back(std::move(*req));
        }
        batch->responses.resize(n);
        // All started before any is waited for: they are outstanding together.
        for(std::size_t i = 0; i < n; ++i)
            this->t_.async_send(batch->requests[i], [batch, i](result<http_response> r) {
                std::lock_guard<std::mutex> lock(batch->m);
                if(batch->responses[i])
                {
                    ++batch->again;
                }
                else
                {
                    batch->responses[i].emplace(std::move(r));
                    ++batch->done;
                }
                batch->cv.notify_all();
            });
        target_.run_async();

        std::vector<std::optional<result<http_response>>> responses;
        std::size_t done = 0;
        std::size_t again = 0;
        {
            std::unique_lock<std::mutex> lock(batch->m);
            batch->cv.wait_for(lock, async_wait, [&] { return batch->done == n; });
            done = batch->done;
            again = batch->again;
            responses = std::move(batch->responses);
            batch->responses.assign(n, std::nullopt); // a late handler finds a slot
        }
        for(auto const& r : responses)
            if(r && !*r)
                error_texts_.push_back(r->error().to_string());
        if(done != n)
            return {false, std::to_string(done) + " of " + std::to_string(n) + " sends completed within " +
                               std::to_string(async_wait.count()) +
                               " s after run_async returned (does anything run the transport's executor?)"};
        if(again != 0)
            return {false, "a completion handler ran twice for one request"};
        for(std::size_t i = 0; i < n; ++i)
        {
            auto const& r = *responses[i];
            std::string const which = "send " + std::to_string(i + 1) + " of " + std::to_string(n) + ": ";
            if(!r || (r->status != 200 && r->status != 201))
                return {false, which + describe(r)};
            auto u = parse_create_user_response(*r, cfg_);
            if(!u)
                return {false, which + "parsing: " + u.error().to_string() + " (" + describe(r) + ")"};
            if(u->email == emails[i])
                continue;
            for(std::size_t j = 0; j < n; ++j)
                if(u->email == emails[j])
                    return {false, which + "answered with the user of send " + std::to_string(j + 1)};
            return {false, which + "answered with a user it did not send"};
        }
        auto const s = stats();
        if(!s.ok)
            return {false, "reading /_test/stats: " + last_error_};
        if(s.posts != n)
            return {false, "the server saw " + std::to_string(s.posts) + " POSTs, expected " + std::to_string(n)};
        std::string seen =
            std::to_string(n) +
            " sends at once, each answered with its own user; connections accepted: " + std::to_string(s.accepts);
        if(s.peak_connections)
            seen += " (at most " + std::to_string(*s.peak_connections) + " open at once, the kit's own included)";
        return {true, seen};
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
} // namespace testing
} // namespace admin
} // namespace corti

#endif
