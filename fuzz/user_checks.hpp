// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_USER_CHECKS_HPP
#define CORTI_ADMIN_FUZZ_USER_CHECKS_HPP

/*  What a create-user answer must satisfy, checked against the response it
    came from: shared by fuzz_create_user_response (the parser) and
    fuzz_client (the client's answer, and the parser's on the same response).
*/

#include "support.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace corti_fuzz {

/// Why the documented schema rejects a DOM, or "" when it accepts it:
/// required email (valid), firstName, lastName (strings), enabled (bool);
/// optional id (UUID), emailVerified (bool), createdAt (RFC 3339); no null;
/// in strict mode nothing else.
inline std::string schema_rejects(boost::json::value const& v, ca::strictness mode)
{
    auto const* o = v.if_object();
    if(!o)
        return "not an object";
    auto const text = [&](char const* k) -> std::optional<std::string_view> {
        auto const* x = o->if_contains(k);
        if(!x || !x->is_string())
            return std::nullopt;
        return std::string_view(x->get_string().data(), x->get_string().size());
    };
    auto const email = text("email");
    if(!email || !ca::is_valid_email(*email))
        return "email";
    if(!text("firstName") || !text("lastName"))
        return "name";
    if(!o->if_contains("enabled") || !o->at("enabled").is_bool())
        return "enabled";
    if(o->contains("emailVerified") && !o->at("emailVerified").is_bool())
        return "emailVerified";
    if(o->contains("id") && !(text("id") && ca::uuid::parse(*text("id"))))
        return "id";
    if(o->contains("createdAt") && !(text("createdAt") && ca::date_time::parse(*text("createdAt"))))
        return "createdAt";
    if(mode == ca::strictness::strict)
        for(auto const& kv : *o)
        {
            std::string_view const k(kv.key().data(), kv.key().size());
            if(k != "email" && k != "firstName" && k != "lastName" && k != "enabled" && k != "id" &&
               k != "emailVerified" && k != "createdAt")
                return "unknown key";
        }
    return "";
}

/// Checks the result of a create-user parse against the response it came from.
inline void check_user_result(ca::http_response const& r, ca::config const& cfg, ca::result<ca::user> const& res,
                              bool with_arena = false)
{
    auto const& lim = cfg.limits;
    bool const has_type = r.headers.contains("Content-Type");
    bool const json_type = has_type && is_json_content_type(r.headers.find("Content-Type"));
    bool const success_status = r.status == 200 || r.status == 201;
    std::size_t const depth_limit = std::min(lim.max_depth, reader_depth_cap);

    // What the envelope alone decides, in the documented order.
    std::optional<ca::errc> envelope;
    if(r.status >= 400 && r.status <= 599)
        envelope = ca::errc::api_error;
    else if(r.status >= 300 && r.status <= 399)
        envelope = ca::errc::redirect_not_followed;
    else if(!success_status)
        envelope = ca::errc::unexpected_status;
    else if(!json_type)
        envelope = ca::errc::bad_content_type;
    else if(r.body.size() > lim.max_body_size)
        envelope = ca::errc::body_too_large;

    json_facts const facts = envelope ? json_facts{} : facts_of(r.body);
    if(facts.number_limit)
        return; // Boost.JSON, the oracle, stopped reading at a number the library reads on

    if(res)
    {
        ca::user const& u = *res;
        CORTI_FUZZ_CHECK(!envelope, "accepted despite the envelope");
        CORTI_FUZZ_CHECK(facts.valid, "accepted malformed JSON");
        CORTI_FUZZ_CHECK(!facts.duplicate, "accepted a duplicate key");
        CORTI_FUZZ_CHECK(facts.depth <= depth_limit, "depth " + std::to_string(facts.depth));
        CORTI_FUZZ_CHECK(facts.longest <= lim.max_string_length, "string of " + std::to_string(facts.longest));
        CORTI_FUZZ_CHECK(ca::is_valid_email(u.email), show(u.email));
        CORTI_FUZZ_CHECK(utf8_length(u.first_name).has_value(), show(u.first_name));
        CORTI_FUZZ_CHECK(utf8_length(u.last_name).has_value(), show(u.last_name));
        if(u.id)
            CORTI_FUZZ_CHECK(ca::uuid::parse(u.id->to_string()) == u.id, u.id->to_string());
        if(u.created_at)
            CORTI_FUZZ_CHECK(ca::date_time::parse(u.created_at->to_string()) == u.created_at,
                             u.created_at->to_string());

        // The values are the document's (the DOM is an independent reading).
        auto const dom = dom_of(r.body, facts);
        CORTI_FUZZ_CHECK(dom && dom->is_object(), "no object DOM");
        CORTI_FUZZ_CHECK(schema_rejects(*dom, cfg.strictness).empty(), schema_rejects(*dom, cfg.strictness));
        auto const& o = dom->as_object();
        auto const str = [&](char const* k) -> std::optional<std::string_view> {
            auto const* v = o.if_contains(k);
            if(!v || !v->is_string())
                return std::nullopt;
            return std::string_view(v->get_string().data(), v->get_string().size());
        };
        CORTI_FUZZ_CHECK(str("email") == std::string_view(u.email), show(u.email));
        CORTI_FUZZ_CHECK(str("firstName") == std::string_view(u.first_name), show(u.first_name));
        CORTI_FUZZ_CHECK(str("lastName") == std::string_view(u.last_name), show(u.last_name));
        CORTI_FUZZ_CHECK(o.if_contains("enabled") && o.at("enabled").is_bool() &&
                             o.at("enabled").get_bool() == u.enabled,
                         "enabled");
        if(auto const* v = o.if_contains("emailVerified"))
            CORTI_FUZZ_CHECK(v->is_bool() && u.email_verified == v->get_bool(), "emailVerified");
        else
            CORTI_FUZZ_CHECK(!u.email_verified, "emailVerified invented");
        if(auto const s = str("id"))
            CORTI_FUZZ_CHECK(u.id && ca::uuid::parse(*s) == u.id, show(*s));
        else
            CORTI_FUZZ_CHECK(!u.id && !o.contains("id"), "id");
        if(auto const s = str("createdAt"))
            CORTI_FUZZ_CHECK(u.created_at && ca::date_time::parse(*s) == u.created_at, show(*s));
        else
            CORTI_FUZZ_CHECK(!u.created_at && !o.contains("createdAt"), "createdAt");
        return;
    }

    ca::error const& e = res.error();
    CORTI_FUZZ_CHECK(e.code.category() == ca::admin_category(), describe(e));
    auto const code = static_cast<ca::errc>(e.code.value());

    // No false rejection: a document within the limits that the documented
    // schema accepts is accepted (only a small arena may run out).
    if(!envelope && facts.valid && !facts.duplicate && facts.depth <= depth_limit &&
       facts.longest <= lim.max_string_length && code != ca::errc::out_of_memory)
        if(auto const dom = dom_of(r.body, facts); dom)
            CORTI_FUZZ_CHECK(!schema_rejects(*dom, cfg.strictness).empty(), "valid document rejected: " + describe(e));
    CORTI_FUZZ_CHECK(e.http_status == r.status, describe(e));
    CORTI_FUZZ_CHECK(e.request_id == r.headers.find("x-request-id"), describe(e));
    if(envelope)
    {
        CORTI_FUZZ_CHECK(code == *envelope, describe(e) + " expected " + ca::error(*envelope).to_string());
        CORTI_FUZZ_CHECK(e.field.empty(), describe(e));
        if(code == ca::errc::api_error)
            check_server_message(e.server_message());
        return;
    }

    // Nesting past the limit, then a syntax error anywhere, outrank what the
    // schema found first (facts.depth is the depth reached before any syntax error).
    if(facts.depth > depth_limit)
        CORTI_FUZZ_CHECK(code == ca::errc::too_deep, "too deep, reported as " + describe(e));
    else if(!facts.valid)
        CORTI_FUZZ_CHECK(code == ca::errc::malformed_json, "broken JSON reported as " + describe(e));
    switch(code)
    {
    case ca::errc::malformed_json: CORTI_FUZZ_CHECK(!facts.valid, "valid JSON called malformed: " + describe(e)); break;
    case ca::errc::out_of_memory: CORTI_FUZZ_CHECK(with_arena, "no arena, yet " + describe(e)); break;
    case ca::errc::too_deep:
        CORTI_FUZZ_CHECK(facts.depth > depth_limit, describe(e) + " at depth " + std::to_string(facts.depth));
        break;
    case ca::errc::string_too_long: CORTI_FUZZ_CHECK(facts.longest > lim.max_string_length, describe(e)); break;
    case ca::errc::duplicate_key: CORTI_FUZZ_CHECK(facts.duplicate, describe(e)); break;
    case ca::errc::unknown_field: CORTI_FUZZ_CHECK(cfg.strictness == ca::strictness::strict, describe(e)); break;
    case ca::errc::missing_field:
    case ca::errc::wrong_type:
    case ca::errc::invalid_value: break;
    default: CORTI_FUZZ_CHECK(false, "undocumented code: " + describe(e));
    }

    if(e.field.empty())
        return;
    CORTI_FUZZ_CHECK(is_json_pointer_syntax(e.field), describe(e));
    CORTI_FUZZ_CHECK(utf8_length(e.field).has_value(), "field is not UTF-8: " + describe(e)); // F3
    auto const dom = dom_of(r.body, facts);
    if(!dom)
        return;
    // The pointer designates the bad value (for a missing field: a member
    // its parent object lacks).
    if(code == ca::errc::missing_field)
    {
        auto const cut = e.field.rfind('/');
        auto const* parent = resolve(*dom, std::string_view(e.field).substr(0, cut));
        CORTI_FUZZ_CHECK(parent && parent->is_object(), describe(e));
        CORTI_FUZZ_CHECK(!resolve(*dom, e.field), "the missing field is there: " + describe(e));
    }
    else if(code == ca::errc::wrong_type || code == ca::errc::invalid_value || code == ca::errc::duplicate_key ||
            code == ca::errc::unknown_field)
        CORTI_FUZZ_CHECK(resolve(*dom, e.field) != nullptr, "pointer does not resolve: " + describe(e)); // F3
    if(code == ca::errc::invalid_value && !facts.duplicate)
        if(auto const* v = resolve(*dom, e.field); v && v->is_string())
        {
            std::string_view const t(v->get_string().data(), v->get_string().size());
            bool const bad = e.field == "/email"       ? !ca::is_valid_email(t)
                             : e.field == "/id"        ? !ca::uuid::parse(t)
                             : e.field == "/createdAt" ? !ca::date_time::parse(t) // F8: any fraction length
                                                       : true;
            CORTI_FUZZ_CHECK(bad, "a valid value called invalid: " + describe(e));
        }
}

} // namespace corti_fuzz

#endif
