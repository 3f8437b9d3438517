// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_ERROR_BODY_HPP
#define CORTI_ADMIN_DETAIL_JSON_ERROR_BODY_HPP

/*  The reader of error bodies (4xx, 5xx): tolerant where the schema reader
    is strict, and bounded in memory whatever the body holds. It finds the
    server's message; `parse_api_error` uses it.
*/

#include <corti/admin/detail/utf8.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/// The longest server message kept in `error::message`, in bytes.
inline constexpr std::size_t max_server_message = 512;

/** Appends at most `max` bytes of `s` to `out`, for a log line: control
    characters become spaces (no terminal escapes, no forged log lines),
    invalid UTF-8 becomes `?`, and the cut never splits a character.
*/
inline void append_sanitized(std::string& out, std::string_view s, std::size_t max)
{
    std::size_t i = 0;
    std::size_t written = 0;
    while(i < s.size())
    {
        // Length of the UTF-8 sequence at i, or 0 when it is invalid (a lone
        // continuation byte, a byte that never starts one, a cut sequence).
        std::size_t len = 0;
        auto const c = static_cast<unsigned char>(s[i]);
        if(c < 0x80)
            len = 1;
        else if(c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if(c >= 0xE0 && c <= 0xEF)
            len = 3;
        else if(c >= 0xF0 && c <= 0xF4)
            len = 4;
        if(len > 1 && (i + len > s.size() || utf8_count(s.substr(i, len)) != 1))
            len = 0;
        std::size_t const need = len == 0 ? 1 : len;
        if(written + need > max)
        {
            out += "...";
            return;
        }
        // C1 controls (U+0080..U+009F: CSI, NEL...) are terminal escapes and
        // line breaks as much as the C0 ones.
        bool const c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F;
        if(len == 0)
            out += '?';
        else if(len == 1)
            out += is_ascii_control(s[i]) ? ' ' : s[i];
        else if(c1)
            out += ' ';
        else
            out.append(s.data() + i, len);
        written += need;
        i += need;
    }
}

/** A tolerant SAX handler for error bodies: remembers the first string in
    the top-level `error`, `message`, `msg`, `error_description` or `detail`
    member, or in `error.message`; ignores everything else.
*/
class error_body_handler
{
public:
    /// The best message found so far and its rank (lower is better).
    std::string message;
    int rank = 99;

    bool object_begin()
    {
        if(depth_ == 0)
            root_is_object_ = true;
        if(depth_ == 1)
            in_error_object_ = key_rank_ == 0; // the value of the top-level "error"
        ++depth_;
        return true;
    }
    bool object_end()
    {
        --depth_;
        if(depth_ == 1)
            in_error_object_ = false;
        key_rank_ = 99;
        return true;
    }
    bool array_begin()
    {
        ++depth_;
        return true;
    }
    bool array_end()
    {
        --depth_;
        key_rank_ = 99;
        return true;
    }
    bool key_part(std::string_view s, std::size_t)
    {
        if(key_.size() < 32)
            key_.append(s.data(), s.size() < 32 ? s.size() : 32);
        return true;
    }
    bool key(std::string_view s, std::size_t n)
    {
        key_part(s, n);
        key_rank_ = 99;
        if(root_is_object_ && depth_ == 1)
        {
            constexpr std::string_view keys[] = {"error", "message", "msg", "error_description", "detail"};
            for(int i = 0; i < 5; ++i)
                if(key_ == keys[i])
                    key_rank_ = i;
        }
        else if(depth_ == 2 && in_error_object_ && key_ == "message")
            key_rank_ = 0;
        key_.clear();
        return true;
    }
    bool string_part(std::string_view s, std::size_t)
    {
        // Keep a little more than the message can show, so that the cut
        // (and its "...") is the same as for the whole string, and the
        // memory is bounded whatever the body holds.
        constexpr std::size_t keep = max_server_message + 4;
        if(key_rank_ < rank && part_.size() < keep)
            part_.append(s.data(), s.size() < keep - part_.size() ? s.size() : keep - part_.size());
        return true;
    }
    bool string(std::string_view s, std::size_t n)
    {
        string_part(s, n);
        if(key_rank_ < rank && !part_.empty())
        {
            message.clear();
            append_sanitized(message, part_, max_server_message);
            rank = key_rank_;
        }
        part_.clear();
        key_rank_ = 99;
        return true;
    }
    bool number(std::string_view) { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool null() { return scalar(); }

private:
    std::size_t depth_ = 0;
    bool root_is_object_ = false;
    bool in_error_object_ = false;
    int key_rank_ = 99;
    std::string key_;
    std::string part_;

    bool scalar()
    {
        key_rank_ = 99;
        return true;
    }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
