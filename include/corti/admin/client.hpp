// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_CLIENT_HPP
#define CORTI_ADMIN_CLIENT_HPP

/** @file
    `client<Transport>`: runs the operations of `operations.hpp` through a
    transport, synchronously (`run`) or with Asio (`async_run`).
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/async_probe.hpp>
#include <corti/admin/detail/client_steps.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/operations.hpp>
#include <corti/admin/retry.hpp>
#include <corti/admin/sansio/call_machine.hpp>
#include <corti/admin/sansio/token_state.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/transport.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace corti {
namespace admin {

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

    @par Many calls at once
    Any number of calls may be in flight on one client: synchronous members
    called from several threads, asynchronous ones outstanding on one
    `io_context` thread, on a strand, or on a thread pool, or both. They
    share one token (`sansio::token_state`): when it must be fetched,
    exactly one `/auth/token` request goes out and the other calls wait for
    it and use its token (or fail with its error); a burst of 401s for one
    token leads to one new fetch. How many requests are on the wire at once
    is the transport's business (`beast_transport` keeps a bounded pool of
    connections: `beast_transport_options::max_connections`).

    @par Thread Safety
    Distinct objects: safe. Shared objects: the operations (`run`,
    `create_user`, `async_create_user`, ..., `fetch_token`) and `set_token`
    are safe to call from several threads at once, provided the transport's
    `send` / `async_send` are (`beast_transport`'s are; `testing::mock_transport`'s
    are not). `set_retry_policy`, `set_token_refresh`, moving and destroying
    need no call in flight. A synchronous call waits (blocks) while another
    call fetches the token: do not make synchronous calls from a completion
    handler running on the only thread of the `io_context` that runs this
    client's asynchronous calls.
*/
template<class Transport>
class client
{
    static_assert(is_transport_v<Transport>,
                  "corti::admin::client<Transport>: Transport must have a member function "
                  "`send(corti::admin::http_request const&)` returning "
                  "corti::admin::result<corti::admin::http_response> (see corti/admin/transport.hpp)");

    using clock = std::chrono::steady_clock;

    template<class T>
    using if_async = std::enable_if_t<detail::has_async_send<T>::value, int>;

    Transport transport_;
    config cfg_;
    sansio::token_state tokens_;
    retry_policy retry_ = detail::with_default_hooks(retry_policy{});

public:
    /** Makes a client with a fixed bearer token.

        @param transport the transport (moved in, or a reference for `Transport = T&`)
        @param cfg where to send requests and how to check responses
        @param token the bearer token (from `/auth/token`)
    */
    client(Transport transport, config cfg, secret token)
        : transport_(std::forward<Transport>(transport)), cfg_(std::move(cfg)), tokens_(std::move(token))
    {
    }

    /** Makes a client that gets its tokens from `/auth/token` with Console
        credentials (a service account with a password; not SSO).
    */
    client(Transport transport, config cfg, console_credentials credentials)
        : transport_(std::forward<Transport>(transport)), cfg_(std::move(cfg)), tokens_(std::move(credentials))
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
    void set_token(secret token) noexcept { tokens_.set(std::move(token)); }

    /** Replaces the bearer token with one that expires in `expires_in`.

        As `set_token(token)`, and with credentials the token is also
        replaced when it nears `expires_in` from now, as if `/auth/token` had
        answered that `expiresIn` (`set_token_refresh`'s margin applies;
        clamped to [0, `max_token_lifetime`]). Without credentials the expiry
        changes nothing: the fixed token is always sent.
    */
    void set_token(secret token, std::chrono::seconds expires_in) { tokens_.set(std::move(token), expires_in); }

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
        tokens_.set_refresh(margin, std::move(now));
    }

    /** Runs one operation of `operations.hpp`: builds its request (the
        arguments are checked first, and nothing invalid is sent), sends it
        through the transport with the token and retry steps of
        `sansio::call_machine`, and parses the answer with `Op::parse`.

        @return the operation's result, or an error: the argument errors of
        its builder (nothing is sent then), the transport's, or those of its
        parser. Every secret (the token, the Console password, a password in
        the body) is scrubbed from every error.
    */
    template<class Op>
    result<typename Op::result_type> run(Op const& op)
    {
        detail::op_steps<Op> steps(state(), op, false);
        return detail::drive(transport_, retry_, steps);
    }

    /** Fetches a new token with the client's credentials now; when another
        call is fetching one at this moment, waits for that fetch instead and
        shares its outcome.

        @return nothing, or `errc::invalid_argument` (`credentials`) when the
        client has none, or the errors of `make_fetch_token_request`, the
        transport and `parse_fetch_token_response`. No error holds the password or a token.
    */
    result<void> fetch_token()
    {
        detail::token_steps steps(state());
        return detail::drive(transport_, retry_, steps);
    }

    /// Lists one page of the project's customers (`operations::list_customers`).
    result<customer_page> list_customers(std::string_view project_id, page_request const& page = {})
    {
        return run(operations::list_customers{project_id, page});
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
        detail::paging_steps<operations::list_customers> steps(state(), {project_id}, opt, false);
        return detail::drive(transport_, retry_, steps);
    }

    /// Creates a customer (`operations::create_customer`; a POST: never resent).
    result<customer> create_customer(std::string_view project_id, new_customer const& c)
    {
        return run(operations::create_customer{project_id, c});
    }

    /// Updates a customer (`operations::update_customer`; a PATCH: never resent).
    result<customer> update_customer(std::string_view project_id, std::string_view customer_id,
                                     customer_update const& u)
    {
        return run(operations::update_customer{project_id, customer_id, u});
    }

    /// Deletes a customer (`operations::delete_customer`).
    result<void> delete_customer(std::string_view project_id, std::string_view customer_id)
    {
        return run(operations::delete_customer{project_id, customer_id});
    }

    /// Reads a customer's quotas (`operations::get_customer_quotas`).
    result<customer_quotas> get_customer_quotas(std::string_view project_id, std::string_view customer_id)
    {
        return run(operations::get_customer_quotas{project_id, customer_id});
    }

    /// Lists one page of a customer's users (`operations::list_users`).
    result<user_page> list_users(std::string_view project_id, std::string_view customer_id,
                                 page_request const& page = {})
    {
        return run(operations::list_users{project_id, customer_id, page});
    }

    /** Lists every user of a customer, page after page, as
        `list_all_customers` does.
        @return the users, or the errors of `list_all_customers` (those of
        `list_users` for each page).
    */
    result<std::vector<user>> list_all_users(std::string_view project_id, std::string_view customer_id,
                                             paging_options const& opt = {})
    {
        detail::paging_steps<operations::list_users> steps(state(), {project_id, customer_id}, opt, false);
        return detail::drive(transport_, retry_, steps);
    }

    /** Creates a user and adds it to the customer (`operations::create_user`).

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
        return run(operations::create_user{project_id, customer_id, u});
    }

    /// Updates a user (`operations::update_user`; a PATCH: never resent).
    result<user> update_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                             user_update const& u)
    {
        return run(operations::update_user{project_id, customer_id, user_id, u});
    }

    /// Deletes a user (`operations::delete_user`).
    result<void> delete_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id)
    {
        return run(operations::delete_user{project_id, customer_id, user_id});
    }

    /// Reads the credits a user consumed from `from` to `to`, both inclusive (`operations::get_user_consumption`).
    result<double> get_user_consumption(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                                        date_time const& from, date_time const& to,
                                        std::optional<std::string_view> window_time_zone = std::nullopt)
    {
        return run(operations::get_user_consumption{project_id, customer_id, user_id, from, to, window_time_zone});
    }

    /// Reads the quotas of every reachable tenant of the project (`operations::get_project_quotas`).
    result<project_quotas> get_project_quotas(std::string_view project_id)
    {
        return run(operations::get_project_quotas{project_id});
    }

    /** @name Asynchronous operations

        `async_run(op, token)` runs any operation, and `async_X` takes the
        arguments of `X` followed by an Asio completion token; the completion
        signature is `void(result<T>)` where `X` returns `result<T>`. They
        exist when the transport has `async_send(http_request const&,
        CompletionToken&&)` completing with `void(result<http_response>)` and
        `<corti/admin/beast.hpp>` (the Asio driver) is included.

        The request is built and checked before the call returns, so the
        arguments need not outlive it; the client and its transport must.
        The steps are those of the synchronous members (the same
        `sansio::call_machine`, with the same errors); the wait before a retry
        is an Asio timer on the transport's executor, and cancelling the
        handler's cancellation slot during it ends the call with
        `operation_aborted`.

        @return what the completion token makes of the signature (nothing for
        a callback, `std::future<result<T>>` for `use_future`).
    */
    ///@{

    /// The asynchronous form of `run`; completes with `result<Op::result_type>`.
    template<class Op, class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_run(Op const& op, CompletionToken&& token)
    {
        return start(detail::op_steps<Op>(state(), op, true), std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `fetch_token` (one POST, never resent; the same errors).
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_fetch_token(CompletionToken&& token)
    {
        return start(detail::token_steps(state()), std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_customers`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_list_customers(std::string_view project_id, page_request const& page, CompletionToken&& token)
    {
        return async_run(operations::list_customers{project_id, page}, std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_all_customers` (the same pages and errors).
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_list_all_customers(std::string_view project_id, paging_options const& opt, CompletionToken&& token)
    {
        return start(detail::paging_steps<operations::list_customers>(state(), {project_id}, opt, true),
                     std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `create_customer`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_create_customer(std::string_view project_id, new_customer const& c, CompletionToken&& token)
    {
        return async_run(operations::create_customer{project_id, c}, std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `update_customer`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_update_customer(std::string_view project_id, std::string_view customer_id, customer_update const& u,
                               CompletionToken&& token)
    {
        return async_run(operations::update_customer{project_id, customer_id, u}, std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `delete_customer`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_delete_customer(std::string_view project_id, std::string_view customer_id, CompletionToken&& token)
    {
        return async_run(operations::delete_customer{project_id, customer_id}, std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `get_customer_quotas`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_get_customer_quotas(std::string_view project_id, std::string_view customer_id, CompletionToken&& token)
    {
        return async_run(operations::get_customer_quotas{project_id, customer_id},
                         std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_users`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_list_users(std::string_view project_id, std::string_view customer_id, page_request const& page,
                          CompletionToken&& token)
    {
        return async_run(operations::list_users{project_id, customer_id, page}, std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `list_all_users` (the same pages and errors).
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_list_all_users(std::string_view project_id, std::string_view customer_id, paging_options const& opt,
                              CompletionToken&& token)
    {
        return start(detail::paging_steps<operations::list_users>(state(), {project_id, customer_id}, opt, true),
                     std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `create_user`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_create_user(std::string_view project_id, std::string_view customer_id, new_user const& u,
                           CompletionToken&& token)
    {
        return async_run(operations::create_user{project_id, customer_id, u}, std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `update_user`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_update_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                           user_update const& u, CompletionToken&& token)
    {
        return async_run(operations::update_user{project_id, customer_id, user_id, u},
                         std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `delete_user`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_delete_user(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                           CompletionToken&& token)
    {
        return async_run(operations::delete_user{project_id, customer_id, user_id},
                         std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `get_user_consumption`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_get_user_consumption(std::string_view project_id, std::string_view customer_id, uuid const& user_id,
                                    date_time const& from, date_time const& to,
                                    std::optional<std::string_view> window_time_zone, CompletionToken&& token)
    {
        return async_run(operations::get_user_consumption{project_id, customer_id, user_id, from, to, window_time_zone},
                         std::forward<CompletionToken>(token));
    }

    /// The asynchronous form of `get_project_quotas`.
    template<class CompletionToken, class T = Transport, if_async<T> = 0>
    auto async_get_project_quotas(std::string_view project_id, CompletionToken&& token)
    {
        return async_run(operations::get_project_quotas{project_id}, std::forward<CompletionToken>(token));
    }
    ///@}

private:
    detail::client_state state() noexcept { return {cfg_, tokens_, retry_}; }

    /// Starts an asynchronous run of `steps` (implemented in <corti/admin/beast.hpp>).
    template<class Steps, class CompletionToken>
    auto start(Steps steps, CompletionToken&& token)
    {
        return async_exchange(detail::async_exchange_tag{}, transport_, std::move(steps),
                              std::forward<CompletionToken>(token));
    }
};

} // namespace admin
} // namespace corti

#endif
