// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_MODEL_HPP
#define CORTI_ADMIN_MODEL_HPP

/** @file
    The API's resources as plain value types.
*/

#include <corti/admin/date_time.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/uuid.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace corti {
namespace admin {

/** The body of "create a new user and add it to the customer".

    Checked by `make_create_user_request` before anything is sent:
    `email` with `is_valid_email`, `first_name` and `last_name` with
    `is_valid_name`, `password` (when set) with `is_valid_password`.
*/
struct new_user
{
    std::string email;      ///< required
    std::string first_name; ///< required; `firstName`
    std::string last_name;  ///< required; `lastName`
    /// The initial password, 16 to 64 code points. Without it the server
    /// presumably invites the user by email.
    std::optional<secret> password;
};

/** A user of a customer, as the API returns it. */
struct user
{
    std::string email;      ///< required
    std::string first_name; ///< required; `firstName`
    std::string last_name;  ///< required; `lastName`
    bool enabled = true;    ///< required; the account is active
    std::optional<admin::uuid> id;          ///< `id`, server-generated
    std::optional<bool> email_verified;     ///< `emailVerified`
    std::optional<date_time> created_at;    ///< `createdAt`

    friend bool operator==(user const& a, user const& b)
    {
        return a.email == b.email && a.first_name == b.first_name && a.last_name == b.last_name &&
               a.enabled == b.enabled && a.id == b.id && a.email_verified == b.email_verified &&
               a.created_at == b.created_at;
    }
    friend bool operator!=(user const& a, user const& b) { return !(a == b); }

    /// Prints the fields for diagnostics, e.g.
    /// `user{email=a@b.co, firstName=A, lastName=B, enabled=true, id=..., emailVerified=false, createdAt=...}`.
    friend std::ostream& operator<<(std::ostream& os, user const& u)
    {
        os << "user{email=" << u.email << ", firstName=" << u.first_name << ", lastName=" << u.last_name
           << ", enabled=" << (u.enabled ? "true" : "false");
        if(u.id)
            os << ", id=" << *u.id;
        if(u.email_verified)
            os << ", emailVerified=" << (*u.email_verified ? "true" : "false");
        if(u.created_at)
            os << ", createdAt=" << *u.created_at;
        return os << '}';
    }
};

} // namespace admin
} // namespace corti

#endif
