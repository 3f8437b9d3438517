#include "faults.hpp"

#include "request.hpp"

#include <array>

namespace local_server {
namespace {

constexpr std::array<std::pair<char const*, FaultKind>, 8> kinds = {{
    {"delay", FaultKind::delay},
    {"close_mid_body", FaultKind::close_mid_body},
    {"oversized_body", FaultKind::oversized_body},
    {"status", FaultKind::status},
    {"redirect", FaultKind::redirect},
    {"wrong_content_type", FaultKind::wrong_content_type},
    {"chunked", FaultKind::chunked},
    {"close_after_response", FaultKind::close_after_response},
}};

FaultKind kind_from(std::string const& name) {
    for (auto const& [text, kind] : kinds)
        if (name == text) return kind;
    throw_bad_request("unknown fault kind '" + name + "'");
}

std::int64_t int_in(boost::json::object const& body, char const* key, std::int64_t lo, std::int64_t hi,
                    std::optional<std::int64_t> fallback) {
    auto value = int_field(body, key);
    if (!value && fallback) return *fallback;
    if (!value || *value < lo || *value > hi)
        throw_bad_request(std::string("field '") + key + "' must be an integer from " + std::to_string(lo) +
                          " to " + std::to_string(hi));
    return *value;
}

}  // namespace

Fault parse_fault(boost::json::object const& body) {
    Fault f;
    f.kind = kind_from(required_string(body, "kind"));
    f.times = int_in(body, "times", 1, 1000000, 1);
    switch (f.kind) {
        case FaultKind::delay:
            f.delay = std::chrono::milliseconds(int_in(body, "ms", 0, 3600000, std::nullopt));
            break;
        case FaultKind::oversized_body:
            f.bytes = static_cast<std::uint64_t>(int_in(body, "bytes", 2, std::int64_t(1) << 40, std::nullopt));
            break;
        case FaultKind::status:
            f.status = static_cast<unsigned>(int_in(body, "status", 200, 599, std::nullopt));
            f.retry_after = string_field(body, "retry_after");
            f.body = string_field(body, "body");
            f.content_type = string_field(body, "content_type");
            break;
        default:
            break;
    }
    return f;
}

std::optional<Reply> replacement_reply(Fault const& fault) {
    switch (fault.kind) {
        case FaultKind::status: {
            auto status = static_cast<http::status>(fault.status);
            Reply r = error_reply(status, "injected_fault", "injected status " + std::to_string(fault.status));
            if (fault.body) r.body = *fault.body;
            if (fault.content_type) r.content_type = *fault.content_type;
            if (fault.retry_after) r.headers.emplace_back("Retry-After", *fault.retry_after);
            if (status == http::status::no_content || status == http::status::not_modified) {
                r.body.clear();  // these never have a body
                if (!fault.content_type) r.content_type.clear();
            }
            return r;
        }
        case FaultKind::redirect: {
            Reply r;
            r.status = http::status::temporary_redirect;
            r.headers.emplace_back("Location", "https://example.invalid/elsewhere");
            return r;
        }
        case FaultKind::oversized_body: {
            Reply r;
            r.content_type = "application/json";
            r.mode = WriteMode::oversized_body;
            r.oversized_bytes = fault.bytes;
            return r;
        }
        default:
            return std::nullopt;
    }
}

void alter_reply(Fault const& fault, Reply& reply) {
    switch (fault.kind) {
        case FaultKind::wrong_content_type:
            reply.content_type = "text/html";
            break;
        case FaultKind::chunked:
            reply.mode = WriteMode::chunked;
            break;
        case FaultKind::close_mid_body:
            reply.mode = WriteMode::close_mid_body;
            break;
        case FaultKind::close_after_response:
            reply.mode = WriteMode::close_after_response;
            break;
        default:
            break;
    }
}

std::optional<Fault> FaultQueue::take() {
    if (queue_.empty()) return std::nullopt;
    Fault fault = queue_.front();
    if (--queue_.front().times == 0) queue_.pop_front();
    return fault;
}

std::int64_t FaultQueue::pending_uses() const {
    std::int64_t n = 0;
    for (auto const& f : queue_) n += f.times;
    return n;
}

boost::json::object Stats::to_json() const {
    boost::json::object by_method;
    for (auto const& [method, n] : requests_by_method) by_method[method] = n;
    return {{"accepts", accepts}, {"requests", requests}, {"requests_by_method", std::move(by_method)}};
}

}  // namespace local_server
