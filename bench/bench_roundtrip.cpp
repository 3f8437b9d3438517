// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.

// roundtrip_loopback/*: sequential create-user calls over TLS to the local
// server (examples/local-server, see loopback.hpp).
//
// The server's duplicate-email check scans the customer's users, so a
// customer that keeps growing would make later calls slower (and penalize
// whichever contender runs more calls). Each contender therefore creates
// users in a customer of its own, replaced (delete + create, outside the
// timed region) every `users_per_customer` calls: the server's work per call
// stays the same for every contender and every repetition.

#include "alloc_counter.hpp"
#include "docs_data.hpp"
#include "loopback.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <benchmark/benchmark.h>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace admin = corti::admin;
using namespace corti_bench;

namespace {

constexpr int users_per_customer = 50;

/** The customer a contender creates its users in: replaced by a fresh one
    every `users_per_customer` calls (through a connection of its own).
*/
class customer_rotation
{
    std::string tag_;
    admin::client<admin::beast_transport> admin_;
    std::string current_;
    int used_ = 0;
    unsigned long serial_ = 0;

public:
    customer_rotation(std::string tag, server_info const& s)
        : tag_(std::move(tag)), admin_(make_transport(s.ca_file), s.cfg, admin::secret(s.token))
    {
    }

    bool due() const noexcept { return current_.empty() || used_ >= users_per_customer; }

    /// Deletes the current customer and creates the next; returns an error message or "".
    std::string rotate()
    {
        if(!current_.empty())
            if(auto r = admin_.delete_customer(docs_project, current_); !r)
                return "delete customer: " + r.error().to_string();
        admin::new_customer c;
        c.customer_id = "bench-" + tag_ + "-" + std::to_string(++serial_);
        c.display_name = c.customer_id;
        if(auto r = admin_.create_customer(docs_project, c); !r)
            return "create customer: " + r.error().to_string();
        current_ = c.customer_id;
        used_ = 0;
        return {};
    }

    /// The customer for the next call.
    std::string const& take() noexcept
    {
        ++used_;
        return current_;
    }
};

/// Runs `rotation.rotate()` with the clock and the allocation count paused
/// when a new customer is due; false (and the benchmark skipped) on failure.
bool rotate_if_due(benchmark::State& state, customer_rotation& rotation, alloc_scope* allocs)
{
    if(!rotation.due())
        return true;
    state.PauseTiming();
    if(allocs)
        allocs->pause();
    std::string const err = rotation.rotate();
    if(allocs)
        allocs->resume();
    state.ResumeTiming();
    if(!err.empty())
    {
        state.SkipWithError(err.c_str());
        return false;
    }
    return true;
}

void report_rate(benchmark::State& state)
{
    state.counters["calls_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

/** Runs one contender: a warm-up call (the connection made, a customer
    ready), not timed, then one call per iteration, with the customer
    rotation outside the timing and the allocations. `call(customer)` makes
    one create-user call with a fresh email and returns "" or why it failed
    (an error, or another email in the answer).
*/
template<class Call>
void run_roundtrip(benchmark::State& state, customer_rotation& rotation, char const* label, Call call)
{
    if(auto err = rotation.due() ? rotation.rotate() : std::string(); !err.empty())
    {
        state.SkipWithError(err.c_str());
        return;
    }
    if(auto err = call(rotation.take()); !err.empty())
    {
        state.SkipWithError(err.c_str());
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        if(!rotate_if_due(state, rotation, &allocs))
            break;
        if(auto err = call(rotation.take()); !err.empty())
        {
            state.SkipWithError(err.c_str());
            break;
        }
    }
    allocs.report(state);
    report_rate(state);
    state.SetLabel(label);
}

// --- corti: client<beast_transport>, one kept-alive TLS connection ------------

void roundtrip_corti_beast(benchmark::State& state)
{
    auto const& s = server();
    if(!s.error.empty())
    {
        state.SkipWithError(s.error.c_str());
        return;
    }
    // Kept across the runs of this benchmark, as an application keeps its client.
    static auto& c =
        *new admin::client<admin::beast_transport>(make_transport(s.ca_file), s.cfg, admin::secret(s.token));
    static auto& rotation = *new customer_rotation("corti", s);

    admin::new_user u;
    u.first_name = std::string(docs_first_name);
    u.last_name = std::string(docs_last_name);
    u.password = admin::secret(docs_password);

    run_roundtrip(state, rotation, "kept-alive TLS connection", [&](std::string const& customer) -> std::string {
        next_email(u.email);
        auto r = c.create_user(docs_project, customer, u);
        if(!r)
            return "create_user: " + r.error().to_string();
        if(r->email != u.email)
            return "wrong email in the answer";
        benchmark::DoNotOptimize(r);
        return {};
    });
}

// --- libcurl (one reused easy handle) + nlohmann ---------------------------------

std::size_t append_to_string(char* p, std::size_t size, std::size_t n, void* out)
{
    static_cast<std::string*>(out)->append(p, size * n);
    return size * n;
}

struct curl_contender
{
    CURL* h = nullptr;
    curl_slist* headers = nullptr;
    std::string response;
    std::string error;

    explicit curl_contender(server_info const& s)
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        h = curl_easy_init();
        if(!h)
        {
            error = "curl_easy_init failed";
            return;
        }
        std::string const auth = "Authorization: Bearer " + s.token;
        headers = curl_slist_append(headers, auth.c_str());
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Accept: application/json");
        curl_easy_setopt(h, CURLOPT_CAINFO, s.ca_file.c_str());
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append_to_string);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &response);
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    }

    /// One create-user call; returns an error message or "".
    std::string create_user(server_info const& s, std::string const& customer, std::string const& email,
                            plain_user& out)
    {
        std::string const url =
            s.base_url + "/projects/" + std::string(docs_project) + "/customers/" + customer + "/users";
        std::string const body = plain_create_user_body(email, docs_first_name, docs_last_name, docs_password);
        curl_easy_setopt(h, CURLOPT_URL, url.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
        response.clear();
        CURLcode const rc = curl_easy_perform(h);
        if(rc != CURLE_OK)
            return std::string("curl_easy_perform: ") + curl_easy_strerror(rc);
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        if(status != 201 && status != 200)
            return "HTTP " + std::to_string(status) + ": " + response;
        try
        {
            out = read_plain_user(nlohmann::json::parse(response));
        }
        catch(std::exception const& e)
        {
            return std::string("nlohmann: ") + e.what();
        }
        return {};
    }
};

void roundtrip_libcurl_nlohmann(benchmark::State& state)
{
    auto const& s = server();
    if(!s.error.empty())
    {
        state.SkipWithError(s.error.c_str());
        return;
    }
    static auto& c = *new curl_contender(s);
    static auto& rotation = *new customer_rotation("curl", s);
    if(!c.error.empty())
    {
        state.SkipWithError(c.error.c_str());
        return;
    }
    std::string email;
    plain_user u;
    run_roundtrip(state, rotation, "kept-alive TLS connection", [&](std::string const& customer) -> std::string {
        next_email(email);
        if(auto err = c.create_user(s, customer, email, u); !err.empty())
            return err;
        if(u.email != email)
            return "wrong email in the answer";
        benchmark::DoNotOptimize(u);
        return {};
    });
}

// --- the curl command line, one process per call -----------------------------------

/// Runs `argv` (searched in PATH) and returns its stdout; `status` gets the
/// exit status (-1 when it could not run).
std::string run_capture(std::vector<std::string> const& args, int& status)
{
    status = -1;
    int fds[2];
    if(pipe(fds) != 0)
        return {};
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for(auto const& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    pid_t pid = 0;
    int const rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    std::string out;
    if(rc == 0)
    {
        char buf[4096];
        for(;;)
        {
            ssize_t const n = read(fds[0], buf, sizeof buf);
            if(n > 0)
                out.append(buf, static_cast<std::size_t>(n));
            else if(n == 0 || errno != EINTR)
                break;
        }
        int ws = 0;
        while(waitpid(pid, &ws, 0) < 0 && errno == EINTR)
        {
        }
        status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    }
    close(fds[0]);
    return out;
}

void roundtrip_curl_cli(benchmark::State& state)
{
    auto const& s = server();
    if(!s.error.empty())
    {
        state.SkipWithError(s.error.c_str());
        return;
    }
    static auto& rotation = *new customer_rotation("cli", s);
    std::string const auth = "Authorization: Bearer " + s.token;
    std::string email;

    // curl -s -S --cacert ca.pem -X POST URL -H ... -d BODY, as the API docs
    // show it; -w appends the status on a line of its own.
    auto const call = [&](std::string const& customer) -> std::string {
        next_email(email);
        std::string const url =
            s.base_url + "/projects/" + std::string(docs_project) + "/customers/" + customer + "/users";
        std::string const body = plain_create_user_body(email, docs_first_name, docs_last_name, docs_password);
        int status = 0;
        std::string out = run_capture({"curl", "-s", "-S", "--cacert", s.ca_file, "-X", "POST", url, "-H", auth, "-H",
                                       "Content-Type: application/json", "-H", "Accept: application/json", "-d", body,
                                       "-w", "\n%{http_code}"},
                                      status);
        if(status != 0)
            return "curl exited with " + std::to_string(status);
        auto const nl = out.rfind('\n');
        if(nl == std::string::npos)
            return "no status line in curl's output";
        std::string const code = out.substr(nl + 1);
        if(code != "201" && code != "200")
            return "HTTP " + code + ": " + out.substr(0, nl);
        try
        {
            auto const u = read_plain_user(nlohmann::json::parse(out.substr(0, nl)));
            if(u.email != email)
                return "wrong email in the answer";
        }
        catch(std::exception const& e)
        {
            return std::string("nlohmann: ") + e.what();
        }
        return {};
    };

    run_roundtrip(state, rotation, "a curl process and a TLS handshake per call", call);
}

} // namespace

BENCHMARK(roundtrip_corti_beast)->Name("roundtrip_loopback/corti_beast")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(roundtrip_libcurl_nlohmann)
    ->Name("roundtrip_loopback/libcurl_nlohmann")
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(roundtrip_curl_cli)->Name("roundtrip_loopback/curl_cli")->UseRealTime()->Unit(benchmark::kMillisecond);
