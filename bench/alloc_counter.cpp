// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.

// Replaces the global allocation functions of the whole program (the shared
// libraries included: Boost.JSON's default resource calls ::operator new) with
// counting wrappers over malloc/free.

#include "alloc_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::uint64_t> g_allocations{0};

void* counted_alloc(std::size_t n)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n == 0 ? 1 : n);
}

void* counted_aligned_alloc(std::size_t n, std::align_val_t al)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    auto a = static_cast<std::size_t>(al);
    if(a < sizeof(void*))
        a = sizeof(void*);
    void* p = nullptr;
    if(posix_memalign(&p, a, n == 0 ? 1 : n) != 0)
        return nullptr;
    return p;
}

void* or_throw(void* p)
{
    if(!p)
        throw std::bad_alloc();
    return p;
}

} // namespace

namespace corti_bench {
std::uint64_t allocation_count() noexcept { return g_allocations.load(std::memory_order_relaxed); }
} // namespace corti_bench

void* operator new(std::size_t n) { return or_throw(counted_alloc(n)); }
void* operator new[](std::size_t n) { return or_throw(counted_alloc(n)); }
void* operator new(std::size_t n, std::nothrow_t const&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, std::nothrow_t const&) noexcept { return counted_alloc(n); }
void* operator new(std::size_t n, std::align_val_t al) { return or_throw(counted_aligned_alloc(n, al)); }
void* operator new[](std::size_t n, std::align_val_t al) { return or_throw(counted_aligned_alloc(n, al)); }
void* operator new(std::size_t n, std::align_val_t al, std::nothrow_t const&) noexcept
{
    return counted_aligned_alloc(n, al);
}
void* operator new[](std::size_t n, std::align_val_t al, std::nothrow_t const&) noexcept
{
    return counted_aligned_alloc(n, al);
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, std::nothrow_t const&) noexcept { std::free(p); }
