// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_DETAIL_REQUEST_HPP
#define CORTI_ADMIN_BEAST_DETAIL_REQUEST_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: the request's wire form. A request is
    checked and serialized as HTTP/1.1 once, before anything is sent, into a
    buffer that is wiped when done with.
*/

#include <corti/admin/beast/detail/connection.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

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
    p.key = connection_key{r.host, r.port, r.tls, {}};
    p.method = r.method;
    p.wire = wiped_string(std::move(s));
    return p;
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
