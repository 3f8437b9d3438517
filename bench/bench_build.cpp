// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.

// build_create_user/*: the docs' create-user request, built by
// corti-admin (checked, percent-encoded, escaped) and by hand.

#include "alloc_counter.hpp"
#include "docs_data.hpp"

#include <corti/admin.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace admin = corti::admin;
using namespace corti_bench;

namespace {

admin::new_user docs_new_user()
{
    admin::new_user u;
    u.email = std::string(docs_email);
    u.first_name = std::string(docs_first_name);
    u.last_name = std::string(docs_last_name);
    u.password = admin::secret(docs_password);
    return u;
}

std::string const expected_body =
    R"({"email":"user@example.com","firstName":"John","lastName":"Doe","password":"My$ecureP@ssw0rd123!"})";

void build_create_user_corti(benchmark::State& state)
{
    admin::config const cfg;
    admin::secret const token(docs_token);
    admin::new_user const u = docs_new_user();
    if(auto r = admin::make_create_user_request(cfg, token, docs_project, docs_customer, u);
       !r || r->body != expected_body)
    {
        state.SkipWithError("make_create_user_request did not give the docs' body");
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        auto r = admin::make_create_user_request(cfg, token, docs_project, docs_customer, u);
        benchmark::DoNotOptimize(r);
    }
    allocs.report(state);
}

void build_create_user_nlohmann_concat(benchmark::State& state)
{
    // What the hand-written client keeps: its settings as strings, made once.
    std::string const scheme_host = "https://api.console.corti.app";
    std::string const host = "api.console.corti.app";
    std::string const base_path = "/functions/v1/public";
    std::string const user_agent = "corti-admin/0.1.0";
    std::string const token(docs_token);
    std::string const project(docs_project);
    std::string const customer(docs_customer);
    std::string const email(docs_email), first(docs_first_name), last(docs_last_name), password(docs_password);
    auto const check = plain_create_user_request(scheme_host, host, base_path, user_agent, token, project, customer,
                                                 email, first, last, password);
    if(check.body != expected_body || check.headers.size() != 5)
    {
        state.SkipWithError("the hand-written builder did not give the docs' body");
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        auto r = plain_create_user_request(scheme_host, host, base_path, user_agent, token, project, customer, email,
                                           first, last, password);
        benchmark::DoNotOptimize(r);
    }
    allocs.report(state);
}

} // namespace

BENCHMARK(build_create_user_corti)->Name("build_create_user/corti");
BENCHMARK(build_create_user_nlohmann_concat)->Name("build_create_user/nlohmann_concat");
