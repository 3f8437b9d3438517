// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_CONDITION_HPP
#define CORTI_ADMIN_CONDITION_HPP

/** @file
    `condition`: the groups of error codes a caller branches on, as a
    Boost.System error condition (category `corti.admin.condition`).
*/

#include <corti/admin/errc.hpp>

#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/error_condition.hpp>

#include <cstddef>
#include <string>
#include <type_traits>

namespace corti {
namespace admin {

/** What a caller branches on: groups of error codes (category
    `corti.admin.condition`). Compare an error with one:
    `r.error() == condition::invalid_response`.

    - `invalid_argument`: `errc::invalid_argument`, `invalid_field`,
      `invalid_base_url`; nothing was sent, fix the input.
    - `transport`: `errc::timeout`, `truncated_response`, `connection_failed`,
      `proxy_error`, and every code of another category (a transport's own, such as Asio's
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
    case errc::connection_failed:
    case errc::proxy_error: return condition::transport;
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

// Lets a `condition` convert to `boost::system::error_condition` and compare with an `error_code`.
// Hidden from Doxygen, which cannot place a specialisation in a namespace it has not read.
/// @cond
template<>
struct boost::system::is_error_condition_enum<corti::admin::condition> : std::true_type
{
};
/// @endcond

#endif
