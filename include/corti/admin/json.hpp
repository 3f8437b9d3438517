// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_JSON_HPP
#define CORTI_ADMIN_JSON_HPP

/** @file
    Boost.JSON conversions for every model: `boost::json::value_from(x)`
    and `boost::json::value_to<T>(v)` find the `tag_invoke` overloads here
    by argument-dependent lookup, and `from_json<T>(v)` converts without
    exceptions.

    Reading applies exactly what the response parsers apply: the value is
    walked and its events go to the same schema reader (types, formats,
    ranges, the API's rules; for the request bodies, the request builders'
    field checks), so a value is accepted by `from_json` when its text would
    be by a parser. No text is made, so a password or a token read from a
    value is copied only into the result. Writing never turns a `secret`
    into JSON text: `value_from(new_user)` and `value_from(user_update)`
    leave the password out, `value_from(access_token)` the token, so those
    three do not round-trip (`value_to` needs the secret back).
*/

#include <corti/admin/config.hpp>
#include <corti/admin/date_time.hpp>
#include <corti/admin/encode.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/detail/read_response.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/uuid.hpp>
#include <corti/admin/validate.hpp>

#include <corti/admin/detail/json/reader.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace corti {
namespace admin {
namespace detail {

// --- reading a secret (a password in new_user and user_update) ---------------
template<>
struct value_traits<secret>
{
    static bool scalar(void* t, json_scalar const& v, slot const& s, reader_context& ctx)
    {
        // The checks of a string (type, format; no message holds the value), then the copy.
        if(!value_traits<std::string>::scalar(nullptr, v, s, ctx))
            return false;
        *static_cast<secret*>(t) = secret(v.text);
        return true;
    }
    static bool container(void* t, bool a, frame& f, reader_context& ctx)
    {
        return no_container(t, a, f, ctx, "a string");
    }
    static inline value_ops const ops{&scalar, nullptr, true, &container};
};

/// A customer ID as `make_create_customer_request` takes it: a path segment of at most 64 code points.
inline bool is_valid_customer_id(std::string_view s) noexcept
{
    return path_parameter_problem(s, max_customer_id_length) == nullptr;
}

// --- schemas of the request bodies, with the builders' checks -----------------
template<>
struct json_schema<new_user>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("email", &new_user::email, &is_valid_email),
                               json_field("firstName", &new_user::first_name, &is_valid_name),
                               json_field("lastName", &new_user::last_name, &is_valid_name),
                               json_field("password", &new_user::password, &is_valid_password));
    }
};

template<>
struct json_schema<new_customer>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("displayName", &new_customer::display_name, &is_valid_name),
                               json_field("customerId", &new_customer::customer_id, &is_valid_customer_id),
                               json_field("tenantName", &new_customer::tenant_name, &is_valid_tenant_name),
                               json_field("region", &new_customer::region), json_field("isNfr", &new_customer::is_nfr));
    }
};

template<>
struct json_schema<customer_update>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("displayName", &customer_update::display_name, &is_valid_name),
                               json_field("customerId", &customer_update::customer_id, &is_valid_customer_id),
                               json_field("isNfr", &customer_update::is_nfr));
    }
};

template<>
struct json_schema<user_update>
{
    static constexpr auto fields()
    {
        return std::make_tuple(json_field("firstName", &user_update::first_name, &is_valid_name),
                               json_field("lastName", &user_update::last_name, &is_valid_name),
                               json_field("enabled", &user_update::enabled),
                               json_field("password", &user_update::password, &is_valid_password));
    }
};

/** Sends the events of `v` to `h`, as a tokenizer would for its text:
    strings and keys as views into the value, numbers as the shortest text
    that reads back to them. Nested at most `max_depth` levels (the walk
    stops there, so no value can make it recurse deeper).

    @return `ok`, `rejected` (the handler said no; nothing follows),
    `too_deep`, or `limit` for what has no JSON text: a non-finite number,
    a string or key that is not UTF-8.
*/
template<class Handler>
json_parse_result walk_value(boost::json::value const& v, Handler& h, std::size_t max_depth, std::size_t depth = 0)
{
    using status = json_parse_result::status;
    auto const done = [](bool accepted) { return json_parse_result{accepted ? status::ok : status::rejected, 0, ""}; };
    auto const text = [](boost::json::string_view s) { return std::string_view(s.data(), s.size()); };
    auto const utf8 = [](std::string_view s) { return utf8_count(s) != invalid_utf8; };
    auto const number = [&](auto x) {
        char buf[32];
        auto const r = std::to_chars(buf, buf + sizeof buf, x);
        return done(h.number(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf))));
    };
    switch(v.kind())
    {
    case boost::json::kind::null: return done(h.null());
    case boost::json::kind::bool_: return done(h.boolean(v.get_bool()));
    case boost::json::kind::int64: return number(v.get_int64());
    case boost::json::kind::uint64: return number(v.get_uint64());
    case boost::json::kind::double_:
        if(!std::isfinite(v.get_double()))
            return {status::limit, 0, "a non-finite number"};
        return number(v.get_double());
    case boost::json::kind::string:
        if(!utf8(text(v.get_string())))
            return {status::limit, 0, "a string that is not UTF-8"};
        return done(h.string(text(v.get_string()), v.get_string().size()));
    case boost::json::kind::array: {
        if(depth == max_depth)
            return {status::too_deep, 0, ""};
        if(!h.array_begin())
            return done(false);
        for(auto const& e : v.get_array())
            if(auto r = walk_value(e, h, max_depth, depth + 1); r.what != status::ok)
                return r;
        return done(h.array_end());
    }
    case boost::json::kind::object: {
        if(depth == max_depth)
            return {status::too_deep, 0, ""};
        if(!h.object_begin())
            return done(false);
        for(auto const& m : v.get_object())
        {
            if(!utf8(text(m.key())))
                return {status::limit, 0, "a key that is not UTF-8"};
            if(!h.key(text(m.key()), m.key().size()))
                return done(false);
            if(auto r = walk_value(m.value(), h, max_depth, depth + 1); r.what != status::ok)
                return r;
        }
        return done(h.object_end());
    }
    }
    return done(true);
}

} // namespace detail

namespace detail {
template<class T>
inline constexpr bool is_model_v =
    std::is_same_v<T, user> || std::is_same_v<T, customer> || std::is_same_v<T, customer_page> ||
    std::is_same_v<T, user_page> || std::is_same_v<T, pagination> || std::is_same_v<T, quota_usage> ||
    std::is_same_v<T, customer_quotas> || std::is_same_v<T, tenant_quota> || std::is_same_v<T, project_quotas> ||
    std::is_same_v<T, access_token> || std::is_same_v<T, new_user> || std::is_same_v<T, new_customer> ||
    std::is_same_v<T, customer_update> || std::is_same_v<T, user_update> || std::is_same_v<T, uuid> ||
    std::is_same_v<T, date_time> || std::is_same_v<T, region>;
} // namespace detail

/** Converts a Boost.JSON value to a model, with the checks of the response
    parsers (for the request bodies, of the request builders).

    `T` is one of `user`, `customer`, `customer_page`, `user_page`,
    `pagination`, `quota_usage`, `customer_quotas`, `tenant_quota`,
    `project_quotas`, `access_token` (`accessToken`, `tokenType`,
    `expiresIn`), `new_user`, `new_customer`, `customer_update`,
    `user_update`, `uuid`, `date_time`, `region`.

    @param v the value to convert.
    @param cfg its `limits` and `strictness` apply (unknown fields are
    `errc::unknown_field` in strict mode).

    @return the model, or the reader's errors with the JSON Pointer of the
    value: `too_deep`, `string_too_long`, `missing_field`, `unknown_field`,
    `wrong_type`, `invalid_value` (a bad format, a rule of the API such as
    `quota >= -1`, a field a request builder would refuse, a non-finite
    number); `malformed_json` for a value that has no JSON text (a
    non-finite double). No error holds a password or a token.
*/
template<class T>
result<T> from_json(boost::json::value const& v, config const& cfg = {})
{
    static_assert(detail::is_model_v<T>, "from_json converts the library's models (see the list above)");
    using wire_type = typename detail::wire<T>::type;
    auto r = detail::read_checked<wire_type>([&](wire_type& out) {
        return detail::read_events(
            [&](detail::response_events& events, std::size_t depth) { return detail::walk_value(v, events, depth); },
            {}, out, cfg.limits, cfg.strictness, nullptr);
    });
    if(!r)
        return r.error();
    return detail::wire<T>::from(std::move(*r));
}

// --- value_from: models to JSON, in the API's field names --------------------

/// `boost::json::value_from(x)` for a `uuid`, a `date_time` or a `region`: the JSON string of `to_string(x)`.
///@{
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, uuid const& id) { jv = id.to_string(); }
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, date_time const& t) { jv = t.to_string(); }
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, region r)
{
    jv = boost::json::string_view(to_string(r).data(), to_string(r).size());
}
///@}

namespace detail {

/// Sets `key` in `o` to `v`; an optional only when it holds a value; a secret never.
inline void put_field(boost::json::object&, boost::json::string_view, secret const&) {}

template<class M>
void put_field(boost::json::object& o, boost::json::string_view key, M const& v)
{
    o[key] = boost::json::value_from(v, o.storage());
}

template<class X>
void put_field(boost::json::object& o, boost::json::string_view key, std::optional<X> const& v)
{
    if(v)
        put_field(o, key, *v);
}

template<class T, class = void>
inline constexpr bool has_schema_v = false;
template<class T>
inline constexpr bool has_schema_v<T, std::void_t<decltype(json_schema<T>::fields())>> = true;

} // namespace detail

/** `boost::json::value_from(x)` for every model with a schema: its fields
    in the API's names and order, from the same table the reader uses; an
    optional field only when it is set; a `secret` (the password of
    `new_user` and `user_update`) never.
*/
template<class T, class = std::enable_if_t<detail::is_model_v<T> && detail::has_schema_v<T>>>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, T const& x)
{
    auto& o = jv.emplace_object();
    std::apply(
        [&](auto const&... f) {
            (detail::put_field(o, boost::json::string_view(f.name.data(), f.name.size()), x.*(f.member)), ...);
        },
        detail::json_schema<T>::fields());
}

/// The token's metadata; the token itself never becomes JSON text.
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, access_token const& t)
{
    auto& o = jv.emplace_object();
    o["tokenType"] = t.token_type;
    o["expiresIn"] = t.expires_in;
}

// --- value_to: JSON to models, through from_json ------------------------------

/** `boost::json::value_to<T>(v)` for every model: `from_json<T>(v)`, whose
    error is thrown as `corti::admin::system_error` (with exceptions off,
    use `from_json`, which never throws).
*/
template<class T, class = std::enable_if_t<detail::is_model_v<T>>>
T tag_invoke(boost::json::value_to_tag<T>, boost::json::value const& v)
{
    return from_json<T>(v).value();
}

/** `boost::json::try_value_to<T>(v)` for every model: `from_json<T>(v)`
    with its error code only (Boost's result holds no more; call
    `from_json` for the field and the message). Never throws.
*/
template<class T, class = std::enable_if_t<detail::is_model_v<T>>>
boost::system::result<T> tag_invoke(boost::json::try_value_to_tag<T>, boost::json::value const& v)
{
    auto r = from_json<T>(v);
    if(!r)
        return r.error().code;
    return std::move(*r);
}

} // namespace admin
} // namespace corti

#endif
