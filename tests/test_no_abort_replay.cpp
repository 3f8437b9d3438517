// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// With exceptions off, no input makes the library abort or terminate.
//
// Built with -fno-exceptions -fno-rtti the way firmware builds it: Boost.JSON
// compiled in through <corti/admin/embedded.hpp>, no Boost library linked.
// Replays every file under the folders given on the command line
// (fuzz/corpus/<target>/ and fuzz/regressions/<target>/): each file goes
// through every response parser as a body (whole, and without the one to
// three configuration bytes the fuzz targets read first), with several
// statuses, limits, strictness and arena sizes, through the client, and
// through the builders and validators. The verdicts are the fuzzers'
// business; this program only has to get to the end. An abort, a
// `boost::throw_exception` or a crash names the file and fails.
//
// Exit status: 0 when every file ran, 1 on a failure, 77 (skipped) when no
// input folder exists.

#define CORTI_ADMIN_EMBEDDED_IMPLEMENTATION
#define CORTI_ADMIN_EMBEDDED_CUSTOM_THROW
#include <corti/admin/embedded.hpp>
#include <corti/admin/testing.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#if defined(__cpp_exceptions) || defined(__GXX_RTTI)
#error "this test must be compiled with -fno-exceptions -fno-rtti"
#endif

namespace admin = corti::admin;
namespace fs = std::filesystem;

namespace {

char current[4096] = "(none)"; // the file being replayed, for the failure message

[[noreturn]] void fail(char const* why)
{
    // stdio in a signal handler is not async-signal-safe; good enough to name the file.
    std::fputs(why, stderr);
    std::fputs(" while replaying ", stderr);
    std::fputs(current, stderr);
    std::fputs("\n", stderr);
    std::_Exit(1);
}

extern "C" void on_signal(int sig) { fail(sig == SIGABRT ? "abort()" : sig == SIGSEGV ? "SIGSEGV" : "fatal signal"); }

} // namespace

namespace boost {
// The library must never get here: errors are values.
BOOST_NORETURN void throw_exception(std::exception const&) { fail("boost::throw_exception"); }
BOOST_NORETURN void throw_exception(std::exception const&, boost::source_location const&)
{
    fail("boost::throw_exception");
}
} // namespace boost

namespace {

admin::http_response response(unsigned status, std::string_view content_type, std::string_view body)
{
    admin::http_response r;
    r.status = status;
    if(!content_type.empty())
        r.headers.add("Content-Type", content_type);
    r.headers.add("x-request-id", "req-1");
    r.headers.add("Location", body.substr(0, 64));
    r.body = std::string(body);
    return r;
}

/// Every response parser of the library, on one response.
void parse_everything(admin::http_response const& r, admin::config const& cfg)
{
    static unsigned char buffer[4096];
    for(std::size_t size : {std::size_t(0), std::size_t(16), std::size_t(100), sizeof buffer})
    {
        admin::parse_arena arena(buffer, size);
        (void)admin::parse_create_user_response(r, cfg, arena);
    }
    (void)admin::parse_create_user_response(r, cfg);
    (void)admin::parse_api_error(r, cfg.limits);
    (void)admin::parse_fetch_token_response(r, cfg);
    (void)admin::parse_list_customers_response(r, cfg);
    (void)admin::parse_create_customer_response(r, cfg);
    (void)admin::parse_update_customer_response(r, cfg);
    (void)admin::parse_delete_customer_response(r, cfg);
    (void)admin::parse_get_customer_quotas_response(r, cfg);
    (void)admin::parse_list_users_response(r, cfg);
    (void)admin::parse_update_user_response(r, cfg);
    (void)admin::parse_delete_user_response(r, cfg);
    (void)admin::parse_get_user_consumption_response(r, cfg);
    (void)admin::parse_get_project_quotas_response(r, cfg);
}

/// The input as a response body, under several envelopes and configurations.
void as_body(std::string_view body, unsigned char config_byte)
{
    admin::config cfg;
    cfg.strictness = (config_byte & 1) ? admin::strictness::strict : admin::strictness::tolerant;
    constexpr std::size_t depths[4] = {16, 1, 3, 64};
    cfg.limits.max_depth = depths[(config_byte >> 1) & 3];
    if(config_byte & 8)
        cfg.limits.max_string_length = 12;
    if(config_byte & 16)
        cfg.limits.max_body_size = 100;
    for(unsigned status : {201u, 200u, 409u, 500u, 302u, 204u})
        parse_everything(response(status, "application/json", body), cfg);
    parse_everything(response(201, "", body), cfg);
    parse_everything(response(409, "text/html", body), cfg);

    admin::client<admin::testing::mock_transport> c(admin::testing::mock_transport{}, cfg, admin::secret("tok"));
    c.get_transport().push(response(201, "application/json", body));
    admin::new_user const u{"user@example.com", "Ada", "Lovelace", admin::secret("Correct-Horse-Battery-42")};
    (void)c.create_user("proj-1", "cust-1", u);
}

/// The input as arguments: path parameters, request fields, formats.
void as_arguments(std::string_view data)
{
    (void)admin::check_path_parameter("customerId", data, admin::max_customer_id_length);
    std::string target = "/base";
    admin::append_path_segment(target, data);
    (void)admin::uuid::parse(data);
    (void)admin::date_time::parse(data);
    (void)admin::is_valid_email(data);

    // email 0xFF first 0xFF last [0xFF password], as fuzz_request_body reads it.
    std::vector<std::string_view> f;
    std::string_view rest = data;
    for(std::size_t at; f.size() < 3 && (at = rest.find('\xFF')) != rest.npos; rest.remove_prefix(at + 1))
        f.push_back(rest.substr(0, at));
    f.push_back(rest);
    admin::new_user u;
    u.email = std::string(f[0]);
    u.first_name = f.size() > 1 ? std::string(f[1]) : std::string();
    u.last_name = f.size() > 2 ? std::string(f[2]) : std::string();
    if(f.size() > 3)
        u.password.emplace(f[3]);
    (void)admin::make_create_user_request(admin::config{}, admin::secret("tok"), "proj-1", data, u);
}

bool read_file(fs::path const& p, std::string& out)
{
    std::FILE* f = std::fopen(p.c_str(), "rb");
    if(!f)
        return false;
    out.clear();
    char buf[4096];
    for(std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
        out.append(buf, n);
    std::fclose(f);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    std::signal(SIGABRT, on_signal);
    std::signal(SIGSEGV, on_signal);

    std::size_t files = 0;
    std::size_t folders = 0;
    for(int i = 1; i < argc; ++i)
    {
        std::error_code ec;
        // <root>/<target>/<file>: every target's inputs go through everything.
        for(fs::recursive_directory_iterator it(argv[i], ec), end; !ec && it != end; it.increment(ec))
        {
            if(it->is_directory(ec))
            {
                ++folders;
                continue;
            }
            if(!it->is_regular_file(ec) || it->path().filename().c_str()[0] == '.')
                continue;
            std::string data;
            std::snprintf(current, sizeof current, "%s", it->path().c_str());
            if(!read_file(it->path(), data))
                fail("cannot read");
            std::string_view const all = data;
            unsigned char const c0 = data.empty() ? 0 : static_cast<unsigned char>(data[0]);
            for(std::size_t skip = 0; skip <= 3 && skip <= all.size(); ++skip)
                as_body(all.substr(skip), skip == 0 ? 0 : c0);
            as_arguments(all);
            as_arguments(all.substr(all.empty() ? 0 : 1));
            ++files;
        }
    }
    if(files == 0)
    {
        std::printf("no input files under the given folders: skipped\n");
        return 77;
    }
    std::printf("replayed %zu files from %zu folders with -fno-exceptions -fno-rtti: no abort, no throw\n", files,
                folders);
    return 0;
}
