// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_SCHEMA_HANDLER_HPP
#define CORTI_ADMIN_DETAIL_JSON_SCHEMA_HANDLER_HPP

/** @file
    The JSON events' handler that fills a C++ value through its `value_ops`:
    it tracks the open containers, assembles keys and strings read in
    pieces, rejects what the schema does not allow, and names the offending
    value with a JSON Pointer.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/parse_arena.hpp>
#include <corti/admin/secret.hpp>

#include <corti/admin/detail/json/key_buffer.hpp>
#include <corti/admin/detail/json/pointer.hpp>
#include <corti/admin/detail/json/scratch_stack.hpp>
#include <corti/admin/detail/json/unknown_keys.hpp>
#include <corti/admin/detail/json/value_ops.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// The deepest nesting the reader supports, whatever `limits::max_depth` says.
inline constexpr std::size_t max_supported_depth = 32;

/** Receives a tokenizer's events (`handler.hpp`'s form) and fills the value
    that `root` says, stopping at the first error, which `ctx` keeps and
    `pointer()` locates.
*/
class schema_handler
{
public:
    reader_context ctx;

    /// `arena`: the caller's working memory, or nullptr for the handler's own.
    schema_handler(slot root, limits const& lim, strictness mode, parse_arena* arena = nullptr) noexcept
        : root_(root), max_string_(lim.max_string_length), strict_(mode == strictness::strict), scratch_stack_(arena)
    {
    }

    bool object_begin() { return begin(false); }
    bool array_begin() { return begin(true); }

    bool object_end()
    {
        frame& f = top();
        if(!check_unknown_keys(f))
            return false;
        if(f.k == frame::kind::object)
        {
            auto const& ops = *static_cast<object_ops const*>(f.ops);
            int const missing = ops.first_missing(f.seen);
            if(missing >= 0)
            {
                f.current = missing;
                return fail(errc::missing_field, "");
            }
        }
        scratch_stack_.pop_to(f.unknown_begin);
        --depth_;
        return true;
    }

    bool array_end()
    {
        --depth_;
        return true;
    }

    bool key_part(std::string_view s, std::size_t n)
    {
        if(n > max_string_)
            return fail(errc::string_too_long, "key too long");
        key_.append(s);
        return true;
    }

    bool key(std::string_view s, std::size_t n)
    {
        std::string_view key;
        std::uint64_t h = 0;
        bool const whole = key_.empty(); // no key_part before: the key is all in `s`
        if(whole)
        {
            if(n > max_string_)
                return fail(errc::string_too_long, "key too long");
            key = s;
        }
        else
        {
            if(!key_part(s, n))
                return false;
            key = key_.take(h);
        }

        frame& f = top();
        int idx = -1;
        if(f.k == frame::kind::object)
            idx = static_cast<object_ops const*>(f.ops)->find(key);
        if(idx >= 0)
        {
            auto const bit = std::uint64_t(1) << idx;
            f.current = idx;
            if(f.seen & bit)
                return fail(errc::duplicate_key, "");
            f.seen |= bit;
            return true;
        }
        f.current = -1;
        if(whole) // hashed only now: only unknown keys need it
        {
            h = key_hash_basis;
            for(char c : key)
                h = key_hash_step(h, c);
        }
        if(f.k == frame::kind::object && strict_)
        {
            last_key_.assign(key);
            return fail(errc::unknown_field, "");
        }
        // Kept for the duplicate check when the object closes.
        std::size_t const at = scratch_stack_.size();
        if(!push_unknown_key(scratch_stack_, h, key))
        {
            last_key_.assign(key);
            f.current = -1;
            return fail(errc::out_of_memory, "arena is full");
        }
        f.last_key_at = at;
        ++f.unknown_count;
        return true;
    }

    bool string_part(std::string_view s, std::size_t n)
    {
        if(!string_begun_)
        {
            string_begun_ = true;
            if(!start_string())
                return false;
        }
        return string_append(s, n);
    }

    bool string(std::string_view s, std::size_t n)
    {
        if(!string_begun_) // no string_part before: the value is all in `s`
        {
            if(n > max_string_)
                return fail(errc::string_too_long, "string too long");
            slot const sl = next_slot();
            if(!sl.ops)
                return true;
            json_scalar v{json_scalar::kind::string};
            if(!sl.ops->takes_string)
                return deliver(sl, v); // reports the type error
            std::string* const dest = sl.ops->string_dest ? sl.ops->string_dest(sl.target) : nullptr;
            // Read in place; a caller's arena is still charged what staging the value would take.
            if((dest || s.size() > scratch_.size()) && !scratch_stack_.account(s.size()))
                return fail(errc::out_of_memory, "arena is full");
            v.text = s;
            if(!deliver(sl, v))
                return false;
            if(dest)
                dest->assign(s.data(), s.size()); // checked: now it may take heap memory, exactly its size
            return true;
        }
        if(!string_part(s, n))
            return false;
        string_begun_ = false;
        if(!str_slot_.ops)
            return true;
        json_scalar v{json_scalar::kind::string};
        if(str_dest_ || typed_in_stack_)
            v.text = std::string_view(reinterpret_cast<char const*>(scratch_stack_.data()) + str_begin_,
                                      scratch_stack_.size() - str_begin_);
        else
            v.text = std::string_view(scratch_.data(), scratch_len_);
        if(!deliver(str_slot_, v))
            return false;
        // Checked: now it may take heap memory, exactly its size.
        if(str_dest_)
            str_dest_->assign(v.text.data(), v.text.size());
        scratch_stack_.pop_to(str_begin_);
        return true;
    }

    bool number(std::string_view text)
    {
        json_scalar v{json_scalar::kind::number};
        v.text = text;
        return scalar(v);
    }

    bool boolean(bool b)
    {
        json_scalar v{json_scalar::kind::boolean};
        v.b = b;
        return scalar(v);
    }

    bool null() { return scalar(json_scalar{json_scalar::kind::null}); }

    /** Returns the JSON Pointer of the value being read when the error
        happened (RFC 6901: `~` as `~0`, `/` as `~1`).
    */
    std::string pointer() const { return pointer_to(false); }

    /** Returns the JSON Pointer of the value that comes next: the one a
        source stopped inside before the reader saw it (a number Boost.JSON
        does not read).
    */
    std::string pending_pointer() const { return pointer_to(true); }

    ~schema_handler()
    {
        // A string read in pieces (a token, a password) was staged here.
        secure_wipe(scratch_.data(), scratch_.size());
    }

private:
    static constexpr std::size_t no_key = static_cast<std::size_t>(-1);

    std::string pointer_to(bool pending) const
    {
        std::string p;
        for(std::size_t d = 0; d < depth_; ++d)
        {
            frame const& f = frames_[d];
            bool const top_pending = pending && d + 1 == depth_;
            if(f.k == frame::kind::object && f.current >= 0)
                append_pointer_token(p, static_cast<object_ops const*>(f.ops)->name(f.current));
            else if(f.k == frame::kind::array || f.k == frame::kind::skip_array)
            {
                if(top_pending) // the element after the last one counted
                {
                    p += '/';
                    p += std::to_string(f.count);
                    continue;
                }
                if(f.count == 0)
                    break;
                p += '/';
                p += std::to_string(f.count - 1);
            }
            else if(!pending && d + 1 == depth_ && !last_key_.empty())
                append_pointer_token(p, last_key_); // the key an error names
            else if(f.last_key_at != no_key)
                append_pointer_token(p, key_at(f.last_key_at)); // the unknown key whose value holds the rest
            else
                break;
        }
        return p;
    }

    slot root_;
    std::size_t max_string_;
    bool strict_;

    std::array<frame, max_supported_depth> frames_; // not zeroed: only [0, depth_) is read
    std::size_t depth_ = 0;
    bool root_taken_ = false;

    key_buffer key_;       // the key being read, when it comes in pieces
    std::string last_key_; // only set when an error names an unknown key

    // Working memory: the unknown keys of the open objects
    // (duplicate detection), then the string being read (from str_begin_).
    scratch_stack scratch_stack_;
    std::size_t str_begin_ = 0;

    // String being read.
    bool string_begun_ = false;
    slot str_slot_;
    std::string* str_dest_ = nullptr;
    // Typed strings (UUID, date-time, enum) are short: they are read here,
    // and move to the scratch stack only when longer (a date-time may carry
    // a fraction of any length).
    std::array<char, 64> scratch_;
    std::size_t scratch_len_ = 0;
    bool typed_in_stack_ = false;

    frame& top() noexcept { return frames_[depth_ - 1]; }

    std::string_view key_at(std::size_t at) const noexcept { return unknown_key_at(scratch_stack_, at); }

    /// Fails with `duplicate_key` when an unknown key of `f` appears twice;
    /// checked once, when the object closes. The key reported is the repeat
    /// that comes first in the document.
    bool check_unknown_keys(frame& f)
    {
        if(f.unknown_count < 2)
            return true;
        std::size_t const index_base = scratch_stack_.size();
        std::size_t repeat = 0;
        if(!find_repeated_unknown_key(scratch_stack_, f.unknown_begin, f.unknown_count, repeat))
            return fail(errc::out_of_memory, "arena is full");
        if(repeat != 0)
        {
            last_key_.assign(key_at(repeat));
            f.current = -1;
            return fail(errc::duplicate_key, "");
        }
        scratch_stack_.pop_to(index_base);
        return true;
    }

    bool fail(errc c, char const* msg) { return ctx.fail(c, msg); }

    // The slot of the value that starts now (appends an element in arrays).
    slot next_slot()
    {
        if(depth_ == 0)
        {
            root_taken_ = true;
            return root_;
        }
        frame& f = top();
        switch(f.k)
        {
        case frame::kind::object:
            if(f.current >= 0)
                return static_cast<object_ops const*>(f.ops)->field(f.target, f.current);
            return {};
        case frame::kind::array: {
            ++f.count;
            return static_cast<array_ops const*>(f.ops)->append(f.target);
        }
        case frame::kind::skip_array: ++f.count; return {};
        default: return {};
        }
    }

    bool begin(bool is_array)
    {
        if(depth_ == frames_.size())
            return fail(errc::too_deep, "nested too deeply");
        slot const s = next_slot();
        frame f{frame::kind::skip_object, nullptr, nullptr, 0, -1, 0, scratch_stack_.size(), 0, no_key};
        if(s.ops)
        {
            if(!s.ops->begin_container(s.target, is_array, f, ctx))
                return false;
        }
        else
            f.k = is_array ? frame::kind::skip_array : frame::kind::skip_object;
        frames_[depth_++] = f;
        return true;
    }

    bool start_string()
    {
        str_slot_ = next_slot();
        str_dest_ = nullptr;
        scratch_len_ = 0;
        typed_in_stack_ = false;
        if(!str_slot_.ops)
            return true;
        if(!str_slot_.ops->takes_string)
        {
            json_scalar v{json_scalar::kind::string};
            return deliver(str_slot_, v); // reports the type error
        }
        if(str_slot_.ops->string_dest)
            str_dest_ = str_slot_.ops->string_dest(str_slot_.target);
        str_begin_ = scratch_stack_.size();
        return true;
    }

    bool string_append(std::string_view s, std::size_t n)
    {
        if(n > max_string_)
            return fail(errc::string_too_long, "string too long");
        if(!str_slot_.ops)
            return true;
        if(!str_dest_ && !typed_in_stack_ && scratch_len_ + s.size() <= scratch_.size())
        {
            for(char c : s)
                scratch_[scratch_len_++] = c;
            return true;
        }
        if(!str_dest_ && !typed_in_stack_)
        {
            typed_in_stack_ = true;
            if(!scratch_stack_.push(scratch_.data(), scratch_len_))
                return fail(errc::out_of_memory, "arena is full");
        }
        if(!scratch_stack_.push(s.data(), s.size()))
            return fail(errc::out_of_memory, "arena is full");
        return true;
    }

    bool scalar(json_scalar const& v)
    {
        slot const s = next_slot();
        if(!s.ops)
            return true;
        return deliver(s, v);
    }

    bool deliver(slot const& s, json_scalar const& v) { return s.ops->scalar(s.target, v, s, ctx); }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
