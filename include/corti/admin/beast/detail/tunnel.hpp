// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_TUNNEL_HPP
#define CORTI_ADMIN_BEAST_DETAIL_TUNNEL_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the tunnel through an HTTP proxy: the
    checked proxy (`make_proxy_route`), the requests that use it, and the
    composed operation that sends `CONNECT` and reads the proxy's answer on
    a connected TCP stream, before the TLS handshake with the server.
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/beast/detail/deadline.hpp>
#include <corti/admin/beast/detail/request.hpp>
#include <corti/admin/beast/detail/response.hpp>
#include <corti/admin/beast/detail/shared_state.hpp>
#include <corti/admin/beast/proxy.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/secret.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/coroutine.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/// Appends the base64 (RFC 4648, padded) of `in` to `out`, which the caller
/// has reserved room in: a password must not be left in a freed block.
inline void append_base64(std::string& out, std::string_view in)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for(; i + 3 <= in.size(); i += 3)
    {
        unsigned const v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 |
                           static_cast<unsigned char>(in[i + 2]);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if(std::size_t const left = in.size() - i; left != 0)
    {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if(left == 2)
            v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += left == 2 ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
}

/** Checks a transport's proxy options and prepares the `Proxy-Authorization`
    value (Basic, RFC 7617) once.

    @return the route, or `errc::invalid_argument`: a URL `parse_proxy_url`
    refuses (field `proxy.url`), or a user name with ':' or a control
    character, or a password with a control character (field
    `proxy.username` / `proxy.password`). No message quotes a credential.
*/
inline result<proxy_route> make_proxy_route(proxy_options const& o)
{
    auto addr = parse_proxy_url(o.url, false, "proxy.url");
    if(!addr)
        return addr.error();
    proxy_route r;
    r.host = std::move(addr->host);
    r.port = addr->port;
    r.no_proxy = o.no_proxy;
    auto const printable = [](std::string_view s, bool colon_ok) {
        for(char c : s)
            if(static_cast<unsigned char>(c) < ' ' || c == '\x7f' || (!colon_ok && c == ':'))
                return false;
        return true;
    };
    if(o.username.empty())
        return r;
    if(!printable(o.username, false))
        return error(errc::invalid_argument, "the proxy user name has a ':' or a control character", "proxy.username");
    if(!printable(o.password.reveal(), true))
        return error(errc::invalid_argument, "the proxy password has a control character", "proxy.password");
    std::size_t const plain = o.username.size() + 1 + o.password.size();
    std::string credentials;
    credentials.reserve(plain);
    credentials += o.username;
    credentials += ':';
    credentials += o.password.reveal();
    std::string value;
    value.reserve(6 + (plain + 2) / 3 * 4);
    value += "Basic ";
    append_base64(value, credentials);
    secure_wipe(credentials);
    r.authorization = secret(std::move(value));
    return r;
}

/// The key of the connection to the proxy itself (for resolving,
/// connecting and the errors of those steps).
inline connection_key proxy_key(proxy_route const& p) { return connection_key{p.host, p.port, false, {}}; }

/** Decides whether a request goes through the proxy: HTTPS requests do,
    unless `no_proxy` matches; plain HTTP (loopback tests) never does. Marks
    the key (`via`) so that a tunnelled connection is reused only for the
    same server through the same proxy.
*/
inline void route_through_proxy(connection_key& key, std::optional<proxy_route> const& proxy)
{
    if(proxy && key.tls && !no_proxy_matches(proxy->no_proxy, key.host, key.port))
        key.via = host_port(proxy->host, proxy->port);
}

/** Sends `CONNECT host:port` on a stream connected to the proxy and reads
    the answer's header (a 2xx to CONNECT has no body). Completes with no
    error when the tunnel is open; otherwise with an error code and the
    caller's `failure` set to the error to report. The request, which may
    hold the credentials, is wiped once written.
*/
class tunnel_op
{
    using parser_type = boost::beast::http::response_parser<boost::beast::http::empty_body>;

    struct state
    {
        boost::beast::tcp_stream* stream = nullptr;
        connection_key proxy;
        connection_key origin;
        beast_settings const* settings = nullptr;
        std::optional<error>* failure = nullptr;
        wiped_string request;
        boost::beast::flat_buffer buffer;
        parser_type parser;
    };

    std::unique_ptr<state> st_;
    beast_net::coroutine coro_;

public:
    tunnel_op(boost::beast::tcp_stream& stream, proxy_route const& proxy, connection_key const& origin,
              beast_settings const& settings, std::optional<error>& failure)
        : st_(std::make_unique<state>())
    {
        state& st = *st_;
        st.stream = &stream;
        st.proxy = proxy_key(proxy);
        st.origin = origin;
        st.settings = &settings;
        st.failure = &failure;
        std::string const target = host_port(origin.host, origin.port);
        std::string s;
        s.reserve(2 * target.size() + proxy.authorization.size() + 64);
        s += "CONNECT ";
        s += target;
        s += " HTTP/1.1\r\nHost: ";
        s += target;
        s += "\r\n";
        if(!proxy.authorization.empty())
        {
            s += "Proxy-Authorization: ";
            s += proxy.authorization.reveal();
            s += "\r\n";
        }
        s += "\r\n";
        st.request = wiped_string(std::move(s));
        constexpr std::size_t max_u32 = std::numeric_limits<std::uint32_t>::max();
        std::size_t const limit = settings.max_header_size;
        st.parser.header_limit(static_cast<std::uint32_t>(limit < max_u32 ? limit : max_u32));
        st.parser.skip(true);
    }

    template<class Self>
    void operator()(Self& self, boost::system::error_code ec = {}, std::size_t = 0)
    {
        state& st = *st_;
        BOOST_ASIO_CORO_REENTER(coro_)
        {
            BOOST_ASIO_CORO_YIELD beast_net::async_write(*st.stream, beast_net::buffer(st.request.str()),
                                                         std::move(self));
            st_->request.wipe();
            if(ec)
                return fail(self, ec, step_failure("sending CONNECT to the proxy", ec, *st_->settings, st_->proxy));
            BOOST_ASIO_CORO_YIELD boost::beast::http::async_read(*st.stream, st.buffer, st.parser, std::move(self));
            if(ec)
                return fail(self, ec, read_error(ec));
            return check_answer(self);
        }
    }

private:
    template<class Self>
    void check_answer(Self& self)
    {
        state& st = *st_;
        unsigned const status = st.parser.get().result_int();
        std::string const proxy = host_port(st.proxy.host, st.proxy.port);
        std::string const origin = host_port(st.origin.host, st.origin.port);
        if(status < 200 || status > 299)
        {
            std::string msg = "the proxy " + proxy + " answered " + std::to_string(status) + " to CONNECT " + origin;
            if(status == 407)
                msg += ": proxy authentication required (no credentials, or refused)";
            else if(status == 401) // tinyproxy's answer to wrong credentials
                msg += ": proxy authentication refused";
            else
                msg += ": it refused or could not open the tunnel";
            error e(errc::proxy_error, std::move(msg));
            e.http_status = status;
            return fail(self, make_error_code(errc::proxy_error), std::move(e));
        }
        // The server speaks only after our TLS hello: anything more is the proxy's.
        if(st.buffer.size() != 0)
            return fail(self, make_error_code(errc::proxy_error),
                        error(errc::proxy_error, "the proxy " + proxy + " sent bytes after its answer to CONNECT"));
        self.complete(boost::system::error_code());
    }

    /// A failed read of the proxy's answer.
    error read_error(boost::system::error_code const& ec) const
    {
        namespace http = boost::beast::http;
        state const& st = *st_;
        if(ec == boost::beast::error::timeout || ec == beast_net::error::operation_aborted)
            return step_failure("waiting for the answer to CONNECT from the proxy", ec, *st.settings, st.proxy);
        if(ec == http::error::header_limit || ec == http::error::buffer_overflow)
            return error(errc::proxy_error, "the answer to CONNECT from the proxy " +
                                                host_port(st.proxy.host, st.proxy.port) + " is larger than " +
                                                std::to_string(st.settings->max_header_size) + " bytes");
        if(is_closed_error(ec) || ec == http::error::partial_message)
            return step_error(errc::connection_failed,
                              "the connection closed before an answer to CONNECT from the proxy", st.proxy.host,
                              st.proxy.port, ec);
        return step_error(errc::proxy_error, "not an HTTP answer to CONNECT from the proxy", st.proxy.host,
                          st.proxy.port, ec);
    }

    template<class Self>
    void fail(Self& self, boost::system::error_code ec, error e)
    {
        *st_->failure = std::move(e);
        self.complete(ec);
    }
};

/** Opens a tunnel to `origin` through `proxy` on `stream`, which is
    connected to the proxy; the stream's deadline bounds it.
    Completion signature: `void(boost::system::error_code)`; on an error,
    `failure` holds the error to report.
*/
template<class CompletionToken>
auto async_tunnel(boost::beast::tcp_stream& stream, proxy_route const& proxy, connection_key const& origin,
                  beast_settings const& settings, std::optional<error>& failure, CompletionToken&& token)
{
    return beast_net::async_compose<CompletionToken, void(boost::system::error_code)>(
        tunnel_op(stream, proxy, origin, settings, failure), token, stream);
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
