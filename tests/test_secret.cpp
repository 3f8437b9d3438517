// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include <corti/admin/secret.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace corti::admin;

TEST_CASE("a secret prints as [redacted] and reveals only on request")
{
    secret const s("hunter2-hunter2-hunter2");
    std::ostringstream os;
    os << s << ' ' << secret() << ' ' << secret(std::string("x"));
    CHECK(os.str() == "[redacted] [redacted] [redacted]");
    CHECK(s.reveal() == "hunter2-hunter2-hunter2");
    CHECK(s.size() == 23);
    CHECK_FALSE(s.empty());
    CHECK(secret().empty());
    CHECK(secret(static_cast<char const*>(nullptr)).empty());
}

TEST_CASE("copies and moves keep the value, moved-from secrets are empty")
{
    secret a("token-value");
    secret b = a;
    CHECK(b.reveal() == "token-value");
    secret c = std::move(a);
    CHECK(c.reveal() == "token-value");
    CHECK(a.empty());
    b = secret("other");
    CHECK(b.reveal() == "other");
    c = b;
    CHECK(c.reveal() == "other");
    secret& alias = c;
    c = alias; // self-assignment keeps the value
    CHECK(c.reveal() == "other");
}

TEST_CASE("construction from an rvalue string wipes the source")
{
    std::string src(40, 'p');
    secret s(std::move(src));
    CHECK(s.reveal() == std::string(40, 'p'));
    CHECK(src.empty());
}

TEST_CASE("secure_wipe zeroes the whole buffer")
{
    std::string s(100, 'k');
    s.resize(10);
    char const* data = s.data();
    detail::secure_wipe(s);
    CHECK(s.empty());
    for(std::size_t i = 0; i < 100; ++i)
        CHECK(data[i] == '\0'); // the buffer is still owned by s
}
