// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_OPERATIONS_HPP
#define CORTI_ADMIN_FUZZ_OPERATIONS_HPP

/*  The operations whose responses fuzz_operation_responses parses: the
    library's table of operations (`corti::admin::operations::all`) but
    create-user, which has a target of its own. A new descriptor in the
    table is fuzzed here without a line of change.
*/

#include <corti/admin.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace corti_fuzz {

namespace detail {

template<class Op>
inline constexpr bool fuzzed_here = !std::is_same_v<Op, corti::admin::operations::create_user>;

template<std::size_t... I>
constexpr unsigned count_fuzzed(std::index_sequence<I...>)
{
    return (0u + ... + (fuzzed_here<std::tuple_element_t<I, corti::admin::operations::all>> ? 1u : 0u));
}

template<class Visit, std::size_t... I>
void visit_fuzzed(unsigned index, Visit& visit, std::index_sequence<I...>)
{
    unsigned n = 0;
    namespace ca = corti::admin;
    auto one = [&](auto* op) {
        using op_t = std::remove_pointer_t<decltype(op)>;
        if constexpr(fuzzed_here<op_t>)
            if(n++ == index)
                visit([](ca::http_response const& r, ca::config const& cfg,
                         ca::parse_arena* a) { return ca::operations::parse<op_t>(r, cfg, a); },
                      op_t::info.success);
    };
    (one(static_cast<std::tuple_element_t<I, corti::admin::operations::all>*>(nullptr)), ...);
}

} // namespace detail

/// How many operations `visit_operation` knows (an input byte picks one modulo this).
inline constexpr unsigned operation_count =
    detail::count_fuzzed(std::make_index_sequence<std::tuple_size_v<corti::admin::operations::all>>{});

/** Calls `visit(parse, success)` for operation number `index` (0 to
    operation_count - 1, in the table's order): `parse` is the descriptor's
    parser (`operations::parse<Op>`), `success` the statuses it documents
    (`Op::info.success`).
*/
template<class Visit>
void visit_operation(unsigned index, Visit&& visit)
{
    detail::visit_fuzzed(index, visit, std::make_index_sequence<std::tuple_size_v<corti::admin::operations::all>>{});
}

} // namespace corti_fuzz

#endif
