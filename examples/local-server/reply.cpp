// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "reply.hpp"

#include <boost/json/serialize.hpp>

namespace local_server {

reply json_reply(http::status status, boost::json::value const& body)
{
    reply reply;
    reply.status = status;
    reply.body = boost::json::serialize(body);
    reply.content_type = "application/json";
    return reply;
}

reply error_reply(http::status status, std::string_view code, std::string_view message)
{
    boost::json::object error;
    error["code"] = code;
    error["message"] = message;
    return json_reply(status, boost::json::object{{"error", std::move(error)}});
}

reply no_content_reply()
{
    reply reply;
    reply.status = http::status::no_content;
    return reply;
}

} // namespace local_server
