// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_JSON_BOOST_SOURCE_HPP
#define CORTI_ADMIN_DETAIL_JSON_BOOST_SOURCE_HPP

/*  The library's JSON tokenizer: Boost.JSON's `basic_parser`, feeding a
    handler of `handler.hpp`'s form.

    The body is always complete, so it is handed to `write_some` once with
    `more = false`: the parser never suspends, so it never allocates (its
    stack is only for suspending), and every well-formed number comes whole
    to `on_int64` / `on_uint64` / `on_double` with its text, which the reader
    converts itself (Boost 1.81 turns `1e400` into infinity and `0.1` into
    the nearest double; the reader wants the digits). The parse options are
    Boost's defaults, which are RFC 8259: no comments, no trailing commas,
    valid UTF-8 only.
*/

#include <corti/admin/detail/json/handler.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace corti {
namespace admin {
namespace detail {

/** `basic_parser`'s handler over a `json_handler`-style one. Once the inner
    handler says no it gets no more events, but the parse goes on (each
    member returns true), so that a syntax error or an excess depth later in
    the body still wins, in the same single pass.
*/
template<class Handler>
class boost_json_events
{
public:
    using error_code = boost::json::error_code;
    using string_view = boost::json::string_view;

    // basic_parser's limits: far above anything limits::max_body_size allows.
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    explicit boost_json_events(Handler& h) noexcept : h_(&h) {}

    /// True when the inner handler said no.
    bool rejected() const noexcept { return latch_.rejected(); }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&)
    {
        return call([&] { return h_->object_begin(); });
    }
    bool on_object_end(std::size_t, error_code&)
    {
        return call([&] { return h_->object_end(); });
    }
    bool on_array_begin(error_code&)
    {
        return call([&] { return h_->array_begin(); });
    }
    bool on_array_end(std::size_t, error_code&)
    {
        return call([&] { return h_->array_end(); });
    }
    bool on_key_part(string_view s, std::size_t n, error_code&)
    {
        return call([&] { return h_->key_part(view(s), n); });
    }
    bool on_key(string_view s, std::size_t n, error_code&)
    {
        return call([&] { return h_->key(view(s), n); });
    }
    bool on_string_part(string_view s, std::size_t n, error_code&)
    {
        return call([&] { return h_->string_part(view(s), n); });
    }
    bool on_string(string_view s, std::size_t n, error_code&)
    {
        return call([&] { return h_->string(view(s), n); });
    }
    // With `more = false` this comes only for a number cut by the end of
    // the input (`[-`, `1.`, `1e`), which then fails as incomplete.
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, string_view s, error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, string_view s, error_code&) { return number(s); }
    bool on_double(double, string_view s, error_code&) { return number(s); }
    bool on_bool(bool b, error_code&)
    {
        return call([&] { return h_->boolean(b); });
    }
    bool on_null(error_code&)
    {
        return call([&] { return h_->null(); });
    }
    bool on_comment_part(string_view, error_code&) { return true; } // comments are off
    bool on_comment(string_view, error_code&) { return true; }

private:
    Handler* h_;
    rejection_latch latch_;

    static std::string_view view(string_view s) noexcept { return {s.data(), s.size()}; }

    // Always true: the parse goes on after a rejection.
    template<class Event>
    bool call(Event event)
    {
        latch_(event);
        return true;
    }

    bool number(string_view s)
    {
        return call([&] { return h_->number(view(s)); });
    }
};

/// The result for `basic_parser`'s error `ec` at `offset`.
inline json_parse_result boost_json_failure(boost::json::error_code const& ec, std::size_t offset) noexcept
{
    using status = json_parse_result::status;
    using boost::json::error;
    if(ec.category() != boost::json::make_error_code(error::syntax).category())
        return {status::syntax, offset, "syntax error"}; // the handler sets no error of its own
    switch(static_cast<error>(ec.value()))
    {
    case error::too_deep: return {status::too_deep, offset, ""};
    case error::incomplete: return {status::syntax, offset, "unexpected end"};
    case error::extra_data: return {status::syntax, offset, "extra data after the document"};
    case error::illegal_leading_surrogate:
    case error::illegal_trailing_surrogate: return {status::syntax, offset, "an unpaired surrogate"};
    case error::expected_hex_digit: return {status::syntax, offset, "expected four hex digits"};
    case error::expected_utf16_escape: return {status::syntax, offset, "a high surrogate without a low one"};
    case error::exponent_overflow: return {status::limit, offset, "a number's exponent is beyond 2^31"};
    case error::object_too_large:
    case error::array_too_large:
    case error::key_too_large:
    case error::string_too_large: return {status::limit, offset, "a value is too large"};
    default: return {status::syntax, offset, "syntax error"};
    }
}

/** Parses `text` as one JSON document with Boost.JSON's `basic_parser`,
    sending the events to `h`.

    @return how it ended: `ok`, a `syntax` error (with offset and reason),
    `too_deep` (nested deeper than `max_depth`, at most `max_parser_depth`),
    `limit` (an exponent beyond 2^31, which Boost.JSON does not read), or
    `rejected` by the handler (the document is otherwise well-formed).
*/
template<class Handler>
json_parse_result parse_json_boost(std::string_view text, Handler& h, std::size_t max_depth)
{
    boost::json::parse_options opt; // RFC 8259: no comments, trailing commas or invalid UTF-8
    opt.max_depth = max_depth < max_parser_depth ? max_depth : max_parser_depth;
    boost::json::basic_parser<boost_json_events<Handler>> p(opt, h);
    boost::json::error_code ec;
    std::size_t const n = p.write_some(false, text.data(), text.size(), ec);
    if(ec)
        return boost_json_failure(ec, n);
    if(n != text.size())
        return {json_parse_result::status::syntax, n, "extra data after the document"};
    return {p.handler().rejected() ? json_parse_result::status::rejected : json_parse_result::status::ok, n, ""};
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
