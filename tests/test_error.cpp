// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/error.hpp>

#include <catch2/catch.hpp>

#include <iterator>
#include <set>
#include <sstream>

using namespace corti::admin;

TEST_CASE("every errc has a distinct message in the corti.admin category")
{
    errc const all[] = {
        errc::invalid_argument,  errc::invalid_field,    errc::invalid_base_url,   errc::redirect_not_followed,
        errc::unexpected_status, errc::bad_content_type, errc::body_too_large,     errc::unexpected_body,
        errc::api_error,         errc::timeout,          errc::truncated_response, errc::connection_failed,
        errc::too_many_pages,    errc::malformed_json,   errc::too_deep,           errc::string_too_long,
        errc::duplicate_key,     errc::missing_field,    errc::unknown_field,      errc::wrong_type,
        errc::invalid_value,     errc::out_of_memory,    errc::invalid_response,   errc::proxy_error};
    std::set<std::string> messages;
    for(auto e : all)
    {
        boost::system::error_code const ec = e;
        CHECK(ec.category().name() == std::string("corti.admin"));
        CHECK(ec.value() == static_cast<int>(e));
        CHECK(ec.failed());
        messages.insert(ec.message());
    }
    CHECK(messages.size() == std::size(all));
    CHECK(boost::system::error_code(999, admin_category()).message() == "unknown corti.admin error");
}

TEST_CASE("error::to_string names the code, status, field, message and request id")
{
    error e(errc::api_error);
    e.set_server_message("email already exists");
    e.http_status = 409;
    e.request_id = "abc";
    CHECK(e.to_string() == "corti.admin: API error (HTTP 409): email already exists [request-id abc]");
    CHECK(e.message.empty());
    CHECK(e.server_message() == "email already exists");

    error both(errc::api_error, "after 3 attempts");
    both.set_server_message("busy");
    CHECK(both.to_string() == "corti.admin: API error: after 3 attempts; the server said: busy");

    error m(errc::missing_field, "", "/email");
    CHECK(m.to_string() == "corti.admin: missing required field at /email");

    error a(errc::invalid_argument, "must not be empty", "customerId");
    std::ostringstream os;
    os << a;
    CHECK(os.str() == "corti.admin: invalid argument in customerId: must not be empty");
}

TEST_CASE("errors compare with errc both ways, and with codes of other categories")
{
    error const e(errc::timeout);
    CHECK(e == errc::timeout);
    CHECK(errc::timeout == e);
    CHECK(e != errc::api_error);
    CHECK(errc::api_error != e);
    error const other(boost::system::error_code(5, boost::system::generic_category()));
    CHECK(other != errc::invalid_argument);
}

TEST_CASE("result<T>::value() throws system_error carrying the whole error")
{
    result<int> r = error(errc::missing_field, "", "/email");
    try
    {
        (void)r.value();
        FAIL("value() did not throw");
    }
    catch(corti::admin::system_error const& ex)
    {
        CHECK(ex.get() == errc::missing_field);
        CHECK(ex.get().field == "/email");
        CHECK(std::string(ex.what()).find("/email") != std::string::npos);
        CHECK(ex.code() == errc::missing_field);
    }
    result<int> ok = 7;
    CHECK(ok.value() == 7);
}

TEST_CASE("conditions group the codes a caller branches on")
{
    using c = condition;
    std::pair<errc, condition> const table[] = {{errc::invalid_argument, c::invalid_argument},
                                                {errc::invalid_field, c::invalid_argument},
                                                {errc::invalid_base_url, c::invalid_argument},
                                                {errc::timeout, c::transport},
                                                {errc::truncated_response, c::transport},
                                                {errc::connection_failed, c::transport},
                                                {errc::proxy_error, c::transport},
                                                {errc::api_error, c::api_error},
                                                {errc::redirect_not_followed, c::invalid_response},
                                                {errc::unexpected_status, c::invalid_response},
                                                {errc::bad_content_type, c::invalid_response},
                                                {errc::unexpected_body, c::invalid_response},
                                                {errc::invalid_response, c::invalid_response},
                                                {errc::malformed_json, c::invalid_response},
                                                {errc::duplicate_key, c::invalid_response},
                                                {errc::missing_field, c::invalid_response},
                                                {errc::unknown_field, c::invalid_response},
                                                {errc::wrong_type, c::invalid_response},
                                                {errc::invalid_value, c::invalid_response},
                                                {errc::body_too_large, c::limits},
                                                {errc::too_deep, c::limits},
                                                {errc::string_too_long, c::limits},
                                                {errc::too_many_pages, c::limits},
                                                {errc::out_of_memory, c::limits}};
    condition const all[] = {c::invalid_argument, c::transport, c::api_error, c::invalid_response, c::limits};
    for(auto const& [code, cond] : table)
    {
        error const e(code);
        INFO(e.to_string());
        for(auto other : all)
            CHECK((e == other) == (other == cond));
        CHECK(make_error_code(code) == cond);
    }
    // A transport's own code is a transport failure; success is no condition.
    error const aborted(boost::system::errc::make_error_code(boost::system::errc::operation_canceled));
    CHECK(aborted == condition::transport);
    CHECK(aborted != condition::api_error);
    CHECK_FALSE(boost::system::error_code() == condition::transport);
    CHECK(make_error_condition(c::limits).category().name() == std::string("corti.admin.condition"));
    CHECK(make_error_condition(c::limits).message() == "limit reached");
    std::set<std::string> messages;
    for(auto cond : all)
        messages.insert(make_error_condition(cond).message());
    CHECK(messages.size() == std::size(all));
}
