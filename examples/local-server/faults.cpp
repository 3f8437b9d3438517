// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "faults.hpp"

#include "request.hpp"

#include <array>

namespace local_server {
namespace {

constexpr std::array<std::pair<char const*, fault_kind>, 8> kinds = {{
    {"delay", fault_kind::delay},
    {"close_mid_body", fault_kind::close_mid_body},
    {"oversized_body", fault_kind::oversized_body},
    {"status", fault_kind::status},
    {"redirect", fault_kind::redirect},
    {"wrong_content_type", fault_kind::wrong_content_type},
    {"chunked", fault_kind::chunked},
    {"close_after_response", fault_kind::close_after_response},
}};

fault_kind kind_from(std::string const& name)
{
    for(auto const& [text, kind] : kinds)
        if(name == text)
            return kind;
    throw_bad_request("unknown fault kind '" + name + "'");
}

std::int64_t int_in(boost::json::object const& body, char const* key, std::int64_t lo, std::int64_t hi,
                    std::optional<std::int64_t> fallback)
{
    auto value = int_field(body, key);
    if(!value && fallback)
        return *fallback;
    if(!value || *value < lo || *value > hi)
        throw_bad_request(std::string("field '") + key + "' must be an integer from " + std::to_string(lo) + " to " +
                          std::to_string(hi));
    return *value;
}

} // namespace

fault_spec parse_fault(boost::json::object const& body)
{
    fault_spec f;
    f.kind = kind_from(required_string(body, "kind"));
    f.times = int_in(body, "times", 1, 1000000, 1);
    switch(f.kind)
    {
    case fault_kind::delay: f.delay = std::chrono::milliseconds(int_in(body, "ms", 0, 3600000, std::nullopt)); break;
    case fault_kind::oversized_body:
        f.bytes = static_cast<std::uint64_t>(int_in(body, "bytes", 2, std::int64_t(1) << 40, std::nullopt));
        break;
    case fault_kind::status:
        f.status = static_cast<unsigned>(int_in(body, "status", 200, 599, std::nullopt));
        f.retry_after = string_field(body, "retry_after");
        f.body = string_field(body, "body");
        f.content_type = string_field(body, "content_type");
        break;
    default: break;
    }
    return f;
}

std::optional<reply> replacement_reply(fault_spec const& fault)
{
    switch(fault.kind)
    {
    case fault_kind::status: {
        auto status = static_cast<http::status>(fault.status);
        reply r = error_reply(status, "injected_fault", "injected status " + std::to_string(fault.status));
        if(fault.body)
            r.body = *fault.body;
        if(fault.content_type)
            r.content_type = *fault.content_type;
        if(fault.retry_after)
            r.headers.emplace_back("Retry-After", *fault.retry_after);
        if(status == http::status::no_content || status == http::status::not_modified)
        {
            r.body.clear(); // these never have a body
            if(!fault.content_type)
                r.content_type.clear();
        }
        return r;
    }
    case fault_kind::redirect: {
        reply r;
        r.status = http::status::temporary_redirect;
        r.headers.emplace_back("Location", "https://example.invalid/elsewhere");
        return r;
    }
    case fault_kind::oversized_body: {
        reply r;
        r.content_type = "application/json";
        r.mode = write_mode::oversized_body;
        r.oversized_bytes = fault.bytes;
        return r;
    }
    default: return std::nullopt;
    }
}

void alter_reply(fault_spec const& fault, reply& answer)
{
    switch(fault.kind)
    {
    case fault_kind::wrong_content_type: answer.content_type = "text/html"; break;
    case fault_kind::chunked: answer.mode = write_mode::chunked; break;
    case fault_kind::close_mid_body: answer.mode = write_mode::close_mid_body; break;
    case fault_kind::close_after_response: answer.mode = write_mode::close_after_response; break;
    default: break;
    }
}

std::optional<fault_spec> fault_queue::take()
{
    if(queue_.empty())
        return std::nullopt;
    fault_spec fault = queue_.front();
    if(--queue_.front().times == 0)
        queue_.pop_front();
    return fault;
}

std::int64_t fault_queue::pending_uses() const
{
    std::int64_t n = 0;
    for(auto const& f : queue_)
        n += f.times;
    return n;
}

boost::json::object stats::to_json() const
{
    boost::json::object by_method;
    for(auto const& [method, n] : requests_by_method)
        by_method[method] = n;
    return {{"accepts", accepts},
            {"requests", requests},
            {"token_requests", token_requests},
            {"peak_connections", peak_connections},
            {"requests_by_method", std::move(by_method)}};
}

} // namespace local_server
