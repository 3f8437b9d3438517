// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.

// parse_user/*: the docs' create-user response (179 bytes) read by
// corti-admin's strict parser and by what users would otherwise pick.

#include "alloc_counter.hpp"
#include "docs_data.hpp"
#include "../fuzz/boost_handler.hpp"

#include <corti/admin.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace admin = corti::admin;
using corti_bench::alloc_scope;
using corti_bench::docs_user_response;

namespace {

admin::http_response docs_response()
{
    admin::http_response r;
    r.status = 201;
    r.headers.add("Content-Type", "application/json");
    r.body = std::string(docs_user_response);
    return r;
}

bool is_docs_user(admin::user const& u)
{
    return u.email == "user@example.com" && u.first_name == "John" && u.last_name == "Doe" && u.enabled && u.id &&
           u.id->to_string() == "123e4567-e89b-12d3-a456-426614174000" && u.email_verified && *u.email_verified &&
           u.created_at && u.created_at->to_string() == "2023-10-01T12:00:00Z";
}

// --- corti: status, Content-Type, size, syntax, schema, formats ---------------

void parse_user_corti(benchmark::State& state)
{
    admin::config const cfg;
    admin::http_response const resp = docs_response();
    if(auto u = admin::parse_create_user_response(resp, cfg); !u || !is_docs_user(*u))
    {
        state.SkipWithError("parse_create_user_response did not give the docs' user");
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        auto u = admin::parse_create_user_response(resp, cfg);
        benchmark::DoNotOptimize(u);
    }
    allocs.report(state);
}

// --- Boost.JSON DOM, default memory resource, no validation -------------------

void parse_user_boost_dom(benchmark::State& state)
{
    std::string const body(docs_user_response);
    if(!boost::json::parse(body).as_object().contains("createdAt"))
    {
        state.SkipWithError("boost::json::parse failed");
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        boost::json::value v = boost::json::parse(body);
        benchmark::DoNotOptimize(v);
    }
    allocs.report(state);
}

// --- Boost.JSON basic_parser with a handler that does nothing -----------------

// Accepts every event (shared with the fuzz oracles).
using null_handler = corti_fuzz::boost_handler;

std::size_t null_parse(std::string const& body, boost::system::error_code& ec)
{
    boost::json::basic_parser<null_handler> p(boost::json::parse_options{});
    return p.write_some(false, body.data(), body.size(), ec);
}

void parse_user_boost_null_handler(benchmark::State& state)
{
    std::string const body(docs_user_response);
    boost::system::error_code ec;
    if(null_parse(body, ec) != body.size() || ec)
    {
        state.SkipWithError("basic_parser failed");
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        auto n = null_parse(body, ec);
        benchmark::DoNotOptimize(n);
        benchmark::DoNotOptimize(ec);
    }
    allocs.report(state);
}

// --- nlohmann::json::parse, then the fields into a plain struct ----------------

void parse_user_nlohmann(benchmark::State& state)
{
    std::string const body(docs_user_response);
    {
        auto const u = corti_bench::read_plain_user(nlohmann::json::parse(body));
        if(u.email != "user@example.com" || !u.created_at || *u.created_at != "2023-10-01T12:00:00Z")
        {
            state.SkipWithError("nlohmann did not give the docs' user");
            return;
        }
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        auto u = corti_bench::read_plain_user(nlohmann::json::parse(body));
        benchmark::DoNotOptimize(u);
    }
    allocs.report(state);
}

} // namespace

BENCHMARK(parse_user_corti)->Name("parse_user/corti");
BENCHMARK(parse_user_boost_dom)->Name("parse_user/boost_dom");
BENCHMARK(parse_user_boost_null_handler)->Name("parse_user/boost_null_handler");
BENCHMARK(parse_user_nlohmann)->Name("parse_user/nlohmann");

// --- parse_hostile/*: bodies a broken or hostile server may send ----------------
//
// About 1 MiB each, a 201 that the create-user parser must read whole (the
// unknown values are skipped, the repeats looked for) next to the Boost.JSON
// DOM reading the same bytes. The goal is corti <= 3x boost_dom: linear time,
// whatever the body holds.

namespace {

/// The docs' user with `extra` members added before its last one.
std::string user_with(std::string const& extra)
{
    std::string body(docs_user_response);
    auto const at = body.rfind('}');
    return body.substr(0, at) + "," + extra + body.substr(at);
}

std::string const& hostile_body(int which)
{
    static std::string const bodies[3] = {
        [] { // 1 MiB of short unknown keys, all different
            std::string extra;
            for(int i = 0; extra.size() < (1u << 20) - 256; ++i)
                extra += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
            return user_with(extra);
        }(),
        [] { // a few long unknown strings
            std::string extra;
            for(int i = 0; i < 16; ++i)
                extra += (i ? ",\"s" : "\"s") + std::to_string(i) + "\":\"" + std::string(65000, 'x') + "\"";
            return user_with(extra);
        }(),
        [] { // arrays nested 15 deep (within the default depth of 16), many times
            std::string extra = "\"deep\":[";
            for(int i = 0; extra.size() < (1u << 20) - 256; ++i)
                extra += (i ? "," : "") + std::string(14, '[') + "0" + std::string(14, ']');
            return user_with(extra + "]");
        }(),
    };
    return bodies[which];
}

template<int Which>
void parse_hostile_corti(benchmark::State& state)
{
    admin::config cfg;
    cfg.limits.max_body_size = 2u << 20;
    cfg.limits.max_string_length = 1u << 20;
    admin::http_response resp = docs_response();
    resp.body = hostile_body(Which);
    if(auto u = admin::parse_create_user_response(resp, cfg); !u || !is_docs_user(*u))
    {
        state.SkipWithError("parse_create_user_response did not give the docs' user");
        return;
    }
    for(auto _ : state)
    {
        auto u = admin::parse_create_user_response(resp, cfg);
        benchmark::DoNotOptimize(u);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(resp.body.size()));
}

template<int Which>
void parse_hostile_boost_dom(benchmark::State& state)
{
    std::string const& body = hostile_body(Which);
    for(auto _ : state)
    {
        boost::json::value v = boost::json::parse(body);
        benchmark::DoNotOptimize(v);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(body.size()));
}

} // namespace

BENCHMARK(parse_hostile_corti<0>)->Name("parse_hostile/unknown_keys_1mib/corti")->Unit(benchmark::kMillisecond);
BENCHMARK(parse_hostile_boost_dom<0>)->Name("parse_hostile/unknown_keys_1mib/boost_dom")->Unit(benchmark::kMillisecond);
BENCHMARK(parse_hostile_corti<1>)->Name("parse_hostile/long_strings_1mib/corti")->Unit(benchmark::kMillisecond);
BENCHMARK(parse_hostile_boost_dom<1>)->Name("parse_hostile/long_strings_1mib/boost_dom")->Unit(benchmark::kMillisecond);
BENCHMARK(parse_hostile_corti<2>)->Name("parse_hostile/deep_arrays_1mib/corti")->Unit(benchmark::kMillisecond);
BENCHMARK(parse_hostile_boost_dom<2>)->Name("parse_hostile/deep_arrays_1mib/boost_dom")->Unit(benchmark::kMillisecond);
