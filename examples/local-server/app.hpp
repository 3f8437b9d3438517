// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Ties the API, the test hooks, the fault queue and the counters together.
#pragma once

#include "api.hpp"
#include "faults.hpp"

#include <chrono>
#include <optional>

namespace local_server {

// What admit() decided about a request before it is answered.
struct admission
{
    std::optional<parsed_target> target; // nullopt: malformed request target
    bool test_hook = false;              // /_test/*: no fault, not counted
    std::optional<fault_spec> fault;     // the fault this request consumed
    std::chrono::milliseconds delay{0};
};

class application
{
public:
    explicit application(server_options const& options) : api_(options) {}

    void count_accept() { ++stats_.accepts; }

    // A session calls these when it is made and destroyed: the open
    // connections, and the most open at once since the last reset.
    void connection_opened()
    {
        ++open_connections_;
        if(open_connections_ > stats_.peak_connections)
            stats_.peak_connections = open_connections_;
    }
    void connection_closed() { --open_connections_; }

    // Called once per request as soon as it is read: counts it and takes
    // the next armed fault. A non-zero delay must elapse before respond().
    admission admit(request const& req);
    reply respond(request const& req, admission const& ticket);

private:
    reply test_hook(request const& req, parsed_target const& target);

    api api_;
    fault_queue faults_;
    stats stats_;
    std::uint64_t open_connections_ = 0; // not a counter: a reset keeps it
};

} // namespace local_server
