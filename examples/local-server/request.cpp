// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "request.hpp"

#include "util.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

namespace local_server {

std::optional<parsed_target> parse_target(std::string_view target)
{
    auto parsed = boost::urls::parse_origin_form(target);
    if(!parsed)
        return std::nullopt;
    parsed_target out;
    for(auto segment : parsed->segments())
        out.segments.push_back(std::move(segment));
    for(auto param : parsed->params())
        out.query.emplace_back(param.key, param.value);

    // The real API lives under this prefix; accept paths with and without it.
    static const std::vector<std::string> prefix = {"functions", "v1", "public"};
    if(out.segments.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), out.segments.begin()))
        out.segments.erase(out.segments.begin(), out.segments.begin() + prefix.size());
    return out;
}

std::optional<std::string> query_value(parsed_target const& target, std::string_view key)
{
    for(auto const& [k, v] : target.query)
        if(k == key)
            return v;
    return std::nullopt;
}

namespace {

bool is_json_media_type(std::string_view content_type)
{
    // "application/json; charset=utf-8" -> "application/json"
    return iequals(trim(content_type.substr(0, content_type.find(';'))), "application/json");
}

} // namespace

boost::json::object json_body(request const& req)
{
    auto content_type = req[http::field::content_type];
    if(!is_json_media_type(std::string_view(content_type.data(), content_type.size())))
        throw api_error{http::status::bad_request, "invalid_content_type", "request body must be application/json"};
    boost::system::error_code ec;
    boost::json::value body = boost::json::parse(req.body(), ec);
    if(ec)
        throw api_error{http::status::bad_request, "invalid_json", "request body is not valid JSON"};
    if(!body.is_object())
        throw api_error{http::status::bad_request, "invalid_json", "request body must be a JSON object"};
    return std::move(body.as_object());
}

namespace {

[[noreturn]] void wrong_type(std::string_view key, char const* expected)
{
    throw_bad_request("field '" + std::string(key) + "' must be " + expected);
}

} // namespace

std::optional<std::string> string_field(boost::json::object const& o, std::string_view key)
{
    auto const* v = o.if_contains(key);
    if(!v)
        return std::nullopt;
    if(!v->is_string())
        wrong_type(key, "a string");
    return std::string(v->get_string());
}

std::optional<bool> bool_field(boost::json::object const& o, std::string_view key)
{
    auto const* v = o.if_contains(key);
    if(!v)
        return std::nullopt;
    if(!v->is_bool())
        wrong_type(key, "a boolean");
    return v->get_bool();
}

std::optional<std::int64_t> int_field(boost::json::object const& o, std::string_view key)
{
    auto const* v = o.if_contains(key);
    if(!v)
        return std::nullopt;
    if(v->is_int64())
        return v->get_int64();
    if(v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v->get_uint64());
    wrong_type(key, "an integer");
}

std::string required_string(boost::json::object const& o, std::string_view key)
{
    auto value = string_field(o, key);
    if(!value)
        throw_bad_request("field '" + std::string(key) + "' is required");
    return *value;
}

} // namespace local_server
