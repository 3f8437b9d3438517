// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_MODEL_HPP
#define CORTI_ADMIN_MODEL_HPP

/** @file
    The API's resources as plain value types.
*/

#include <corti/admin/date_time.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/uuid.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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
    std::string email;                   ///< required
    std::string first_name;              ///< required; `firstName`
    std::string last_name;               ///< required; `lastName`
    bool enabled = true;                 ///< required; the account is active
    std::optional<admin::uuid> id;       ///< `id`, server-generated
    std::optional<bool> email_verified;  ///< `emailVerified`
    std::optional<date_time> created_at; ///< `createdAt`

    /// Returns true when all fields are equal.
    friend bool operator==(user const& a, user const& b)
    {
        return a.email == b.email && a.first_name == b.first_name && a.last_name == b.last_name &&
               a.enabled == b.enabled && a.id == b.id && a.email_verified == b.email_verified &&
               a.created_at == b.created_at;
    }
    /// Returns true when a field differs.
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

/// Where a customer's resources live.
enum class region
{
    eu,
    us
};

/// Returns `"eu"` or `"us"`.
constexpr std::string_view to_string(region r) noexcept { return r == region::us ? "us" : "eu"; }

/// Prints `eu` or `us`.
inline std::ostream& operator<<(std::ostream& os, region r) { return os << to_string(r); }

/** The body of "create a new customer". Checked by
    `make_create_customer_request`: `display_name` with `is_valid_name`,
    `customer_id` as a path parameter of at most 64 code points,
    `tenant_name` 1 to 14 code points without control characters.
*/
struct new_customer
{
    std::string display_name;               ///< required; `displayName`
    std::string customer_id;                ///< required; `customerId`, later used in paths
    std::optional<std::string> tenant_name; ///< `tenantName`; the server's default is `base`
    std::optional<admin::region> region;    ///< the server's default is `eu`
    std::optional<bool> is_nfr;             ///< `isNfr`, Not-For-Resale; default false
};

/// A customer, as the API returns it.
struct customer
{
    std::string display_name;            ///< required; `displayName`
    std::string tenant_name;             ///< required; `tenantName`
    admin::region region = region::eu;   ///< required
    std::string customer_id;             ///< required; `customerId`
    std::optional<bool> is_nfr;          ///< `isNfr`
    std::optional<date_time> created_at; ///< `createdAt`

    /// Returns true when all fields are equal.
    friend bool operator==(customer const& a, customer const& b)
    {
        return a.display_name == b.display_name && a.tenant_name == b.tenant_name && a.region == b.region &&
               a.customer_id == b.customer_id && a.is_nfr == b.is_nfr && a.created_at == b.created_at;
    }
    /// Returns true when a field differs.
    friend bool operator!=(customer const& a, customer const& b) { return !(a == b); }

    /// Prints the fields for diagnostics, e.g.
    /// `customer{customerId=acme, displayName=Acme, tenantName=base, region=eu, isNfr=false, createdAt=...}`.
    friend std::ostream& operator<<(std::ostream& os, customer const& c)
    {
        os << "customer{customerId=" << c.customer_id << ", displayName=" << c.display_name
           << ", tenantName=" << c.tenant_name << ", region=" << c.region;
        if(c.is_nfr)
            os << ", isNfr=" << (*c.is_nfr ? "true" : "false");
        if(c.created_at)
            os << ", createdAt=" << *c.created_at;
        return os << '}';
    }
};

/** The body of "update a customer": only the fields that are set are sent.
    `tenantName` and `region` cannot be changed. Setting `customer_id`
    renames the customer: later calls must use the new ID.
*/
struct customer_update
{
    std::optional<std::string> display_name; ///< `displayName`
    std::optional<std::string> customer_id;  ///< `customerId`
    std::optional<bool> is_nfr;              ///< `isNfr`
};

/** The body of "update a user": only the fields that are set are sent.
    The email cannot be changed.
*/
struct user_update
{
    std::optional<std::string> first_name; ///< `firstName`
    std::optional<std::string> last_name;  ///< `lastName`
    std::optional<bool> enabled;           ///< activates or deactivates the account
    std::optional<secret> password;        ///< a new password, 16 to 64 code points
};

/** Which page of a list to ask for. Both are at least 1. */
struct page_request
{
    std::int64_t page = 1;       ///< 1-based
    std::int64_t page_size = 20; ///< items per page (the API documents no maximum)
};

/** Where a page sits in a list. The API returns either `hasNextPage`
    (current) or `total` (older revisions); the parser accepts both and
    requires one of them.
*/
struct pagination
{
    std::int64_t page = 1;             ///< required
    std::int64_t page_size = 0;        ///< required; `pageSize`
    std::optional<bool> has_next_page; ///< `hasNextPage`
    std::optional<std::int64_t> total; ///< `total`

    /// True when another page follows: `hasNextPage`, else `page * pageSize < total`.
    bool has_more() const noexcept
    {
        if(has_next_page)
            return *has_next_page;
        return total && page_size > 0 && page < *total / page_size + (*total % page_size != 0 ? 1 : 0);
    }
};

/// One page of customers.
struct customer_page
{
    std::vector<customer> customers; ///< the customers on this page, in the server's order
    admin::pagination pagination;    ///< where the page sits in the list
};

/// One page of users.
struct user_page
{
    std::vector<user> users;      ///< the users on this page, in the server's order
    admin::pagination pagination; ///< where the page sits in the list
};

/** A quota and its use. `quota == -1` means unlimited; usage is the number
    of enabled users.
*/
struct quota_usage
{
    std::int64_t quota = 0;                ///< required; -1 = unlimited
    std::int64_t usage = 0;                ///< required
    std::optional<std::int64_t> remaining; ///< may be -1 when unlimited

    /// True when there is no limit.
    bool unlimited() const noexcept { return quota == -1; }
};

/// The quotas of one customer's tenant.
struct customer_quotas
{
    quota_usage users; ///< required
};

/// The quotas of one tenant of a project.
struct tenant_quota
{
    std::string region;      ///< required, e.g. `eu`
    std::string tenant_name; ///< required; `tenantName`
    quota_usage users;       ///< required
};

/// The quotas of every reachable tenant of a project.
struct project_quotas
{
    std::vector<tenant_quota> quotas; ///< required
};

/// The answer of `/auth/token`. The token is a secret.
struct access_token
{
    secret token;                ///< `accessToken`
    std::string token_type;      ///< `tokenType`, `bearer` in any case
    std::int64_t expires_in = 0; ///< `expiresIn`, seconds from issue
};

/// @name Printing, for diagnostics and test output
///@{
inline std::ostream& operator<<(std::ostream& os, pagination const& p)
{
    os << "pagination{page=" << p.page << ", pageSize=" << p.page_size;
    if(p.has_next_page)
        os << ", hasNextPage=" << (*p.has_next_page ? "true" : "false");
    if(p.total)
        os << ", total=" << *p.total;
    return os << '}';
}

namespace detail {
template<class T>
std::ostream& print_list(std::ostream& os, std::vector<T> const& v)
{
    os << '[';
    for(std::size_t i = 0; i < v.size(); ++i)
        os << (i ? ", " : "") << v[i];
    return os << ']';
}
} // namespace detail

// Found by ADL (the element type's namespace), so that result<std::vector<T>> prints.
inline std::ostream& operator<<(std::ostream& os, std::vector<user> const& v) { return detail::print_list(os, v); }
inline std::ostream& operator<<(std::ostream& os, std::vector<customer> const& v) { return detail::print_list(os, v); }

inline std::ostream& operator<<(std::ostream& os, quota_usage const& q)
{
    os << "{quota=" << q.quota << ", usage=" << q.usage;
    if(q.remaining)
        os << ", remaining=" << *q.remaining;
    return os << '}';
}

inline std::ostream& operator<<(std::ostream& os, tenant_quota const& q)
{
    return os << "{region=" << q.region << ", tenantName=" << q.tenant_name << ", users=" << q.users << '}';
}

inline std::ostream& operator<<(std::ostream& os, customer_page const& p)
{
    return detail::print_list(os << "customers=", p.customers) << ' ' << p.pagination;
}

inline std::ostream& operator<<(std::ostream& os, user_page const& p)
{
    return detail::print_list(os << "users=", p.users) << ' ' << p.pagination;
}

inline std::ostream& operator<<(std::ostream& os, customer_quotas const& q) { return os << "users=" << q.users; }

inline std::ostream& operator<<(std::ostream& os, project_quotas const& q)
{
    return detail::print_list(os << "quotas=", q.quotas);
}

/// Prints the type and lifetime; the token itself prints as `[redacted]`.
inline std::ostream& operator<<(std::ostream& os, access_token const& t)
{
    return os << "access_token{token=" << t.token << ", tokenType=" << t.token_type << ", expiresIn=" << t.expires_in
              << '}';
}
///@}

} // namespace admin
} // namespace corti

#endif
