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

enum class FaultKind {
    delay,
    close_mid_body,
    oversized_body,
    status,
    redirect,
    wrong_content_type,
    chunked,
    close_after_response,
};

struct Fault {
    FaultKind kind = FaultKind::delay;
    std::int64_t times = 1;
    std::chrono::milliseconds delay{0};       // delay
    std::uint64_t bytes = 0;                  // oversized_body
    unsigned status = 0;                      // status
    std::optional<std::string> retry_after;   // status
    std::optional<std::string> body;          // status
    std::optional<std::string> content_type;  // status
};

// Parses the body of POST /_test/fault. Throws ApiError(400) when invalid.
Fault parse_fault(boost::json::object const& body);

// A fault that answers instead of the API (status, redirect, oversized_body);
// nullopt for faults that change or delay the API's own answer.
std::optional<Reply> replacement_reply(Fault const& fault);

// Applies a fault that changes how the API's own answer is sent.
void alter_reply(Fault const& fault, Reply& reply);

// Armed faults, first armed first used. Each API request takes one use.
class FaultQueue {
public:
    void arm(Fault fault) { queue_.push_back(std::move(fault)); }
    std::optional<Fault> take();
    void clear() { queue_.clear(); }
    std::int64_t pending_uses() const;

private:
    std::deque<Fault> queue_;
};

struct Stats {
    std::uint64_t accepts = 0;
    std::uint64_t requests = 0;
    std::map<std::string, std::uint64_t> requests_by_method;

    void count_request(std::string const& method) {
        ++requests;
        ++requests_by_method[method];
    }
    boost::json::object to_json() const;
};

}  // namespace local_server
