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

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

/** The token a client sends, and when it fetches another.

    With a fixed token (no credentials) that token is always sent. With
    `console_credentials` a token is fetched when there is none or when the
    one held nears its expiry, and again after a 401.

    @par Thread Safety
    Distinct objects: safe. Shared objects: unsafe.
*/
class token_state
{
public:
    /// The clock expiries are measured with.
    using clock = std::chrono::steady_clock;

    /// Holds a fixed bearer token.
    explicit token_state(secret token) : token_(std::move(token)) {}

    /// Fetches tokens with `credentials`.
    explicit token_state(console_credentials credentials) : credentials_(std::move(credentials)) {}

    /// Returns the credentials, or nullptr for a fixed token.
    console_credentials const* credentials() const noexcept { return credentials_ ? &*credentials_ : nullptr; }

    /// Returns the token held now (possibly empty or expired).
    secret const& current() const noexcept { return token_; }

    /** Returns true when the client has credentials and no token that is
        valid now (a token without an expiry, from `set`, is valid until a 401).
    */
    bool needs_fetch() const { return credentials_ && (token_.empty() || (expiry_ && clock_() >= *expiry_)); }

    /** Returns the token to build a call's request with: the current one, or
        a stand-in when a new one is fetched first (`detail::set_bearer`
        replaces it once the new one is known).
    */
    secret const& for_build() const { return needs_fetch() ? stand_in_ : token_; }

    /// Replaces the token; no expiry is known (valid until a 401).
    void set(secret token) noexcept
    {
        token_ = std::move(token);
        expiry_.reset();
    }

    /// Replaces the token with one that expires in `expires_in` (see `expiry_after`).
    void set(secret token, std::chrono::seconds expires_in)
    {
        auto const expiry = expiry_after(expires_in); // the clock may throw: nothing changed then
        token_ = std::move(token);
        expiry_ = expiry;
    }

    /// Sets the refresh margin and, when `now` is not empty, the clock.
    void set_refresh(std::chrono::seconds margin, std::function<clock::time_point()> now)
    {
        margin_ = margin;
        if(now)
            clock_ = std::move(now);
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
        auto req = operations::fetch_token{credentials_->email, credentials_->password}.build(cfg, token_);
        if(!req)
            return detail::redact(std::move(req).error(), credentials_->password.reveal());
        return req;
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
        std::string_view const password = credentials_ ? credentials_->password.reveal() : std::string_view();
        detail::redact_response(resp, password);
        auto tok = operations::parse<operations::fetch_token>(resp, cfg);
        if(!tok)
            return detail::redact(std::move(tok).error(), password);
        set(std::move(tok->token), std::chrono::seconds(tok->expires_in));
        return {};
    }

    /** When a token that lives `expires_in` from now is replaced: `expires_in`
        is clamped to [0, max_token_lifetime] before any conversion (seconds
        to the clock's nanoseconds overflow past 292 years), the refresh
        margin to [0, half the lifetime], and the sum saturates at the
        clock's end. A lifetime of 0 gives now: the token serves the call
        that fetched it, and the next call fetches another.
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

private:
    secret token_;
    std::optional<console_credentials> credentials_;
    std::optional<clock::time_point> expiry_; // none: valid until a 401
    secret stand_in_{"token-to-come"};
    std::chrono::seconds margin_{60};
    std::function<clock::time_point()> clock_ = [] { return clock::now(); };
};

} // namespace sansio
} // namespace admin
} // namespace corti

#endif
