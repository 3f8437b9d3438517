// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BENCH_DOCS_DATA_HPP
#define CORTI_ADMIN_BENCH_DOCS_DATA_HPP

// The API documentation's examples, shared by every contender, and the
// hand-written equivalents a user of nlohmann::json would write.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corti_bench {

/// The docs' create-user response body (179 bytes).
inline constexpr std::string_view docs_user_response =
    R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com","firstName":"John","lastName":"Doe","emailVerified":true,"enabled":true,"createdAt":"2023-10-01T12:00:00Z"})";

/// The docs' create-user request.
inline constexpr std::string_view docs_email = "user@example.com";
inline constexpr std::string_view docs_first_name = "John";
inline constexpr std::string_view docs_last_name = "Doe";
inline constexpr std::string_view docs_password = "My$ecureP@ssw0rd123!";
inline constexpr std::string_view docs_project = "consoleproject";
inline constexpr std::string_view docs_customer = "contosohospital";
inline constexpr std::string_view docs_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig";

/** `corti::admin::user` with plain members, as a user of nlohmann::json
    would declare it: the same members, but `id` and `createdAt` kept as
    strings (not parsed as a UUID and an RFC 3339 date-time).
*/
struct plain_user
{
    std::string email;
    std::string first_name;
    std::string last_name;
    bool enabled = true;
    std::optional<std::string> id;
    std::optional<bool> email_verified;
    std::optional<std::string> created_at;
};

/// Reads a parsed document into a `plain_user` the usual nlohmann way
/// (`at` + `get` for the required members, `find` for the optional ones).
/// Throws `nlohmann::json::exception` on a missing member or a wrong type.
inline plain_user read_plain_user(nlohmann::json const& j)
{
    plain_user u;
    j.at("email").get_to(u.email);
    j.at("firstName").get_to(u.first_name);
    j.at("lastName").get_to(u.last_name);
    j.at("enabled").get_to(u.enabled);
    if(auto it = j.find("id"); it != j.end())
        u.id = it->get<std::string>();
    if(auto it = j.find("emailVerified"); it != j.end())
        u.email_verified = it->get<bool>();
    if(auto it = j.find("createdAt"); it != j.end())
        u.created_at = it->get<std::string>();
    return u;
}

/// A request as a hand-written client would carry it.
struct plain_request
{
    std::string method;
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

/// The create-user body, dumped by nlohmann (its object keys are sorted,
/// which is also the documented order: email, firstName, lastName, password).
inline std::string plain_create_user_body(std::string_view email, std::string_view first_name,
                                          std::string_view last_name, std::string_view password)
{
    nlohmann::json j = {{"email", email}, {"firstName", first_name}, {"lastName", last_name}, {"password", password}};
    return j.dump();
}

/** The hand-written equivalent of `make_create_user_request`: string
    concatenation for the URL, `nlohmann::json::dump` for the body, the same
    five headers in a vector of pairs. No validation, no percent-encoding.
*/
inline plain_request plain_create_user_request(std::string const& scheme_host, std::string const& host,
                                               std::string const& base_path, std::string const& user_agent,
                                               std::string const& token, std::string const& project,
                                               std::string const& customer, std::string_view email,
                                               std::string_view first_name, std::string_view last_name,
                                               std::string_view password)
{
    plain_request r;
    r.method = "POST";
    r.url = scheme_host + base_path + "/projects/" + project + "/customers/" + customer + "/users";
    r.body = plain_create_user_body(email, first_name, last_name, password);
    r.headers = {{"Host", host},
                 {"User-Agent", user_agent},
                 {"Accept", "application/json"},
                 {"Authorization", "Bearer " + token},
                 {"Content-Type", "application/json"}};
    return r;
}

} // namespace corti_bench

#endif
