// Ties the API, the test hooks, the fault queue and the counters together.
#pragma once

#include "api.hpp"
#include "faults.hpp"

#include <chrono>
#include <optional>

namespace local_server {

// What admit() decided about a request before it is answered.
struct Ticket {
    std::optional<Target> target;  // nullopt: malformed request target
    bool test_hook = false;        // /_test/*: no fault, not counted
    std::optional<Fault> fault;    // the fault this request consumed
    std::chrono::milliseconds delay{0};
};

class App {
public:
    explicit App(Options const& options) : api_(options) {}

    void count_accept() { ++stats_.accepts; }

    // Called once per request as soon as it is read: counts it and takes
    // the next armed fault. A non-zero delay must elapse before respond().
    Ticket admit(Request const& req);
    Reply respond(Request const& req, Ticket const& ticket);

private:
    Reply test_hook(Request const& req, Target const& target);

    Api api_;
    FaultQueue faults_;
    Stats stats_;
};

}  // namespace local_server
