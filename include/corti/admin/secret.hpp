// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_SECRET_HPP
#define CORTI_ADMIN_SECRET_HPP

/** @file
    `secret`: a string that never prints and is wiped when destroyed.
*/

#include <cstddef>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

namespace detail {

/// Overwrites the bytes with zeros in a way the optimizer may not elide.
inline void secure_wipe(void* p, std::size_t n) noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    std::memset(p, 0, n);
    // The compiler must assume the zeros are read: the memset is not removed.
    __asm__ __volatile__("" : : "r"(p) : "memory");
#else
    auto volatile* b = static_cast<unsigned char volatile*>(p);
    while(n--)
        *b++ = 0;
#endif
}

/// Wipes the string's whole buffer (capacity, not only size).
inline void secure_wipe(std::string& s) noexcept
{
    // data()[size()] is the terminator; the whole allocation up to capacity()
    // may hold earlier contents, so wipe all of it.
    std::size_t const used = s.size();
    s.resize(s.capacity()); // zero-fills [used, capacity)
    secure_wipe(s.data(), used);
    s.clear();
}

} // namespace detail

/** A password or token.

    Formatting with `operator<<` prints `[redacted]`; there is no implicit
    conversion to a string. `reveal()` is the one way to read it, for the code
    that must put it on the wire. The buffer is overwritten with zeros when the
    object is destroyed or assigned.

    @par Thread Safety
    Distinct objects: safe. Shared objects: unsafe for concurrent mutation.
*/
class secret
{
    std::string s_;

public:
    /// Constructs an empty secret.
    secret() = default;

    /// Takes ownership of the characters; `s` is wiped and left empty.
    explicit secret(std::string&& s) noexcept : s_(std::move(s))
    {
        detail::secure_wipe(s); // a moved-from string may still own a buffer
    }

    /// Copies the characters.
    explicit secret(std::string_view s) : s_(s) {}

    /// Copies the characters of a null-terminated string.
    explicit secret(char const* s) : s_(s ? s : "") {}

    /// Copies the characters.
    secret(secret const&) = default;
    /// Takes `other`'s characters; `other` is wiped and left empty.
    secret(secret&& other) noexcept : s_(std::move(other.s_)) { detail::secure_wipe(other.s_); }

    /// Copies `other`'s characters, wiping this secret's first.
    secret& operator=(secret const& other)
    {
        if(this != &other)
        {
            detail::secure_wipe(s_);
            s_ = other.s_;
        }
        return *this;
    }

    /// Takes `other`'s characters, wiping this secret's first; `other` is wiped and left empty.
    secret& operator=(secret&& other) noexcept
    {
        if(this != &other)
        {
            detail::secure_wipe(s_);
            s_ = std::move(other.s_);
            detail::secure_wipe(other.s_);
        }
        return *this;
    }

    /// Wipes the characters, then releases the memory.
    ~secret() { detail::secure_wipe(s_); }

    /// Returns the secret's characters. Never log or format the result.
    std::string_view reveal() const noexcept { return s_; }

    /// Returns the length in bytes.
    std::size_t size() const noexcept { return s_.size(); }

    /// Returns true when the secret is empty.
    bool empty() const noexcept { return s_.empty(); }

    /// Prints `[redacted]`, whatever the secret is.
    friend std::ostream& operator<<(std::ostream& os, secret const&) { return os << "[redacted]"; }
};

} // namespace admin
} // namespace corti

#endif
