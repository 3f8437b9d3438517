// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The fuzz targets as ordinary tests, on any compiler and without libFuzzer:
// every file of fuzz/corpus/<target>/ and fuzz/regressions/<target>/ goes
// through the same function body libFuzzer calls (fuzz/targets/<name>.hpp,
// listed by fuzz/targets.hpp). Then one readable case per core bug the
// fuzzing found (fuzz/README.md, "Findings"): an open finding's case fails
// until the core is fixed, then guards the fix.

#include <catch2/catch.hpp>

// A violated invariant fails the current input's section (FAIL throws, so the
// target stops there) and the next input still runs.
#define CORTI_FUZZ_FAIL(message) FAIL(message)
#include "targets.hpp"

#include <corti/admin.hpp>
#include <corti/admin/testing.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace ca = corti::admin;
namespace fs = std::filesystem;

std::vector<fs::path> inputs(char const* kind, std::string const& target)
{
    std::vector<fs::path> files;
    fs::path const dir = fs::path(CORTI_FUZZ_DIR) / kind / target;
    std::error_code ec;
    if(!fs::is_directory(dir, ec))
        return files;
    for(auto const& entry : fs::directory_iterator(dir))
        if(entry.is_regular_file() && entry.path().filename().string().front() != '.')
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_file(fs::path const& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void replay(char const* kind, std::string const& target, bool must_exist)
{
    auto const* t = std::find_if(std::begin(corti_fuzz::all_targets), std::end(corti_fuzz::all_targets),
                                 [&](corti_fuzz::target const& x) { return target == x.name; });
    REQUIRE(t != std::end(corti_fuzz::all_targets));
    auto const files = inputs(kind, target);
    if(must_exist)
        REQUIRE_FALSE(files.empty()); // a missing corpus must not pass silently
    for(auto const& f : files)
        DYNAMIC_SECTION(kind << "/" << target << "/" << f.filename().string())
        {
            std::string const bytes = read_file(f);
            t->run(reinterpret_cast<std::uint8_t const*>(bytes.data()), bytes.size());
            SUCCEED();
        }
}

} // namespace

#define CORTI_FUZZ_REPLAY(target)                                                                                      \
    TEST_CASE(#target " corpus", "[fuzz]") { replay("corpus", #target, true); }                                        \
    TEST_CASE(#target " regressions", "[fuzz]") { replay("regressions", #target, false); }

CORTI_FUZZ_REPLAY(fuzz_create_user_response)
CORTI_FUZZ_REPLAY(fuzz_api_error)
CORTI_FUZZ_REPLAY(fuzz_path_segment)
CORTI_FUZZ_REPLAY(fuzz_request_body)
CORTI_FUZZ_REPLAY(fuzz_client)
CORTI_FUZZ_REPLAY(fuzz_validators)
CORTI_FUZZ_REPLAY(fuzz_operation_responses)
CORTI_FUZZ_REPLAY(fuzz_json_parser)

// ---------------------------------------------------------------------------
// The findings, one minimal case each (the same inputs are in fuzz/regressions/).

namespace {

ca::error api_error_for(std::string body, unsigned status = 502)
{
    ca::http_response r;
    r.status = status;
    r.body = std::move(body);
    return ca::parse_api_error(r);
}

} // namespace

TEST_CASE("F1: the message of an API error is valid UTF-8", "[fuzz][finding]")
{
    // A byte that cannot start a character is copied as is: 0x80 alone, or
    // the continuation bytes left after a truncated sequence.
    for(std::string body : {"bad \x80 byte", "cut \xF0\x9F\x98"})
    {
        INFO(corti_fuzz::show(body));
        auto const e = api_error_for(body);
        CHECK(corti_fuzz::utf8_length(e.server_message()).has_value());
    }
    CHECK(api_error_for("bad \x80 byte").server_message() == "bad ? byte");
}

TEST_CASE("F2: the message of an API error holds no C1 control character", "[fuzz][finding]")
{
    // U+009B is CSI, a terminal escape; U+0085 is NEL, a line break.
    auto const e = api_error_for(R"({"message":"nel\u0085csi\u009b[2J"})", 400);
    INFO(corti_fuzz::show(e.server_message()));
    CHECK_FALSE(corti_fuzz::has_c1(e.server_message()));
    CHECK(e.server_message() == "nel csi [2J");
}

TEST_CASE("F3: error::field names a key longer than 64 bytes exactly", "[fuzz][finding]")
{
    ca::config cfg;
    cfg.strictness = ca::strictness::strict;
    ca::http_response r;
    r.status = 201;
    r.headers.add("Content-Type", "application/json");

    std::string const key(70, 'k');
    r.body = R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true,")" + key + R"(":1})";
    auto res = ca::parse_create_user_response(r, cfg);
    REQUIRE_FALSE(res);
    CHECK(res.error().code == ca::errc::unknown_field);
    CHECK(res.error().field == "/" + key);

    // Cut at 64 bytes, the pointer can even end inside a character.
    r.body = R"({")" + std::string(63, 'k') + "\xC3\xA9" + R"(":1})";
    res = ca::parse_create_user_response(r, cfg);
    REQUIRE_FALSE(res);
    INFO(corti_fuzz::show(res.error().field));
    CHECK(corti_fuzz::utf8_length(res.error().field).has_value());
}

TEST_CASE("F4: parse_api_error finds error.message after a nested object", "[fuzz][finding]")
{
    auto const e = api_error_for(R"({"error":{"details":{"field":"email"},"message":"m"}})", 400);
    CHECK(e.server_message() == "m");
}

TEST_CASE("F5: a secret cut or changed by the sanitizer does not leak", "[fuzz][finding]")
{
    std::string const token = "tok-Q9xK2mV7pL4sR8wZ";
    auto const send = [&](std::string_view password, unsigned status, std::string body, std::string_view type) {
        ca::client<ca::testing::mock_transport> c(ca::testing::mock_transport{}, ca::config{}, ca::secret(token));
        c.get_transport().push(status, std::move(body), type);
        ca::new_user u{"new.user@example.com", "Ada", "Lovelace", ca::secret(password)};
        auto const res = c.create_user("proj-1", "cust-1", u);
        REQUIRE_FALSE(res);
        return res.error().to_string();
    };

    // The server echoes the password; the 512-byte cut keeps its first 12 bytes.
    auto m = send("Correct-Horse-Battery-42", 400,
                  R"({"message":")" + std::string(500, 'x') + R"(Correct-Horse-Battery-42"})", "application/json");
    CHECK(m.find("Correct-Hors") == std::string::npos);

    // Same for the token in a text body.
    m = send("Correct-Horse-Battery-42", 500, std::string(500, 'y') + token, "text/html");
    CHECK(m.find("tok-Q9xK2mV7") == std::string::npos);

    // A valid password with a tab: the sanitizer makes the tab a space, and
    // the redaction, which runs afterwards, no longer recognizes it.
    m = send("Tab\tInside-Passw0rd-9", 400, "bad password Tab\tInside-Passw0rd-9", "text/html");
    CHECK(m.find("Inside-Passw0rd-9") == std::string::npos);
}

TEST_CASE("F6: a server message over 512 bytes is marked as cut", "[fuzz][finding]")
{
    auto e = api_error_for(R"({"message":")" + std::string(600, 'a') + R"("})", 400);
    CHECK(e.server_message() == std::string(512, 'a') + "...");

    // Cut inside a character: no '?' for the half character.
    e = api_error_for(R"({"message":")" + std::string(511, 'a') + "\xC3\xA9\xC3\xA9" + R"("})", 400);
    CHECK(e.server_message() == std::string(511, 'a') + "...");
}

TEST_CASE("F7: errors of a client with credentials hold neither its password nor its old token", "[fuzz][finding]")
{
    auto const token_answer = [](std::string const& token) {
        ca::http_response r;
        r.status = 200;
        r.headers.add("Content-Type", "application/json");
        r.body = R"({"accessToken":")" + token + R"(","tokenType":"Bearer","expiresIn":3600})";
        return r;
    };
    ca::new_user const u{"new.user@example.com", "Ada", "Lovelace", std::nullopt};
    ca::console_credentials const creds{"svc@example.com", ca::secret("Console-Pa55word-Secret")};

    // The server echoes the Console password in an API error.
    ca::client<ca::testing::mock_transport> c(ca::testing::mock_transport{}, ca::config{}, creds);
    c.get_transport().push(token_answer("fetched-AAAA1111bbbb"));
    c.get_transport().push(400, R"({"message":"Console-Pa55word-Secret"})");
    auto res = c.create_user("proj-1", "cust-1", u);
    REQUIRE_FALSE(res);
    CHECK(res.error().to_string().find("Console-Pa55word-Secret") == std::string::npos);

    // After a 401 and a refresh, the answer echoes the token sent first.
    ca::client<ca::testing::mock_transport> d(ca::testing::mock_transport{}, ca::config{}, creds);
    d.get_transport().push(token_answer("fetched-AAAA1111bbbb"));
    d.get_transport().push(401, R"({"message":"expired"})");
    d.get_transport().push(token_answer("fetched-ZZZZ9999yyyy"));
    d.get_transport().push(401, R"({"message":"fetched-AAAA1111bbbb expired"})");
    res = d.create_user("proj-1", "cust-1", u);
    REQUIRE_FALSE(res);
    CHECK(res.error().to_string().find("fetched-AAAA1111bbbb") == std::string::npos);
}

TEST_CASE("F8: a createdAt that date_time::parse accepts is accepted in a response", "[fuzz][finding]")
{
    // date_time documents fractions of any length; the reader's 64-byte
    // buffer for typed strings rejects a date-time over 64 bytes.
    std::string const when = "1985-04-12T00:59:59." + std::string(60, '9') + "Z";
    REQUIRE(ca::date_time::parse(when));
    ca::http_response r;
    r.status = 201;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true,"createdAt":")" + when + R"("})";
    auto const res = ca::parse_create_user_response(r);
    CHECK(res.has_value());
}

TEST_CASE("F9: a secret in a quoted header value does not leak when the quote is cut", "[fuzz][finding]")
{
    // Location is quoted up to 256 bytes and Content-Type up to 128: a token
    // at the cut is no longer recognized by the scrubbing, which runs after.
    std::string const token = "tok-Q9xK2mV7pL4sR8wZ";
    ca::new_user const u{"new.user@example.com", "Ada", "Lovelace", std::nullopt};
    auto const send = [&](ca::http_response r) {
        ca::client<ca::testing::mock_transport> c(ca::testing::mock_transport{}, ca::config{}, ca::secret(token));
        c.get_transport().push(std::move(r));
        auto const res = c.create_user("proj-1", "cust-1", u);
        REQUIRE_FALSE(res);
        return res.error().to_string();
    };

    ca::http_response redirect;
    redirect.status = 302;
    redirect.headers.add("Location", "https://x.example/" + std::string(230, 'l') + token);
    auto m = send(redirect);
    INFO(m);
    CHECK(m.find("tok-Q9xK") == std::string::npos);

    ca::http_response typed;
    typed.status = 201;
    typed.headers.add("Content-Type", "text/plain; x=" + std::string(100, 'c') + token);
    typed.body = "{}";
    m = send(typed);
    INFO(m);
    CHECK(m.find("tok-Q9xK") == std::string::npos);
}

TEST_CASE("H1: many unknown keys are read in linear time, and a repeat among them is found exactly", "[fuzz][finding]")
{
    // Each new unknown key was compared with every earlier one (quadratic),
    // by a 64-bit hash alone. 200,000 keys (about 2.2 MB) would have taken
    // minutes; a test cannot time it, the bench rows parse_hostile/* do.
    std::string extra;
    for(int i = 0; i < 200000; ++i)
        extra += ",\"k" + std::to_string(i) + "\":0";
    ca::config cfg;
    cfg.limits.max_body_size = 4u << 20;
    ca::http_response r;
    r.status = 201;
    r.headers.add("Content-Type", "application/json");
    std::string const user = R"({"email":"a@b.co","firstName":"A","lastName":"B","enabled":true)";
    r.body = user + extra + "}";
    CHECK(ca::parse_create_user_response(r, cfg).has_value());
    r.body = user + extra + R"(,"k123456":1})";
    auto const res = ca::parse_create_user_response(r, cfg);
    REQUIRE_FALSE(res.has_value());
    CHECK(res.error() == ca::errc::duplicate_key);
    CHECK(res.error().field == "/k123456");
}
