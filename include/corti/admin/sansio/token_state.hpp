// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_SANSIO_TOKEN_STATE_HPP
#define CORTI_ADMIN_SANSIO_TOKEN_STATE_HPP

/** @file
    The token policy of a client, without I/O: which bearer token a call
    uses, when a new one must be fetched, and what a `/auth/token` answer
    means. `call_machine` asks it; it never sends anything itself.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/redact.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/operations.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/detail/thread.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corti {
namespace admin {

/** The longest a client keeps a token: a longer `expiresIn` (the API allows
    any JSON integer) counts as this. A server's "lasts for centuries" then
    costs one login a day, and no time arithmetic can overflow.
*/
inline constexpr std::chrono::seconds max_token_lifetime{24 * 60 * 60};

/// Console credentials: the client exchanges them for tokens at `/auth/token`.
struct console_credentials
{
    /// The Console user's email address.
    std::string email;
    /// Their password.
    secret password;
};

namespace sansio {

/** What a call does about its token (`token_state::acquire`). */
struct token_grant
{
    /// The kinds of answer.
    enum class kind
    {
        use,   ///< send the call with `token`
        fetch, ///< fetch one: send `fetch_request`, then `finish_fetch`
        wait,  ///< another call is fetching one: wait for round `ticket` to end
        fail   ///< the fetch waited for failed: `failure` is the call's answer
    };

    /// Which answer.
    kind what = kind::use;
    /// The token to send (`kind::use`).
    secret token;
    /// `kind::use`: the token's generation (give it to `acquire` after a 401);
    /// `kind::fetch` and `kind::wait`: the fetch round (give it to `acquire` once it ended).
    std::uint64_t ticket = 0;
    /// The fetch's error (`kind::fail`), scrubbed of the password.
    std::optional<error> failure;
};

/** The token a client sends, and when it fetches another, shared by every
    call in flight on one client.

    With a fixed token (no credentials) that token is always sent. With
    `console_credentials` a token is fetched when there is none or when the
    one held nears its expiry, and again after a 401. Fetches are single
    flight: while one call fetches, the others that need a token wait for
    that fetch (a *round*) and use its token, or fail with its error; a
    burst of 401s for one token leads to one fetch.

    @par Thread Safety
    Distinct objects: safe. Shared objects: safe, except `set_refresh`,
    moving and destroying, which need no call in flight.
*/
class token_state
{
public:
    /// The clock expiries are measured with.
    using clock = std::chrono::steady_clock;

    /// Holds a fixed bearer token.
    explicit token_state(secret token) { s_.token = std::move(token); }

    /// Fetches tokens with `credentials`.
    explicit token_state(console_credentials credentials) : credentials_(std::move(credentials)) {}

    /// Moves the token and the policy; no call may be in flight on `other`.
    token_state(token_state&& other) noexcept
        : credentials_(std::move(other.credentials_)), margin_(other.margin_), clock_(std::move(other.clock_)),
          s_(std::move(other.s_))
    {
    }

    token_state(token_state const&) = delete;
    token_state& operator=(token_state const&) = delete;
    token_state& operator=(token_state&&) = delete;
    ~token_state() = default;

    /// Returns the credentials, or nullptr for a fixed token.
    console_credentials const* credentials() const noexcept { return credentials_ ? &*credentials_ : nullptr; }

    /// Returns a copy of the token held now (possibly empty or expired).
    secret current() const
    {
        detail::unique_lock lock(mu_);
        return s_.token;
    }

    /** Returns true when the client has credentials and no token that is
        valid now (a token without an expiry, from `set`, is valid until a 401).
    */
    bool needs_fetch() const
    {
        detail::unique_lock lock(mu_);
        return credentials_ && !fresh();
    }

    /** Returns the token to build a call's request with: the fixed token, or
        with credentials a stand-in that `detail::set_bearer` replaces once
        `acquire` said which token the call sends.
    */
    secret for_build() const { return credentials_ ? secret(stand_in) : current(); }

    /// Replaces the token; no expiry is known (valid until a 401).
    void set(secret token) noexcept
    {
        detail::unique_lock lock(mu_);
        s_.token = std::move(token);
        s_.expiry.reset();
        ++s_.generation;
    }

    /// Replaces the token with one that expires in `expires_in` (see `expiry_after`).
    void set(secret token, std::chrono::seconds expires_in)
    {
        auto const expiry = expiry_after(expires_in); // the clock may throw: nothing changed then
        detail::unique_lock lock(mu_);
        s_.token = std::move(token);
        s_.expiry = expiry;
        ++s_.generation;
    }

    /// Sets the refresh margin and, when `now` is not empty, the clock (no call may be in flight).
    void set_refresh(std::chrono::seconds margin, std::function<clock::time_point()> now)
    {
        margin_ = margin;
        if(now)
            clock_ = std::move(now);
    }

    /** Says what a call does about its token.

        @param refused the generation of a token the server refused with a
        401: that token is not used again.
        @param waited the round a `kind::wait` (or this call's own
        `kind::fetch`) named, once it ended: its token is used even when it
        expires at once, and its error is the call's answer.
        @param force fetch even when the token held is valid (`client::fetch_token`).
        @return `use` with the token; `fetch` when this call must fetch one
        (it then must call `finish_fetch`, whatever happens); `wait` when
        another call is fetching; `fail` with the error of the round waited for.
    */
    token_grant acquire(std::optional<std::uint64_t> refused = std::nullopt,
                        std::optional<std::uint64_t> waited = std::nullopt, bool force = false)
    {
        detail::unique_lock lock(mu_);
        if(!credentials_)
            return use();
        bool const refused_now = refused && *refused == s_.generation;
        if(waited && s_.round > *waited)
        {
            if(s_.failure && s_.round == *waited + 1)
                return {token_grant::kind::fail, {}, 0, s_.failure};
            if(!s_.token.empty() && !refused_now)
                return use();
        }
        else if(!force && fresh() && !refused_now)
            return use();
        if(s_.fetching)
            return {token_grant::kind::wait, {}, s_.round, std::nullopt};
        s_.fetching = true;
        return {token_grant::kind::fetch, {}, s_.round, std::nullopt};
    }

    /** Returns the `/auth/token` request for the credentials.
        @return the request, or `errc::invalid_argument` (`credentials`)
        without credentials, or the errors of `make_fetch_token_request`,
        scrubbed of the password.
    */
    result<http_request> fetch_request(config const& cfg) const
    {
        if(!credentials_)
            return error(errc::invalid_argument, "the client was made with a fixed token", "credentials");
        auto req = operations::fetch_token{credentials_->email, credentials_->password}.build(cfg, secret());
        if(!req)
            return detail::redact(std::move(req).error(), credentials_->password.reveal());
        return req;
    }

    /** Ends the fetch `acquire` gave this call: keeps the token of `answer`
        (see `accept`), and wakes the calls that wait for it. A call that
        was told `fetch` must call this exactly once, with an error when it
        sent nothing or was cancelled.
        @return nothing, or the fetch's error (the transport's, or those of
        `accept`), scrubbed of the password. A cancelled fetch
        (`operation_canceled`) is not the waiting calls' answer: one of them
        fetches again.
    */
    result<void> finish_fetch(result<http_response> answer, config const& cfg)
    {
        result<void> out;
        if(answer)
            out = accept(std::move(*answer), cfg);
        else
            out = detail::redact(std::move(answer).error(), password());
        std::vector<std::function<void()>> waiters;
        {
            detail::unique_lock lock(mu_);
            s_.fetching = false;
            ++s_.round;
            if(out || out.error().code == boost::system::errc::operation_canceled)
                s_.failure.reset();
            else
                s_.failure = out.error();
            waiters.swap(s_.waiters);
        }
        cv_.notify_all();
        for(auto& w : waiters)
            w();
        return out;
    }

    /// Blocks until fetch round `round` ends (a synchronous call told `wait`).
    void wait(std::uint64_t round)
    {
        detail::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return s_.round > round; });
    }

    /** Calls `f` once fetch round `round` ends, on the thread that ends it
        (an asynchronous call told `wait`; `f` should only post).
        @return false when the round has already ended (`f` is not kept).
    */
    bool when_fetched(std::uint64_t round, std::function<void()> f)
    {
        detail::unique_lock lock(mu_);
        if(s_.round > round)
            return false;
        s_.waiters.push_back(std::move(f));
        return true;
    }

    /** Reads the answer of `/auth/token` and keeps the token until shortly
        before it expires. The answer is wiped on every path.
        @return nothing, or the errors of `parse_fetch_token_response`; no
        error holds the password or a token.
    */
    result<void> accept(http_response resp, config const& cfg)
    {
        struct wipe_on_exit
        {
            http_response& r;
            ~wipe_on_exit() { r.wipe(); }
        } const wipe{resp};
        detail::redact_response(resp, password());
        auto tok = operations::parse<operations::fetch_token>(resp, cfg);
        if(!tok)
            return detail::redact(std::move(tok).error(), password());
        set(std::move(tok->token), std::chrono::seconds(tok->expires_in));
        return {};
    }

    /** When a token that lives `expires_in` from now is replaced: `expires_in`
        is clamped to [0, max_token_lifetime] before any conversion (seconds
        to the clock's nanoseconds overflow past 292 years), the refresh
        margin to [0, half the lifetime], and the sum saturates at the
        clock's end. A lifetime of 0 gives now: the token serves the calls
        of the fetch that got it, and the next call fetches another.
    */
    clock::time_point expiry_after(std::chrono::seconds expires_in) const
    {
        auto const lifetime_s = std::clamp(expires_in, std::chrono::seconds(0), max_token_lifetime);
        clock::duration const lifetime = lifetime_s;
        clock::duration const margin = std::clamp(margin_, std::chrono::seconds(0), max_token_lifetime);
        auto const ttl = lifetime - std::min(margin, lifetime / 2);
        auto const now = clock_();
        if(now > clock::time_point::max() - ttl)
            return clock::time_point::max();
        return now + ttl;
    }

    /// The stand-in `for_build` gives with credentials.
    static constexpr std::string_view stand_in = "token-to-come";

private:
    // What calls in flight share; guarded by `mu_`.
    struct shared
    {
        secret token;
        std::optional<clock::time_point> expiry; // none: valid until a 401
        std::uint64_t generation = 0;            // bumped by every new token
        bool fetching = false;                   // a round is in flight
        std::uint64_t round = 0;                 // rounds ended
        std::optional<error> failure;            // the error of round `round`, if it failed
        std::vector<std::function<void()>> waiters;
    };

    std::optional<console_credentials> credentials_;
    std::chrono::seconds margin_{60};
    std::function<clock::time_point()> clock_ = [] { return clock::now(); };
    mutable detail::mutex mu_;
    detail::condition_variable cv_;
    shared s_;

    std::string_view password() const noexcept
    {
        return credentials_ ? credentials_->password.reveal() : std::string_view();
    }

    // Under the lock.
    bool fresh() const { return !s_.token.empty() && !(s_.expiry && clock_() >= *s_.expiry); }
    token_grant use() const { return {token_grant::kind::use, s_.token, s_.generation, std::nullopt}; }
};

} // namespace sansio
} // namespace admin
} // namespace corti

#endif
