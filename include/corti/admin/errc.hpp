// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_ERRC_HPP
#define CORTI_ADMIN_ERRC_HPP

/** @file
    The library's error codes (`errc`) and their category, `corti.admin`.
*/

#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <string>
#include <type_traits>

namespace corti {
namespace admin {

/** The library's own error codes (category `corti.admin`).

    Grouped by where the failure happened. The numeric values are stable.
*/
enum class errc : int
{
    // --- Arguments: detected before anything is sent -----------------------
    /// A path or query argument is empty, a single or a double dot, too long,
    /// not valid UTF-8, contains a control character, or has the wrong format.
    /// `error::field` names the argument (e.g. `customerId`).
    invalid_argument = 1,
    /// A request body field is invalid (bad email, password length, invalid
    /// UTF-8, a name with control characters). `error::field` is its JSON
    /// Pointer (e.g. `/password`).
    invalid_field = 2,
    /// The base URL cannot be used: not an absolute `https` URL (or `http` on
    /// a loopback host when allowed), has user info, a query or a fragment.
    invalid_base_url = 3,

    // --- HTTP exchange -----------------------------------------------------
    /// The server answered with a redirect (3xx). Redirects are never followed.
    redirect_not_followed = 10,
    /// A status the operation does not document (1xx, or a 2xx other than
    /// the operation's success status).
    unexpected_status = 11,
    /// A body that must be parsed does not have `Content-Type: application/json`.
    bad_content_type = 12,
    /// The response body (or header section) is larger than `limits`.
    body_too_large = 13,
    /// A response that must have no body (204) has one.
    unexpected_body = 14,
    /// The server answered with a 4xx or 5xx status. `error::http_status`
    /// holds it and `error::server_message()` the server's words.
    api_error = 15,
    /// The transport's deadline passed before the exchange completed.
    timeout = 16,
    /// The connection closed, or the response ended, before a complete
    /// response was received (`error::message` says which: "cut short" or
    /// "closed before any response byte").
    truncated_response = 17,
    /// The transport failed to connect, resolve, or complete TLS; the
    /// transport's own error is kept in `error::message`.
    connection_failed = 18,
    /// A paged listing still had more pages after `paging_options::max_pages`
    /// (a server that never says "last page" cannot loop the client forever).
    too_many_pages = 19,

    // --- Response body -----------------------------------------------------
    /// The body is not well-formed JSON (RFC 8259), or is empty.
    malformed_json = 20,
    /// Objects and arrays nest deeper than `limits::max_depth`.
    too_deep = 21,
    /// A string or key is longer than `limits::max_string_length` bytes.
    string_too_long = 22,
    /// The same key appears twice in one object (a repeated key the schema
    /// does not know is found when its object closes).
    duplicate_key = 23,
    /// A required field is absent.
    missing_field = 24,
    /// A field the schema does not know, in `strictness::strict` mode.
    unknown_field = 25,
    /// A field has the wrong JSON type (including an undocumented `null`).
    wrong_type = 26,
    /// A field has the right type but an invalid value: a bad UUID, date-time,
    /// email or enum value, an integer out of range or with a fraction; or a
    /// number whose exponent is beyond 2^31, which Boost.JSON does not read.
    invalid_value = 27,
    /// The bytes the transport received are not an HTTP/1.1 response (a
    /// status line or header section it cannot read); `error::message` says
    /// what was wrong.
    invalid_response = 28,

    // --- Resources ---------------------------------------------------------
    /// The `parse_arena` given to a parser ran out (never an `abort()`).
    out_of_memory = 30,

    // --- Proxy -------------------------------------------------------------
    /// The HTTP proxy refused the tunnel (`CONNECT`) to the server: it
    /// answered with a status other than 2xx, e.g. 407 when it wants other
    /// credentials, or 5xx when it could not reach the server
    /// (`error::http_status` holds it), or with bytes that are not an
    /// answer. The message names the proxy and the server, never the
    /// credentials.
    proxy_error = 40,
};

namespace detail {

class admin_category final : public boost::system::error_category
{
public:
    // A fixed id keeps equality working across shared-library boundaries.
    constexpr admin_category() noexcept : boost::system::error_category(0xc0a7'1ad1'0000'0001ULL) {}

    char const* name() const noexcept override { return "corti.admin"; }

    std::string message(int ev) const override { return message(ev, nullptr, 0); }

    char const* message(int ev, char*, std::size_t) const noexcept override
    {
        switch(static_cast<errc>(ev))
        {
        case errc::invalid_argument: return "invalid argument";
        case errc::invalid_field: return "invalid request field";
        case errc::invalid_base_url: return "invalid base URL";
        case errc::redirect_not_followed: return "redirect not followed";
        case errc::unexpected_status: return "unexpected HTTP status";
        case errc::bad_content_type: return "response is not application/json";
        case errc::body_too_large: return "response too large";
        case errc::unexpected_body: return "unexpected response body";
        case errc::api_error: return "API error";
        case errc::timeout: return "deadline exceeded";
        case errc::truncated_response: return "truncated response";
        case errc::connection_failed: return "connection failed";
        case errc::too_many_pages: return "too many pages";
        case errc::malformed_json: return "malformed JSON";
        case errc::too_deep: return "JSON nested too deeply";
        case errc::string_too_long: return "JSON string too long";
        case errc::duplicate_key: return "duplicate JSON key";
        case errc::missing_field: return "missing required field";
        case errc::unknown_field: return "unknown field";
        case errc::wrong_type: return "field has the wrong type";
        case errc::invalid_value: return "field has an invalid value";
        case errc::invalid_response: return "invalid HTTP response";
        case errc::out_of_memory: return "out of memory";
        case errc::proxy_error: return "proxy refused the tunnel";
        }
        return "unknown corti.admin error";
    }
};

// C++17 inline variable: one category object per program, no static init order issue.
inline constexpr admin_category admin_category_instance{};

} // namespace detail

/// Returns the library's error category (name `corti.admin`).
inline boost::system::error_category const& admin_category() noexcept { return detail::admin_category_instance; }

/// Makes an `error_code` of the library's category; found by ADL.
inline boost::system::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), admin_category()}; }

} // namespace admin
} // namespace corti

// Lets an `errc` convert to `boost::system::error_code` and compare with one.
// Hidden from Doxygen, which cannot place a specialisation in a namespace it has not read.
/// @cond
template<>
struct boost::system::is_error_code_enum<corti::admin::errc> : std::true_type
{
};
/// @endcond

#endif
