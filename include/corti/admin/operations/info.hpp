// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_OPERATIONS_INFO_HPP
#define CORTI_ADMIN_OPERATIONS_INFO_HPP

/** @file
    What every descriptor of `operations.hpp` says about its operation
    (`operation_info`), and the parser a descriptor gets unless it has its own
    (`operations::parse`).
*/

#include <corti/admin/config.hpp>
#include <corti/admin/detail/read_response.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/parse_arena.hpp>
#include <corti/admin/secret.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace corti {
namespace admin {

namespace detail {

template<class Op, class = void>
struct has_own_parse : std::false_type
{
};

template<class Op>
struct has_own_parse<Op, std::void_t<decltype(&Op::parse)>> : std::true_type
{
};

template<class Op, class = void>
struct has_secret : std::false_type
{
};

template<class Op>
struct has_secret<Op, std::void_t<decltype(std::declval<Op const&>().sent_secret())>> : std::true_type
{
};

/// The text of an optional secret, or nothing.
inline std::string_view reveal_or_empty(std::optional<secret> const& s) noexcept
{
    return s ? s->reveal() : std::string_view();
}

} // namespace detail

namespace operations {

/// The one or two statuses an operation documents as success.
class status_list
{
public:
    /// One status.
    constexpr status_list(unsigned s) noexcept : values_{s, 0}, count_(1) {}
    /// Two statuses (where the API leaves it open).
    constexpr status_list(unsigned a, unsigned b) noexcept : values_{a, b}, count_(2) {}
    /// The first status.
    constexpr unsigned const* begin() const noexcept { return values_.data(); }
    /// Past the last status.
    constexpr unsigned const* end() const noexcept { return values_.data() + count_; }
    /// True when `s` is one of them.
    constexpr bool contains(unsigned s) const noexcept { return s == values_[0] || (count_ == 2 && s == values_[1]); }

private:
    std::array<unsigned, 2> values_;
    std::size_t count_;
};

/// An operation's facts, as the API reference states them.
struct operation_info
{
    /// Its name: that of its builder (`make_<name>_request`), parser and client member.
    std::string_view name;
    /// The HTTP method.
    http_method method;
    /// The path after the base URL, with `{projectId}`-style parameters.
    std::string_view path;
    /// The success statuses.
    status_list success;

    /// True when a retry policy may send it again (GET and DELETE).
    constexpr bool retryable() const noexcept { return is_idempotent(method); }
};

/** Reads the answer to `Op`: with `Op::parse` when the descriptor has one,
    else as `Op::info.success` and `Op::result_type` say (a JSON body read
    by its schema, or no body for `void`).

    @return the result, or the errors listed in `responses.hpp`.
    @param r the response
    @param cfg the limits and strictness
    @param arena the working memory, or nullptr for the parser's own (see `parse_arena`)
*/
template<class Op>
result<typename Op::result_type> parse(http_response const& r, config const& cfg, parse_arena* arena = nullptr)
{
    using out = typename Op::result_type;
    if constexpr(detail::has_own_parse<Op>::value)
        return Op::parse(r, cfg, arena);
    else if constexpr(std::is_void_v<out>)
        return detail::check_response(r, Op::info.success, false, cfg.limits);
    else
        return detail::parse_json_response<out>(r, Op::info.success, cfg, arena);
}

/// Returns the secret `op`'s request carries (a password), or nothing.
template<class Op>
std::string_view sent_secret(Op const& op) noexcept
{
    if constexpr(detail::has_secret<Op>::value)
        return op.sent_secret();
    else
        return {};
}

} // namespace operations
} // namespace admin
} // namespace corti

#endif
