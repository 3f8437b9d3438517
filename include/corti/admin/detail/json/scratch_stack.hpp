// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_SCRATCH_STACK_HPP
#define CORTI_ADMIN_DETAIL_JSON_SCRATCH_STACK_HPP

/** @file
    The JSON reader's working memory: a stack in a caller's `parse_arena`,
    or in a small buffer of its own that spills to the heap.
*/

#include <corti/admin/parse_arena.hpp>
#include <corti/admin/secret.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/** The reader's working memory, used as a stack: the unknown keys of
    the open objects, and on top of them the string value being read.

    In a caller's `parse_arena` it never grows (`push` returns false when it
    is full). Without one it starts in a buffer of its own (no allocation for
    the usual small documents) and moves to the heap, doubling, when that is
    too small; the input bounds it (`limits::max_body_size`).
*/
class scratch_stack
{
    static constexpr std::size_t inline_size = 128;

    parse_arena* arena_;
    unsigned char* base_;
    std::size_t cap_;
    std::size_t top_ = 0;
    std::size_t high_ = 0; // the most bytes written: wiped when done
    std::unique_ptr<unsigned char[]> heap_;
    unsigned char inline_[inline_size];

    bool grow(std::size_t n)
    {
        if(arena_)
            return false;
        std::size_t cap = cap_ * 2;
        while(cap - top_ < n)
            cap *= 2;
        std::unique_ptr<unsigned char[]> p(new unsigned char[cap]);
        std::memcpy(p.get(), base_, top_);
        secure_wipe(base_, high_); // it may hold a token or a password read in pieces
        heap_ = std::move(p);
        base_ = heap_.get();
        cap_ = cap;
        high_ = top_;
        return true;
    }

public:
    explicit scratch_stack(parse_arena* arena) noexcept
        : arena_(arena), base_(arena ? arena->data_ : inline_), cap_(arena ? arena->size_ : inline_size)
    {
    }

    scratch_stack(scratch_stack const&) = delete;
    scratch_stack& operator=(scratch_stack const&) = delete;

    /// Wipes what was written (in the caller's arena too): strings read in
    /// pieces, a token or a password among them, were staged here.
    ~scratch_stack() { secure_wipe(base_, high_); }

    std::size_t size() const noexcept { return top_; }
    unsigned char const* data() const noexcept { return base_; }
    unsigned char* data() noexcept { return base_; }

    /// Appends `n` bytes; false when a caller's arena has no room for them.
    bool push(void const* p, std::size_t n)
    {
        if(n > cap_ - top_ && !grow(n))
            return false;
        if(n != 0)
            std::memcpy(base_ + top_, p, n);
        top_ += n;
        if(top_ > high_)
            high_ = top_;
        if(arena_ && top_ > arena_->peak_)
            arena_->peak_ = top_;
        return true;
    }

    /// Checks and records, as `push` would, room for `n` more bytes, without
    /// copying them (a value read in place); false when a caller's arena has no room.
    bool account(std::size_t n) noexcept
    {
        if(!arena_)
            return true;
        if(n > cap_ - top_)
            return false;
        if(top_ + n > arena_->peak_)
            arena_->peak_ = top_ + n;
        return true;
    }

    /// Drops everything above `size`.
    void pop_to(std::size_t size) noexcept { top_ = size; }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
