// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_ENCODE_HPP
#define CORTI_ADMIN_ENCODE_HPP

/** @file
    The arguments that go into a request line or header: path parameters
    (each one becomes exactly one path segment) and the bearer token.
*/

#include <corti/admin/detail/utf8.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/secret.hpp>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace corti {
namespace admin {

/// The longest `projectId` accepted, in code points (the API documents none).
inline constexpr std::size_t max_project_id_length = 256;
/// The longest `customerId`, in code points (documented: maxLength 64).
inline constexpr std::size_t max_customer_id_length = 64;

/** Appends `/` and `value` percent-encoded as one path segment to `target`.

    Every byte outside the RFC 3986 unreserved set (`A-Z a-z 0-9 - . _ ~`) is
    written as `%XX` with uppercase hex, so `/`, `?`, `#`, `%`, `;`, `+` and
    spaces can never change the route. Does not validate: see
    `check_path_parameter`.
*/
inline void append_path_segment(std::string& target, std::string_view value)
{
    namespace urls = boost::urls;
    std::size_t const n = urls::encoded_size(value, urls::unreserved_chars);
    if(n == value.size())
    {
        target += '/';
        target += value;
        return;
    }
    std::size_t const at = target.size() + 1;
    target.resize(at + n);
    target[at - 1] = '/';
    urls::encode(&target[at], n, value, urls::unreserved_chars);
}

namespace detail {

/// What makes `value` unfit for a path segment of at most `max_length` code
/// points, or nullptr: the rules of `check_path_parameter`, without allocating.
constexpr char const* path_parameter_problem(std::string_view value, std::size_t max_length) noexcept
{
    if(value.empty())
        return "must not be empty";
    if(value == "." || value == "..")
        return "must not be a dot segment";
    auto const n = utf8_count(value);
    if(n == invalid_utf8)
        return "must be valid UTF-8";
    if(has_ascii_control(value))
        return "must not contain control characters";
    if(n > max_length)
        return "too long";
    return nullptr;
}

} // namespace detail

/** Checks a path parameter before it is encoded.

    @param name the parameter's name, reported in `error::field` (e.g. `customerId`)
    @param value the parameter
    @param max_length the largest length allowed, in code points

    @return nothing on success, or `errc::invalid_argument` with `field = name`
    when `value` is empty, `.` or `..` (servers and proxies collapse those
    segments), not valid UTF-8, holds a control character (NUL included), or
    has more than `max_length` code points.
*/
inline result<void> check_path_parameter(std::string_view name, std::string_view value, std::size_t max_length)
{
    if(char const* why = detail::path_parameter_problem(value, max_length))
        return error(errc::invalid_argument, why, std::string(name));
    return {};
}

/** Checks a bearer token: non-empty visible ASCII (no spaces, no CR/LF, so
    it can never inject a header).

    @return nothing, or `errc::invalid_argument` with `field = "token"`.
    The message never contains the token.
*/
inline result<void> check_token(secret const& token)
{
    if(token.empty())
        return error(errc::invalid_argument, "the bearer token is empty", "token");
    for(char c : token.reveal())
        if(c <= ' ' || c > '~')
            return error(errc::invalid_argument, "the bearer token has a character that is not visible ASCII", "token");
    return {};
}

} // namespace admin
} // namespace corti

#endif
