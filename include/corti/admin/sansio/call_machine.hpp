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
#include <cstdint>
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
        send,       ///< send `*request`, then call `on_response`
        wait,       ///< wait `delay`, then call `on_wait_done`
        wait_token, ///< wait until `tokens` ends fetch round `round`, then call `on_token_ready`
        done        ///< the call is over: take its result
    };

    /// Which action.
    kind what = kind::done;
    /// The request to send (`kind::send`); valid until the next call on the machine.
    http_request const* request = nullptr;
    /// How long to wait (`kind::wait`).
    std::chrono::milliseconds delay{0};
    /// The shared token whose fetch the call waits for (`kind::wait_token`):
    /// `token_state::wait` or `token_state::when_fetched`.
    token_state* tokens = nullptr;
    /// The fetch round to wait for (`kind::wait_token`).
    std::uint64_t round = 0;
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

/** Ends a fetch round that a call started and never finished (its driver
    gave up on the call, e.g. an io_context destroyed with the call in
    flight), so that the calls waiting for it go on: one of them fetches.
*/
class fetch_guard
{
public:
    fetch_guard() = default;
    /// Moves the duty to end the fetch; `o` has none left.
    ///@{
    fetch_guard(fetch_guard&& o) noexcept : tokens_(std::exchange(o.tokens_, nullptr)), cfg_(o.cfg_) {}
    fetch_guard& operator=(fetch_guard&& o) noexcept
    {
        if(this != &o)
        {
            release();
            tokens_ = std::exchange(o.tokens_, nullptr);
            cfg_ = o.cfg_;
        }
        return *this;
    }
    ///@}
    fetch_guard(fetch_guard const&) = delete;
    fetch_guard& operator=(fetch_guard const&) = delete;
    ~fetch_guard() { release(); }

    /// The call has started a fetch of `tokens`.
    void arm(token_state& tokens, config const& cfg) noexcept
    {
        tokens_ = &tokens;
        cfg_ = &cfg;
    }

    /// The call ends its fetch itself.
    void disarm() noexcept { tokens_ = nullptr; }

private:
    token_state* tokens_ = nullptr;
    config const* cfg_ = nullptr;

    void release()
    {
        if(auto* t = std::exchange(tokens_, nullptr))
            t->finish_fetch(error(make_error_code(boost::system::errc::operation_canceled),
                                  "the call fetching the token ended before its answer"),
                            *cfg_);
    }
};

/** One call: a token first when the client has credentials and none is
    valid (fetched by this call, or by another call in flight that this one
    waits for: `token_state` is single flight); then the call's request,
    sent again as the retry schedule allows; after a 401 (refused before it
    took effect, so safe to send again) a new token (unless another call
    already replaced the refused one) and the request once more. The final answer is scrubbed of every
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
        else
            acquire_token(stage::request);
    }

    /// Marks the constructor that only fetches a token.
    struct fetch_only_t
    {
    };

    /** Starts fetching a new token now (`client::fetch_token`), or waiting
        for the fetch in flight. The answer is an empty `http_response`, or
        the error: `errc::invalid_argument` (`credentials`) without credentials,
        or those of `token_state::finish_fetch`.
    */
    call_machine(token_state& tokens, retry_policy const& retry, config const& cfg, fetch_only_t)
        : tokens_(&tokens), cfg_(&cfg), req_(http_request{}), retry_(retry, false), force_(true)
    {
        if(!tokens_->credentials())
            finish(tokens_->fetch_request(cfg).error());
        else
            acquire_token(stage::done);
    }

    /// Returns what the driver does now.
    call_action next() const noexcept
    {
        switch(stage_)
        {
        case stage::fetching: return {call_action::kind::send, &*token_req_, {}};
        case stage::waiting_token: return {call_action::kind::wait_token, nullptr, {}, tokens_, *waited_};
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
        case stage::fetching: {
            guard_.disarm(); // the round ends here, whatever happens
            if(!r)
                r = scrub(std::move(r).error());
            if(auto ok = tokens_->finish_fetch(std::move(r), *cfg_); !ok)
                return finish(ok.error());
            return acquire_token(after_token_);
        }
        case stage::request:
            if(retry(r, stage::request))
                return;
            if(r && r->status == 401 && tokens_->credentials())
            {
                refused_ = token_;
                refused_generation_ = generation_;
                waited_.reset();
                return acquire_token(stage::resend);
            }
            return answer(std::move(r));
        case stage::resend:
            if(retry(r, stage::resend))
                return;
            return answer(std::move(r));
        case stage::waiting:
        case stage::waiting_token:
        case stage::done: return;
        }
    }

    /** Ends the wait of the last `wait_token` action: once the round ended,
        the call goes on with its token or its error; an error code before
        then (a cancelled wait) ends the call with it.
    */
    void on_token_ready(boost::system::error_code ec = {})
    {
        if(stage_ != stage::waiting_token)
            return;
        acquire_token(after_token_);
        if(ec && stage_ == stage::waiting_token)
            finish(error(ec, "cancelled while waiting for the token"));
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
        fetching,      // sending the token request, then `after_token_`
        waiting_token, // waiting for another call's fetch, then `after_token_`
        request,       // sending the call's request
        resend,        // sending the call's request again, after a 401
        waiting,       // before sending the call's request again
        done
    };

    token_state* tokens_;
    config const* cfg_;
    result<http_request> req_;
    std::string_view secret_view_; // the synchronous driver's: its caller's arguments outlive the call
    secret secret_copy_;           // the asynchronous driver's
    secret token_;                 // the token the request carries
    std::uint64_t generation_ = 0;
    secret refused_; // a token the server refused
    std::optional<std::uint64_t> refused_generation_;
    std::optional<std::uint64_t> waited_; // the fetch round the call waits for (or did)
    std::optional<http_request> token_req_;
    stage stage_ = stage::done;
    stage after_token_ = stage::done;
    stage after_wait_ = stage::done;
    std::chrono::milliseconds delay_{0};
    retry_schedule retry_;
    bool force_ = false; // fetch only
    std::optional<result<http_response>> out_;
    fetch_guard guard_; // last: ends a fetch the driver gave up on, before the rest goes

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
        f(token_.reveal());
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

    // Asks the shared token what to do, then goes to stage `then` with it.
    void acquire_token(stage then)
    {
        after_token_ = then;
        auto g = tokens_->acquire(refused_generation_, waited_, force_);
        switch(g.what)
        {
        case token_grant::kind::fail: return finish(std::move(*g.failure));
        case token_grant::kind::wait:
            waited_ = g.ticket;
            stage_ = stage::waiting_token;
            return;
        case token_grant::kind::fetch: {
            waited_ = g.ticket;
            auto t = tokens_->fetch_request(*cfg_);
            if(!t)
            {
                tokens_->finish_fetch(t.error(), *cfg_);
                return finish(std::move(t).error());
            }
            token_req_.emplace(std::move(*t));
            guard_.arm(*tokens_, *cfg_);
            stage_ = stage::fetching;
            return;
        }
        case token_grant::kind::use: break;
        }
        token_ = std::move(g.token);
        generation_ = g.ticket;
        if(then == stage::done) // fetch only: the token is in
        {
            out_.emplace(http_response{});
            stage_ = stage::done;
            return;
        }
        if(tokens_->credentials())
            if(auto ok = detail::set_bearer(*req_, token_); !ok)
                return finish(ok.error());
        stage_ = then;
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
