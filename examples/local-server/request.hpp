// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Reading an HTTP request: its target (path segments, query) and JSON body.
#pragma once

#include "reply.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace local_server {

using request = http::request<http::string_body>;

struct parsed_target
{
    std::vector<std::string> segments;                      // percent-decoded, API prefix removed
    std::vector<std::pair<std::string, std::string>> query; // decoded, '+' is a space
};

// Parses an origin-form target such as "/functions/v1/public/projects/p%2Fq".
// The optional "/functions/v1/public" prefix is dropped. nullopt: malformed.
std::optional<parsed_target> parse_target(std::string_view target);

// The first value of query parameter `key`, if present.
std::optional<std::string> query_value(parsed_target const& target, std::string_view key);

// The request body as a JSON object. Throws api_error(400) if the Content-Type
// is not application/json or the body is not a JSON object.
boost::json::object json_body(request const& req);

// Optional fields of a JSON object. Absent: nullopt. Present with another
// type (null included): api_error(400).
std::optional<std::string> string_field(boost::json::object const& o, std::string_view key);
std::optional<bool> bool_field(boost::json::object const& o, std::string_view key);
std::optional<std::int64_t> int_field(boost::json::object const& o, std::string_view key);

// A required string field: missing or not a string gives api_error(400).
std::string required_string(boost::json::object const& o, std::string_view key);

} // namespace local_server
