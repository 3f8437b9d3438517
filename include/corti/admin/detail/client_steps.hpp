// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_CLIENT_STEPS_HPP
#define CORTI_ADMIN_DETAIL_CLIENT_STEPS_HPP

/** @file
    What `client`'s drivers run: an operation (`op_steps`: the call machine,
    then the operation's parser), fetching a token (`token_steps`), and
    every page of a list (`paging_steps`). Each has the same face, which
    both drivers execute: `next()` (a `call_action`), `on_response`,
    `on_wait_done`, `on_token_ready`, and `take_result()` once `next()` is
    `done`.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/operations.hpp>
#include <corti/admin/retry.hpp>
#include <corti/admin/sansio/call_machine.hpp>
#include <corti/admin/sansio/token_state.hpp>

#include <boost/system/error_code.hpp>

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace corti {
namespace admin {

/// Bounds for the `list_all_*` functions.
struct paging_options
{
    /// Items per page asked for.
    std::int64_t page_size = 100;
    /// The most pages fetched; past it, `errc::too_many_pages`.
    std::int64_t max_pages = 1000;
};

namespace detail {

/// What the drivers share with the steps: the client's state.
struct client_state
{
    config const& cfg;
    sansio::token_state& tokens;
    retry_policy const& retry;
};

/// The face the drivers execute, handed to a call machine.
class machine_steps
{
public:
    sansio::call_action next() const noexcept { return m_.next(); }
    void on_response(result<http_response> r) { m_.on_response(std::move(r)); }
    void on_wait_done(boost::system::error_code ec) { m_.on_wait_done(ec); }
    void on_token_ready(boost::system::error_code ec) { m_.on_token_ready(ec); }

protected:
    explicit machine_steps(sansio::call_machine m) : m_(std::move(m)) {}

    sansio::call_machine m_;
};

/// One operation: the call machine, then `Op::parse` on its answer.
template<class Op>
class op_steps : public machine_steps
{
public:
    using result_type = result<typename Op::result_type>;

    /// `for_async`: the asynchronous driver (copies the call's secret, waits on a timer).
    op_steps(client_state const& s, Op const& op, bool for_async)
        : machine_steps({s.tokens,
                         s.retry,
                         s.cfg,
                         op.build(s.cfg, s.tokens.for_build()),
                         operations::sent_secret(op),
                         {Op::info.retryable(), for_async || static_cast<bool>(s.retry.sleep), for_async}}),
          cfg_(&s.cfg)
    {
    }

    result_type take_result()
    {
        auto r = m_.take_response();
        if(!r)
            return std::move(r).error();
        auto out = operations::parse<Op>(*r, *cfg_);
        if(!out)
            return m_.scrub(std::move(out).error());
        return out;
    }

private:
    config const* cfg_;
};

/** Fetching a token now (`client::fetch_token`): one POST to
    `/auth/token`, never resent, whose answer the shared token keeps; or,
    when another call is fetching one, that fetch's outcome. Errors:
    `errc::invalid_argument` (`credentials`) without credentials, nothing
    sent; those of `make_fetch_token_request`, the transport and
    `parse_fetch_token_response`, scrubbed of the password.
*/
class token_steps : public machine_steps
{
public:
    using result_type = result<void>;

    explicit token_steps(client_state const& s)
        : machine_steps({s.tokens, s.retry, s.cfg, sansio::call_machine::fetch_only_t{}})
    {
    }

    result_type take_result()
    {
        auto r = m_.take_response();
        if(!r)
            return std::move(r).error();
        return {};
    }
};

/// The items of a page.
inline std::vector<customer>& page_items(customer_page& p) noexcept { return p.customers; }
inline std::vector<user>& page_items(user_page& p) noexcept { return p.users; }

/** Every page of a list: pages 1, 2, ..., each one operation's steps
    (token, retries, a 401 answered once), until the server says it was the
    last. `Op` is `operations::list_customers` or `operations::list_users`;
    the steps keep their own copies of its ids.
*/
template<class Op>
class paging_steps
{
    using page_type = typename Op::result_type;
    using item_type = typename std::remove_reference_t<decltype(page_items(std::declval<page_type&>()))>::value_type;

public:
    using result_type = result<std::vector<item_type>>;

    paging_steps(client_state const& s, Op const& op, paging_options const& opt, bool for_async)
        : s_(s), opt_(opt), for_async_(for_async), project_(op.project_id)
    {
        if constexpr(std::is_same_v<Op, operations::list_users>)
            customer_ = std::string(op.customer_id);
        if(opt.page_size < 1 || opt.max_pages < 1)
            out_.emplace(error(errc::invalid_argument, "page_size and max_pages must be at least 1", "paging_options"));
        else
            start(1);
    }

    sansio::call_action next() const noexcept { return out_ ? sansio::call_action{} : call_->next(); }

    void on_response(result<http_response> r)
    {
        forward([&] { call_->on_response(std::move(r)); });
    }

    void on_wait_done(boost::system::error_code ec)
    {
        forward([&] { call_->on_wait_done(ec); });
    }

    void on_token_ready(boost::system::error_code ec)
    {
        forward([&] { call_->on_token_ready(ec); });
    }

    result_type take_result() { return std::move(*out_); }

private:
    client_state s_;
    paging_options opt_;
    bool for_async_;
    std::string project_;
    std::string customer_;
    std::int64_t page_ = 0;
    std::optional<op_steps<Op>> call_; // the current page's
    std::vector<item_type> items_;
    std::optional<result_type> out_;

    // Hands an event to the current page's call; ends the page once the call is over.
    template<class F>
    void forward(F f)
    {
        if(out_)
            return;
        f();
        if(call_->next().what == sansio::call_action::kind::done)
            end_page();
    }

    Op page_op(page_request p) const
    {
        if constexpr(std::is_same_v<Op, operations::list_users>)
            return Op{project_, customer_, p};
        else
            return Op{project_, p};
    }

    void start(std::int64_t page)
    {
        if(page > opt_.max_pages)
        {
            out_.emplace(error(errc::too_many_pages, "more than " + std::to_string(opt_.max_pages) + " pages"));
            return;
        }
        page_ = page;
        call_.emplace(s_, page_op(page_request{page, opt_.page_size}), for_async_);
        if(call_->next().what == sansio::call_action::kind::done)
            end_page(); // over before anything was sent: an invalid argument
    }

    void end_page()
    {
        auto p = call_->take_result();
        call_.reset();
        if(!p)
            out_.emplace(std::move(p).error());
        else if(p->pagination.page != page_)
            out_.emplace(
                error(errc::invalid_value,
                      "asked for page " + std::to_string(page_) + ", got " + std::to_string(p->pagination.page),
                      "/pagination/page"));
        else
        {
            auto& items = page_items(*p);
            std::move(items.begin(), items.end(), std::back_inserter(items_));
            if(p->pagination.has_more())
                start(page_ + 1);
            else
                out_.emplace(std::move(items_));
        }
    }
};

/** Runs `steps` synchronously: executes each action with `t.send`, the
    policy's `sleep`, and the shared token's `wait`, and returns the result.
*/
template<class Transport, class Steps>
typename Steps::result_type drive(Transport& t, retry_policy const& retry, Steps& steps)
{
    for(;;)
    {
        auto const a = steps.next();
        switch(a.what)
        {
        case sansio::call_action::kind::send: steps.on_response(t.send(*a.request)); break;
        case sansio::call_action::kind::wait:
            retry.sleep(a.delay);
            steps.on_wait_done({});
            break;
        case sansio::call_action::kind::wait_token:
            a.tokens->wait(a.round);
            steps.on_token_ready({});
            break;
        case sansio::call_action::kind::done: return steps.take_result();
        }
    }
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
