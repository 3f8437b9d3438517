// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_POOL_HPP
#define CORTI_ADMIN_BEAST_DETAIL_POOL_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the connection pool of a
    `beast_transport`. At most `max_connections` connections are open to one
    `connection_key` (idle or busy, for `send` and `async_send` alike); idle
    ones wait for reuse; calls that find no place wait in a FIFO queue, an
    `async_send` on a timer and a `send` on a condition variable.
*/

#include <corti/admin/beast/detail/connection.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace corti {
namespace admin {
namespace detail {

class beast_pool;

/** A place in the pool: the right to have one connection open to a key.

    A call holds one from the moment the pool lets it connect (or hands it
    an idle connection) until it is done. `release` gives the place back,
    with the connection passed to `keep` for reuse, if any; destroying a
    held lease releases it.
*/
class pool_lease
{
public:
    pool_lease() = default;
    pool_lease(pool_lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), key_(std::move(other.key_)),
          context_(std::exchange(other.context_, nullptr)), kept_(std::move(other.kept_))
    {
    }
    pool_lease& operator=(pool_lease&& other) noexcept
    {
        if(this != &other)
        {
            release();
            pool_ = std::exchange(other.pool_, nullptr);
            key_ = std::move(other.key_);
            context_ = std::exchange(other.context_, nullptr);
            kept_ = std::move(other.kept_);
        }
        return *this;
    }
    pool_lease(pool_lease const&) = delete;
    pool_lease& operator=(pool_lease const&) = delete;
    ~pool_lease() { release(); }

    /// Returns true while the place is held.
    bool held() const noexcept { return pool_ != nullptr; }

    /// Returns the private io_context of a `send` call, which its connection
    /// is bound to; null for `async_send`.
    beast_net::io_context* context() const noexcept { return context_; }

    /// Sets the connection (parked, fit for reuse) that `release` gives back.
    void keep(std::unique_ptr<beast_connection> c) noexcept { kept_ = std::move(c); }

    /// Gives the place back, with the kept connection if any. Never throws
    /// but for `std::bad_alloc`.
    inline void release();

private:
    friend class beast_pool;
    beast_pool* pool_ = nullptr;
    connection_key key_;
    beast_net::io_context* context_ = nullptr;
    std::unique_ptr<beast_connection> kept_;
};

/// A call waiting for a place. Every field is the pool's, under its mutex.
struct pool_waiter
{
    /// A `send` call (any connection with a private io_context fits it),
    /// else an `async_send` on `ex` (only connections on `ex` fit).
    bool sync = false;
    beast_net::any_io_executor ex;
    /// Out of the queue: served, or gone (timed out, cancelled).
    bool done = false;
    /// Handed a place (and `conn`, `context`), not yet taken.
    bool served = false;
    std::unique_ptr<beast_connection> conn;
    beast_net::io_context* context = nullptr;
    /// `send`: notified when served.
    std::condition_variable cv;
    /// `async_send`: cancelled when served, which wakes the waiting call.
    std::weak_ptr<beast_net::steady_timer> timer;
};

/** The pool: per key, the idle connections, the count of open ones and the
    waiting calls; and the private io_contexts of `send`. Thread-safe.

    A connection made by `send` is bound to an io_context of its own, which
    goes with it to the next `send` that reuses it; one made by
    `async_send` is reused only by an `async_send` on the same executor.
    A place freed while calls wait goes to the first of them: the released
    connection when it fits that call, else a place to connect anew (the
    connection is closed).
*/
class beast_pool
{
public:
    beast_pool() = default;
    beast_pool(beast_pool const&) = delete;
    beast_pool& operator=(beast_pool const&) = delete;

    /// Sets the bound (0 counts as 1) and the longest idle time kept.
    void configure(std::size_t max_connections, beast_clock::duration max_idle) noexcept
    {
        max_ = max_connections == 0 ? 1 : max_connections;
        max_idle_ = max_idle;
    }

    /** For `async_send` on `ex`: takes a place when one is free and no call
        waits. `conn` receives an idle connection to reuse, if any (still to
        be checked with `usable_after_idle`).

        @return true when `lease` holds a place.
    */
    bool try_acquire(connection_key const& key, beast_net::any_io_executor const& ex, pool_lease& lease,
                     std::unique_ptr<beast_connection>& conn)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return take(key, false, ex, lease, conn);
    }

    /** For `async_send`: serves `w` at once when a place is free and no call
        waits, else queues it. Either way calls `arm()` (which starts the
        waiter's timer) under the lock, so nothing can serve `w` before it.

        @return true when `w` was served at once.
    */
    template<class Arm>
    bool serve_or_queue(connection_key const& key, std::shared_ptr<pool_waiter> const& w, Arm&& arm)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pool_lease lease;
        std::unique_ptr<beast_connection> conn;
        bool const now = take(key, false, w->ex, lease, conn);
        if(now)
        {
            w->done = w->served = true;
            w->conn = std::move(conn);
            lease.pool_ = nullptr; // handed to `w`, not released
        }
        else
            bucket_for(key).waiters.push_back(w);
        arm();
        return now;
    }

    /** For a waiter whose wait ended: moves what it was served into `lease`
        and `conn`, or takes it out of the queue.

        @return true when it was served.
    */
    bool end_wait(connection_key const& key, pool_waiter& w, pool_lease& lease, std::unique_ptr<beast_connection>& conn)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if(!w.done)
        {
            unqueue(key, w);
            return false;
        }
        if(!w.served)
            return false;
        w.served = false;
        grant(key, std::exchange(w.context, nullptr), lease);
        conn = std::move(w.conn);
        return true;
    }

    /// For a waiter that will never take what it is served (its operation
    /// was destroyed): out of the queue, and a place it holds goes back.
    void abandon(connection_key const& key, pool_waiter& w)
    {
        wake_list wake;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if(!w.done)
                return unqueue(key, w);
            if(!w.served)
                return;
            w.served = false;
            put_back(key, std::move(w.conn), std::exchange(w.context, nullptr), wake);
        }
        wake_up(wake);
    }

    /** For `send`: waits until `deadline` for a place, in turn. `lease`
        then holds a private io_context to run; `conn` receives an idle
        connection bound to it, if any (still to be checked).

        @return false when the deadline passed first.
    */
    bool acquire_sync(connection_key const& key, beast_clock::time_point deadline, pool_lease& lease,
                      std::unique_ptr<beast_connection>& conn)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        if(take(key, true, {}, lease, conn))
            return true;
        auto w = std::make_shared<pool_waiter>();
        w->sync = true;
        bucket_for(key).waiters.push_back(w);
        auto const served = [&w] { return w->done; };
        // A deadline of "never" would overflow the condition variable's clock.
        if(deadline == beast_clock::time_point::max())
            w->cv.wait(lock, served);
        else
            w->cv.wait_until(lock, deadline, served);
        if(!w->done)
        {
            unqueue(key, *w);
            return false;
        }
        w->served = false;
        grant(key, std::exchange(w->context, nullptr), lease);
        conn = std::move(w->conn);
        return true;
    }

    /// Closes every idle connection.
    void close_idle() noexcept
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for(auto& b : buckets_)
        {
            b.open -= b.idle.size();
            while(!b.idle.empty())
                close_idle_at(b, b.idle.size() - 1);
        }
        tidy();
    }

private:
    friend class pool_lease;

    struct idle_connection
    {
        std::unique_ptr<beast_connection> conn;
        beast_net::io_context* context = nullptr;
    };

    /// What the pool knows of one key. Invariant: no call waits while a
    /// connection is idle (a freed place goes to the first waiter).
    struct bucket
    {
        connection_key key;
        std::size_t open = 0; // idle and busy; at most max_
        std::vector<idle_connection> idle;
        std::deque<std::shared_ptr<pool_waiter>> waiters;
    };

    /// Timers of served `async_send` waiters, cancelled once the lock is
    /// released (which runs their handlers, which take the lock).
    using wake_list = std::vector<std::shared_ptr<beast_net::steady_timer>>;

    static bool fits(beast_connection const& c, beast_net::io_context* context, bool sync,
                     beast_net::any_io_executor const& ex)
    {
        return sync ? context != nullptr : context == nullptr && c.executor() == ex;
    }

    bucket& bucket_for(connection_key const& key)
    {
        for(auto& b : buckets_)
            if(b.key == key)
                return b;
        buckets_.push_back(bucket{key, 0, {}, {}});
        return buckets_.back();
    }

    /// Drops the buckets nothing refers to any more.
    void tidy() noexcept
    {
        buckets_.remove_if([](bucket const& b) { return b.open == 0 && b.waiters.empty(); });
    }

    beast_net::io_context* borrow_context()
    {
        if(!free_contexts_.empty())
        {
            auto* c = free_contexts_.back();
            free_contexts_.pop_back();
            return c;
        }
        contexts_.push_back(std::make_unique<beast_net::io_context>(1));
        // Giving a context back must not throw: room for all of them.
        free_contexts_.reserve(contexts_.size());
        return contexts_.back().get();
    }

    void give_back_context(beast_net::io_context* c) noexcept
    {
        if(c)
            free_contexts_.push_back(c);
    }

    void grant(connection_key const& key, beast_net::io_context* context, pool_lease& lease) noexcept
    {
        lease.pool_ = this;
        lease.key_ = key;
        lease.context_ = context;
    }

    /// Closes an idle connection; its place stays counted.
    void close_idle_at(bucket& b, std::size_t i)
    {
        auto* context = b.idle[i].context;
        b.idle[i].conn->close();
        b.idle.erase(b.idle.begin() + static_cast<std::ptrdiff_t>(i));
        give_back_context(context);
    }

    /// Closes the connections idle for longer than `max_idle`.
    void sweep(bucket& b)
    {
        auto const now = beast_clock::now();
        for(std::size_t i = b.idle.size(); i-- > 0;)
            if(now - b.idle[i].conn->last_used() > max_idle_)
            {
                close_idle_at(b, i);
                --b.open;
            }
    }

    /// Takes a place now if the queue is empty: the newest idle connection
    /// that fits, else a new place, else the place of an idle connection
    /// that does not fit (closed).
    bool take(connection_key const& key, bool sync, beast_net::any_io_executor const& ex, pool_lease& lease,
              std::unique_ptr<beast_connection>& conn)
    {
        bucket& b = bucket_for(key);
        sweep(b);
        if(!b.waiters.empty())
            return false;
        for(std::size_t i = b.idle.size(); i-- > 0;)
            if(fits(*b.idle[i].conn, b.idle[i].context, sync, ex))
            {
                grant(key, b.idle[i].context, lease);
                conn = std::move(b.idle[i].conn);
                b.idle.erase(b.idle.begin() + static_cast<std::ptrdiff_t>(i));
                return true;
            }
        if(b.open >= max_ && b.idle.empty())
            return false;
        auto* context = sync ? borrow_context() : nullptr; // may throw: before counting
        if(b.open < max_)
            ++b.open;
        else
            close_idle_at(b, 0);
        grant(key, context, lease);
        return true;
    }

    void unqueue(connection_key const& key, pool_waiter& w)
    {
        w.done = true;
        auto& q = bucket_for(key).waiters;
        q.erase(std::remove_if(q.begin(), q.end(), [&w](auto const& p) { return p.get() == &w; }), q.end());
        tidy();
    }

    /** A place comes back, with `conn` (parked) or without: to the first
        waiter, else `conn` is kept idle, else the place is free.
    */
    void put_back(connection_key const& key, std::unique_ptr<beast_connection> conn, beast_net::io_context* context,
                  wake_list& wake)
    {
        bucket& b = bucket_for(key);
        if(b.waiters.empty())
        {
            if(conn)
            {
                b.idle.push_back(idle_connection{std::move(conn), context});
                sweep(b);
                return;
            }
            give_back_context(context);
            --b.open;
            tidy();
            return;
        }
        auto w = std::move(b.waiters.front());
        b.waiters.pop_front();
        if(conn && !fits(*conn, context, w->sync, w->ex))
        {
            conn->close();
            conn.reset();
        }
        if(!conn)
        {
            give_back_context(context);
            context = w->sync ? borrow_context() : nullptr;
        }
        w->conn = std::move(conn);
        w->context = context;
        w->done = w->served = true;
        if(w->sync)
            w->cv.notify_one();
        else if(auto t = w->timer.lock())
            wake.push_back(std::move(t));
    }

    static void wake_up(wake_list& wake)
    {
        for(auto& t : wake)
            t->cancel();
    }

    void release(connection_key const& key, beast_net::io_context* context, std::unique_ptr<beast_connection> conn)
    {
        wake_list wake;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            put_back(key, std::move(conn), context, wake);
        }
        wake_up(wake);
    }

    // First, destroyed last: the connections bound to them go before them.
    std::vector<std::unique_ptr<beast_net::io_context>> contexts_;
    std::vector<beast_net::io_context*> free_contexts_;
    std::list<bucket> buckets_; // few keys: a list, searched in order
    std::size_t max_ = 4;
    beast_clock::duration max_idle_ = std::chrono::seconds(4);
    std::mutex mutex_;
};

inline void pool_lease::release()
{
    if(!pool_)
    {
        if(kept_)
            kept_->close();
        kept_.reset();
        return;
    }
    beast_pool* p = std::exchange(pool_, nullptr);
    p->release(key_, std::exchange(context_, nullptr), std::move(kept_));
}

/** Waits, for `async_send`, until the pool serves the operation `self` a
    place for `key`, or `deadline` passes, or the operation is cancelled
    through its cancellation slot; then resumes it with no error (`lease`
    and `conn` filled), `boost::beast::error::timeout` or
    `operation_aborted`.

    The waiter's timer is the one way back: serving the waiter cancels it,
    and its handler, on the operation's executor, decides under the pool's
    lock. The queue holds
    the waiter only, never the operation, so that an io_context destroyed
    with the operation waiting leaves no cycle; the place it may have been
    served then goes back to the pool. `key`, `lease` and `conn` belong to
    the operation's state.
*/
template<class Self>
void wait_in_pool(Self& self, beast_pool& pool, beast_net::any_io_executor const& ex, connection_key const& key,
                  beast_clock::time_point deadline, pool_lease& lease, std::unique_ptr<beast_connection>& conn)
{
    struct wait
    {
        beast_pool* pool;
        connection_key const* key;
        pool_lease* lease;
        std::unique_ptr<beast_connection>* conn;
        std::shared_ptr<pool_waiter> waiter;
        std::shared_ptr<beast_net::steady_timer> timer;
        std::optional<Self> op;
        wait(beast_pool* p, connection_key const* k, pool_lease* l, std::unique_ptr<beast_connection>* c,
             std::shared_ptr<pool_waiter> w, std::shared_ptr<beast_net::steady_timer> t, Self&& s)
            : pool(p), key(k), lease(l), conn(c), waiter(std::move(w)), timer(std::move(t)), op(std::move(s))
        {
        }
        wait(wait const&) = delete;
        wait& operator=(wait const&) = delete;
        ~wait()
        {
            if(op) // never resumed: the pool, the key are still the operation's
                pool->abandon(*key, *waiter);
        }
    };
    auto slot = self.get_cancellation_state().slot();
    auto op_ex = self.get_executor();
    auto waiter = std::make_shared<pool_waiter>();
    waiter->ex = ex;
    auto timer = std::make_shared<beast_net::steady_timer>(ex);
    timer->expires_at(deadline);
    waiter->timer = timer;
    auto w = std::make_shared<wait>(&pool, &key, &lease, &conn, waiter, timer, std::move(self));
    auto on_timer = [w](boost::system::error_code ec) {
        bool const served = w->pool->end_wait(*w->key, *w->waiter, *w->lease, *w->conn);
        Self op = std::move(*w->op);
        w->op.reset();
        if(served)
            ec = {};
        else if(ec != beast_net::error::operation_aborted)
            ec = boost::beast::error::timeout;
        op(ec);
    };
    bool const now = pool.serve_or_queue(key, waiter, [&] {
        timer->async_wait(
            beast_net::bind_cancellation_slot(slot, beast_net::bind_executor(op_ex, std::move(on_timer))));
    });
    if(now)
        timer->cancel();
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
