// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BENCH_ALLOC_COUNTER_HPP
#define CORTI_ADMIN_BENCH_ALLOC_COUNTER_HPP

// Heap allocations through the global operator new (every form), counted by
// the replacement in alloc_counter.cpp. Memory that C libraries take with
// malloc directly (OpenSSL, libcurl, glibc) is not counted.

#include <benchmark/benchmark.h>

#include <cstdint>

namespace corti_bench {

/// Calls of any global operator new so far, in every thread.
std::uint64_t allocation_count() noexcept;

/** Counts the allocations of a benchmark's timed loop: construct it just
    before `for(auto _ : state)`, call `report()` just after. Sets the
    counter `allocs` to the allocations per iteration.
*/
class alloc_scope
{
    std::uint64_t start_;
    std::uint64_t excluded_ = 0;
    std::uint64_t paused_at_ = 0;

public:
    alloc_scope() noexcept : start_(allocation_count()) {}

    /// Stops counting (use with `state.PauseTiming()`), until `resume()`.
    void pause() noexcept { paused_at_ = allocation_count(); }
    void resume() noexcept { excluded_ += allocation_count() - paused_at_; }

    void report(benchmark::State& state) const
    {
        auto const n = static_cast<double>(allocation_count() - start_ - excluded_);
        state.counters["allocs"] = benchmark::Counter(n, benchmark::Counter::kAvgIterations);
    }
};

} // namespace corti_bench

#endif
