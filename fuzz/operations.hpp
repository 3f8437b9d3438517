// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_OPERATIONS_HPP
#define CORTI_ADMIN_FUZZ_OPERATIONS_HPP

/*  The operations whose responses fuzz_operation_responses parses: every
    operation but create-user (which has a target of its own), each with its
    parser and its documented success statuses. The one place in fuzz/ that
    names them; the library's table of operations can replace it.
*/

#include <corti/admin.hpp>

#include <initializer_list>

namespace corti_fuzz {

/// How many operations `visit_operation` knows (an input byte picks one modulo this).
inline constexpr unsigned operation_count = 11;

/** Calls `visit(parse, success)` for operation number `index` (0 to
    operation_count - 1): `parse` is the operation's parser (a pointer to
    `parse_<operation>_response`; those of answers without a body take no
    arena), `success` the statuses it documents as success.
*/
template<class Visit>
void visit_operation(unsigned index, Visit&& visit)
{
    namespace ca = corti::admin;
    using success = std::initializer_list<unsigned>;
    switch(index)
    {
    case 0: visit(&ca::parse_fetch_token_response, success{200}); break;
    case 1: visit(&ca::parse_list_customers_response, success{200}); break;
    case 2: visit(&ca::parse_create_customer_response, success{200, 201}); break;
    case 3: visit(&ca::parse_update_customer_response, success{200}); break;
    case 4: visit(&ca::parse_delete_customer_response, success{200, 204}); break;
    case 5: visit(&ca::parse_get_customer_quotas_response, success{200}); break;
    case 6: visit(&ca::parse_list_users_response, success{200}); break;
    case 7: visit(&ca::parse_update_user_response, success{200}); break;
    case 8: visit(&ca::parse_delete_user_response, success{204}); break;
    case 9: visit(&ca::parse_get_user_consumption_response, success{200}); break;
    default: visit(&ca::parse_get_project_quotas_response, success{200}); break;
    }
}

} // namespace corti_fuzz

#endif
