// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_SANSIO_CALL_MACHINE_HPP
#define CORTI_ADMIN_SANSIO_CALL_MACHINE_HPP

/** @file
    One call of the Admin API as a machine without I/O. It says what to do
    next (`call_action`: send this request, wait this long, or done) and is
    told what happened; a driver executes the actions (`client`'s
    synchronous members with `Transport::send` and the retry policy's
    `sleep`, its asynchronous ones with `async_send` and an Asio timer) and
    parses the final answer. The token policy (`token_state`) and the retry
    policy (`retry_schedule`) are separate parts it consults.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/redact.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/retry.hpp>
#include <corti/admin/sansio/token_state.hpp>
#include <corti/admin/secret.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace sansio {

/// What a driver does next.
struct call_action
{
    /// The kinds of action.
    enum class kind
    {
        send, ///< send `*request`, then call `on_response`
        wait, ///< wait `delay`, then call `on_wait_done`
        done  ///< the call is over: take its result
    };

    /// Which action.
    kind what = kind::done;
    /// The request to send (`kind::send`); valid until the next call on the machine.
    http_request const* request = nullptr;
    /// How long to wait (`kind::wait`).
    std::chrono::milliseconds delay{0};
};

/** The retry policy of one request, without I/O: whether an answer calls
    for another attempt and after how long (see `retry.hpp`). Only requests
    that may be repeated (`retryable`) and drivers that can wait are retried.
*/
class retry_schedule
{
public:
    /// A schedule under `p`; `enabled` false never retries.
    retry_schedule(retry_policy const& p, bool enabled) noexcept : p_(&p), enabled_(enabled && p.max_attempts > 1) {}

    /// Starts the attempts of a request: the first one, and the deadline of its retries.
    void start()
    {
        attempt_ = 1;
        if(enabled_)
            deadline_ = p_->now() + p_->deadline;
    }

    /// Returns the wait before another attempt after `r`, or nothing when `r` is the answer.
    std::optional<std::chrono::milliseconds> after(result<http_response> const& r)
    {
        bool const retryable = r ? is_retryable_status(r->status) : r.error() == errc::connection_failed;
        if(!enabled_ || !retryable || attempt_ >= p_->max_attempts)
            return std::nullopt;
        auto const delay = detail::retry_delay(*p_, attempt_, r ? &*r : nullptr);
        if(p_->now() + delay > deadline_)
            return std::nullopt;
        ++attempt_;
        return delay;
    }

private:
    retry_policy const* p_;
    bool enabled_;
    unsigned attempt_ = 1;
    retry_policy::clock::time_point deadline_{};
};

/** One call: a token first when the client has credentials and none is
    valid; then the call's request, sent again as the retry schedule allows;
    after a 401 (refused before it took effect, so safe to send again) a new
    token and the request once more. The final answer is scrubbed of every
    secret (the token, a refused token, the call's own secret such as a
    password in its body, the Console password) before the driver parses
    it, and so is every error.

    The machine refers to `tokens`, `retry` and `cfg`, which must outlive it.
*/
class call_machine
{
public:
    /// How the call may behave.
    struct options
    {
        /// The request may be sent again (GET, DELETE).
        bool retryable = false;
        /// The driver can wait (`call_action::kind::wait`); without it nothing is retried.
        bool can_wait = false;
        /// Keep a copy of the call's secret (a driver whose caller's arguments may go first).
        bool copy_secret = false;
    };

    /** Starts a call of `req` (or its error, which ends the call at once).
        `sent_secret` is a secret the request carries (a password), scrubbed
        from every error and from the answer.
    */
    call_machine(token_state& tokens, retry_policy const& retry, config const& cfg, result<http_request> req,
                 std::string_view sent_secret, options opt)
        : tokens_(&tokens), cfg_(&cfg), req_(std::move(req)),
          secret_view_(opt.copy_secret ? std::string_view() : sent_secret),
          secret_copy_(opt.copy_secret ? sent_secret : std::string_view()), retry_(retry, opt.retryable && opt.can_wait)
    {
        if(!req_)
            finish(req_.error());
        else if(tokens_->needs_fetch())
            fetch_token(stage::first_token);
        else
            use_token(stage::request);
    }

    /// Returns what the driver does now.
    call_action next() const noexcept
    {
        switch(stage_)
        {
        case stage::first_token:
        case stage::new_token: return {call_action::kind::send, &*token_req_, {}};
        case stage::request:
        case stage::resend: return {call_action::kind::send, &*req_, {}};
        case stage::waiting: return {call_action::kind::wait, nullptr, delay_};
        case stage::done: break;
        }
        return {};
    }

    /// Takes the answer to the request of the last `send` action.
    void on_response(result<http_response> r)
    {
        switch(stage_)
        {
        case stage::first_token:
        case stage::new_token: {
            stage const then = stage_ == stage::first_token ? stage::request : stage::resend;
            if(!r)
                return finish(std::move(r).error());
            if(auto ok = tokens_->accept(std::move(*r), *cfg_); !ok)
                return finish(ok.error());
            return use_token(then);
        }
        case stage::request:
            if(retry(r, stage::request))
                return;
            if(r && r->status == 401 && tokens_->credentials())
            {
                refused_ = tokens_->current();
                return fetch_token(stage::new_token);
            }
            return answer(std::move(r));
        case stage::resend:
            if(retry(r, stage::resend))
                return;
            return answer(std::move(r));
        case stage::waiting:
        case stage::done: return;
        }
    }

    /// Ends the wait of the last `wait` action: an error code (a cancelled timer) ends the call with it.
    void on_wait_done(boost::system::error_code ec = {})
    {
        if(stage_ != stage::waiting)
            return;
        if(ec)
            return finish(error(ec, "cancelled while waiting to retry"));
        stage_ = after_wait_;
    }

    /// Returns the call's answer once `next()` is `done`: the response (scrubbed) or the error.
    result<http_response> take_response() { return std::move(*out_); }

    /** Returns `e` scrubbed of every secret of the call: for the errors the
        driver's parser finds in the answer (a success body is not scrubbed
        before parsing, so a key or value may quote a secret).
    */
    error scrub(error e) const
    {
        each_secret([&](std::string_view s) { e = detail::redact(std::move(e), s); });
        return e;
    }

private:
    enum class stage
    {
        first_token, // sending the token request
        request,     // sending the call's request
        new_token,   // sending the token request after a 401
        resend,      // sending the call's request again
        waiting,     // before sending the call's request again
        done
    };

    token_state* tokens_;
    config const* cfg_;
    result<http_request> req_;
    std::string_view secret_view_; // the synchronous driver's: its caller's arguments outlive the call
    secret secret_copy_;           // the asynchronous driver's
    secret refused_;
    std::optional<http_request> token_req_;
    stage stage_ = stage::done;
    stage after_wait_ = stage::done;
    std::chrono::milliseconds delay_{0};
    retry_schedule retry_;
    std::optional<result<http_response>> out_;

    bool retry(result<http_response> const& r, stage s)
    {
        auto const delay = retry_.after(r);
        if(!delay)
            return false;
        delay_ = *delay;
        after_wait_ = s;
        stage_ = stage::waiting;
        return true;
    }

    template<class F>
    void each_secret(F f) const
    {
        f(tokens_->current().reveal());
        f(refused_.reveal());
        f(secret_view_);
        f(secret_copy_.reveal());
        if(auto const* c = tokens_->credentials())
            f(c->password.reveal());
    }

    void finish(error e)
    {
        out_.emplace(scrub(std::move(e)));
        stage_ = stage::done;
    }

    void fetch_token(stage s)
    {
        auto t = tokens_->fetch_request(*cfg_);
        if(!t)
            return finish(std::move(t).error());
        token_req_.emplace(std::move(*t));
        stage_ = s;
    }

    void use_token(stage s)
    {
        if(tokens_->credentials())
            if(auto ok = detail::set_bearer(*req_, tokens_->current()); !ok)
                return finish(ok.error());
        stage_ = s;
        retry_.start();
    }

    void answer(result<http_response> r)
    {
        if(!r)
            return finish(std::move(r).error());
        each_secret([&](std::string_view s) { detail::redact_response(*r, s); });
        out_.emplace(std::move(r));
        stage_ = stage::done;
    }
};

} // namespace sansio
} // namespace admin
} // namespace corti

#endif
