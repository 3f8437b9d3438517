// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_KEY_BUFFER_HPP
#define CORTI_ADMIN_DETAIL_JSON_KEY_BUFFER_HPP

/** @file
    A key that a tokenizer sends in pieces (it had escapes), assembled with
    its hash; and the hash itself, FNV-1a, which only unknown keys need.
*/

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// The FNV-1a hash of no byte, where a key's hash starts.
inline constexpr std::uint64_t key_hash_basis = 14695981039346656037ULL;

/// Returns the FNV-1a hash `h` with the byte `c` added.
constexpr std::uint64_t key_hash_step(std::uint64_t h, char c) noexcept
{
    return (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
}

/** The pieces of one key: the first 64 bytes in place, a longer key whole
    in a string (rare: only those allocate), and the hash of all of them.
*/
class key_buffer
{
    std::array<char, 64> buf_;
    std::size_t len_ = 0;
    std::size_t total_ = 0;
    std::uint64_t hash_ = key_hash_basis;
    std::string long_;

public:
    /// Returns true when no byte came since the last `take`.
    bool empty() const noexcept { return total_ == 0; }

    /// Adds the next piece.
    void append(std::string_view s)
    {
        for(char c : s)
        {
            if(len_ < buf_.size())
                buf_[len_++] = c;
            hash_ = key_hash_step(hash_, c);
        }
        if(total_ + s.size() > buf_.size())
        {
            if(total_ <= buf_.size())
                long_.assign(buf_.data(), total_);
            long_.append(s.data(), s.size());
        }
        total_ += s.size();
    }

    /** Returns the key, whole, and sets `hash` to its hash; the next
        `append` starts another key. The view is valid until then.
    */
    std::string_view take(std::uint64_t& hash) noexcept
    {
        std::string_view const key =
            total_ > buf_.size() ? std::string_view(long_) : std::string_view(buf_.data(), len_);
        total_ = 0;
        len_ = 0;
        hash = hash_;
        hash_ = key_hash_basis;
        return key;
    }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
