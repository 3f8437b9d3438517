// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_HTTP_HPP
#define CORTI_ADMIN_HTTP_HPP

/** @file
    The library's own small HTTP value types, independent of any HTTP stack:
    what a builder produces (`http_request`) and what a transport returns
    (`http_response`).
*/

#include <corti/admin/secret.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace corti {
namespace admin {

/// The methods the Admin API uses.
enum class http_method
{
    get,
    post,
    patch,
    delete_
};

/// Returns the method's token, e.g. `"POST"`.
constexpr std::string_view to_string(http_method m) noexcept
{
    switch(m)
    {
    case http_method::get: return "GET";
    case http_method::post: return "POST";
    case http_method::patch: return "PATCH";
    case http_method::delete_: return "DELETE";
    }
    return "GET";
}

/// True for the methods a client may resend without changing the outcome.
constexpr bool is_idempotent(http_method m) noexcept { return m == http_method::get || m == http_method::delete_; }

namespace detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool iequals(std::string_view a, std::string_view b) noexcept
{
    if(a.size() != b.size())
        return false;
    for(std::size_t i = 0; i < a.size(); ++i)
        if(a[i] != b[i] && ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    return true;
}

constexpr std::string_view trim_ows(std::string_view s) noexcept
{
    while(!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while(!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace detail

/// One header field. Names compare case-insensitively.
struct http_field
{
    /// The field name, e.g. `Content-Type`.
    std::string name;
    /// The field value, without surrounding whitespace.
    std::string value;
};

/** An ordered list of header fields, with case-insensitive look-up. */
class http_headers
{
    std::vector<http_field> fields_;

public:
    /// Iterates the fields in order.
    using const_iterator = std::vector<http_field>::const_iterator;

    /// Constructs an empty list.
    http_headers() = default;
    /// Constructs a list holding `init`, in order.
    http_headers(std::initializer_list<http_field> init) : fields_(init) {}

    /// Appends a field (duplicates allowed, as in HTTP) and returns it.
    http_field& add(std::string_view name, std::string_view value)
    {
        return fields_.emplace_back(http_field{std::string(name), std::string(value)});
    }

    /// Appends a field whose value (a `std::string` rvalue) is moved in.
    template<class S, std::enable_if_t<std::is_same_v<S, std::string>, int> = 0>
    http_field& add(std::string_view name, S&& value)
    {
        return fields_.emplace_back(http_field{std::string(name), std::move(value)});
    }

    /// Reserves room for `n` fields.
    void reserve(std::size_t n) { fields_.reserve(n); }

    /// Returns the value of the first field named `name`, or an empty view
    /// when there is none. Use `contains` to tell empty from absent.
    std::string_view find(std::string_view name) const noexcept
    {
        for(auto const& f : fields_)
            if(detail::iequals(f.name, name))
                return f.value;
        return {};
    }

    /// Returns the first field named `name`, or nullptr.
    http_field const* find_field(std::string_view name) const noexcept
    {
        for(auto const& f : fields_)
            if(detail::iequals(f.name, name))
                return &f;
        return nullptr;
    }

    /// Returns the first field named `name`, or nullptr.
    http_field* find_field(std::string_view name) noexcept
    {
        return const_cast<http_field*>(static_cast<http_headers const&>(*this).find_field(name));
    }

    /// Returns true when a field named `name` is present.
    bool contains(std::string_view name) const noexcept
    {
        for(auto const& f : fields_)
            if(detail::iequals(f.name, name))
                return true;
        return false;
    }

    /// Returns an iterator to the first field.
    const_iterator begin() const noexcept { return fields_.begin(); }
    /// Returns an iterator past the last field.
    const_iterator end() const noexcept { return fields_.end(); }
    /// Returns an iterator to the first field.
    std::vector<http_field>::iterator begin() noexcept { return fields_.begin(); }
    /// Returns an iterator past the last field.
    std::vector<http_field>::iterator end() noexcept { return fields_.end(); }
    /// Returns the number of fields.
    std::size_t size() const noexcept { return fields_.size(); }
    /// Returns true when there are no fields.
    bool empty() const noexcept { return fields_.empty(); }
    /// Removes all fields.
    void clear() noexcept { fields_.clear(); }

    /// Returns true when both lists hold the same fields in the same order
    /// (names compared case-insensitively, values exactly).
    friend bool operator==(http_headers const& a, http_headers const& b)
    {
        if(a.size() != b.size())
            return false;
        for(std::size_t i = 0; i < a.size(); ++i)
            if(!detail::iequals(a.fields_[i].name, b.fields_[i].name) || a.fields_[i].value != b.fields_[i].value)
                return false;
        return true;
    }
};

/** A request, ready for a transport.

    Holds where to send it (`tls`, `host`, `port`), the request line (`method`,
    `target` in origin-form), the header fields, and the body. The builder
    sets `Host`, `User-Agent`, `Accept`, `Authorization` when the operation
    needs it, and `Content-Type` when there is a body; a transport adds
    `Content-Length` (or use `serialize_http1`).

    The `Authorization` value and, for `sensitive_body`, the body hold secrets:
    `operator<<` redacts them, and the destructor and the assignments wipe
    them before their memory is released or reused.
*/
struct http_request
{
    /// The request method.
    http_method method = http_method::get;
    /// True to connect with TLS (HTTPS).
    bool tls = true;
    /// The host to connect to, without port.
    std::string host;
    /// The TCP port to connect to.
    std::uint16_t port = 443;
    /// The request target in origin-form (path and query).
    std::string target;
    /// The header fields, in order.
    http_headers headers;
    /// The body; empty when there is none.
    std::string body;
    /// True when the body contains a password (create/update user, `/auth/token`).
    bool sensitive_body = false;

    /// Constructs a GET request with no host, target, headers or body.
    http_request() = default;
    /// Copies a request, secrets included.
    http_request(http_request const&) = default;
    /// Takes a request's contents. The source keeps `sensitive_body`: its
    /// destructor wipes what a move leaves behind.
    http_request(http_request&&) = default;

    /// Copies `other`, wiping this request's secrets first.
    http_request& operator=(http_request const& other)
    {
        if(this != &other)
        {
            wipe_secrets(); // the old buffers may be freed or reused by the copy
            method = other.method;
            tls = other.tls;
            host = other.host;
            port = other.port;
            target = other.target;
            headers = other.headers;
            body = other.body;
            sensitive_body = other.sensitive_body;
        }
        return *this;
    }

    /// Takes `other`'s contents, wiping this request's secrets first.
    http_request& operator=(http_request&& other) noexcept
    {
        if(this != &other)
        {
            // A moved-to string may hand its old buffer to the source, or free it.
            wipe_secrets();
            method = other.method;
            tls = other.tls;
            host = std::move(other.host);
            port = other.port;
            target = std::move(other.target);
            headers = std::move(other.headers);
            body = std::move(other.body);
            sensitive_body = other.sensitive_body;
        }
        return *this;
    }

    /// Wipes the secrets, then releases the memory.
    ~http_request() { wipe_secrets(); }

    /// Prints the request line, the headers and the body, with the
    /// `Authorization` value and a sensitive body replaced by `[redacted]`.
    friend std::ostream& operator<<(std::ostream& os, http_request const& r)
    {
        os << to_string(r.method) << ' ' << r.target << " HTTP/1.1\r\n";
        for(auto const& f : r.headers)
            os << f.name << ": "
               << (detail::iequals(f.name, "Authorization") ? "[redacted]" : std::string_view(f.value)) << "\r\n";
        os << "\r\n";
        if(r.sensitive_body && !r.body.empty())
            os << "[redacted " << r.body.size() << " bytes]";
        else
            os << r.body;
        return os;
    }

private:
    /// Zeroes the `Authorization` values and, when sensitive, the body.
    void wipe_secrets() noexcept
    {
        if(sensitive_body)
            detail::secure_wipe(body);
        for(auto& f : headers)
            if(detail::iequals(f.name, "Authorization"))
                detail::secure_wipe(f.value);
    }
};

/** Returns the request as HTTP/1.1 bytes: request line, the request's
    headers in order, `Content-Length` when there is a body, a blank line,
    the body. For transports that write to a raw socket.

    The result contains the secrets of the request: wipe it when done
    (`secret` or `detail::secure_wipe`).
*/
inline std::string serialize_http1(http_request const& r)
{
    std::string s;
    s.reserve(64 + r.target.size() + r.body.size() + 32 * r.headers.size());
    s += to_string(r.method);
    s += ' ';
    s += r.target;
    s += " HTTP/1.1\r\n";
    for(auto const& f : r.headers)
    {
        s += f.name;
        s += ": ";
        s += f.value;
        s += "\r\n";
    }
    if(!r.body.empty() || r.method == http_method::post || r.method == http_method::patch)
    {
        s += "Content-Length: ";
        s += std::to_string(r.body.size());
        s += "\r\n";
    }
    s += "\r\n";
    s += r.body;
    return s;
}

/** A response, as a transport hands it to a parser. */
struct http_response
{
    /// The status code, e.g. 201.
    unsigned status = 0;
    /// The header fields, in order.
    http_headers headers;
    /// The body, de-chunked.
    std::string body;

    /** Overwrites the body and the header values with zeros, then empties
        them. For a response that carried a secret (the answer of
        `/auth/token`): the client does it to each one it reads.
    */
    void wipe() noexcept
    {
        detail::secure_wipe(body);
        for(auto& f : headers)
            detail::secure_wipe(f.value);
        headers.clear();
    }

    /// Prints the status, the headers and the body's size (not the body: a
    /// token response holds a secret).
    friend std::ostream& operator<<(std::ostream& os, http_response const& r)
    {
        os << "HTTP " << r.status << "\r\n";
        for(auto const& f : r.headers)
            os << f.name << ": " << f.value << "\r\n";
        return os << "\r\n[" << r.body.size() << " bytes]";
    }
};

/** Returns true when `content_type` is the media type `application/json`:
    type and subtype compared case-insensitively, surrounding whitespace and
    any parameters (`; charset=utf-8`) allowed. `application/jsonx`,
    `text/json` and `application/problem+json` are not.
*/
constexpr bool is_json_media_type(std::string_view content_type) noexcept
{
    auto const semi = content_type.find(';');
    auto const media = detail::trim_ows(content_type.substr(0, semi));
    return detail::iequals(media, "application/json");
}

} // namespace admin
} // namespace corti

#endif
