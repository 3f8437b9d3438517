// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_COMPACT_PARSER_HPP
#define CORTI_ADMIN_DETAIL_JSON_COMPACT_PARSER_HPP

/*  The compact JSON tokenizer: a strict RFC 8259 parser for one complete
    document in memory, reporting events to a handler (`handler.hpp`).

    Boost.JSON's `basic_parser` is the library's tokenizer. This one is an
    opt-in for flash-starved firmware only (CORTI_ADMIN_COMPACT_JSON): on a
    Cortex-M4 the `basic_parser` instantiation, its power-of-ten table and
    the soft-float conversion it makes for every number with a fraction or
    an exponent come to about 28 KB; this loop over a pointer, with no
    recursion and no allocation, to about 2 KB. Both feed the same reader.
    `fuzz_json_parser` keeps the two event-for-event identical (verdicts,
    depth, decoded keys and strings, numbers as written), and the
    JSONTestSuite files are checked through both.

    What it accepts: exactly RFC 8259. Whitespace is space, tab, CR, LF.
    Strings are well-formed UTF-8 (RFC 3629) without control characters; a
    `\u` escape for a surrogate must be a high one followed by an escaped low
    one. Numbers follow the grammar, with exponents of any size (the handler
    gets the text and decides what it can represent). No comments, trailing
    commas, NaN or Infinity, and nothing but whitespace after the document.
*/

#include <corti/admin/detail/hex.hpp>
#include <corti/admin/detail/json/handler.hpp>
#include <corti/admin/detail/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

template<class Handler>
class json_parser
{
public:
    using result = json_parse_result;

    json_parser(std::string_view text, Handler& h) noexcept
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), h_(&h)
    {
    }

    /** Parses the whole text as one document, objects and arrays nested at
        most `max_depth` levels (capped at `max_parser_depth`).
    */
    result parse(std::size_t max_depth)
    {
        if(max_depth > max_parser_depth)
            max_depth = max_parser_depth;
        std::uint64_t objects = 0; // bit d: level d+1 is an object
        std::size_t depth = 0;
        auto const in_object = [&] { return ((objects >> (depth - 1)) & 1) != 0; };

        // A state machine: `value` reads one value, `after_value` what may
        // follow it, `key` an object member's name and colon.

        skip_ws();
    value:
        if(p_ == end_)
            return fail(depth == 0 && p_ == begin_ ? "empty document" : "unexpected end");
        switch(*p_)
        {
        case '{':
        case '[': {
            bool const is_object = *p_ == '{';
            if(depth == max_depth)
                return result{result::status::too_deep, offset(), ""};
            call([&] { return is_object ? h_->object_begin() : h_->array_begin(); });
            if(is_object)
                objects |= std::uint64_t(1) << depth;
            else
                objects &= ~(std::uint64_t(1) << depth);
            ++depth;
            ++p_;
            skip_ws();
            if(p_ != end_ && *p_ == (is_object ? '}' : ']'))
                goto close;
            if(is_object)
                goto key;
            goto value;
        }
        case '"':
            if(!string(false))
                return error_;
            break;
        case 't':
            if(!literal("true", 4))
                return error_;
            call([&] { return h_->boolean(true); });
            break;
        case 'f':
            if(!literal("false", 5))
                return error_;
            call([&] { return h_->boolean(false); });
            break;
        case 'n':
            if(!literal("null", 4))
                return error_;
            call([&] { return h_->null(); });
            break;
        default:
            if(!number())
                return error_;
            break;
        }

    after_value:
        skip_ws();
        if(depth == 0)
        {
            if(p_ != end_)
                return fail("extra data after the document");
            return result{call.rejected() ? result::status::rejected : result::status::ok, offset(), ""};
        }
        if(p_ == end_)
            return fail("unexpected end");
        if(*p_ == ',')
        {
            ++p_;
            skip_ws();
            if(in_object())
                goto key;
            goto value;
        }
        if(*p_ != (in_object() ? '}' : ']'))
            return fail(in_object() ? "expected ',' or '}'" : "expected ',' or ']'");
    close:
        call([&] { return in_object() ? h_->object_end() : h_->array_end(); });
        --depth;
        ++p_;
        goto after_value;

    key:
        if(p_ == end_ || *p_ != '"')
            return fail(p_ == end_ ? "unexpected end" : "expected a key");
        if(!string(true))
            return error_;
        skip_ws();
        if(p_ == end_ || *p_ != ':')
            return fail(p_ == end_ ? "unexpected end" : "expected ':'");
        ++p_;
        skip_ws();
        goto value;
    }

private:
    char const* begin_;
    char const* p_;
    char const* end_;
    Handler* h_;
    rejection_latch call;
    result error_;

    std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }

    result fail(char const* reason) noexcept
    {
        error_ = result{result::status::syntax, offset(), reason};
        return error_;
    }

    bool syntax_error(char const* reason) noexcept
    {
        fail(reason);
        return false;
    }

    void skip_ws() noexcept
    {
        while(p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
            ++p_;
    }

    bool literal(char const* word, std::size_t n) noexcept
    {
        if(static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0)
        {
            // Point at the first byte that differs.
            std::size_t i = 0;
            while(p_ != end_ && i < n && *p_ == word[i])
                ++p_, ++i;
            return syntax_error(p_ == end_ ? "unexpected end" : i == 0 ? "expected a value" : "invalid literal");
        }
        p_ += n;
        return true;
    }

    static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool number()
    {
        char const* const start = p_;
        if(*p_ == '-')
            ++p_;
        if(p_ == end_ || !is_digit(*p_))
        {
            return syntax_error(p_ == end_ ? "unexpected end" : p_ == start ? "expected a value" : "expected a digit");
        }
        if(*p_++ != '0')
            while(p_ != end_ && is_digit(*p_))
                ++p_;
        if(p_ != end_ && *p_ == '.')
        {
            ++p_;
            if(!digits())
                return false;
        }
        if(p_ != end_ && (*p_ == 'e' || *p_ == 'E'))
        {
            ++p_;
            if(p_ != end_ && (*p_ == '+' || *p_ == '-'))
                ++p_;
            if(!digits())
                return false;
        }
        call([&] { return h_->number(std::string_view(start, static_cast<std::size_t>(p_ - start))); });
        return true;
    }

    bool digits() noexcept
    {
        if(p_ == end_ || !is_digit(*p_))
        {
            return syntax_error(p_ == end_ ? "unexpected end" : "expected a digit");
        }
        while(p_ != end_ && is_digit(*p_))
            ++p_;
        return true;
    }

    // The four hex digits of a \u escape at p_ (after "\u"), or -1.
    long hex4() noexcept
    {
        if(end_ - p_ < 4)
            return -1;
        long v = 0;
        for(int i = 0; i < 4; ++i)
        {
            int const d = hex_table.v[static_cast<unsigned char>(p_[i])];
            if(d < 0)
                return -1;
            v = v * 16 + d;
        }
        p_ += 4;
        return v;
    }

    /// Returns the first byte at or after `p` that a string must look at:
    /// `"`, `\`, a control character, or a byte of a multi-byte character.
    static char const* skip_plain(char const* p, char const* end) noexcept
    {
        // Eight bytes at a time: a byte's top bit in `special` is set when it
        // is one of those (below 0x20, 0x80 and above, or equal to '"' or '\').
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t tops = 0x8080808080808080ULL;
        while(end - p >= 8)
        {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            std::uint64_t const quote = w ^ (ones * '"');
            std::uint64_t const backslash = w ^ (ones * '\\');
            std::uint64_t const special =
                (((w - ones * 0x20) & ~w) | w | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & tops;
            if(special != 0)
            {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                // The lowest flagged byte is exact (a borrow only flags bytes
                // above a real match), and the lowest is the first in memory.
                return p + (__builtin_ctzll(special) >> 3);
#else
                break;
#endif
            }
            p += 8;
        }
        for(; p != end; ++p)
        {
            auto const c = static_cast<unsigned char>(*p);
            if(c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                break;
        }
        return p;
    }

    /*  Reads a string at p_ (on its opening quote) and reports it. Up to the
        first escape it is reported in place; from there on it is decoded
        into `buf`, which is reported each time it fills.
    */
    bool string(bool is_key)
    {
        ++p_;
        char const* const start = p_;
        p_ = skip_plain(p_, end_);
        if(p_ != end_ && *p_ == '"') // the usual case: ASCII without escapes
        {
            std::string_view const whole(start, static_cast<std::size_t>(p_ - start));
            ++p_;
            call([&] { return is_key ? h_->key(whole, whole.size()) : h_->string(whole, whole.size()); });
            return true;
        }
        return string_rest(is_key, start);
    }

    // The rest of a string from p_, which holds an escape, a multi-byte
    // character or an error.
    bool string_rest(bool is_key, char const* const start)
    {
        char buf[64];
        std::size_t len = 0;   // bytes in buf
        std::size_t total = 0; // bytes reported so far
        bool escaped = false;
        auto const flush = [&](std::string_view piece) {
            total += piece.size();
            call([&] { return is_key ? h_->key_part(piece, total) : h_->string_part(piece, total); });
        };
        auto const room = [&](std::size_t n) { // keeps a character in one piece
            if(len + n > sizeof buf)
            {
                flush(std::string_view(buf, len));
                len = 0;
            }
        };
        auto const put = [&](char const* q, std::size_t n) { // ASCII: may be cut anywhere
            while(n > sizeof buf - len)
            {
                std::size_t const k = sizeof buf - len;
                std::memcpy(buf + len, q, k);
                flush(std::string_view(buf, sizeof buf));
                len = 0;
                q += k;
                n -= k;
            }
            std::memcpy(buf + len, q, n);
            len += n;
        };
        for(;;)
        {
            char const* const run = p_;
            p_ = skip_plain(p_, end_);
            if(escaped)
                put(run, static_cast<std::size_t>(p_ - run));
            if(p_ == end_)
                return syntax_error("unexpected end");
            auto const c = static_cast<unsigned char>(*p_);
            if(c == '"')
                break;
            if(c < 0x20)
                return syntax_error("control character in a string");
            if(c >= 0x80)
            {
                std::size_t const n = utf8_sequence_size(std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
                if(n == 0)
                    return syntax_error("invalid UTF-8");
                if(escaped)
                {
                    room(n);
                    std::memcpy(buf + len, p_, n);
                    len += n;
                }
                p_ += n;
                continue;
            }
            // A backslash: from here on the string is decoded into buf.
            if(!escaped)
            {
                escaped = true;
                if(p_ != start)
                    flush(std::string_view(start, static_cast<std::size_t>(p_ - start)));
            }
            ++p_;
            if(p_ == end_)
                return syntax_error("unexpected end");
            char out = 0;
            switch(*p_)
            {
            case '"': out = '"'; break;
            case '\\': out = '\\'; break;
            case '/': out = '/'; break;
            case 'b': out = '\b'; break;
            case 'f': out = '\f'; break;
            case 'n': out = '\n'; break;
            case 'r': out = '\r'; break;
            case 't': out = '\t'; break;
            case 'u': {
                ++p_;
                long cp = hex4();
                if(cp < 0)
                    return syntax_error("expected four hex digits");
                if(cp >= 0xDC00 && cp <= 0xDFFF)
                    return syntax_error("a low surrogate without a high one");
                if(cp >= 0xD800 && cp <= 0xDBFF)
                {
                    if(end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                        return syntax_error("a high surrogate without a low one");
                    p_ += 2;
                    long const lo = hex4();
                    if(lo < 0)
                        return syntax_error("expected four hex digits");
                    if(lo < 0xDC00 || lo > 0xDFFF)
                        return syntax_error("a high surrogate without a low one");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                room(4);
                len += append_utf8(buf + len, static_cast<unsigned long>(cp));
                continue;
            }
            default: return syntax_error("invalid escape");
            }
            ++p_;
            room(1);
            buf[len++] = out;
        }
        // p_ is on the closing quote.
        std::string_view const last =
            escaped ? std::string_view(buf, len) : std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        total += last.size();
        call([&] { return is_key ? h_->key(last, total) : h_->string(last, total); });
        return true;
    }
};

/** Parses `text` as one JSON document, sending the events to `h`.

    @return how it ended: `ok`, a `syntax` error (with offset and reason),
    `too_deep` (nested deeper than `max_depth`, at most `max_parser_depth`),
    or `rejected` by the handler (the document is otherwise well-formed).
*/
template<class Handler>
json_parse_result parse_json_compact(std::string_view text, Handler& h, std::size_t max_depth)
{
    return json_parser<Handler>(text, h).parse(max_depth);
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
