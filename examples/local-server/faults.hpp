// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Test hooks: injected faults and request counters.
#pragma once

#include "reply.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

namespace local_server {

enum class fault_kind
{
    delay,
    close_mid_body,
    oversized_body,
    status,
    redirect,
    wrong_content_type,
    chunked,
    close_after_response,
};

struct fault_spec
{
    fault_kind kind = fault_kind::delay;
    std::int64_t times = 1;
    std::chrono::milliseconds delay{0};      // delay
    std::uint64_t bytes = 0;                 // oversized_body
    unsigned status = 0;                     // status
    std::optional<std::string> retry_after;  // status
    std::optional<std::string> body;         // status
    std::optional<std::string> content_type; // status
};

// Parses the body of POST /_test/fault. Throws api_error(400) when invalid.
fault_spec parse_fault(boost::json::object const& body);

// A fault that answers instead of the API (status, redirect, oversized_body);
// nullopt for faults that change or delay the API's own answer.
std::optional<reply> replacement_reply(fault_spec const& fault);

// Applies a fault that changes how the API's own answer is sent.
void alter_reply(fault_spec const& fault, reply& answer);

// Armed faults, first armed first used. Each API request takes one use.
class fault_queue
{
public:
    void arm(fault_spec fault) { queue_.push_back(std::move(fault)); }
    std::optional<fault_spec> take();
    void clear() { queue_.clear(); }
    std::int64_t pending_uses() const;

private:
    std::deque<fault_spec> queue_;
};

struct stats
{
    std::uint64_t accepts = 0;
    std::uint64_t requests = 0;
    std::uint64_t token_requests = 0;   // POST /auth/token, whatever the answer
    std::uint64_t peak_connections = 0; // the most connections open at once
    std::map<std::string, std::uint64_t> requests_by_method;

    void count_request(std::string const& method)
    {
        ++requests;
        ++requests_by_method[method];
    }
    boost::json::object to_json() const;
};

} // namespace local_server
