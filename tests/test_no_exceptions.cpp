// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The core built with -fno-exceptions -fno-rtti: builder, parser and client
// work, and every failure is a value. No Catch2 here (it needs exceptions).
#include <corti/admin.hpp>
#include <corti/admin/testing.hpp>

#include <boost/throw_exception.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>

#if defined(__cpp_exceptions) || defined(__GXX_RTTI)
#error "this test must be compiled with -fno-exceptions -fno-rtti"
#endif

// Required by Boost with BOOST_NO_EXCEPTIONS; the library never calls it
// unless the user calls result<T>::value() on an error.
namespace boost {
BOOST_NORETURN void throw_exception(std::exception const&) { std::abort(); }
BOOST_NORETURN void throw_exception(std::exception const&, boost::source_location const&) { std::abort(); }
} // namespace boost

namespace {
int failures = 0;
void check(bool ok, char const* what)
{
    std::printf("%s: %s\n", ok ? "pass" : "FAIL", what);
    failures += ok ? 0 : 1;
}
} // namespace

int main()
{
    namespace admin = corti::admin;
    admin::testing::mock_transport t;
    t.push(201, R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com","firstName":"John",)"
                R"("lastName":"Doe","emailVerified":true,"enabled":true,"createdAt":"2023-10-01T12:00:00Z"})");
    t.push(201, R"({"email":"user@example.com","email":"x@y.z"})");
    t.push(409, R"({"error":{"message":"exists"}})");
    t.push(201, "{not json");
    admin::client<admin::testing::mock_transport&> c(t, admin::config{}, admin::secret("tok"));
    admin::new_user const u{"user@example.com", "John", "Doe", admin::secret("My$ecureP@ssw0rd123!")};

    auto r = c.create_user("consoleproject", "contosohospital", u);
    check(r && r->id && r->created_at && r->email == "user@example.com", "docs example parsed");
    r = c.create_user("p", "c", u);
    check(!r && r.error() == admin::errc::duplicate_key, "duplicate key is an error value");
    r = c.create_user("p", "c", u);
    check(!r && r.error() == admin::errc::api_error && r.error().http_status == 409 &&
              r.error().server_message() == "exists",
          "API error value");
    r = c.create_user("p", "c", u);
    check(!r && r.error() == admin::errc::malformed_json, "malformed JSON is an error value");
    r = c.create_user("p", "..", u);
    check(!r && r.error() == admin::errc::invalid_argument, "invalid argument is an error value");
    auto ep = admin::parse_base_url("ftp://x");
    check(!ep && ep.error() == admin::errc::invalid_base_url, "invalid base URL is an error value");
    std::printf("%d failed\n", failures);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
