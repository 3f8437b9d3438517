// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_HPP

/*  The bodies of the fuzz targets, one `fuzz_<name>(data, size)` each.

    Used by the libFuzzer mains (fuzz/fuzz_<name>.cpp) and by the replay test
    (tests/test_fuzz_replay.cpp), which runs every file of fuzz/corpus/<name>/
    and fuzz/regressions/<name>/ through the same function. How a violated
    invariant is reported is up to the includer: see CORTI_FUZZ_FAIL in
    oracles.hpp.

    Input layouts (the seeds in fuzz/corpus/ follow them; fuzz/seeds.py
    writes them):

      fuzz_create_user_response  [config][status|type][arena] body
      fuzz_api_error             [config] body
      fuzz_path_segment          [config] value
      fuzz_request_body          email 0xFF first 0xFF last [0xFF password]
      fuzz_client                [status|type][secrets|transport][headers|mode]
                                 [type 0xFF] [request-id 0xFF] [location 0xFF] body
      fuzz_validators            text
      fuzz_json_parser           [config] [reject-at, when config bit 5] text

    The configuration bytes use only their low 6 bits, so `@` (0x40) means
    "all defaults" and seeds stay readable.
*/

#include "oracles.hpp"

#include <corti/admin.hpp>
#include <corti/admin/testing.hpp>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace corti_fuzz {

namespace ca = corti::admin;

/// The statuses a fuzzed response may have (index: 3 bits of a config byte).
inline constexpr unsigned statuses[8] = {200, 201, 400, 409, 500, 302, 204, 100};

/// Content-Type values (index 7: no Content-Type header at all).
inline constexpr std::string_view content_types[7] = {
    "application/json",          "application/json; charset=utf-8", " Application/JSON ;x=y", "text/html; charset=utf-8",
    "application/jsonx",         "application/problem+json",        "",
};

inline constexpr std::string_view request_id_value = "req-7f3a";

/// json_reader's max_supported_depth: the reader never goes deeper, whatever the limits say.
inline constexpr std::size_t reader_depth_cap = 32;

/// Decodes the config byte shared by the response targets:
/// bit 0 strict, bits 1-2 max_depth {16, 1, 3, 64}, bit 3 max_string_length 12,
/// bit 4 max_body_size 100.
inline ca::config response_config(std::uint8_t b)
{
    ca::config cfg;
    cfg.strictness = (b & 1) ? ca::strictness::strict : ca::strictness::tolerant;
    static constexpr std::size_t depths[4] = {16, 1, 3, 64};
    cfg.limits.max_depth = depths[(b >> 1) & 3];
    if(b & 8)
        cfg.limits.max_string_length = 12;
    if(b & 16)
        cfg.limits.max_body_size = 100;
    return cfg;
}

inline std::string describe(ca::error const& e)
{
    return "error " + show(e.to_string());
}

// ---------------------------------------------------------------------------
// Shared checks

/** What `parse_api_error` promises about `error::message`: at most 512
    bytes plus `...`, well-formed UTF-8, no control characters.
*/
inline void check_server_message(std::string_view m)
{
    CORTI_FUZZ_CHECK(m.size() <= 515, show(m));
    CORTI_FUZZ_CHECK(m.size() <= 512 || m.substr(m.size() - 3) == "...", show(m));
    CORTI_FUZZ_CHECK(utf8_length(m).has_value(), "message is not UTF-8: " + show(m)); // F1
    CORTI_FUZZ_CHECK(!has_c0_or_del(m), show(m));
    CORTI_FUZZ_CHECK(!has_c1(m), "message holds a C1 control: " + show(m)); // F2
}

/// The message parse_api_error should produce for a body, computed from the
/// documentation, or nullopt for the shapes whose reading the docs leave
/// open (duplicate keys, an array or an object where a message string is
/// looked for).
inline std::optional<std::string> expected_api_message(std::string_view body, ca::limits const& lim)
{
    std::string const out = sanitize(trim(body), 512); // the excerpt, unless a message is found
    if(body.empty() || body.size() > lim.max_body_size)
        return out;
    auto const f = facts_of(body);
    if(f.number_limit)
        return std::nullopt; // the oracle stopped reading at a number the library reads on
    if(!f.valid || f.depth > std::min(lim.max_depth, reader_depth_cap))
        return out;
    if(f.duplicate)
        return std::nullopt;
    auto const dom = dom_of(body, f);
    if(!dom)
        return std::nullopt;
    auto const* root = dom->if_object();
    if(!root)
        return out;

    // Documented order: error, error.message, message, msg, error_description,
    // detail; the first non-empty string wins.
    std::optional<std::string> best;
    auto const consider = [&](boost::json::value const* v) {
        if(!v)
            return true;
        if(v->is_array() || v->is_object())
            return false;
        if(auto const* s = v->if_string(); s && !s->empty() && !best)
            best = std::string(s->data(), s->size());
        return true;
    };
    if(auto const* e = root->if_contains("error"); e && e->is_object())
    {
        // Whatever else the object holds, nested objects too (F4).
        if(!consider(e->as_object().if_contains("message")))
            return std::nullopt;
    }
    else if(!consider(e))
        return std::nullopt;
    for(char const* k : {"message", "msg", "error_description", "detail"})
        if(!consider(root->if_contains(k)))
            return std::nullopt;
    if(best)
        return sanitize(*best, 512);
    return out;
}

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
            CORTI_FUZZ_CHECK(ca::date_time::parse(u.created_at->to_string()) == u.created_at, u.created_at->to_string());

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
        CORTI_FUZZ_CHECK(o.if_contains("enabled") && o.at("enabled").is_bool() && o.at("enabled").get_bool() == u.enabled,
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
            check_server_message(e.message);
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
    case ca::errc::malformed_json:
        CORTI_FUZZ_CHECK(!facts.valid, "valid JSON called malformed: " + describe(e));
        break;
    case ca::errc::out_of_memory: CORTI_FUZZ_CHECK(with_arena, "no arena, yet " + describe(e)); break;
    case ca::errc::too_deep:
        CORTI_FUZZ_CHECK(facts.depth > depth_limit, describe(e) + " at depth " + std::to_string(facts.depth));
        break;
    case ca::errc::string_too_long:
        CORTI_FUZZ_CHECK(facts.longest > lim.max_string_length, describe(e));
        break;
    case ca::errc::duplicate_key: CORTI_FUZZ_CHECK(facts.duplicate, describe(e)); break;
    case ca::errc::unknown_field:
        CORTI_FUZZ_CHECK(cfg.strictness == ca::strictness::strict, describe(e));
        break;
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

// ---------------------------------------------------------------------------
// fuzz_create_user_response

template<class T, class = void>
struct has_equal : std::false_type
{
};

template<class T>
struct has_equal<T, std::void_t<decltype(std::declval<T const&>() == std::declval<T const&>())>> : std::true_type
{
};

/** Runs `parse(nullptr)`, and when `arena_size` is not 0 `parse(&arena)`
    with an arena of that size, and gives each answer to `check(answer,
    with_arena)`. The arena's peak stays within it, and its answer is the
    same (the same value where the type compares, the same error to the
    letter) or `out_of_memory`, which never replaces a verdict on a broken
    or too deep body (they outrank it). Returns the answer without the arena.
*/
template<class Parse, class Check>
auto parse_with_and_without_arena(std::size_t arena_size, Parse parse, Check check)
{
    auto res = parse(nullptr);
    check(res, false);
    if(arena_size == 0)
        return res;
    std::vector<unsigned char> buffer(arena_size);
    ca::parse_arena arena(buffer.data(), buffer.size());
    auto const in_arena = parse(&arena);
    check(in_arena, true);
    CORTI_FUZZ_CHECK(arena.peak() <= arena.size(), std::to_string(arena.peak()));
    if(!in_arena && in_arena.error().code == ca::errc::out_of_memory)
    {
        CORTI_FUZZ_CHECK(res || (res.error().code != ca::errc::malformed_json && res.error().code != ca::errc::too_deep),
                         "out of memory, without an arena " + describe(res.error()));
        return res;
    }
    CORTI_FUZZ_CHECK(res.has_value() == in_arena.has_value(), res ? describe(in_arena.error()) : describe(res.error()));
    if(!res)
        CORTI_FUZZ_CHECK(res.error().to_string() == in_arena.error().to_string(),
                         describe(res.error()) + " vs " + describe(in_arena.error()));
    else if constexpr(has_equal<std::decay_t<decltype(*res)>>::value)
        CORTI_FUZZ_CHECK(*res == *in_arena, "another value with an arena");
    return res;
}

/// [config][status|type][arena] body. Config: see response_config, bit 5
/// adds an x-request-id header. Status|type: bits 0-2 status, bits 3-5
/// Content-Type. Arena: bits 0-1 a parse_arena of {none, 16, 100, 4096} bytes.
inline void fuzz_create_user_response(std::uint8_t const* data, std::size_t size)
{
    static constexpr std::size_t arena_sizes[4] = {0, 16, 100, 4096};
    input in(data, size);
    std::uint8_t const c0 = in.byte();
    std::uint8_t const c1 = in.byte();
    std::uint8_t const c2 = in.byte();
    ca::config const cfg = response_config(c0);
    ca::http_response r;
    r.status = statuses[c1 & 7];
    if(auto const t = (c1 >> 3) & 7; t < 7)
        r.headers.add("Content-Type", content_types[t]);
    if(c0 & 32)
        r.headers.add("X-Request-Id", request_id_value);
    r.body = std::string(in.rest());

    parse_with_and_without_arena(
        arena_sizes[c2 & 3], [&](ca::parse_arena* a) { return ca::parse_create_user_response(r, cfg, a); },
        [&](auto const& res, bool with_arena) { check_user_result(r, cfg, res, with_arena); });
}

// ---------------------------------------------------------------------------
// fuzz_api_error

/// [config] body. Config: bits 0-2 status, bit 3 max_body_size 16,
/// bits 4-5 max_depth {16, 1, 2, 64}.
inline void fuzz_api_error(std::uint8_t const* data, std::size_t size)
{
    static constexpr unsigned error_statuses[8] = {400, 401, 403, 404, 409, 429, 500, 503};
    static constexpr std::size_t depths[4] = {16, 1, 2, 64};
    input in(data, size);
    std::uint8_t const c = in.byte();
    ca::limits lim;
    if(c & 8)
        lim.max_body_size = 16;
    lim.max_depth = depths[(c >> 4) & 3];
    ca::http_response r;
    r.status = error_statuses[c & 7];
    r.headers.add("Request-Id", request_id_value);
    r.body = std::string(in.rest());

    ca::error const e = ca::parse_api_error(r, lim);
    CORTI_FUZZ_CHECK(e.code == ca::errc::api_error, describe(e));
    CORTI_FUZZ_CHECK(e.http_status == r.status, describe(e));
    CORTI_FUZZ_CHECK(e.request_id == request_id_value, describe(e));
    CORTI_FUZZ_CHECK(e.field.empty(), describe(e));
    check_server_message(e.message);
    if(auto const want = expected_api_message(r.body, lim))
        CORTI_FUZZ_CHECK(e.message == *want, "message " + show(e.message) + ", expected " + show(*want));
}

// ---------------------------------------------------------------------------
// fuzz_path_segment

/// [config] value. Config: bit 0 parameter (projectId/256, customerId/64),
/// bits 1-2 base path.
inline void fuzz_path_segment(std::uint8_t const* data, std::size_t size)
{
    static constexpr std::string_view bases[4] = {"/functions/v1/public", "", "/a%2Fb/c", "/x/"};
    input in(data, size);
    std::uint8_t const c = in.byte();
    std::string_view const name = (c & 1) ? "customerId" : "projectId";
    std::size_t const max = (c & 1) ? ca::max_customer_id_length : ca::max_project_id_length;
    std::string_view const base = bases[(c >> 1) & 3];
    std::string_view const value = in.rest();

    // Documented acceptance, computed independently.
    auto const cps = utf8_length(value);
    bool const want = !value.empty() && value != "." && value != ".." && cps && !has_c0_or_del(value) && *cps <= max;

    auto const checked = ca::check_path_parameter(name, value, max);
    CORTI_FUZZ_CHECK(checked.has_value() == want, show(value) + (want ? " rejected" : " accepted"));
    if(!checked)
    {
        CORTI_FUZZ_CHECK(checked.error().code == ca::errc::invalid_argument, describe(checked.error()));
        CORTI_FUZZ_CHECK(checked.error().field == name, describe(checked.error()));
        CORTI_FUZZ_CHECK(!checked.error().message.empty(), describe(checked.error()));
    }
    if(value.empty())
        return;

    // The encoder is checked for every value: it does not validate.
    std::string target(base);
    ca::append_path_segment(target, value);
    CORTI_FUZZ_CHECK(std::string_view(target).substr(0, base.size()) == base, show(target));
    std::string_view const seg = std::string_view(target).substr(base.size());
    CORTI_FUZZ_CHECK(!seg.empty() && seg.front() == '/', show(target));
    std::size_t expected_size = 1;
    for(char ch : value)
    {
        auto const u = static_cast<unsigned char>(ch);
        bool const unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                                u == '-' || u == '.' || u == '_' || u == '~';
        expected_size += unreserved ? 1 : 3;
    }
    CORTI_FUZZ_CHECK(seg.size() == expected_size, show(seg));
    auto const upper_hex = [](char h) { return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'); };
    for(std::size_t i = 1; i < seg.size(); ++i)
        if(seg[i] == '%')
        {
            CORTI_FUZZ_CHECK(i + 2 < seg.size() && upper_hex(seg[i + 1]) && upper_hex(seg[i + 2]), show(seg));
            i += 2;
        }

    // Boost.URL as the oracle: exactly one more segment, decoding to the value.
    auto const before = boost::urls::parse_origin_form(base.empty() ? "/" : base);
    auto const after = boost::urls::parse_origin_form(target);
    CORTI_FUZZ_CHECK(before && after, show(target));
    CORTI_FUZZ_CHECK(after->segments().size() == before->segments().size() + 1, show(target));
    CORTI_FUZZ_CHECK(!after->has_query() && !after->has_fragment(), show(target));
    std::string const last = *std::prev(after->segments().end());
    CORTI_FUZZ_CHECK(last == value, show(target) + " decodes to " + show(last));
}

// ---------------------------------------------------------------------------
// fuzz_request_body

inline constexpr std::string_view fixed_token = "tok-Q9xK2mV7pL4sR8wZ";

/// email 0xFF first 0xFF last [0xFF password]: no password without a third separator.
inline void fuzz_request_body(std::uint8_t const* data, std::size_t size)
{
    input in(data, size);
    auto const f = in.fields(4);
    ca::new_user nu;
    nu.email = std::string(f[0]);
    nu.first_name = f.size() > 1 ? std::string(f[1]) : std::string();
    nu.last_name = f.size() > 2 ? std::string(f[2]) : std::string();
    std::string_view const pw = f.size() > 3 ? f[3] : std::string_view();
    if(f.size() > 3)
        nu.password.emplace(pw);
    ca::config const cfg;
    ca::secret const token(fixed_token);

    auto const name_ok = [](std::string_view s) {
        auto const n = utf8_length(s);
        return n && *n >= 1 && *n <= 255 && !has_c0_or_del(s);
    };
    auto const pw_n = utf8_length(pw);
    bool const pw_ok = pw_n && *pw_n >= 16 && *pw_n <= 64;
    // The first invalid field, in the documented order; the email check is
    // the library's (RFC 5321 grammar), partly cross-checked below.
    std::string_view bad;
    if(!ca::is_valid_email(nu.email))
        bad = "/email";
    else if(!name_ok(nu.first_name))
        bad = "/firstName";
    else if(!name_ok(nu.last_name))
        bad = "/lastName";
    else if(nu.password && !pw_ok)
        bad = "/password";

    auto const req = ca::make_create_user_request(cfg, token, "proj-1", "cust-1", nu);
    if(!req)
    {
        ca::error const& e = req.error();
        CORTI_FUZZ_CHECK(e.code == ca::errc::invalid_field, describe(e));
        CORTI_FUZZ_CHECK(e.field == bad, describe(e) + ", expected " + std::string(bad));
        CORTI_FUZZ_CHECK(!contains(e.to_string(), fixed_token), describe(e));
        // The message may not depend on the password: build again with a
        // stand-in of the same validity and compare.
        if(nu.password)
        {
            ca::new_user other = nu;
            other.password.emplace(pw_ok ? "Stand-in-password-1" : "short");
            auto const again = ca::make_create_user_request(cfg, token, "proj-1", "cust-1", other);
            CORTI_FUZZ_CHECK(!again && again.error().message == e.message && again.error().field == e.field,
                             describe(e));
        }
        return;
    }
    CORTI_FUZZ_CHECK(bad.empty(), "accepted an invalid " + std::string(bad));
    // Cross-check what the email validator accepted against its documentation.
    auto const& em = nu.email;
    CORTI_FUZZ_CHECK(em.size() <= 254 && utf8_length(em) && !has_c0_or_del(em), show(em));
    auto const at = em.rfind('@');
    CORTI_FUZZ_CHECK(at != std::string::npos && at >= 1 && at <= 64 && at + 1 < em.size(), show(em));

    ca::http_request const& r = *req;
    CORTI_FUZZ_CHECK(r.method == ca::http_method::post, "method");
    CORTI_FUZZ_CHECK(r.target == "/functions/v1/public/projects/proj-1/customers/cust-1/users", show(r.target));
    CORTI_FUZZ_CHECK(r.sensitive_body == nu.password.has_value(), "sensitive_body");
    CORTI_FUZZ_CHECK(r.headers.find("Content-Type") == "application/json", "Content-Type");
    CORTI_FUZZ_CHECK(r.headers.find("Authorization") == "Bearer " + std::string(fixed_token), "Authorization");

    // The body is JSON holding exactly the inputs, in the documented order.
    boost::system::error_code ec;
    auto const v = boost::json::parse(boost::json::string_view(r.body.data(), r.body.size()), ec);
    CORTI_FUZZ_CHECK(!ec && v.is_object(), show(r.body));
    auto const& o = v.as_object();
    std::string_view const keys[4] = {"email", "firstName", "lastName", "password"};
    std::string_view const values[4] = {nu.email, nu.first_name, nu.last_name, pw};
    std::size_t const n = nu.password ? 4 : 3;
    CORTI_FUZZ_CHECK(o.size() == n, show(r.body));
    std::size_t i = 0;
    for(auto const& kv : o)
    {
        CORTI_FUZZ_CHECK(std::string_view(kv.key().data(), kv.key().size()) == keys[i], show(r.body));
        CORTI_FUZZ_CHECK(kv.value().is_string(), show(r.body));
        auto const& s = kv.value().get_string();
        CORTI_FUZZ_CHECK(std::string_view(s.data(), s.size()) == values[i], show(r.body));
        ++i;
    }

    // Printing a request redacts the token and a sensitive body. (Only the
    // head is searched for the token: the fields may hold its text.)
    std::ostringstream os;
    os << r;
    std::string const printed = os.str();
    std::string_view const head = std::string_view(printed).substr(0, printed.find("\r\n\r\n"));
    CORTI_FUZZ_CHECK(contains(head, "Authorization: [redacted]") && !contains(head, fixed_token), show(printed));
    if(nu.password)
        CORTI_FUZZ_CHECK(printed.substr(head.size()) == "\r\n\r\n[redacted " + std::to_string(r.body.size()) + " bytes]",
                         show(printed));
}

// ---------------------------------------------------------------------------
// fuzz_client

/// The passwords the client target may send (index: 2 bits). All valid; the
/// last one holds a tab, which the message sanitizer turns into a space.
inline constexpr std::string_view client_passwords[4] = {"", "Correct-Horse-Battery-42", "p\xC3\xA4ssw\xC3\xB6rd-S\xC3\xA9kret-77",
                                                         "Tab\tInside-Passw0rd-9"};

/** Checks that `text` (a member of an error) holds no trace of `secret`:
    neither the secret, nor an 8-byte piece of it (a copy cut by a length
    limit, F5), nor a piece of it with its controls turned into spaces (a
    copy the sanitizer changed, F5). `sources` are the texts the fuzzer chose
    (raw and JSON-decoded), each with every full copy of the secret cut out:
    a piece the fuzzer wrote itself is not a leak. Header values quoted in a
    message (Location, Content-Type) are covered too (F9).
*/
inline void check_no_secret(std::string_view what, std::string_view text, std::string_view secret,
                            std::vector<std::string> const& sources)
{
    if(secret.empty())
        return;
    CORTI_FUZZ_CHECK(!contains(text, secret), std::string(what) + " leaks a secret: " + show(text)); // F7
    std::string spaced(secret);
    std::replace_if(spaced.begin(), spaced.end(), [](char c) { return is_c0_or_del(static_cast<unsigned char>(c)); }, ' ');
    constexpr std::size_t piece = 8;
    for(std::string_view variant : {secret, std::string_view(spaced)})
        for(std::size_t i = 0; i + piece <= variant.size(); ++i)
        {
            auto const part = variant.substr(i, piece);
            // A space made from a control counts inside a piece only: at its
            // edge it could be any separator of the error's text.
            bool const changed_edge = variant.data() != secret.data() &&
                                      ((part.front() == ' ' && secret[i] != ' ') ||
                                       (part.back() == ' ' && secret[i + piece - 1] != ' '));
            if(changed_edge || !contains(text, part))
                continue;
            // Sources are compared as written and with their controls as spaces.
            bool const written_by_fuzzer = std::any_of(sources.begin(), sources.end(), [&](std::string s) {
                if(contains(s, part))
                    return true;
                std::replace_if(s.begin(), s.end(), [](char c) { return is_c0_or_del(static_cast<unsigned char>(c)); }, ' ');
                return contains(s, part);
            });
            auto const detail = [&] { return std::string(what) + " leaks " + show(part) + " of a secret: " + show(text); };
            CORTI_FUZZ_CHECK(written_by_fuzzer, detail()); // F5, F9
        }
}

/// Removes every copy of each secret from `s`.
inline std::string without(std::string s, std::initializer_list<std::string_view> secrets)
{
    for(auto secret : secrets)
        if(!secret.empty())
            for(auto at = s.find(secret); at != std::string::npos; at = s.find(secret, at))
                s.replace(at, secret.size(), "\x01");
    return s;
}

/// The secrets of the credentials mode: the Console password and the two
/// tokens the mock's /auth/token answers hand out.
inline constexpr std::string_view console_password = "Console-Pa55word-Secret";
/// (No 8-byte piece in common: a piece of one must not pass for the other.)
inline constexpr std::string_view fetched_tokens[2] = {"ftA-Q7w2Lk9Xp3Rv", "ftB-m4Nz8Tc1Yh6J"};

inline ca::http_response token_response(std::string_view token)
{
    ca::http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"accessToken":")" + std::string(token) + R"(","tokenType":"Bearer","expiresIn":3600})";
    return r;
}

/// [c0][c1][c2] [type 0xFF] [request-id 0xFF] [location 0xFF] body.
/// c0: bits 0-2 status (see client_statuses), bits 3-5 Content-Type (7: from the input).
/// c1: bits 0-1 password, bit 2 transport error (its message is the body),
///     bits 3-4 transport error code, bit 5 strict.
/// c2: bit 0 x-request-id from the input, bit 1 Location from the input,
///     bit 2 Console credentials instead of a fixed token (a token is fetched
///     first, and again after a 401), bit 3 a retry policy of 3 attempts.
inline void fuzz_client(std::uint8_t const* data, std::size_t size)
{
    input in(data, size);
    std::uint8_t const c0 = in.byte();
    std::uint8_t const c1 = in.byte();
    std::uint8_t const c2 = in.byte();
    std::string_view const pw = client_passwords[c1 & 3];
    bool const transport_error = (c1 & 4) != 0;
    bool const credentials = (c2 & 4) != 0;

    static constexpr unsigned client_statuses[8] = {200, 201, 400, 401, 500, 503, 302, 204};
    ca::http_response resp;
    resp.status = client_statuses[c0 & 7];
    if(auto const t = (c0 >> 3) & 7; t < 7)
        resp.headers.add("Content-Type", content_types[t]);
    else
        resp.headers.add("Content-Type", in.field());
    if(c2 & 1)
        resp.headers.add("x-request-id", in.field());
    if(c2 & 2)
        resp.headers.add("Location", in.field());
    resp.body = std::string(in.rest());

    ca::config cfg;
    cfg.strictness = (c1 & 32) ? ca::strictness::strict : ca::strictness::tolerant;
    using mock_client = ca::client<ca::testing::mock_transport>;
    mock_client c = credentials ? mock_client(ca::testing::mock_transport{}, cfg,
                                              ca::console_credentials{"svc@example.com", ca::secret(console_password)})
                                : mock_client(ca::testing::mock_transport{}, cfg, ca::secret(fixed_token));
    int sleeps = 0;
    if(c2 & 8)
    {
        auto p = ca::retry_policy::with_attempts(3);
        p.sleep = [&](std::chrono::milliseconds) { ++sleeps; };
        p.now = [] { return ca::retry_policy::clock::time_point{}; };
        p.jitter = [] { return 0.5; };
        c.set_retry_policy(std::move(p));
    }

    ca::error transport_failure;
    if(transport_error)
    {
        static constexpr ca::errc codes[4] = {ca::errc::timeout, ca::errc::connection_failed,
                                              ca::errc::truncated_response, ca::errc::body_too_large};
        transport_failure = ca::error(codes[(c1 >> 3) & 3], resp.body);
    }
    // Credentials: token, answer, and for a 401 a second token and the same answer.
    for(int round = 0; round < (credentials ? 2 : 1); ++round)
    {
        if(credentials)
            c.get_transport().push(token_response(fetched_tokens[round]));
        if(transport_error)
            c.get_transport().push_error(transport_failure);
        else
            c.get_transport().push(resp);
    }

    ca::new_user nu{"new.user@example.com", "Ada", "Lovelace", std::nullopt};
    if(!pw.empty())
        nu.password.emplace(pw);
    auto const res = c.create_user("proj-1", "cust-1", nu);

    // What was sent: the create request once, or (credentials) after a token
    // request, and once more with a new token after a 401. A POST is never
    // retried, whatever the retry policy.
    // The secrets the client held during the call (the second token only
    // after a refresh).
    bool const refreshed = credentials && !transport_error && resp.status == 401;
    std::vector<std::string_view> secrets{pw};
    if(credentials)
        secrets.insert(secrets.end(), {console_password, fetched_tokens[0]});
    else
        secrets.push_back(fixed_token);
    if(refreshed)
        secrets.push_back(fetched_tokens[1]);
    auto const& sent = c.get_transport().requests();
    std::size_t const expected = credentials ? (refreshed ? 4 : 2) : 1;
    CORTI_FUZZ_CHECK(sent.size() == expected, std::to_string(sent.size()) + " requests");
    CORTI_FUZZ_CHECK(sleeps == 0, "a POST was retried");
    for(std::size_t i = 0; i < sent.size(); ++i)
    {
        bool const is_token_request = credentials && i % 2 == 0;
        if(!is_token_request)
        {
            std::string_view const token = credentials ? fetched_tokens[i / 2] : fixed_token;
            CORTI_FUZZ_CHECK(sent[i].headers.find("Authorization") == "Bearer " + std::string(token), "Authorization");
            CORTI_FUZZ_CHECK(sent[i].target == "/functions/v1/public/projects/proj-1/customers/cust-1/users", sent[i].target);
        }
        std::ostringstream printed;
        printed << sent[i];
        for(auto secret : secrets)
            CORTI_FUZZ_CHECK(!contains(printed.str(), secret), show(printed.str()));
    }

    if(res)
    {
        CORTI_FUZZ_CHECK(!transport_error, "success after a transport error");
        check_user_result(resp, cfg, res);
        return;
    }
    // The texts the fuzzer wrote: the body (raw and JSON-decoded), the headers.
    std::vector<std::string> sources = decoded_strings(resp.body);
    for(auto const& f : resp.headers)
        sources.push_back(f.value);
    sources.push_back(resp.body);
    bool const echoes_secret = std::any_of(sources.begin(), sources.end(), [&](std::string const& src) {
        return std::any_of(secrets.begin(), secrets.end(), [&](std::string_view x) { return contains(src, x); });
    });

    ca::error const& e = res.error();
    if(transport_error)
        CORTI_FUZZ_CHECK(e.code == transport_failure.code && e.http_status == 0, describe(e));
    else
    {
        // The client returns the parser's error; only scrubbing a secret the
        // server echoed may change its text.
        auto const direct = ca::parse_create_user_response(resp, cfg);
        CORTI_FUZZ_CHECK(!direct && direct.error().code == e.code && direct.error().http_status == e.http_status,
                         describe(e));
        if(!echoes_secret)
            CORTI_FUZZ_CHECK(direct.error().to_string() == e.to_string(), describe(e));
        check_user_result(resp, cfg, direct);
    }

    for(auto& src : sources)
        for(auto secret : secrets)
            src = without(std::move(src), {secret});
    std::string const text = e.to_string();
    for(auto secret : secrets)
    {
        check_no_secret("message", e.message, secret, sources);
        check_no_secret("field", e.field, secret, sources);
        check_no_secret("request_id", e.request_id, secret, sources);
        check_no_secret("to_string()", text, secret, sources);
    }
}

// ---------------------------------------------------------------------------
// fuzz_validators

/// The RFC 3339 date-time grammar and calendar, written from the RFC.
inline bool oracle_date_time(std::string_view s)
{
    auto const num = [&](std::size_t at, std::size_t len, int& v) {
        if(at + len > s.size())
            return false;
        v = 0;
        for(std::size_t k = at; k < at + len; ++k)
        {
            if(s[k] < '0' || s[k] > '9')
                return false;
            v = v * 10 + (s[k] - '0');
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if(s.size() < 20 || !num(0, 4, y) || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d) ||
       lower(s[10]) != 't' || !num(11, 2, h) || s[13] != ':' || !num(14, 2, mi) || s[16] != ':' || !num(17, 2, se))
        return false;
    std::size_t i = 19;
    if(s[i] == '.')
    {
        auto const end = s.find_first_not_of("0123456789", i + 1);
        if(end == i + 1 || end == std::string_view::npos)
            return false;
        i = end;
    }
    int off = 0;
    if(lower(s[i]) == 'z' && i + 1 == s.size())
        off = 0;
    else if((s[i] == '+' || s[i] == '-') && i + 6 == s.size())
    {
        int oh = 0, om = 0;
        if(!num(i + 1, 2, oh) || s[i + 3] != ':' || !num(i + 4, 2, om) || oh > 23 || om > 59)
            return false;
        off = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    else
        return false;
    static constexpr int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool const leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if(mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap ? 1 : 0) || h > 23 || mi > 59 || se > 60)
        return false;
    if(se == 60) // RFC 3339 5.7: leap seconds happen at 23:59:60 UTC
    {
        int const utc = ((h * 60 + mi - off) % 1440 + 1440) % 1440;
        if(utc != 23 * 60 + 59)
            return false;
    }
    return true;
}

inline bool oracle_uuid(std::string_view s)
{
    if(s.size() != 36)
        return false;
    for(std::size_t i = 0; i < 36; ++i)
    {
        bool const dash = i == 8 || i == 13 || i == 18 || i == 23;
        bool const hex = (s[i] >= '0' && s[i] <= '9') || (lower(s[i]) >= 'a' && lower(s[i]) <= 'f');
        if(dash ? s[i] != '-' : !hex)
            return false;
    }
    return true;
}

/// The whole input is given to every validator.
inline void fuzz_validators(std::uint8_t const* data, std::size_t size)
{
    std::string_view const s = input(data, size).rest();

    auto const u = ca::uuid::parse(s);
    CORTI_FUZZ_CHECK(u.has_value() == oracle_uuid(s), show(s));
    if(u)
    {
        std::string text = u->to_string();
        std::string lowered(s);
        std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
        CORTI_FUZZ_CHECK(text == lowered, show(text));
        CORTI_FUZZ_CHECK(ca::uuid::parse(text) == u, show(text));
        CORTI_FUZZ_CHECK(u->is_nil() == (lowered == "00000000-0000-0000-0000-000000000000"), show(text));
    }

    auto const t = ca::date_time::parse(s);
    CORTI_FUZZ_CHECK(t.has_value() == oracle_date_time(s), show(s));
    if(t)
    {
        CORTI_FUZZ_CHECK(t->nanosecond <= 999'999'999 && t->offset_minutes > -1440 && t->offset_minutes < 1440, show(s));
        std::string const text = t->to_string();
        auto const again = ca::date_time::parse(text);
        CORTI_FUZZ_CHECK(again == t, show(s) + " printed as " + show(text));
        // The same instant, whatever the offset.
        ca::date_time utc = *t;
        utc.offset_minutes = 0;
        auto const shift = t->to_unix_seconds() - utc.to_unix_seconds();
        CORTI_FUZZ_CHECK(shift == -60 * t->offset_minutes, show(s));
    }

    bool const email = ca::is_valid_email(s);
    if(email)
    {
        auto const at = s.rfind('@');
        CORTI_FUZZ_CHECK(s.size() <= 254 && utf8_length(s) && !has_c0_or_del(s), show(s));
        CORTI_FUZZ_CHECK(at != std::string_view::npos && at >= 1 && at <= 64 && at + 1 < s.size(), show(s));
    }

    auto const n = utf8_length(s);
    bool const name = n && *n >= 1 && *n <= 255 && !has_c0_or_del(s);
    CORTI_FUZZ_CHECK(ca::is_valid_name(s) == name, show(s));
    bool const password = n && *n >= 16 && *n <= 64;
    CORTI_FUZZ_CHECK(ca::is_valid_password(s) == password, show(s));
}

// ---------------------------------------------------------------------------

/// Every target, by the name of its corpus folder.
struct target
{
    char const* name;
    void (*run)(std::uint8_t const*, std::size_t);
};

// ---------------------------------------------------------------------------
// fuzz_json_parser

/** [config] [reject-at] text. Config: bits 0-4 the depth limit (0: 64),
    bit 5: the handler rejects at the event numbered by the next byte.

    The library's two event sources, Boost.JSON's `basic_parser` through
    `parse_json_boost` (the default) and the compact tokenizer (the
    firmware opt-in), against each other and against Boost.JSON's own
    parser with a plain handler: the same verdict (one document, too deep,
    or a syntax error), and for a document the same events with the same
    decoded strings and numbers as written. A handler that says no stops
    the events but not the syntax check, in both.
*/
inline void fuzz_json_parser(std::uint8_t const* data, std::size_t size)
{
    namespace cd = ca::detail;
    input in(data, size);
    std::uint8_t const c = in.byte();
    std::size_t const depth = (c & 31) == 0 ? 64 : (c & 31);
    json_parser_log compact;
    json_parser_log boost_source;
    if(c & 32)
        compact.reject_at = boost_source.reject_at = in.byte();
    std::string_view const text = in.rest();

    auto const r = cd::parse_json_compact(text, compact, depth);
    auto const b = cd::parse_json_boost(text, boost_source, depth);
    auto const theirs = boost_read(text, depth);
    CORTI_FUZZ_CHECK(r.offset <= text.size(), std::to_string(r.offset));
    CORTI_FUZZ_CHECK(b.offset <= text.size(), std::to_string(b.offset));
    using st = cd::json_parse_result::status;
    std::string const what = std::string(r.reason) + " at " + std::to_string(r.offset) + "; Boost source: " + b.reason +
                             " at " + std::to_string(b.offset) + "; Boost.JSON: " + theirs.ec.message() + "; text " +
                             show(text);
    // The Boost source is Boost.JSON's parser: the same verdict, always.
    if(theirs.ec == boost::json::error::too_deep)
        CORTI_FUZZ_CHECK(b.what == st::too_deep, "Boost source not too deep: " + what);
    else if(theirs.ec == boost::json::error::exponent_overflow)
        CORTI_FUZZ_CHECK(b.what == st::limit, "Boost source: an exponent overflow is not a limit: " + what);
    else if(theirs.ec)
        CORTI_FUZZ_CHECK(b.what == st::syntax, "Boost source: not a syntax error: " + what);
    else
    {
        CORTI_FUZZ_CHECK(b.what == (boost_source.rejected ? st::rejected : st::ok), "Boost source: not accepted: " + what);
        if(!boost_source.rejected)
            CORTI_FUZZ_CHECK(boost_source.log == theirs.log,
                             "Boost source events " + show(boost_source.log) + ", Boost.JSON " + show(theirs.log));
    }
    if(b.what == st::limit)
        return; // Boost.JSON's own limit on exponents, which RFC 8259 allows; the compact tokenizer has none
    // The compact tokenizer: the same verdict and the same events. (Where a
    // handler says no may differ: the sources cut long escaped strings into
    // pieces of different sizes, and each piece is an event.)
    auto const taken = [](st w) { return w == st::rejected ? st::ok : w; };
    CORTI_FUZZ_CHECK(taken(r.what) == taken(b.what), "verdicts differ: " + what);
    if(r.what == st::rejected)
        CORTI_FUZZ_CHECK(compact.rejected, "compact: rejected, but the handler took everything: " + what);
    if(compact.rejected)
        CORTI_FUZZ_CHECK(r.what != st::ok, "compact: the handler said no, and the verdict is ok: " + what);
    if(r.what == st::ok && b.what == st::ok)
        CORTI_FUZZ_CHECK(compact.log == boost_source.log,
                         "events " + show(compact.log) + ", Boost source " + show(boost_source.log));
    if(r.what == st::syntax)
        CORTI_FUZZ_CHECK(*r.reason != '\0' && *b.reason != '\0', "a syntax error without a reason");
}

// ---------------------------------------------------------------------------
// fuzz_operation_responses

/** Checks a parser's answer against what every parser promises: success only
    with one of the operation's statuses, a 3xx/4xx/5xx is always an error of
    the matching code, every error is of the library's category, and a
    `field` is empty or a JSON Pointer.
*/
template<class R>
void check_operation_result(ca::http_response const& r, R const& res, std::initializer_list<unsigned> success)
{
    if(res)
    {
        CORTI_FUZZ_CHECK(std::find(success.begin(), success.end(), r.status) != success.end(),
                         "success with status " + std::to_string(r.status));
        return;
    }
    ca::error const& e = res.error();
    CORTI_FUZZ_CHECK(e.code.category() == ca::admin_category(), describe(e));
    if(r.status >= 400 && r.status <= 599)
        CORTI_FUZZ_CHECK(e.code == ca::errc::api_error && e.http_status == r.status, describe(e));
    else if(r.status >= 300 && r.status <= 399)
        CORTI_FUZZ_CHECK(e.code == ca::errc::redirect_not_followed, describe(e));
    CORTI_FUZZ_CHECK(e.field.empty() || e.field.front() == '/', describe(e));
    check_server_message(e.message);
}

/// [config][operation][status|type] body: the parsers of the eleven
/// operations other than create-user (which has its own target). Config as
/// fuzz_create_user_response's; operation: byte % 11; arena: byte / 11 % 4
/// (none, 16, 64 or 4096 bytes; see parse_with_and_without_arena).
inline void fuzz_operation_responses(std::uint8_t const* data, std::size_t size)
{
    static constexpr unsigned op_statuses[8] = {200, 201, 204, 400, 401, 404, 503, 307};
    input in(data, size);
    std::uint8_t const c0 = in.byte();
    std::uint8_t const op = in.byte();
    std::uint8_t const c2 = in.byte();
    ca::config const cfg = response_config(c0);
    ca::http_response r;
    r.status = op_statuses[c2 & 7];
    if(auto const t = (c2 >> 3) & 7; t < 7)
        r.headers.add("Content-Type", content_types[t]);
    r.body = std::string(in.rest());
    static constexpr std::size_t arena_sizes[4] = {0, 16, 64, 4096};
    std::size_t const arena_size = arena_sizes[op / 11 % 4];
    auto const parse_and_check = [&](auto parse, std::initializer_list<unsigned> success) {
        return parse_with_and_without_arena(
            arena_size, [&](ca::parse_arena* a) { return parse(r, cfg, a); },
            [&](auto const& res, bool) { check_operation_result(r, res, success); });
    };
    switch(op % 11)
    {
    case 0: parse_and_check(ca::parse_fetch_token_response, {200}); break;
    case 1: parse_and_check(ca::parse_list_customers_response, {200}); break;
    case 2: parse_and_check(ca::parse_create_customer_response, {200, 201}); break;
    case 3: parse_and_check(ca::parse_update_customer_response, {200}); break;
    case 4: check_operation_result(r, ca::parse_delete_customer_response(r, cfg), {200, 204}); break;
    case 5: parse_and_check(ca::parse_get_customer_quotas_response, {200}); break;
    case 6: parse_and_check(ca::parse_list_users_response, {200}); break;
    case 7: parse_and_check(ca::parse_update_user_response, {200}); break;
    case 8: check_operation_result(r, ca::parse_delete_user_response(r, cfg), {204}); break;
    case 9: {
        auto const res = parse_and_check(ca::parse_get_user_consumption_response, {200});
        if(res)
            CORTI_FUZZ_CHECK(std::isfinite(*res) && *res >= 0, std::to_string(*res));
        break;
    }
    default: parse_and_check(ca::parse_get_project_quotas_response, {200}); break;
    }
}

inline constexpr target all_targets[] = {
    {"fuzz_create_user_response", &fuzz_create_user_response},
    {"fuzz_api_error", &fuzz_api_error},
    {"fuzz_path_segment", &fuzz_path_segment},
    {"fuzz_request_body", &fuzz_request_body},
    {"fuzz_client", &fuzz_client},
    {"fuzz_validators", &fuzz_validators},
    {"fuzz_operation_responses", &fuzz_operation_responses},
    {"fuzz_json_parser", &fuzz_json_parser},
};

} // namespace corti_fuzz

#endif
