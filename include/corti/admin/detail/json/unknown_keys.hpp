// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_UNKNOWN_KEYS_HPP
#define CORTI_ADMIN_DETAIL_JSON_UNKNOWN_KEYS_HPP

/** @file
    The keys a schema does not know, kept on the reader's scratch stack
    (hash, size, bytes) while their object is open, so that a repeat among
    them is still a `duplicate_key`.
*/

#include <corti/admin/detail/json/scratch_stack.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// What precedes each unknown key's bytes on the scratch stack.
struct unknown_key_header
{
    std::uint64_t hash;
    std::size_t size;
};

/// Returns the header of the unknown key stored at offset `at`.
inline unknown_key_header unknown_key_header_at(scratch_stack const& s, std::size_t at) noexcept
{
    unknown_key_header e;
    std::memcpy(&e, s.data() + at, sizeof e);
    return e;
}

/// Returns the bytes of the unknown key stored at offset `at`.
inline std::string_view unknown_key_at(scratch_stack const& s, std::size_t at) noexcept
{
    return {reinterpret_cast<char const*>(s.data()) + at + sizeof(unknown_key_header),
            unknown_key_header_at(s, at).size};
}

/** Stores `key`, whose hash is `hash`, on top of `s`.
    @return false, with nothing stored, when a caller's arena is full.
*/
inline bool push_unknown_key(scratch_stack& s, std::uint64_t hash, std::string_view key)
{
    std::size_t const at = s.size();
    unknown_key_header const entry{hash, key.size()};
    if(!s.push(&entry, sizeof entry) || !s.push(key.data(), key.size()))
    {
        s.pop_to(at); // no half entry for pointer() to read
        return false;
    }
    return true;
}

/*  Finds a repeat among the `k` unknown keys stored from offset `begin`,
    by sorting the keys' offsets by (hash, bytes, position): O(k log k) for
    k keys whatever they are (hash collisions only cost a comparison of the
    bytes), where checking each new key against the earlier ones was
    O(k^2). The offsets are pushed on top of the keys; the caller pops them.

    Returns false when a caller's arena has no room for the offsets; else
    true, with `repeat` the offset of the repeat that comes first in the
    document, or 0 when there is none.
*/
inline bool find_repeated_unknown_key(scratch_stack& s, std::size_t begin, std::size_t k, std::size_t& repeat)
{
    repeat = 0;
    // The keys' offsets, on top of them, as `std::size_t` objects at a
    // suitably aligned address (the stack itself has no alignment).
    std::size_t const pad =
        (alignof(std::size_t) - reinterpret_cast<std::uintptr_t>(s.data() + s.size()) % alignof(std::size_t)) %
        alignof(std::size_t);
    static constexpr unsigned char zeros[alignof(std::size_t)] = {};
    if(!s.push(zeros, pad))
        return false;
    std::size_t const index_at = s.size();
    for(std::size_t at = begin, i = 0; i < k; ++i)
    {
        if(!s.push(&at, sizeof at))
            return false;
        at += sizeof(unknown_key_header) + unknown_key_header_at(s, at).size;
    }
    // Make the bytes objects, each with the value it holds.
    unsigned char* const raw = s.data() + index_at;
    std::size_t* index = nullptr;
    for(std::size_t i = 0; i < k; ++i)
    {
        std::size_t v;
        std::memcpy(&v, raw + i * sizeof v, sizeof v);
        std::size_t* const q = new(raw + i * sizeof v) std::size_t(v);
        if(i == 0)
            index = q;
    }
    std::sort(index, index + k, [&](std::size_t a, std::size_t b) {
        std::uint64_t const ha = unknown_key_header_at(s, a).hash;
        std::uint64_t const hb = unknown_key_header_at(s, b).hash;
        if(ha != hb)
            return ha < hb;
        int const c = unknown_key_at(s, a).compare(unknown_key_at(s, b));
        return c != 0 ? c < 0 : a < b;
    });
    // Equal keys are now next to each other, in document order.
    for(std::size_t i = 1; i < k; ++i)
    {
        std::size_t const a = index[i - 1];
        std::size_t const b = index[i];
        if(unknown_key_header_at(s, a).hash == unknown_key_header_at(s, b).hash &&
           unknown_key_at(s, a) == unknown_key_at(s, b) && (repeat == 0 || b < repeat))
            repeat = b;
    }
    return true;
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
