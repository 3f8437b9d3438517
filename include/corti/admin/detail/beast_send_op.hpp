// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_BEAST_SEND_OP_HPP
#define CORTI_ADMIN_DETAIL_BEAST_SEND_OP_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the request's wire form, the state a
    transport shares with its operations, and the composed operation that
    performs one exchange (reuse or connect, handshake, write, read).
*/

#include <corti/admin/detail/beast_connection.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/coroutine.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/optional/optional.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corti {
namespace admin {
namespace detail {

/// A string whose whole buffer is wiped when it is destroyed or moved from:
/// the serialized request holds the bearer token and maybe a password.
class wiped_string
{
    std::string s_;

public:
    wiped_string() = default;
    explicit wiped_string(std::string&& s) noexcept : s_(std::move(s)) {}
    wiped_string(wiped_string&& other) noexcept : s_(std::move(other.s_)) { secure_wipe(other.s_); }
    wiped_string& operator=(wiped_string&& other) noexcept
    {
        if(this != &other)
        {
            secure_wipe(s_);
            s_ = std::move(other.s_);
            secure_wipe(other.s_);
        }
        return *this;
    }
    wiped_string(wiped_string const&) = delete;
    wiped_string& operator=(wiped_string const&) = delete;
    ~wiped_string() { secure_wipe(s_); }

    std::string const& str() const noexcept { return s_; }
    void wipe() noexcept { secure_wipe(s_); }
};

/// A request in the form the operation needs: where it goes, whether it may
/// be resent, and its HTTP/1.1 bytes.
struct prepared_request
{
    connection_key key;
    http_method method = http_method::get;
    wiped_string wire;
};

/// RFC 9110 `tchar`: the characters of a header field name.
constexpr bool is_tchar(char c) noexcept
{
    if((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    for(char t : std::string_view("!#$%&'*+-.^_`|~"))
        if(c == t)
            return true;
    return false;
}

/// A field value must not be able to end the header line or the header.
constexpr bool is_safe_field_value(std::string_view v) noexcept
{
    for(char c : v)
        if(c == '\r' || c == '\n' || c == '\0')
            return false;
    return true;
}

/** Checks a request and serializes it as HTTP/1.1.

    Writes the request line, the request's headers in order (a `Host` from
    `host`/`port` when the request has none; any `Content-Length` of its own
    is replaced by the right one), `Content-Length` when there is a body or
    the method is POST/PATCH, and the body. The buffer is sized up front so
    that no reallocation leaves a copy of a secret in freed memory.

    @return the prepared request, or `errc::invalid_argument` (`field`:
    `host`, `port`, `target` or the header's name) for a request that could
    not be sent safely: an empty or malformed host, port 0, a target that
    is not origin-form, a header name that is not a token, a value with CR,
    LF or NUL, or a `Transfer-Encoding` (request bodies are never chunked).
    No message contains a header value or the body.
*/
inline result<prepared_request> prepare_request(http_request const& r)
{
    auto const bad = [](std::string what, std::string field) -> result<prepared_request> {
        return error(errc::invalid_argument, std::move(what), std::move(field));
    };
    if(r.host.empty())
        return bad("the request has no host", "host");
    for(char c : r.host)
        if(static_cast<unsigned char>(c) <= ' ' || c == '/' || c == '[' || c == ']' || c == '\x7f')
            return bad("the host has a character that is not allowed", "host");
    if(r.host.find(':') != std::string::npos && !is_ip_literal(r.host))
        return bad("the host has a ':' but is not an IPv6 address", "host");
    if(r.port == 0)
        return bad("port 0", "port");
    if(r.target.empty() || r.target.front() != '/')
        return bad("the target must start with '/'", "target");
    for(char c : r.target)
        if(static_cast<unsigned char>(c) <= ' ' || c == '\x7f')
            return bad("the target has a space or a control character", "target");

    bool has_host = false;
    std::size_t size = 32 + r.target.size() + r.body.size();
    for(auto const& f : r.headers)
    {
        if(f.name.empty())
            return bad("a header has an empty name", "headers");
        for(char c : f.name)
            if(!is_tchar(c))
                return bad("a header name is not an HTTP token", "headers");
        if(!is_safe_field_value(f.value))
            return bad("the value of this header has CR, LF or NUL", f.name);
        if(iequals(f.name, "Transfer-Encoding"))
            return bad("request bodies are sent with Content-Length, never chunked", f.name);
        has_host = has_host || iequals(f.name, "Host");
        size += f.name.size() + f.value.size() + 4;
    }

    std::string host_value;
    if(!has_host)
    {
        bool const v6 = r.host.find(':') != std::string::npos;
        host_value = v6 ? "[" + r.host + "]" : r.host;
        if(r.port != (r.tls ? 443 : 80))
            host_value += ":" + std::to_string(r.port);
        size += host_value.size() + 8;
    }
    bool const with_length = !r.body.empty() || r.method == http_method::post || r.method == http_method::patch;
    std::string const length = with_length ? std::to_string(r.body.size()) : std::string();
    size += length.size() + 20;

    std::string s;
    s.reserve(size);
    s += to_string(r.method);
    s += ' ';
    s += r.target;
    s += " HTTP/1.1\r\n";
    if(!has_host)
    {
        s += "Host: ";
        s += host_value;
        s += "\r\n";
    }
    for(auto const& f : r.headers)
    {
        if(iequals(f.name, "Content-Length"))
            continue;
        s += f.name;
        s += ": ";
        s += f.value;
        s += "\r\n";
    }
    if(with_length)
    {
        s += "Content-Length: ";
        s += length;
        s += "\r\n";
    }
    s += "\r\n";
    s += r.body;

    prepared_request p;
    p.key = connection_key{r.host, r.port, r.tls};
    p.method = r.method;
    p.wire = wiped_string(std::move(s));
    return p;
}

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

/// What a transport's options mean to an operation.
struct beast_settings
{
    beast_clock::duration timeout = std::chrono::seconds(30);
    std::size_t max_header_size = 16 * 1024;
    std::size_t max_body_size = 1024 * 1024;
    beast_clock::duration max_idle = std::chrono::seconds(4);
    /// Test hook: each name lookup starts this much later, as with a slow
    /// DNS server. Not an option: set through `beast_transport_access`.
    beast_clock::duration resolve_delay{};
};

/** What a transport shares with its operations. Held by `shared_ptr` so
    that an operation still running when its transport is moved or
    destroyed stays valid (it then simply does not park its connection
    anywhere useful).
*/
struct beast_shared
{
    // First member, destroyed last: connections bound to it go before it.
    std::unique_ptr<beast_net::io_context> sync_context;
    beast_settings settings;
    std::optional<beast_net::ssl::context> tls;
    /// A trust anchor that failed to load: every call reports it.
    std::optional<error> setup_error;
    /// The kept-alive connection, if any.
    std::unique_ptr<beast_connection> idle;
};

/// `now + d`, saturating at "never" instead of overflowing.
inline beast_clock::time_point deadline_after(beast_clock::duration d) noexcept
{
    auto const now = beast_clock::now();
    if(d >= beast_clock::time_point::max() - now)
        return beast_clock::time_point::max();
    return now + d;
}

/// The error for a deadline that passed while doing `what`.
inline error timeout_error(char const* what, beast_settings const& s, connection_key const& k)
{
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(s.timeout).count();
    return error(errc::timeout, "deadline of " + std::to_string(ms) + " ms exceeded while " + what + " " +
                                    host_port(k.host, k.port));
}

/** Performs one exchange: takes the idle connection when it is still good
    for the request's host:port:tls, or resolves, connects and (TLS)
    handshakes; writes the request; reads the response (skipping interim
    1xx); parks the connection for reuse when the response allows it.

    Resend rule: a GET or DELETE that fails on a reused connection while
    writing, or while reading before the first response byte, is resent
    once on a new connection. A POST or PATCH is written at most once.

    Completion signature: `void(result<http_response>)`.
*/
class beast_send_op
{
    using tcp = beast_net::ip::tcp;
    // Body and fields wiped before they are freed (see wiped_string_body).
    using parser_type = boost::beast::http::response_parser<wiped_string_body, wiping_allocator<char>>;

    struct state
    {
        state() = default;
        state(state const&) = delete;
        state& operator=(state const&) = delete;
        // A call that ends early (an error, a deadline, a destroyed
        // io_context) leaves a partial body in the parser.
        ~state()
        {
            if(parser)
                secure_wipe(parser->get().body());
        }

        std::shared_ptr<beast_shared> shared;
        beast_net::any_io_executor ex;
        std::optional<error> early;
        prepared_request req;
        beast_clock::time_point deadline{};
        std::unique_ptr<beast_connection> conn;
        bool reused = false;
        bool resent = false;
        unsigned interim = 0;
        std::vector<tcp::endpoint> endpoints;
        std::optional<parser_type> parser;
    };

    std::unique_ptr<state> st_;
    beast_net::coroutine coro_;

public:
    beast_send_op(std::shared_ptr<beast_shared> shared, beast_net::any_io_executor ex, result<prepared_request> req,
                  std::optional<error> early = std::nullopt)
        : st_(std::make_unique<state>())
    {
        st_->shared = std::move(shared);
        st_->ex = std::move(ex);
        st_->early = std::move(early);
        if(!st_->early && st_->shared && st_->shared->setup_error)
            st_->early = *st_->shared->setup_error;
        if(!st_->early && !req)
            st_->early = req.error();
        if(req)
            st_->req = std::move(*req);
    }

    template<class Self>
    void operator()(Self& self, boost::system::error_code const& ec, tcp::endpoint const&)
    {
        (*this)(self, ec, std::size_t(0));
    }

    template<class Self>
    void operator()(Self& self, boost::system::error_code ec = {}, std::size_t = 0)
    {
        namespace http = boost::beast::http;
        state& st = *st_;
        BOOST_ASIO_CORO_REENTER(coro_)
        {
            if(st.early)
            {
                // Never complete inside the initiating function.
                BOOST_ASIO_CORO_YIELD beast_net::post(std::move(self));
                return finish(self, *st_->early);
            }
            st.deadline = deadline_after(st.shared->settings.timeout);
            take_idle_connection();

            for(;;)
            {
                if(!st.conn)
                {
                    st.conn = std::make_unique<beast_connection>(st.ex, &*st.shared->tls, st.req.key);
                    if(is_ip_literal(st.req.key.host))
                        st.endpoints.assign(
                            1, tcp::endpoint(beast_net::ip::make_address(st.req.key.host), st.req.key.port));
                    else
                    {
                        st.endpoints.clear();
                        BOOST_ASIO_CORO_YIELD start_resolve(self);
                        // Nothing listens to the cancellation slot during the race.
                        if(!ec && self.cancelled() != beast_net::cancellation_type::none)
                            ec = beast_net::error::operation_aborted;
                        if(ec)
                            return fail(self, step_failed("resolving", ec));
                    }
                    st.conn->tcp().expires_at(st.deadline);
                    BOOST_ASIO_CORO_YIELD st.conn->tcp().async_connect(st.endpoints, std::move(self));
                    if(ec)
                        return fail(self, step_failed("connecting to", ec));
                    if(st.req.key.tls)
                    {
                        if(auto e = prepare_handshake())
                            return fail(self, std::move(*e));
                        st.conn->tcp().expires_at(st.deadline);
                        BOOST_ASIO_CORO_YIELD st.conn->tls().async_handshake(beast_net::ssl::stream_base::client,
                                                                             std::move(self));
                        if(ec)
                            return fail(self, handshake_error(ec));
                    }
                }

                st.conn->tcp().expires_at(st.deadline);
                BOOST_ASIO_CORO_YIELD st.conn->visit([&](auto& stream) {
                    beast_net::async_write(stream, beast_net::buffer(st.req.wire.str()), std::move(self));
                });
                if(ec)
                {
                    if(ec != boost::beast::error::timeout && ec != beast_net::error::operation_aborted &&
                       may_resend())
                    {
                        drop_connection();
                        continue;
                    }
                    return fail(self, step_failed("sending the request to", ec));
                }

                for(;;)
                {
                    new_parser();
                    BOOST_ASIO_CORO_YIELD st.conn->visit([&](auto& stream) {
                        http::async_read(stream, st.conn->buffer(), *st.parser, std::move(self));
                    });
                    if(ec || !is_interim(st.parser->get().result_int()))
                        break;
                    // A 1xx is never the answer: a server that only sends
                    // those must not be taken as having answered.
                    if(++st.interim > max_interim)
                        return fail(self, too_many_interim());
                }
                if(ec)
                {
                    if(!st.parser->got_some() && st.interim == 0 && is_closed_error(ec) && may_resend())
                    {
                        drop_connection();
                        continue;
                    }
                    return fail(self, read_error(ec));
                }
                break;
            }
            return finish(self, take_response());
        }
    }

private:
    /// Reuses the idle connection when it fits this request and is alive;
    /// closes it otherwise (it would only go staler).
    void take_idle_connection()
    {
        state& st = *st_;
        auto& idle = st.shared->idle;
        if(!idle)
            return;
        std::unique_ptr<beast_connection> c = std::move(idle);
        if(c->key() == st.req.key && c->executor() == st.ex && c->usable_after_idle(st.shared->settings.max_idle))
        {
            st.conn = std::move(c);
            st.reused = true;
        }
        else
            c->close();
    }

    /** Resolves with the deadline. The resolver cannot interrupt a running
        getaddrinfo, so a timer races it and whichever finishes first takes
        the operation out of the race and continues it.

        The loser's handler may run much later (a slow DNS server), or never
        before the io_context is destroyed. It must then hold nothing of the
        operation: the operation holds the transport's shared state, which
        owns the private io_context of `send`, which owns that handler; a
        cycle nothing would ever break. So the race holds the operation, and
        the handlers hold only the race.
    */
    template<class Self>
    void start_resolve(Self& self)
    {
        struct race
        {
            tcp::resolver resolver;
            beast_net::steady_timer timer;
            beast_net::steady_timer hold; // the test hook's slow lookup
            std::optional<Self> op;
            race(beast_net::any_io_executor const& ex, Self&& s)
                : resolver(ex), timer(ex), hold(ex), op(std::move(s))
            {
            }
        };
        state* st = st_.get(); // `this` is moved-from once `self` is
        auto r = std::make_shared<race>(st->ex, std::move(self));
        r->timer.expires_at(st->deadline);
        r->timer.async_wait([r](boost::system::error_code) {
            if(!r->op)
                return;
            Self op = std::move(*r->op);
            r->op.reset();
            r->resolver.cancel();
            op(boost::system::error_code(boost::beast::error::timeout));
        });
        auto lookup = [r, st] {
            r->resolver.async_resolve(st->req.key.host, std::to_string(st->req.key.port),
                                      [r, st](boost::system::error_code ec, tcp::resolver::results_type res) {
                                          if(!r->op)
                                              return; // `st` may be gone
                                          Self op = std::move(*r->op);
                                          r->op.reset();
                                          r->timer.cancel();
                                          if(!ec)
                                              for(auto const& entry : res)
                                                  st->endpoints.push_back(entry.endpoint());
                                          op(ec);
                                      });
        };
        auto const delay = st->shared->settings.resolve_delay;
        if(delay <= beast_clock::duration::zero())
            return lookup();
        // Like getaddrinfo, this wait is not cut short by the deadline.
        r->hold.expires_after(delay);
        r->hold.async_wait([r, lookup](boost::system::error_code) {
            if(r->op)
                lookup();
        });
    }

    /// SNI (for names, not IP literals) and host name verification.
    std::optional<error> prepare_handshake()
    {
        state& st = *st_;
        auto& stream = st.conn->tls();
        if(!is_ip_literal(st.req.key.host) && SSL_set_tlsext_host_name(stream.native_handle(), st.req.key.host.c_str()) != 1)
            return error(errc::connection_failed, "cannot set the TLS server name (SNI) for " + st.req.key.host);
        boost::system::error_code ec;
        stream.set_verify_callback(verify_host(st.req.key.host), ec);
        if(ec)
            return step_error(errc::connection_failed, "setting up TLS for", st.req.key.host, st.req.key.port, ec);
        return std::nullopt;
    }

    /** Maps the failure of a step: the deadline (`errc::timeout`), a
        cancellation through the handler's slot (`operation_aborted`, kept
        as is), anything else `errc::connection_failed`.
    */
    error step_failed(char const* what, boost::system::error_code const& ec) const
    {
        state const& st = *st_;
        if(ec == boost::beast::error::timeout)
            return timeout_error(what, st.shared->settings, st.req.key);
        if(ec == beast_net::error::operation_aborted)
            return error(ec, std::string("cancelled while ") + what + " " + host_port(st.req.key.host, st.req.key.port));
        return step_error(errc::connection_failed, what, st.req.key.host, st.req.key.port, ec);
    }

    /// A failed handshake, with OpenSSL's certificate verdict when there is one.
    error handshake_error(boost::system::error_code const& ec)
    {
        state& st = *st_;
        error e = step_failed("in the TLS handshake with", ec);
        if(e != errc::connection_failed)
            return e;
        long const verdict = SSL_get_verify_result(st.conn->tls().native_handle());
        if(verdict != X509_V_OK)
        {
            e.message += " (";
            e.message += X509_verify_cert_error_string(verdict);
            e.message += ')';
        }
        return e;
    }

    void new_parser()
    {
        state& st = *st_;
        auto const& s = st.shared->settings;
        if(st.parser)
            secure_wipe(st.parser->get().body());
        st.parser.emplace();
        constexpr std::size_t max_u32 = std::numeric_limits<std::uint32_t>::max();
        st.parser->header_limit(static_cast<std::uint32_t>(s.max_header_size < max_u32 ? s.max_header_size : max_u32));
        st.parser->body_limit(static_cast<std::uint64_t>(s.max_body_size));
    }

    static bool is_interim(unsigned status) noexcept { return status >= 100 && status < 200 && status != 101; }

    /// Interim responses skipped before the answer; one more is an error.
    static constexpr unsigned max_interim = 8;

    error too_many_interim() const
    {
        state const& st = *st_;
        error e(errc::unexpected_status, "more than " + std::to_string(max_interim) +
                                             " interim (1xx) responses from " +
                                             host_port(st.req.key.host, st.req.key.port));
        e.http_status = st.parser->get().result_int();
        return e;
    }

    /// The errors of a connection the server had already closed.
    static bool is_closed_error(boost::system::error_code const& ec) noexcept
    {
        return ec == boost::beast::http::error::end_of_stream || ec == beast_net::error::eof ||
               ec == beast_net::ssl::error::stream_truncated || ec == beast_net::error::connection_reset ||
               ec == beast_net::error::broken_pipe || ec == beast_net::error::connection_aborted;
    }

    /// The resend rule (see the class comment).
    bool may_resend() const noexcept
    {
        state const& st = *st_;
        return st.reused && !st.resent && is_idempotent(st.req.method) && beast_clock::now() < st.deadline;
    }

    void drop_connection()
    {
        state& st = *st_;
        st.conn->close();
        st.conn.reset();
        st.reused = false;
        st.resent = true;
    }

    error read_error(boost::system::error_code const& ec)
    {
        namespace http = boost::beast::http;
        state& st = *st_;
        auto const& s = st.shared->settings;
        auto const& k = st.req.key;
        if(ec == boost::beast::error::timeout || ec == beast_net::error::operation_aborted)
            return step_failed("waiting for the response from", ec);
        if(ec == http::error::body_limit)
            return error(errc::body_too_large,
                         "response body larger than " + std::to_string(s.max_body_size) + " bytes from " +
                             host_port(k.host, k.port));
        if(ec == http::error::header_limit || ec == http::error::buffer_overflow)
            return error(errc::body_too_large,
                         "response header section larger than " + std::to_string(s.max_header_size) +
                             " bytes from " + host_port(k.host, k.port));
        // Over TLS a close without close_notify is `stream_truncated`, not
        // `end_of_stream`: what tells the cases apart is whether a byte came.
        if(ec == http::error::end_of_stream ||
           (is_closed_error(ec) && !st.parser->got_some() && st.interim == 0))
            return step_error(errc::truncated_response, "connection closed before any response byte from", k.host,
                              k.port, ec);
        if(is_closed_error(ec) || ec == http::error::partial_message)
            return step_error(errc::truncated_response, "response cut short by", k.host, k.port, ec);
        return step_error(errc::truncated_response, "invalid HTTP response from", k.host, k.port, ec);
    }

    /// Moves the parsed response out and parks or closes the connection.
    http_response take_response()
    {
        state& st = *st_;
        st.req.wire.wipe(); // done with the secrets
        auto& msg = st.parser->get();
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

        bool const reusable = msg.keep_alive() && !st.parser->need_eof() && out.status != 101 &&
                              st.conn->buffer().size() == 0;
        if(reusable)
        {
            st.conn->park();
            if(st.shared->idle)
                st.shared->idle->close();
            st.shared->idle = std::move(st.conn);
        }
        else
            drop_connection();
        return out;
    }

    template<class Self>
    void fail(Self& self, error e)
    {
        state& st = *st_;
        if(st.conn)
        {
            st.conn->close();
            st.conn.reset();
        }
        finish(self, std::move(e));
    }

    template<class Self>
    void finish(Self& self, result<http_response> r)
    {
        st_->req.wire.wipe();
        self.complete(std::move(r));
    }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
