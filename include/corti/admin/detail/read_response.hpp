// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_DETAIL_READ_RESPONSE_HPP
#define CORTI_ADMIN_DETAIL_READ_RESPONSE_HPP

/** @file
    What every response parser does: classify the status and check the
    envelope (`check_response`), read the body by its schema, apply the
    API's rules beyond the schema (`check_rules`).
*/

#include <corti/admin/api_error.hpp>
#include <corti/admin/config.hpp>
#include <corti/admin/detail/json/reader.hpp>
#include <corti/admin/detail/response_schemas.hpp>
#include <corti/admin/detail/utf8.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/validate.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {
namespace detail {

/** Classifies the status and checks the body's envelope.

    @return nothing when `r.status` is one of `success` (a range of
    statuses) and, if
    `json_body`, the body has the JSON media type and fits the limit; else
    the error (see the file comment).
*/
template<class Statuses>
result<void> check_response(http_response const& r, Statuses const& success, bool json_body, limits const& lim)
{
    auto const with_id = [&](error e) { return stamp(std::move(e), r); };
    if(r.status >= 400 && r.status <= 599)
        return parse_api_error(r, lim);
    if(r.status >= 300 && r.status <= 399)
    {
        std::string msg = "redirects are not followed";
        auto const loc = r.headers.find("Location");
        if(!loc.empty())
        {
            msg += "; Location: ";
            append_sanitized(msg, loc, 256);
        }
        return with_id(error(errc::redirect_not_followed, std::move(msg)));
    }
    bool ok = false;
    for(unsigned s : success)
        ok = ok || s == r.status;
    if(!ok)
        return with_id(error(errc::unexpected_status,
                             "status " + std::to_string(r.status) + " is not documented for this operation"));
    if(!json_body)
    {
        if(!r.body.empty())
            return with_id(error(errc::unexpected_body, "the response must not have a body"));
        return {};
    }
    auto const* const ct_field = r.headers.find_field("Content-Type");
    if(!ct_field)
        return with_id(error(errc::bad_content_type, "no Content-Type"));
    std::string_view const ct = ct_field->value;
    if(!is_json_media_type(ct))
    {
        std::string msg = "Content-Type is ";
        append_sanitized(msg, ct, 128);
        return with_id(error(errc::bad_content_type, std::move(msg)));
    }
    if(r.body.size() > lim.max_body_size)
        return with_id(error(errc::body_too_large, std::to_string(r.body.size()) + " bytes, the limit is " +
                                                       std::to_string(lim.max_body_size)));
    return {};
}

/*  The API's rules beyond what a schema says, for the types that have some:
    nothing, or the error with the JSON Pointer of the value (`at` is the
    pointer of the checked object). Every response parser and `from_json`
    apply them after reading.
*/
template<class T>
result<void> check_rules(T const&)
{
    return {};
}

inline result<void> check_rules(pagination const& p, std::string const& at)
{
    if(!p.has_next_page && !p.total)
        return error(errc::missing_field, "neither hasNextPage nor total", at + "/hasNextPage");
    if(p.page < 1)
        return error(errc::invalid_value, "must be at least 1", at + "/page");
    if(p.page_size < 1)
        return error(errc::invalid_value, "must be at least 1", at + "/pageSize");
    if(p.total && *p.total < 0)
        return error(errc::invalid_value, "must not be negative", at + "/total");
    return {};
}

inline result<void> check_rules(quota_usage const& q, std::string const& at)
{
    if(q.quota < -1)
        return error(errc::invalid_value, "must be -1 (unlimited) or more", at + "/quota");
    if(q.usage < 0)
        return error(errc::invalid_value, "must not be negative", at + "/usage");
    if(q.remaining && *q.remaining < -1)
        return error(errc::invalid_value, "must be -1 (unlimited) or more", at + "/remaining");
    return {};
}

inline result<void> check_rules(pagination const& p) { return check_rules(p, ""); }
inline result<void> check_rules(quota_usage const& q) { return check_rules(q, ""); }
inline result<void> check_rules(customer_page const& p) { return check_rules(p.pagination, "/pagination"); }
inline result<void> check_rules(user_page const& p) { return check_rules(p.pagination, "/pagination"); }
inline result<void> check_rules(customer_quotas const& q) { return check_rules(q.users, "/users"); }
inline result<void> check_rules(tenant_quota const& q) { return check_rules(q.users, "/users"); }

inline result<void> check_rules(project_quotas const& q)
{
    for(std::size_t i = 0; i < q.quotas.size(); ++i)
        if(auto ok = check_rules(q.quotas[i].users, "/quotas/" + std::to_string(i) + "/users"); !ok)
            return ok;
    return {};
}

inline result<void> check_rules(token_body const& b)
{
    if(b.access_token.empty())
        return error(errc::invalid_value, "empty token", "/accessToken");
    if(!iequals(b.token_type, "bearer"))
        return error(errc::invalid_value, "not a bearer token", "/tokenType");
    if(b.expires_in < 0)
        return error(errc::invalid_value, "must not be negative", "/expiresIn");
    return {};
}

inline result<void> check_rules(consumption_body const& c)
{
    if(c.consumption < 0)
        return error(errc::invalid_value, "must not be negative", "/consumption");
    return {};
}

/** Reads one document into a `T` by its schema (`read(out)`: from a text,
    or from a Boost.JSON value), then checks the API's rules beyond the
    schema (`check_rules`): what a response parser and `from_json` both do.
*/
template<class T, class Read>
result<T> read_checked(Read read)
{
    result<T> out(boost::system::in_place_value);
    if(auto ok = read(*out); !ok)
        return ok.error();
    if(auto ok = check_rules(*out); !ok)
        return ok.error();
    return out;
}

/// `read_checked` over a JSON text.
template<class T>
result<T> read_value(std::string_view text, config const& cfg, parse_arena* arena = nullptr)
{
    return read_checked<T>([&](T& out) { return read_json(text, out, cfg.limits, cfg.strictness, arena); });
}

/// Checks the envelope, then reads the JSON body into a `T` (working memory
/// from `arena` when not null).
template<class T, class Statuses>
result<T> parse_json_response(http_response const& r, Statuses const& success, config const& cfg,
                              parse_arena* arena = nullptr)
{
    if(auto ok = check_response(r, success, true, cfg.limits); !ok)
        return ok.error();
    result<T> out = read_value<T>(r.body, cfg, arena);
    if(!out)
        return stamp(std::move(out).error(), r);
    return out;
}

} // namespace detail
} // namespace admin
} // namespace corti

#endif
