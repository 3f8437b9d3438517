// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/error.hpp>

#include <catch2/catch.hpp>

#include <iterator>
#include <set>
#include <sstream>

using namespace corti::admin;

TEST_CASE("every errc has a distinct message in the corti.admin category")
{
    errc const all[] = {errc::invalid_argument, errc::invalid_field, errc::invalid_base_url,
                        errc::redirect_not_followed, errc::unexpected_status, errc::bad_content_type,
                        errc::body_too_large, errc::unexpected_body, errc::api_error, errc::timeout,
                        errc::truncated_response, errc::connection_failed, errc::too_many_pages, errc::malformed_json, errc::too_deep,
                        errc::string_too_long, errc::duplicate_key, errc::missing_field, errc::unknown_field,
                        errc::wrong_type, errc::invalid_value, errc::out_of_memory};
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
    error e(errc::api_error, "email already exists");
    e.http_status = 409;
    e.request_id = "abc";
    CHECK(e.to_string() == "corti.admin: API error (HTTP 409): email already exists [request-id abc]");

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
