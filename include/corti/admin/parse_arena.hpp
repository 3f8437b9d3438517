// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_PARSE_ARENA_HPP
#define CORTI_ADMIN_PARSE_ARENA_HPP

/** @file
    `parse_arena`: a response parser's working memory, in a buffer you own,
    for callers that must bound or avoid the heap (firmware).
*/

#include <cstddef>

namespace corti {
namespace admin {

namespace detail {
class scratch_stack;
} // namespace detail

/** Working memory for a response parser, in a buffer you own.

    Give one to a parser (`parse_create_user_response(r, cfg, arena)`) and
    the parser's working memory comes from it: the string value being read
    (as long as that string) and the unknown keys of the open objects: a
    16-byte header and the key's bytes each, and `sizeof(std::size_t)` more
    each (plus alignment) while their object closes, to find repeats. The
    bytes this parse wrote are wiped before it returns. Values the schema
    does not know are skipped without being stored. When the buffer is too
    small the parse fails with `errc::out_of_memory`, with or without
    exceptions; it never aborts. `peak()` tells how much the parses so far
    needed: size the buffer from it, with a margin.

    What the heap (`std::allocator`) still gets: the output's strings that do
    not fit `std::string`'s small buffer (15 bytes in libstdc++), one exactly
    sized allocation each, made only after the value passed its checks; the
    elements of output vectors; and the strings of an `error`. All of them
    are bounded by `limits` (`max_string_length`, `max_body_size`).

    The buffer is used from its start by each parse and is free again when
    the parse returns; the arena does not own it. One parse at a time.
*/
class parse_arena
{
    unsigned char* data_;
    std::size_t size_;
    std::size_t peak_ = 0;
    friend class detail::scratch_stack;

public:
    /// Uses `size` bytes at `data` (no alignment needed).
    parse_arena(void* data, std::size_t size) noexcept : data_(static_cast<unsigned char*>(data)), size_(size) {}

    /// Uses a whole array, e.g. `unsigned char buf[512]; parse_arena a(buf);`.
    template<std::size_t N>
    explicit parse_arena(unsigned char (&buf)[N]) noexcept : parse_arena(buf, N)
    {
    }

    /// The size of the buffer, in bytes.
    std::size_t size() const noexcept { return size_; }

    /// The most bytes any parse with this arena used so far (a parse that ran
    /// out reports the size it had, not what it would have needed).
    std::size_t peak() const noexcept { return peak_; }
};

} // namespace admin
} // namespace corti

#endif
