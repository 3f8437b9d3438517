// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_RESPONSE_SCHEMAS_HPP
#define CORTI_ADMIN_DETAIL_RESPONSE_SCHEMAS_HPP

/** @file
    The schemas of the response bodies: for each model, its JSON names in
    order and the checks of its values. The reader (`read_json`), the
    writer (`value_from`) and `from_json` all take their names from here.
*/

#include <corti/admin/detail/json/reader.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/validate.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

template<>
struct json_schema<user>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("email", &user::email, &is_valid_email),
                               json_field("firstName", &user::first_name), json_field("lastName", &user::last_name),
                               json_field("enabled", &user::enabled), json_field("id", &user::id),
                               json_field("emailVerified", &user::email_verified),
                               json_field("createdAt", &user::created_at));
    }
};

template<>
struct json_enum<region>
{
    static constexpr std::pair<std::string_view, region> values[] = {{"eu", region::eu}, {"us", region::us}};
};

template<>
struct json_schema<customer>
{
    static constexpr auto fields()
    {
        return std::make_tuple(
            json_field("displayName", &customer::display_name), json_field("tenantName", &customer::tenant_name),
            json_field("region", &customer::region), json_field("customerId", &customer::customer_id),
            json_field("isNfr", &customer::is_nfr), json_field("createdAt", &customer::created_at));
    }
};

template<>
struct json_schema<pagination>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("page", &pagination::page), json_field("pageSize", &pagination::page_size),
                               json_field("hasNextPage", &pagination::has_next_page),
                               json_field("total", &pagination::total));
    }
};

template<>
struct json_schema<customer_page>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("customers", &customer_page::customers),
                               json_field("pagination", &customer_page::pagination));
    }
};

template<>
struct json_schema<user_page>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("users", &user_page::users),
                               json_field("pagination", &user_page::pagination));
    }
};

template<>
struct json_schema<quota_usage>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("quota", &quota_usage::quota), json_field("usage", &quota_usage::usage),
                               json_field("remaining", &quota_usage::remaining));
    }
};

template<>
struct json_schema<customer_quotas>
{
    static constexpr auto fields() { return std::make_tuple(json_field("users", &customer_quotas::users)); }
};

template<>
struct json_schema<tenant_quota>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("region", &tenant_quota::region),
                               json_field("tenantName", &tenant_quota::tenant_name),
                               json_field("users", &tenant_quota::users));
    }
};

template<>
struct json_schema<project_quotas>
{
    static constexpr auto fields() { return std::make_tuple(json_field("quotas", &project_quotas::quotas)); }
};

/// The token response as read; the token moves into a `secret` at once.
struct token_body
{
    std::string access_token;
    std::string token_type;
    std::int64_t expires_in = 0;

    ~token_body() { secure_wipe(access_token); }
};

template<>
struct json_schema<token_body>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("accessToken", &token_body::access_token),
                               json_field("tokenType", &token_body::token_type),
                               json_field("expiresIn", &token_body::expires_in));
    }
};

struct consumption_body
{
    double consumption = 0;
};

template<>
struct json_schema<consumption_body>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("consumption", &consumption_body::consumption));
    }
};

/// The token of a checked `/auth/token` body (the body's copy is wiped when it goes).
inline access_token to_access_token(token_body&& b)
{
    access_token t;
    t.token = secret(std::move(b.access_token));
    t.token_type = std::move(b.token_type);
    t.expires_in = b.expires_in;
    return t;
}

/// What `T` is read as: itself, or its wire form.
template<class T>
struct wire
{
    using type = T;
    static T from(T&& t) { return std::move(t); }
};

template<>
struct wire<access_token>
{
    using type = token_body;
    static access_token from(token_body&& b) { return to_access_token(std::move(b)); }
};

} // namespace detail
} // namespace admin
} // namespace corti

#endif
