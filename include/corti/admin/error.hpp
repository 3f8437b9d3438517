// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_ERROR_HPP
#define CORTI_ADMIN_ERROR_HPP

/** @file
    Errors as values: the `error` type every operation reports, and
    `result<T>`. The codes are in `errc.hpp`, their groups in `condition.hpp`.

    No function of this library throws. `result<T>::value()` throws
    `corti::admin::system_error` when it holds an error and exceptions are
    enabled, exactly like Boost.System; with `-fno-exceptions` it calls the
    user's `boost::throw_exception`.
*/

#include <corti/admin/condition.hpp>
#include <corti/admin/errc.hpp>

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

    /// Compares the code with one of the library's codes, e.g. `e == errc::missing_field`.
    ///@{
    friend bool operator==(error const& e, errc c) noexcept { return e.code == c; }
    friend bool operator==(errc c, error const& e) noexcept { return e.code == c; }
    friend bool operator!=(error const& e, errc c) noexcept { return !(e == c); }
    friend bool operator!=(errc c, error const& e) noexcept { return !(e == c); }
    ///@}

    /// Tests whether the code belongs to a condition, e.g. `e == condition::invalid_response`.
    ///@{
    friend bool operator==(error const& e, condition c) noexcept { return e.code == c; }
    friend bool operator==(condition c, error const& e) noexcept { return e.code == c; }
    friend bool operator!=(error const& e, condition c) noexcept { return !(e == c); }
    friend bool operator!=(condition c, error const& e) noexcept { return !(e == c); }
    ///@}

    /// Prints `to_string()`.
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
    /// Makes the exception for `e`; `what()` is `e.to_string()`.
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
