// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// What a handler produces, before the connection turns it into bytes.
#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace local_server {

namespace http = boost::beast::http;

// How the connection writes a reply. Everything but `normal` is a test fault.
enum class write_mode
{
    normal,
    close_after_response, // full answer, then close (no "Connection: close")
    close_mid_body,       // full Content-Length, half the body, then close
    chunked,              // Transfer-Encoding: chunked, several chunks
    oversized_body,       // Content-Length: oversized_bytes, streamed
};

struct reply
{
    http::status status = http::status::ok;
    std::string body;
    std::string content_type; // empty: no Content-Type header
    std::vector<std::pair<std::string, std::string>> headers;
    write_mode mode = write_mode::normal;
    std::uint64_t oversized_bytes = 0;
};

reply json_reply(http::status status, boost::json::value const& body);
reply error_reply(http::status status, std::string_view code, std::string_view message);
reply no_content_reply();

// Thrown anywhere inside a handler; turned into error_reply() by the router.
struct api_error
{
    http::status status;
    std::string code;
    std::string message;
    std::vector<std::pair<std::string, std::string>> headers = {};
};

[[noreturn]] inline void throw_bad_request(std::string message)
{
    throw api_error{http::status::bad_request, "invalid_request", std::move(message)};
}

} // namespace local_server
