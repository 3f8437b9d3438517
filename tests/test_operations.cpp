// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The table of operations agrees with its builders, its parsers and the
// README's operation table: a descriptor that says POST while its builder
// sends PATCH, or a README row that drifts, fails here.
#include <corti/admin/operations.hpp>
#include <corti/admin/responses.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>

using namespace corti::admin;

namespace {

secret const console_password("Console-Pa55word-0123");
new_customer const a_customer{"Contoso Hospital", "contoso", std::nullopt, std::nullopt, std::nullopt};
customer_update const no_change{};
new_user const a_user{"user@example.com", "John", "Doe", secret("My$ecureP@ssw0rd123!")};
user_update const user_change{};
uuid const a_user_id = *uuid::parse("123e4567-e89b-12d3-a456-426614174000");
date_time const from = *date_time::parse("2026-01-01T00:00:00Z");
date_time const to = *date_time::parse("2026-02-01T00:00:00Z");

// One instance of each descriptor, in the table's order.
auto samples()
{
    namespace op = operations;
    return std::make_tuple(
        op::fetch_token{"admin@example.com", console_password}, op::list_customers{"p", {}},
        op::create_customer{"p", a_customer}, op::update_customer{"p", "c", no_change}, op::delete_customer{"p", "c"},
        op::get_customer_quotas{"p", "c"}, op::list_users{"p", "c", {}}, op::create_user{"p", "c", a_user},
        op::update_user{"p", "c", a_user_id, user_change}, op::delete_user{"p", "c", a_user_id},
        op::get_user_consumption{"p", "c", a_user_id, from, to, std::nullopt}, op::get_project_quotas{"p"});
}

static_assert(std::is_same_v<decltype(samples()), operations::all>, "one sample per operation, in order");

// The path template with the samples' arguments.
std::string fill(std::string_view path)
{
    std::string s(path);
    auto put = [&](std::string const& name, std::string const& value) {
        if(auto at = s.find(name); at != std::string::npos)
            s.replace(at, name.size(), value);
    };
    put("{projectId}", "p");
    put("{customerId}", "c");
    put("{userId}", a_user_id.to_string());
    return s;
}

template<class F>
void for_each_sample(F f)
{
    std::apply([&](auto const&... op) { (f(op), ...); }, samples());
}

std::string statuses(operations::status_list const& l)
{
    std::string s;
    for(unsigned x : l)
        s += (s.empty() ? "" : ", ") + std::to_string(x);
    return s;
}

std::string readme()
{
    std::ifstream in(CORTI_ADMIN_README);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("operations: each builder sends its descriptor's method and path")
{
    config const cfg;
    secret const token("tok");
    std::set<std::string_view> names;
    for_each_sample([&](auto const& op) {
        using op_t = std::decay_t<decltype(op)>;
        INFO(op_t::info.name);
        CHECK(names.insert(op_t::info.name).second);
        auto const req = op.build(cfg, token);
        REQUIRE(req);
        CHECK(req->method == op_t::info.method);
        std::string const target = req->target.substr(0, req->target.find('?'));
        CHECK(target == cfg.endpoint.encoded_base_path + fill(op_t::info.path));
        CHECK(op_t::info.retryable() == is_idempotent(op_t::info.method));
        bool const has_secret = !operations::sent_secret(op).empty();
        CHECK(has_secret == req->sensitive_body);
    });
    CHECK(names.size() == std::tuple_size_v<operations::all>);
}

TEST_CASE("operations: each parser accepts exactly its descriptor's success statuses")
{
    config const cfg;
    for_each_sample([&](auto const& op) {
        using op_t = std::decay_t<decltype(op)>;
        (void)op;
        for(unsigned status = 100; status < 300; ++status)
        {
            http_response r;
            r.status = status;
            r.headers.add("Content-Type", "application/json");
            r.body = "[]"; // never a valid body: what matters is whether the status passes
            if(status == 204 || std::is_void_v<typename op_t::result_type>)
                r.body.clear();
            auto const out = operations::parse<op_t>(r, cfg);
            bool const documented = op_t::info.success.contains(status);
            INFO(op_t::info.name << " status " << status);
            if(documented)
                CHECK((out || out.error() != errc::unexpected_status));
            else
            {
                REQUIRE_FALSE(out);
                CHECK(out.error() == errc::unexpected_status);
                CHECK(out.error() == condition::invalid_response);
            }
        }
    });
}

TEST_CASE("operations: the README's operation table lists each descriptor as it is")
{
    std::string const text = readme();
    REQUIRE_FALSE(text.empty());
    for_each_sample([&](auto const& op) {
        using op_t = std::decay_t<decltype(op)>;
        (void)op;
        std::string const row = "| `" + std::string(op_t::info.name) + "` | `" +
                                std::string(to_string(op_t::info.method)) + " " + std::string(op_t::info.path);
        INFO(row);
        auto const at = text.find(row);
        REQUIRE(at != std::string::npos);
        std::string const line = text.substr(at, text.find('\n', at) - at);
        CHECK(line.find("| " + statuses(op_t::info.success) + " |") != std::string::npos);
        std::string const name(op_t::info.name);
        CHECK(line.find("`make_" + name + "_request` / `parse_" + name + "_response`") != std::string::npos);
    });
}

TEST_CASE("operations: the free parsers are the descriptors' parsers")
{
    config const cfg;
    http_response r;
    r.status = 201;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"email":"user@example.com","firstName":"John","lastName":"Doe","enabled":true})";
    auto const a = parse_create_user_response(r, cfg);
    auto const b = operations::parse<operations::create_user>(r, cfg);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    r.status = 202;
    CHECK(parse_create_user_response(r, cfg).error() == errc::unexpected_status);
}
