// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_RESPONSE_HPP
#define CORTI_ADMIN_BEAST_DETAIL_RESPONSE_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: reading the response: a body that
    wipes what it lets go, the parser and its limits, interim responses,
    the errors of a failed read, and the move into an `http_response`.
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/beast/detail/deadline.hpp>
#include <corti/admin/beast/detail/shared_state.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/optional/optional.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/** A Beast body that reads into a `std::string` and wipes every block it
    lets go: growing a chunked or close-delimited body (a token) moves it to
    a bigger block, and `std::string` would free the old one as it is.
*/
struct wiped_string_body
{
    using value_type = std::string;

    static std::uint64_t size(value_type const& body) noexcept { return body.size(); }

    class reader
    {
        value_type& body_;

        /// Makes room for `n` bytes in all, wiping the block left behind.
        void reserve(std::size_t n)
        {
            if(n <= body_.capacity())
                return;
            std::size_t const max = body_.max_size();
            std::size_t const twice = body_.capacity() < max / 2 ? 2 * body_.capacity() : max;
            std::string bigger;
            bigger.reserve(n > twice ? n : twice);
            bigger.assign(body_);
            secure_wipe(body_);
            body_.swap(bigger);
        }

    public:
        template<bool isRequest, class Fields>
        reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body)
        {
        }

        void init(boost::optional<std::uint64_t> const& length, boost::system::error_code& ec)
        {
            ec = {};
            if(!length)
                return;
            if(*length > body_.max_size())
            {
                ec = boost::beast::http::error::buffer_overflow;
                return;
            }
            reserve(static_cast<std::size_t>(*length));
        }

        template<class ConstBufferSequence>
        std::size_t put(ConstBufferSequence const& buffers, boost::system::error_code& ec)
        {
            std::size_t const extra = boost::asio::buffer_size(buffers);
            std::size_t const size = body_.size();
            if(extra > body_.max_size() - size)
            {
                ec = boost::beast::http::error::buffer_overflow;
                return 0;
            }
            ec = {};
            reserve(size + extra);
            body_.resize(size + extra); // within the capacity: no new block
            boost::asio::buffer_copy(boost::asio::buffer(&body_[size], extra), buffers);
            return extra;
        }

        void finish(boost::system::error_code& ec) { ec = {}; }
    };
};

/// The parser of a response: body and fields wiped before they are freed.
using beast_response_parser = boost::beast::http::response_parser<wiped_string_body, wiping_allocator<char>>;

/// Sets the limits of `settings` on a fresh parser.
inline void limit_parser(beast_response_parser& p, beast_settings const& s)
{
    constexpr std::size_t max_u32 = std::numeric_limits<std::uint32_t>::max();
    p.header_limit(static_cast<std::uint32_t>(s.max_header_size < max_u32 ? s.max_header_size : max_u32));
    p.body_limit(static_cast<std::uint64_t>(s.max_body_size));
}

/// True for an interim (1xx) status other than 101: never the answer.
inline bool is_interim_status(unsigned status) noexcept { return status >= 100 && status < 200 && status != 101; }

/// Interim responses skipped before the answer; one more is an error.
constexpr unsigned max_interim_responses = 8;

/// The error for one interim response too many; `status` is the last one's.
inline error too_many_interim(unsigned status, connection_key const& k)
{
    error e(errc::unexpected_status, "more than " + std::to_string(max_interim_responses) +
                                         " interim (1xx) responses from " + host_port(k.host, k.port));
    e.http_status = status;
    return e;
}

/// The errors of a connection the server had already closed.
inline bool is_closed_error(boost::system::error_code const& ec) noexcept
{
    return ec == boost::beast::http::error::end_of_stream || ec == beast_net::error::eof ||
           ec == beast_net::ssl::error::stream_truncated || ec == beast_net::error::connection_reset ||
           ec == beast_net::error::broken_pipe || ec == beast_net::error::connection_aborted;
}

/** Maps a failed read of the response. `nothing_read`: no byte of a
    response (nor an interim one) had arrived.
*/
inline error read_failure(boost::system::error_code const& ec, beast_settings const& s, connection_key const& k,
                          bool nothing_read)
{
    namespace http = boost::beast::http;
    if(ec == boost::beast::error::timeout || ec == beast_net::error::operation_aborted)
        return step_failure("waiting for the response from", ec, s, k);
    if(ec == http::error::body_limit)
        return error(errc::body_too_large, "response body larger than " + std::to_string(s.max_body_size) +
                                               " bytes from " + host_port(k.host, k.port));
    if(ec == http::error::header_limit || ec == http::error::buffer_overflow)
        return error(errc::body_too_large, "response header section larger than " + std::to_string(s.max_header_size) +
                                               " bytes from " + host_port(k.host, k.port));
    // Over TLS a close without close_notify is `stream_truncated`, not
    // `end_of_stream`: what tells the cases apart is whether a byte came.
    if(ec == http::error::end_of_stream || (is_closed_error(ec) && nothing_read))
        return step_error(errc::truncated_response, "connection closed before any response byte from", k.host, k.port,
                          ec);
    if(is_closed_error(ec) || ec == http::error::partial_message)
        return step_error(errc::truncated_response, "response cut short by", k.host, k.port, ec);
    return step_error(errc::invalid_response, "not an HTTP response from", k.host, k.port, ec);
}

/// Moves the parsed response out of `msg`, leaving no copy of the body behind.
inline http_response take_http_response(beast_response_parser::value_type& msg)
{
    http_response out;
    out.status = msg.result_int();
    for(auto const& f : msg)
    {
        auto const n = f.name_string();
        auto const v = f.value();
        out.headers.add(std::string_view(n.data(), n.size()), std::string_view(v.data(), v.size()));
    }
    out.body = std::move(msg.body());
    secure_wipe(msg.body()); // a short body stays in the moved-from string's own bytes
    return out;
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
