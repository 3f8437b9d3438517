// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "app.hpp"

#include <exception>

namespace local_server {

admission application::admit(request const& req)
{
    admission ticket;
    ticket.target = parse_target(std::string_view(req.target().data(), req.target().size()));
    ticket.test_hook = ticket.target && !ticket.target->segments.empty() && ticket.target->segments.front() == "_test";
    if(ticket.test_hook)
        return ticket;

    stats_.count_request(std::string(req.method_string()));
    if(ticket.target && req.method() == http::verb::post)
        if(auto route = match_route(ticket.target->segments); route && route->id == route_id::auth_token)
            ++stats_.token_requests;
    ticket.fault = faults_.take();
    if(ticket.fault && ticket.fault->kind == fault_kind::delay)
        ticket.delay = ticket.fault->delay;
    return ticket;
}

reply application::respond(request const& req, admission const& ticket)
{
    if(!ticket.target)
        return error_reply(http::status::bad_request, "invalid_target", "malformed request target");
    if(ticket.test_hook)
        return test_hook(req, *ticket.target);

    if(ticket.fault)
        if(auto replacement = replacement_reply(*ticket.fault))
            return std::move(*replacement);
    reply answer;
    try
    {
        answer = api_.handle(req, *ticket.target);
    }
    catch(std::exception const&)
    {
        // A bug or out of memory: answer this request, keep serving others.
        answer = error_reply(http::status::internal_server_error, "internal_error", "internal server error");
    }
    if(ticket.fault)
        alter_reply(*ticket.fault, answer);
    return answer;
}

reply application::test_hook(request const& req, parsed_target const& target)
{
    auto route = match_route(target.segments);
    if(!route || !is_test_route(route->id))
        return error_reply(http::status::not_found, "not_found", "route not found");
    if(!route->allows(req.method()))
    {
        reply r =
            error_reply(http::status::method_not_allowed, "method_not_allowed", "method not allowed on this path");
        r.headers.emplace_back("Allow", route->allow_header());
        return r;
    }
    try
    {
        switch(route->id)
        {
        case route_id::test_fault:
            faults_.arm(parse_fault(json_body(req)));
            return json_reply(http::status::ok,
                              boost::json::object{{"armed", true}, {"pending", faults_.pending_uses()}});
        case route_id::test_stats: return json_reply(http::status::ok, stats_.to_json());
        default: // test_reset: faults and counters, not the data
            faults_.clear();
            stats_ = stats{};
            stats_.peak_connections = open_connections_; // those open now, this one included
            return json_reply(http::status::ok, boost::json::object{{"reset", true}});
        }
    }
    catch(api_error const& e)
    {
        return error_reply(e.status, e.code, e.message);
    }
}

} // namespace local_server
