// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_CLIENT_HPP
#define CORTI_ADMIN_CLIENT_HPP

/** @file
    `client<Transport>`: builder, then `Transport::send`, then parser.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/redact.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>
#include <corti/admin/retry.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/transport.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace corti {
namespace admin {

namespace detail {

/** The asynchronous members call `async_exchange(async_exchange_tag{}, ...)`
    unqualified, so it is found by argument-dependent lookup where it is
    defined: in `<corti/admin/beast.hpp>`, which brings Asio. The core
    declares nothing of it and includes no Asio.
*/
struct async_exchange_tag
{
};

/// A handler type used only to ask whether `T::async_send` exists.
struct async_send_probe
{
    template<class... Args>
    void operator()(Args&&...) const
    {
    }
};

/// True when `T` has `async_send(http_request const&, CompletionToken&&)`.
template<class T, class = void>
struct has_async_send : std::false_type
{
};

template<class T>
struct has_async_send<T, std::void_t<decltype(std::declval<std::remove_reference_t<T>&>().async_send(
                             std::declval<http_request const&>(), async_send_probe{}))>> : std::true_type
{
};

} // namespace detail

/** The longest a client keeps a token: a longer `expiresIn` (the API allows
    any JSON integer) counts as this. A server's "lasts for centuries" then
    costs one login a day, and no time arithmetic can overflow.
*/
inline constexpr std::chrono::seconds max_token_lifetime{24 * 60 * 60};

/// Console credentials: the client exchanges them for tokens at `/auth/token`.
struct console_credentials
{
    std::string email;
    secret password;
};

/// Bounds for the `list_all_*` functions.
struct paging_options
{
    /// Items per page asked for.
    std::int64_t page_size = 100;
    /// The most pages fetched; past it, `errc::too_many_pages`.
    std::int64_t max_pages = 1000;
};

/** A client of the Admin API over a transport of your choice.

    `Transport` is held by value; use `client<my_transport&>` to keep a
    reference to one you own (the transport must then outlive the client).

    Every operation builds its request (arguments are checked first, and
    nothing invalid is sent), sends it through the transport, and parses the
    answer; errors carry no secret. With `console_credentials` the client
    fetches a token before the first call (unless `set_token` gave one),
    again shortly before it expires, and at most once per call after a 401.
    With a `retry_policy` it retries GET and DELETE requests (never POST or
    PATCH) as `retry.hpp` describes.

    @par Thread Safety
    Distinct objects: safe. Shared objects: unsafe (the transport usually
    owns one connection, and the token is cached).
*/
template<class Transport>
class client
{
    static_assert(is_transport_v<Transport>,
                  "corti::admin::client<Transport>: Transport must have a member function "
                  "`send(corti::admin::http_request const&)` returning "
                  "corti::admin::result<corti::admin::http_response> (see corti/admin/transport.hpp)");

    using clock = std::chrono::steady_clock;

    Transport transport_;
    config cfg_;
    secret token_;
    std::optional<console_credentials> credentials_;
    std::optional<clock::time_point> token_expiry_; // none: valid until a 401 (set_token)
    secret stand_in_token_{"token-to-come"}; // builds a request whose token comes later (see build_token)
    std::chrono::seconds refresh_margin_{60};
    std::function<clock::time_point()> clock_ = [] { return clock::now(); };
    retry_policy retry_ = detail::with_default_hooks(retry_policy{});

public:
    /** Makes a client with a fixed bearer token.

        @param transport the transport (moved in, or a reference for `Transport = T&`)
        @param cfg where to send requests and how to check responses
        @param token the bearer token (from `/auth/token`)
    */
    client(Transport transport, config cfg, secret token)
        : transport_(std::forward<Transport>(transport)), cfg_(std::move(cfg)), token_(std::move(token))
    {
    }

    /** Makes a client that gets its tokens from `/auth/token` with Console
        credentials (a service account with a password; not SSO).
    */
    client(Transport transport, config cfg, console_credentials credentials)
        : transport_(std::forward<Transport>(transport)), cfg_(std::move(cfg)), credentials_(std::move(credentials))
    {
    }

    /// Returns the transport.
    std::remove_reference_t<Transport>& get_transport() noexcept { return transport_; }

    /// Returns the configuration.
    config const& get_config() const noexcept { return cfg_; }

    /** Replaces the bearer token.

        Without credentials it is the fixed token from now on. With
        `console_credentials` it is used instead of fetching one until the
        server refuses it with a 401; then the credentials fetch a new token
        and the request is sent once more, as for any token. An empty token
        counts as none: the next call fetches one.
    */
    void set_token(secret token) noexcept
    {
        token_ = std::move(token);
        token_expiry_.reset(); // no expiry known: valid until a 401
    }

    /** Replaces the bearer token with one that expires in `expires_in`.

        As `set_token(token)`, and with credentials the token is also
        replaced when it nears `expires_in` from now, as if `/auth/token` had
        answered that `expiresIn` (`set_token_refresh`'s margin applies;
        clamped to [0, `max_token_lifetime`]). Without credentials the expiry
        changes nothing: the fixed token is always sent.
    */
    void set_token(secret token, std::chrono::seconds expires_in)
    {
        auto const expiry = expiry_after(expires_in); // the clock may throw: nothing changed then
        token_ = std::move(token);
        token_expiry_ = expiry;
    }

    /// Sets the retry policy (default: no retry). Unset hooks get their defaults.
    void set_retry_policy(retry_policy p) { retry_ = detail::with_default_hooks(std::move(p)); }

    /** Sets how long before its `expiresIn` a token is replaced (default 60 s;
        never more than half the token's lifetime; a negative margin counts
        as none), and the clock used for it (default `steady_clock::now`;
        tests pass their own). `expiresIn` counts as at most
        `max_token_lifetime`.
    */
    void set_token_refresh(std::chrono::seconds margin, std::function<clock::time_point()> now = nullptr)
    {
        refresh_margin_ = margin;
        if(now)
            clock_ = std::move(now);
    }

    /** Fetches a new token with the client's credentials now.

        @return nothing, or `errc::invalid_argument` (`credentials`) when the
        client has none, or the errors of `make_fetch_token_request`, the transport
        and `parse_fetch_token_response`. No error holds the password or a token.
    */
    result<void> fetch_token()
    {
        token_steps steps(*this);
        return drive(steps);
    }

    /** Lists one page of the project's customers.
        @return the page, or the errors of `make_list_customers_request`, the
        transport, and `parse_list_customers_response`.
    */
    result<customer_page> list_customers(std::string_view project_id, page_request const& page = {})
    {
        return call(make_list_customers_request(cfg_, build_token(), project_id, page),
                    [&](http_response const& r) { return parse_list_customers_response(r, cfg_); });
    }

    /** Lists every customer of the project: pages 1, 2, ... (each one call,
        with its token and retry steps) until the server says it was the last.
        @return the customers, or the first error: `errc::invalid_argument`
        (`paging_options`) when `page_size` or `max_pages` is below 1, the
        errors of `list_customers`, `errc::invalid_value` at
        `/pagination/page` when the server answers another page than asked,
        `errc::too_many_pages` when page `max_pages` was not the last.
    */
    result<std::vector<customer>> list_all_customers(std::string_view project_id, paging_options const& opt = {})
    {
        auto steps = all_customers_steps(project_id, opt, false);
        return drive(steps);
    }

    /** Creates a customer (a POST: never resent).
        @return the customer, or the errors of `make_create_customer_request`,
        the transport, and `parse_create_customer_response`.
    */
    result<customer> create_customer(std::string_view project_id, new_customer const& c)
    {
        return call(make_create_customer_request(cfg_, build_token(), project_id, c),
                    [&](http_response const& r) { return parse_create_customer_response(r, cfg_); });
    }

    /** Updates a customer (a PATCH: never resent).
        @return the customer, or the errors of `make_update_customer_request`,
        the transport, and `parse_update_customer_response`.
    */
    result<customer> update_customer(std::string_view project_id, std::string_view customer_id, customer_update const& u)
    {
        return call(make_update_customer_request(cfg_, build_token(), project_id, customer_id, u),
                    [&](http_response const& r) { return parse_update_customer_response(r, cfg_); });
    }

    /** Deletes a customer.
        @return nothing, or the errors of `make_delete_customer_request`, the
        transport, and `parse_delete_customer_response`.
    */
    result<void> delete_customer(std::string_view project_id, std::string_view customer_id)
    {
        return call(make_delete_customer_request(cfg_, build_token(), project_id, customer_id),
                    [&](http_response const& r) { return parse_delete_customer_response(r, cfg_); });
    }

    /** Reads a customer's quotas.
        @return the quotas, or the errors of `make_get_customer_quotas_request`,
        the transport, and `parse_get_customer_quotas_response`.
    */
    result<customer_quotas> get_customer_quotas(std::string_view project_id, std::string_view customer_id)
    {
        return call(make_get_customer_quotas_request(cfg_, build_token(), project_id, customer_id),
                    [&](http_response const& r) { return parse_get_customer_quotas_response(r, cfg_); });
    }

    /** Lists one page of a customer's users.
        @return the page, or the errors of `make_list_users_request`, the
        transport, and `parse_list_users_response`.
    */
    result<user_page> list_users(std::string_view project_id, std::string_view customer_id, page_request const& page = {})
    {
        return call(make_list_users_request(cfg_, build_token(), project_id, customer_id, page),
                    [&](http_response const& r) { return parse_list_users_response(r, cfg_); });
    }

    /** Lists every user of a customer, page after page, as
        `list_all_customers` does.
        @return the users, or the errors of `list_all_customers` (those of
        `list_users` for each page).
    */
    result<std::vector<user>> list_all_users(std::string_view project_id, std::string_view customer_id,
                                             paging_options const& opt = {})
    {
        auto steps = all_users_steps(project_id, customer_id, opt, false);
        return drive(steps);
    }

    /** Creates a user and adds it to the customer.

        Builds the request with `make_create_user_request`, sends it once
        (a POST is never resent), and parses the answer with
        `parse_create_user_response`.

        @return the created user, or an error: the argument errors of
        `make_create_user_request` (nothing is sent then), the transport's
        error, or the errors of `parse_create_user_response`. The password
        and the token are scrubbed from every error.
    */
    result<user> create_user(std::string_view project_id, std::string_view customer_id, new_user const& u)
    {
        return call(make_create_user_request(cfg_, build_token(), project_id, customer_id, u),
                    [&](http_response const& r) { return parse_create_user_response(r, cfg_); },
                    u.password ? u.password->reveal() : std::string_view());
    }

    /** Updates a user (a PATCH: never resent).
        @return the user, or the errors of `make_update_user_request`, the
        transport, and `parse_update_user_response`. No error holds the password.
    */
    result<user> update_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                             user_update const& u)
    {
        return call(make_update_user_request(cfg_, build_token(), project_id, customer_id, user_id, u),
                    [&](http_response const& r) { return parse_update_user_response(r, cfg_); },
                    u.password ? u.password->reveal() : std::string_view());
    }

    /** Deletes a user.
        @return nothing, or the errors of `make_delete_user_request`, the
        transport, and `parse_delete_user_response`.
    */
    result<void> delete_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id)
    {
        return call(make_delete_user_request(cfg_, build_token(), project_id, customer_id, user_id),
                    [&](http_response const& r) { return parse_delete_user_response(r, cfg_); });
    }

    /** Reads the credits a user consumed from `from` to `to`, both inclusive.
        @return the credits, or the errors of `make_get_user_consumption_request`,
        the transport, and `parse_get_user_consumption_response`.
    */
    result<double> get_user_consumption(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                                        date_time const& from, date_time const& to,
                                        std::optional<std::string_view> window_time_zone = std::nullopt)
    {
        return call(make_get_user_consumption_request(cfg_, build_token(), project_id, customer_id, user_id, from, to,
                                                  window_time_zone),
                    [&](http_response const& r) { return parse_get_user_consumption_response(r, cfg_); });
    }

    /** Reads the quotas of every reachable tenant of the project.
        @return the quotas, or the errors of `make_get_project_quotas_request`,
        the transport, and `parse_get_project_quotas_response`.
    */
    result<project_quotas> get_project_quotas(std::string_view project_id)
    {
        return call(make_get_project_quotas_request(cfg_, build_token(), project_id),
                    [&](http_response const& r) { return parse_get_project_quotas_response(r, cfg_); });
    }

    /** @name Asynchronous operations

        One `async_X` per operation `X`, with the same arguments followed by
        an Asio completion token (a callback, `use_future`, `use_awaitable`,
        `deferred`, ...); the completion signature is `void(result<T>)` where
        `X` returns `result<T>`. They exist when the transport has an
        Asio-style `async_send(http_request const&, CompletionToken&&)` with
        the completion signature `void(result<http_response>)` and
        `<corti/admin/beast.hpp>` (which implements the exchange with Asio)
        is included.

        The request is built and checked before the call returns: the
        arguments need not outlive it; the client and its transport must
        outlive the operation. An invalid argument completes the handler
        without sending anything; the token and any password are scrubbed
        from every error. Tokens work as in the synchronous members (the
        same steps, `call_steps`): with credentials, a token is fetched when
        none is valid, and after a 401 a new one is fetched and the request
        sent once more. The retry policy applies as well: the wait before a
        retry is an Asio timer on the transport's executor (the policy's
        `sleep` is not called), and cancelling the handler's cancellation
        slot during that wait ends the call with `operation_aborted`.

        @return whatever the token makes of the signature: nothing for a
        callback, `std::future<result<T>>` for `use_future`,
        `awaitable<result<T>>` for `use_awaitable`.
    */
    ///@{

    /// The asynchronous form of `fetch_token` (one POST, never resent; the
    /// same errors); completes with `result<void>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_fetch_token(CompletionToken&& token)
    {
        return async_exchange(detail::async_exchange_tag{}, transport_, token_steps(*this),
                              std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_customers`; completes with `result<customer_page>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_list_customers(std::string_view project_id, page_request const& page, CompletionToken&& token)
    {
        return async_call(make_list_customers_request(cfg_, build_token(), project_id, page), {},
                          [this](http_response const& r) { return parse_list_customers_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_all_customers` (the same pages and
    /// errors); completes with `result<std::vector<customer>>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_list_all_customers(std::string_view project_id, paging_options const& opt, CompletionToken&& token)
    {
        return async_exchange(detail::async_exchange_tag{}, transport_,
                              all_customers_steps(std::string(project_id), opt, true),
                              std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `create_customer`; completes with `result<customer>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_create_customer(std::string_view project_id, new_customer const& c, CompletionToken&& token)
    {
        return async_call(make_create_customer_request(cfg_, build_token(), project_id, c), {},
                          [this](http_response const& r) { return parse_create_customer_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `update_customer`; completes with `result<customer>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_update_customer(std::string_view project_id, std::string_view customer_id, customer_update const& u, CompletionToken&& token)
    {
        return async_call(make_update_customer_request(cfg_, build_token(), project_id, customer_id, u), {},
                          [this](http_response const& r) { return parse_update_customer_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `delete_customer`; completes with `result<void>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_delete_customer(std::string_view project_id, std::string_view customer_id, CompletionToken&& token)
    {
        return async_call(make_delete_customer_request(cfg_, build_token(), project_id, customer_id), {},
                          [this](http_response const& r) { return parse_delete_customer_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `get_customer_quotas`; completes with `result<customer_quotas>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_get_customer_quotas(std::string_view project_id, std::string_view customer_id, CompletionToken&& token)
    {
        return async_call(make_get_customer_quotas_request(cfg_, build_token(), project_id, customer_id), {},
                          [this](http_response const& r) { return parse_get_customer_quotas_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_users`; completes with `result<user_page>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_list_users(std::string_view project_id, std::string_view customer_id, page_request const& page, CompletionToken&& token)
    {
        return async_call(make_list_users_request(cfg_, build_token(), project_id, customer_id, page), {},
                          [this](http_response const& r) { return parse_list_users_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_all_users` (the same pages and
    /// errors); completes with `result<std::vector<user>>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_list_all_users(std::string_view project_id, std::string_view customer_id, paging_options const& opt,
                              CompletionToken&& token)
    {
        return async_exchange(detail::async_exchange_tag{}, transport_,
                              all_users_steps(std::string(project_id), std::string(customer_id), opt, true),
                              std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `create_user`; completes with `result<user>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_create_user(std::string_view project_id, std::string_view customer_id, new_user const& u, CompletionToken&& token)
    {
        return async_call(make_create_user_request(cfg_, build_token(), project_id, customer_id, u), u.password ? u.password->reveal() : std::string_view(),
                          [this](http_response const& r) { return parse_create_user_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `update_user`; completes with `result<user>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_update_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id, user_update const& u, CompletionToken&& token)
    {
        return async_call(make_update_user_request(cfg_, build_token(), project_id, customer_id, user_id, u), u.password ? u.password->reveal() : std::string_view(),
                          [this](http_response const& r) { return parse_update_user_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `delete_user`; completes with `result<void>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_delete_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id, CompletionToken&& token)
    {
        return async_call(make_delete_user_request(cfg_, build_token(), project_id, customer_id, user_id), {},
                          [this](http_response const& r) { return parse_delete_user_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `get_user_consumption`; completes with `result<double>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_get_user_consumption(std::string_view project_id, std::string_view customer_id, uuid const& user_id, date_time const& from,
                                    date_time const& to, std::optional<std::string_view> window_time_zone, CompletionToken&& token)
    {
        return async_call(make_get_user_consumption_request(cfg_, build_token(), project_id, customer_id, user_id, from, to, window_time_zone), {},
                          [this](http_response const& r) { return parse_get_user_consumption_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `get_project_quotas`; completes with `result<project_quotas>`.
    template<class CompletionToken, class T = Transport, std::enable_if_t<detail::has_async_send<T>::value, int> = 0>
    auto async_get_project_quotas(std::string_view project_id, CompletionToken&& token)
    {
        return async_call(make_get_project_quotas_request(cfg_, build_token(), project_id), {},
                          [this](http_response const& r) { return parse_get_project_quotas_response(r, cfg_); },
                          std::forward<CompletionToken>(token));
    }
    ///@}

private:
    /// Starts an asynchronous call (implemented in <corti/admin/beast.hpp>).
    template<class Parse, class CompletionToken>
    auto async_call(result<http_request> req, std::string_view extra_secret, Parse parse, CompletionToken&& token)
    {
        return async_exchange(detail::async_exchange_tag{}, transport_,
                              call_steps<Parse>(*this, std::move(req), extra_secret, std::move(parse), true),
                              std::forward<CompletionToken>(token));
    }

    /// True when the client has credentials and no token that is valid now
    /// (a token without an expiry, from `set_token`, is valid until a 401).
    bool needs_token() const
    {
        return credentials_ && (token_.empty() || (token_expiry_ && clock_() >= *token_expiry_));
    }

    /// The token a call's request is built with: the current one, or a
    /// stand-in when a new one is fetched first (`set_bearer` replaces it).
    secret const& build_token() const { return needs_token() ? stand_in_token_ : token_; }

    /// The token request for the client's credentials.
    result<http_request> token_request() const
    {
        return make_fetch_token_request(cfg_, credentials_->email, credentials_->password);
    }

    /// Reads the answer of `/auth/token` and keeps the token until shortly
    /// before it expires. No error holds the password or a token, and the
    /// answer is wiped on every path.
    result<void> accept_token(http_response resp)
    {
        struct wipe_on_exit
        {
            http_response& r;
            ~wipe_on_exit() { r.wipe(); }
        } const wipe{resp};
        std::string_view const password = credentials_->password.reveal();
        detail::redact_response(resp, password);
        auto tok = parse_fetch_token_response(resp, cfg_);
        if(!tok)
            return detail::redact(std::move(tok).error(), password);
        token_ = std::move(tok->token);
        token_expiry_ = expiry_after(std::chrono::seconds(tok->expires_in));
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
        clock::duration const margin = std::clamp(refresh_margin_, std::chrono::seconds(0), max_token_lifetime);
        auto const ttl = lifetime - std::min(margin, lifetime / 2);
        auto const now = clock_();
        if(now > clock::time_point::max() - ttl)
            return clock::time_point::max();
        return now + ttl;
    }

    /** One call as steps, without I/O: the requests to send in turn, how
        long to wait before each, and what each answer means. A token first
        when the client has credentials and none is valid; then the call's
        request, sent again as the retry policy allows (GET and DELETE only,
        see `retry.hpp`); after a 401 (refused before it took effect, so safe
        to send again), a new token and the request once more. The answer is
        parsed, and every error is scrubbed of the token, the refused token,
        the call's own secret (a password in the body) and the Console
        password.

        `call` drives it with `send` and the policy's `sleep`; the
        asynchronous members drive it with `async_send` and a timer
        (`<corti/admin/beast.hpp>`).
    */
    template<class Parse>
    class call_steps
    {
    public:
        using result_type = decltype(std::declval<Parse&>()(std::declval<http_response const&>()));

        /** `for_async`: the asynchronous driver, whose call outlives the
            caller's arguments (`extra_secret` is then copied) and which waits
            on a timer; the synchronous one waits with the policy's `sleep`,
            and without one nothing is retried.
        */
        call_steps(client& c, result<http_request> req, std::string_view extra_secret, Parse parse, bool for_async)
            : c_(&c), req_(std::move(req)), parse_(std::move(parse)),
              extra_view_(for_async ? std::string_view() : extra_secret),
              extra_copy_(for_async ? extra_secret : std::string_view()),
              can_wait_(for_async || static_cast<bool>(c.retry_.sleep))
        {
            if(!req_)
                finish(req_.error());
            else if(c_->needs_token())
                fetch_token(stage::first_token);
            else
                use_token(stage::request);
        }

        /// The request to send now, or nullptr when the call is over.
        http_request const* next() const noexcept
        {
            switch(stage_)
            {
            case stage::first_token:
            case stage::new_token: return &*token_req_;
            case stage::request:
            case stage::resend: return &*req_;
            case stage::done: break;
            }
            return nullptr;
        }

        /// How long to wait before sending `next()`, when it is a retry.
        std::optional<std::chrono::milliseconds> take_wait() noexcept { return std::exchange(wait_, std::nullopt); }

        /// Takes the answer to the request `next()` returned.
        void take(result<http_response> r)
        {
            switch(stage_)
            {
            case stage::first_token:
            case stage::new_token: {
                stage const then = stage_ == stage::first_token ? stage::request : stage::resend;
                if(!r)
                    return finish(std::move(r).error());
                if(auto ok = c_->accept_token(std::move(*r)); !ok)
                    return finish(ok.error());
                return use_token(then);
            }
            case stage::request:
                if(retry(r))
                    return;
                if(r && r->status == 401 && c_->credentials_)
                {
                    refused_ = c_->token_;
                    return fetch_token(stage::new_token);
                }
                return answer(std::move(r));
            case stage::resend:
                if(retry(r))
                    return;
                return answer(std::move(r));
            case stage::done: return;
            }
        }

        /// The call's result, once `next()` returned nullptr.
        result_type take_result() { return std::move(*out_); }

    private:
        enum class stage
        {
            first_token, // sending the token request
            request,     // sending the call's request
            new_token,   // sending the token request after a 401
            resend,      // sending the call's request again
            done
        };

        client* c_;
        result<http_request> req_;
        Parse parse_;
        std::string_view extra_view_; // the synchronous driver's: its caller's arguments outlive the steps
        secret extra_copy_;           // the asynchronous driver's
        secret refused_;
        std::optional<http_request> token_req_;
        stage stage_ = stage::done;
        std::optional<result_type> out_;
        bool can_wait_;
        unsigned attempt_ = 1;                   // of the request in this stage
        retry_policy::clock::time_point deadline_; // of its retries
        std::optional<std::chrono::milliseconds> wait_;

        bool may_retry() const
        {
            return can_wait_ && c_->retry_.max_attempts > 1 && is_idempotent(req_->method);
        }

        // Decides whether to send the request again after `r`; if so, when.
        bool retry(result<http_response> const& r)
        {
            auto const& p = c_->retry_;
            bool const retryable = r ? is_retryable_status(r->status) : r.error() == errc::connection_failed;
            if(!may_retry() || !retryable || attempt_ >= p.max_attempts)
                return false;
            auto const delay = detail::retry_delay(p, attempt_, r ? &*r : nullptr);
            if(p.now() + delay > deadline_)
                return false;
            wait_ = delay;
            ++attempt_;
            return true;
        }

        template<class F>
        void each_secret(F f) const
        {
            f(c_->token_.reveal());
            f(refused_.reveal());
            f(extra_view_);
            f(extra_copy_.reveal());
            if(c_->credentials_)
                f(c_->credentials_->password.reveal());
        }

        void finish(error e)
        {
            each_secret([&](std::string_view s) { e = detail::redact(std::move(e), s); });
            out_.emplace(std::move(e));
            stage_ = stage::done;
        }

        void fetch_token(stage s)
        {
            auto t = c_->token_request();
            if(!t)
                return finish(std::move(t).error());
            token_req_.emplace(std::move(*t));
            stage_ = s;
        }

        void use_token(stage s)
        {
            if(c_->credentials_)
                if(auto ok = detail::set_bearer(*req_, c_->token_); !ok)
                    return finish(ok.error());
            stage_ = s;
            attempt_ = 1;
            if(may_retry())
                deadline_ = c_->retry_.now() + c_->retry_.deadline;
        }

        void answer(result<http_response> r)
        {
            if(!r)
                return finish(std::move(r).error());
            each_secret([&](std::string_view s) { detail::redact_response(*r, s); });
            auto out = parse_(*r);
            if(!out)
                return finish(std::move(out).error());
            out_.emplace(std::move(out));
            stage_ = stage::done;
        }
    };

    /** Fetching a token as steps: one POST to `/auth/token`, never resent,
        whose answer `accept_token` keeps. Errors: `errc::invalid_argument`
        (`credentials`) without credentials, nothing sent; those of
        `make_fetch_token_request`, the transport and `parse_fetch_token_response`,
        scrubbed of the password.
    */
    class token_steps
    {
    public:
        using result_type = result<void>;

        explicit token_steps(client& c) : c_(&c)
        {
            if(!c.credentials_)
                out_.emplace(error(errc::invalid_argument, "the client was made with a fixed token", "credentials"));
            else if(auto req = c.token_request(); !req)
                out_.emplace(detail::redact(std::move(req).error(), c.credentials_->password.reveal()));
            else
                req_.emplace(std::move(*req));
        }

        http_request const* next() const noexcept { return out_ ? nullptr : &*req_; }

        std::optional<std::chrono::milliseconds> take_wait() noexcept { return std::nullopt; }

        void take(result<http_response> r)
        {
            if(out_)
                return;
            if(!r)
                out_.emplace(detail::redact(std::move(r).error(), c_->credentials_->password.reveal()));
            else
                out_.emplace(c_->accept_token(std::move(*r)));
        }

        result_type take_result() { return std::move(*out_); }

    private:
        client* c_;
        std::optional<http_request> req_;
        std::optional<result_type> out_;
    };

    /** Fetching every page of a list as steps: pages 1, 2, ..., each one
        call's steps (`call_steps`: token, retries, a 401 answered once),
        until the server says it was the last. `make(page_request)` builds a
        page's request when the page starts (with the token valid then),
        `parse` reads a page, `take(page, items)` moves its items out.
    */
    template<class Item, class Make, class Parse, class Take>
    class paging_steps
    {
    public:
        using result_type = result<std::vector<Item>>;

        paging_steps(client& c, paging_options const& opt, Make make, Parse parse, Take take, bool for_async)
            : c_(&c), opt_(opt), make_(std::move(make)), parse_(std::move(parse)), take_(std::move(take)),
              for_async_(for_async)
        {
            if(opt.page_size < 1 || opt.max_pages < 1)
                out_.emplace(error(errc::invalid_argument, "page_size and max_pages must be at least 1", "paging_options"));
            else
                start(1);
        }

        http_request const* next() const noexcept { return out_ ? nullptr : call_->next(); }

        std::optional<std::chrono::milliseconds> take_wait() noexcept
        {
            return out_ ? std::nullopt : call_->take_wait();
        }

        void take(result<http_response> r)
        {
            if(out_)
                return;
            call_->take(std::move(r));
            if(!call_->next())
                end_page();
        }

        result_type take_result() { return std::move(*out_); }

    private:
        client* c_;
        paging_options opt_;
        Make make_;
        Parse parse_;
        Take take_;
        bool for_async_;
        std::int64_t page_ = 0;
        std::optional<call_steps<Parse>> call_; // the current page's
        std::vector<Item> items_;
        std::optional<result_type> out_;

        void start(std::int64_t page)
        {
            if(page > opt_.max_pages)
            {
                out_.emplace(error(errc::too_many_pages, "more than " + std::to_string(opt_.max_pages) + " pages"));
                return;
            }
            page_ = page;
            call_.emplace(*c_, make_(page_request{page, opt_.page_size}), std::string_view(), parse_, for_async_);
            if(!call_->next())
                end_page(); // over before anything was sent: an invalid argument
        }

        void end_page()
        {
            auto p = call_->take_result();
            call_.reset();
            if(!p)
                out_.emplace(std::move(p).error());
            else if(p->pagination.page != page_)
                out_.emplace(error(errc::invalid_value,
                                   "asked for page " + std::to_string(page_) + ", got " + std::to_string(p->pagination.page),
                                   "/pagination/page"));
            else
            {
                take_(*p, items_);
                if(p->pagination.has_more())
                    start(page_ + 1);
                else
                    out_.emplace(std::move(items_));
            }
        }
    };

    /// The steps of `list_all_customers`; `Str` holds the id (a view for the
    /// synchronous driver, a copy for the asynchronous one).
    template<class Str>
    auto all_customers_steps(Str project_id, paging_options const& opt, bool for_async)
    {
        auto make = [this, project_id = std::move(project_id)](page_request const& p) {
            return make_list_customers_request(cfg_, build_token(), project_id, p);
        };
        auto parse = [this](http_response const& r) { return parse_list_customers_response(r, cfg_); };
        auto take = [](customer_page& p, std::vector<customer>& all) {
            std::move(p.customers.begin(), p.customers.end(), std::back_inserter(all));
        };
        return paging_steps<customer, decltype(make), decltype(parse), decltype(take)>(
            *this, opt, std::move(make), std::move(parse), std::move(take), for_async);
    }

    /// The steps of `list_all_users`; see `all_customers_steps`.
    template<class Str>
    auto all_users_steps(Str project_id, Str customer_id, paging_options const& opt, bool for_async)
    {
        auto make = [this, project_id = std::move(project_id), customer_id = std::move(customer_id)](page_request const& p) {
            return make_list_users_request(cfg_, build_token(), project_id, customer_id, p);
        };
        auto parse = [this](http_response const& r) { return parse_list_users_response(r, cfg_); };
        auto take = [](user_page& p, std::vector<user>& all) {
            std::move(p.users.begin(), p.users.end(), std::back_inserter(all));
        };
        return paging_steps<user, decltype(make), decltype(parse), decltype(take)>(
            *this, opt, std::move(make), std::move(parse), std::move(take), for_async);
    }

    /// Sends the requests of `steps` in turn with `send`, sleeping before
    /// retries, and returns its result.
    template<class Steps>
    typename Steps::result_type drive(Steps& steps)
    {
        while(http_request const* next = steps.next())
        {
            if(auto const delay = steps.take_wait())
                retry_.sleep(*delay);
            steps.take(transport_.send(*next));
        }
        return steps.take_result();
    }

    /// Runs one call synchronously and returns its result.
    template<class Parse>
    auto call(result<http_request> req, Parse parse, std::string_view extra_secret = {})
    {
        call_steps<Parse> steps(*this, std::move(req), extra_secret, std::move(parse), false);
        return drive(steps);
    }
};

} // namespace admin
} // namespace corti

#endif
