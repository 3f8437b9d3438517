// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTS_SUPPORT_HEAP_HOOKS_HPP
#define CORTI_ADMIN_TESTS_SUPPORT_HEAP_HOOKS_HPP

/*  Replaces the global operator new and delete, every non-aligned form (so
    that no block is allocated by one allocator and freed by the other; the
    sanitizer runtimes supply the forms left out), with malloc and free
    around two hooks that the including test defines:

        void corti_test::on_allocate(std::size_t n) noexcept;
        void corti_test::on_free(unsigned char const* block, std::size_t n) noexcept;

    Each block carries its size in a header, so `on_free` sees the whole
    block just before it is freed (to count live bytes, or to look for a
    secret that should have been wiped). Include it in exactly one
    translation unit of a test executable.
*/

#include <cstddef>
#include <cstdlib>
#include <new>

namespace corti_test {

void on_allocate(std::size_t n) noexcept;
void on_free(unsigned char const* block, std::size_t n) noexcept;

namespace heap_hooks {

constexpr std::size_t header = alignof(std::max_align_t);

inline void* try_allocate(std::size_t n) noexcept
{
    auto* p = static_cast<unsigned char*>(std::malloc(n + header));
    if(!p)
        return nullptr;
    *reinterpret_cast<std::size_t*>(p) = n;
    on_allocate(n);
    return p + header;
}

inline void* allocate(std::size_t n)
{
    void* p = try_allocate(n);
    if(!p)
        throw std::bad_alloc();
    return p;
}

inline void deallocate(void* q) noexcept
{
    if(!q)
        return;
    auto* p = static_cast<unsigned char*>(q) - header;
    on_free(static_cast<unsigned char const*>(q), *reinterpret_cast<std::size_t*>(p));
    std::free(p);
}

} // namespace heap_hooks
} // namespace corti_test

void* operator new(std::size_t n) { return corti_test::heap_hooks::allocate(n); }
void* operator new[](std::size_t n) { return corti_test::heap_hooks::allocate(n); }
void* operator new(std::size_t n, std::nothrow_t const&) noexcept { return corti_test::heap_hooks::try_allocate(n); }
void* operator new[](std::size_t n, std::nothrow_t const&) noexcept { return corti_test::heap_hooks::try_allocate(n); }
void operator delete(void* p) noexcept { corti_test::heap_hooks::deallocate(p); }
void operator delete[](void* p) noexcept { corti_test::heap_hooks::deallocate(p); }
void operator delete(void* p, std::size_t) noexcept { corti_test::heap_hooks::deallocate(p); }
void operator delete[](void* p, std::size_t) noexcept { corti_test::heap_hooks::deallocate(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { corti_test::heap_hooks::deallocate(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { corti_test::heap_hooks::deallocate(p); }

#endif
