// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_THREAD_HPP
#define CORTI_ADMIN_DETAIL_THREAD_HPP

/** @file
    The lock and the condition variable the client's shared token uses, or
    stand-ins that do nothing where the platform has no threads (bare-metal
    newlib's libstdc++ has no `std::mutex`): there a client is used from one
    thread, and nothing ever waits.
*/

#if !defined(__GLIBCXX__) || defined(_GLIBCXX_HAS_GTHREADS)
#include <condition_variable>
#include <mutex>
/// Defined when the platform has threads (`std::mutex`, `std::condition_variable`).
#define CORTI_ADMIN_HAS_THREADS 1
#endif

namespace corti {
namespace admin {
namespace detail {

#ifdef CORTI_ADMIN_HAS_THREADS
using mutex = std::mutex;
using unique_lock = std::unique_lock<std::mutex>;
using condition_variable = std::condition_variable;
#else
struct mutex
{
    void lock() noexcept {}
    void unlock() noexcept {}
};

struct unique_lock
{
    explicit unique_lock(mutex&) noexcept {}
    void unlock() noexcept {}
};

struct condition_variable
{
    void notify_all() noexcept {}
    template<class Predicate>
    void wait(unique_lock&, Predicate) noexcept
    {
    }
};
#endif

} // namespace detail
} // namespace admin
} // namespace corti

#endif
