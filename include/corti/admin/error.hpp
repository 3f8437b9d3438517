// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_ERROR_HPP
#define CORTI_ADMIN_ERROR_HPP

/** @file
    Errors as values: the library's error codes, its error category, the
    `error` type every operation reports, and `result<T>`.

    No function of this library throws. `result<T>::value()` throws
    `corti::admin::system_error` when it holds an error and exceptions are
    enabled, exactly like Boost.System; with `-fno-exceptions` it calls the
    user's `boost::throw_exception`.
*/

#include <boost/assert/source_location.hpp>
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

namespace corti {
namespace admin {

/** The library's own error codes (category `corti.admin`).

    Grouped by where the failure happened. The numeric values are stable.
*/
enum class errc : int
{
    // --- Arguments: detected before anything is sent -----------------------
    /// A path or query argument is empty, `.`, `..`, too long, not valid
    /// UTF-8, contains a control character, or has the wrong format.
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

/** What a caller branches on: groups of error codes (category
    `corti.admin.condition`). Compare an error with one:
    `r.error() == condition::invalid_response`.

    - `invalid_argument`: `errc::invalid_argument`, `invalid_field`,
      `invalid_base_url`; nothing was sent, fix the input.
    - `transport`: `errc::timeout`, `truncated_response`, `connection_failed`,
      and every code of another category (a transport's own, such as Asio's
      `operation_aborted`); the request may or may not have taken effect.
    - `api_error`: `errc::api_error`, the server's 4xx or 5xx.
    - `invalid_response`: an answer the library does not accept:
      `redirect_not_followed`, `unexpected_status`, `bad_content_type`,
      `unexpected_body`, `invalid_response`, and the body's
      `malformed_json`, `duplicate_key`, `missing_field`, `unknown_field`,
      `wrong_type`, `invalid_value`.
    - `limits`: a bound of the library was reached: `body_too_large`,
      `too_deep`, `string_too_long`, `too_many_pages`, `out_of_memory`.
*/
enum class condition : int
{
    invalid_argument = 1,
    transport = 2,
    api_error = 3,
    invalid_response = 4,
    limits = 5,
};

namespace detail {

/// The condition an `errc` belongs to.
constexpr condition condition_of(errc e) noexcept
{
    switch(e)
    {
    case errc::invalid_argument:
    case errc::invalid_field:
    case errc::invalid_base_url: return condition::invalid_argument;
    case errc::timeout:
    case errc::truncated_response:
    case errc::connection_failed: return condition::transport;
    case errc::api_error: return condition::api_error;
    case errc::body_too_large:
    case errc::too_deep:
    case errc::string_too_long:
    case errc::too_many_pages:
    case errc::out_of_memory: return condition::limits;
    case errc::redirect_not_followed:
    case errc::unexpected_status:
    case errc::bad_content_type:
    case errc::unexpected_body:
    case errc::invalid_response:
    case errc::malformed_json:
    case errc::duplicate_key:
    case errc::missing_field:
    case errc::unknown_field:
    case errc::wrong_type:
    case errc::invalid_value: break;
    }
    return condition::invalid_response;
}

class condition_category final : public boost::system::error_category
{
public:
    constexpr condition_category() noexcept : boost::system::error_category(0xc0a7'1ad1'0000'0002ULL) {}

    char const* name() const noexcept override { return "corti.admin.condition"; }

    std::string message(int ev) const override { return message(ev, nullptr, 0); }

    char const* message(int ev, char*, std::size_t) const noexcept override
    {
        switch(static_cast<condition>(ev))
        {
        case condition::invalid_argument: return "invalid argument";
        case condition::transport: return "transport failure";
        case condition::api_error: return "API error";
        case condition::invalid_response: return "invalid response";
        case condition::limits: return "limit reached";
        }
        return "unknown corti.admin condition";
    }

    /// A code of the library's category belongs to one condition; a code of
    /// any other category (a transport's) is a transport failure.
    bool equivalent(boost::system::error_code const& code, int cond) const noexcept override
    {
        if(!code)
            return false;
        if(code.category() == admin_category_instance)
            return static_cast<int>(condition_of(static_cast<errc>(code.value()))) == cond;
        return cond == static_cast<int>(condition::transport);
    }
};

inline constexpr condition_category condition_category_instance{};

} // namespace detail

/// Returns the category of `condition` (name `corti.admin.condition`).
inline boost::system::error_category const& condition_category() noexcept
{
    return detail::condition_category_instance;
}

/// Makes an `error_condition` of `condition`; found by ADL.
inline boost::system::error_condition make_error_condition(condition c) noexcept
{
    return {static_cast<int>(c), condition_category()};
}
} // namespace admin
} // namespace corti

template<>
struct boost::system::is_error_code_enum<corti::admin::errc> : std::true_type
{
};

template<>
struct boost::system::is_error_condition_enum<corti::admin::condition> : std::true_type
{
};

namespace corti {
namespace admin {

/** What went wrong, as a value.

    Every operation of the library that can fail returns `result<T>`, whose
    error is this type. Compare it with an `errc` (`e == errc::api_error`),
    with a `condition` (`e == condition::invalid_response`), or its `code`
    with a transport's own codes.

    The library's explanation (`message`) and the server's own text
    (`server_message()`) are kept apart: only the second comes from the wire.

    No member ever holds a password or a token: the client scrubs the secrets
    it sent from the server's message before returning.
*/
struct error
{
    /// The reason. `corti.admin` category for the library's own errors;
    /// a transport may return its own codes.
    boost::system::error_code code;

    /// The HTTP status when a response was received, else 0.
    unsigned http_status = 0;

    /// The library's (or the transport's) explanation. May be empty; never
    /// text from the server's body (see `server_message()`).
    std::string message;

    /// For validation failures: the JSON Pointer of the offending response
    /// field (`/createdAt`), of the request field (`/password`), or the name
    /// of the argument (`customerId`). Empty otherwise.
    std::string field;

    /// The server's request id (`x-request-id` and similar headers), if any.
    std::string request_id;

    error() = default;

    /// Makes an error with a code and optional detail.
    error(boost::system::error_code c, std::string msg = {}, std::string fld = {})
        : code(c), message(std::move(msg)), field(std::move(fld))
    {
    }

    /// Makes an error from one of the library's codes.
    error(errc c, std::string msg = {}, std::string fld = {})
        : error(make_error_code(c), std::move(msg), std::move(fld))
    {
    }

    /** Returns the server's own words: for `api_error`, the message found
        in its body or a bounded excerpt of the body (at most 512 bytes,
        control characters replaced, secrets the client sent scrubbed).
        Empty for every other error.
    */
    std::string const& server_message() const noexcept { return server_message_; }

    /// Sets the server's words (`parse_api_error` does; so may a transport).
    void set_server_message(std::string text) { server_message_ = std::move(text); }

    /// Gives access to the server's words to scrub a secret from them.
    std::string& server_message_buffer() noexcept { return server_message_; }

    /** Returns a one-line description, e.g.
        `corti.admin: missing required field at /email`
        `corti.admin: API error (HTTP 409): email already exists [request-id abc]`.
    */
    std::string to_string() const
    {
        std::string s;
        s.reserve(80 + message.size() + server_message_.size() + field.size() + request_id.size());
        s += code.category().name();
        s += ": ";
        s += code.message();
        if(http_status != 0)
        {
            s += " (HTTP ";
            s += std::to_string(http_status);
            s += ')';
        }
        if(!field.empty())
        {
            s += field.front() == '/' ? " at " : " in ";
            s += field;
        }
        if(!message.empty())
        {
            s += ": ";
            s += message;
        }
        if(!server_message_.empty())
        {
            s += message.empty() ? ": " : "; the server said: ";
            s += server_message_;
        }
        if(!request_id.empty())
        {
            s += " [request-id ";
            s += request_id;
            s += ']';
        }
        return s;
    }

    friend bool operator==(error const& e, errc c) noexcept { return e.code == c; }
    friend bool operator==(errc c, error const& e) noexcept { return e.code == c; }
    friend bool operator!=(error const& e, errc c) noexcept { return !(e == c); }
    friend bool operator!=(errc c, error const& e) noexcept { return !(e == c); }

    friend bool operator==(error const& e, condition c) noexcept { return e.code == c; }
    friend bool operator==(condition c, error const& e) noexcept { return e.code == c; }
    friend bool operator!=(error const& e, condition c) noexcept { return !(e == c); }
    friend bool operator!=(condition c, error const& e) noexcept { return !(e == c); }

    friend std::ostream& operator<<(std::ostream& os, error const& e) { return os << e.to_string(); }

private:
    std::string server_message_;
};

/** Thrown by `result<T>::value()` on an error when exceptions are enabled.

    `what()` is `error::to_string()`; `get()` returns the whole error.
*/
class system_error : public boost::system::system_error
{
    error e_;

public:
    explicit system_error(error e) : boost::system::system_error(e.code, e.to_string()), e_(std::move(e)) {}

    /// The error that was thrown.
    error const& get() const noexcept { return e_; }
};

/// Called by `result<T>::value()` through ADL; throws `system_error`.
BOOST_NORETURN inline void throw_exception_from_error(error const& e, boost::source_location const& loc)
{
    boost::throw_exception(system_error(e), loc);
}

/// The return type of every fallible operation.
template<class T>
using result = boost::system::result<T, error>;

} // namespace admin
} // namespace corti

#endif
