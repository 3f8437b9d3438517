// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.

// concurrent_create/*: 2,000 create-user calls with 8 in flight, over TLS to
// the local server (see loopback.hpp), from one thread:
//
//   corti_beast_c8     one client<beast_transport> on an io_context
//                      (max_connections = 8), async_create_user, the next
//                      call started in each completion handler
//   libcurl_multi_c8   a libcurl multi handle driving 8 reused easy handles
//                      (kept-alive TLS), bodies built and answers parsed by
//                      nlohmann::json
//
// One benchmark iteration is one batch of `batch_size` creates; the rows
// carry the counter `batch` so that bench/report.py shows times per create.
// As in roundtrip_loopback, the server's duplicate-email scan must not grow
// with the run: each batch creates its users `users_per_customer` to a
// customer, in fresh customers made (and the previous batch's deleted) with
// the clock paused.

#include "alloc_counter.hpp"
#include "docs_data.hpp"
#include "loopback.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>

#include <benchmark/benchmark.h>
#include <boost/asio/io_context.hpp>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace admin = corti::admin;
namespace net = boost::asio;
using namespace corti_bench;

namespace {

constexpr int batch_size = 2000;
constexpr int in_flight = 8;
constexpr int users_per_customer = 50;

/** The customers of one contender's batch, made and deleted through a
    client of its own (outside the timed region).
*/
class customer_batch
{
    std::string prefix_;
    admin::client<admin::beast_transport> admin_;
    std::vector<std::string> ids_;
    unsigned long serial_ = 0;

public:
    customer_batch(std::string const& tag, server_info const& s)
        : prefix_("bench-" + tag + "-" + std::to_string(getpid()) + "-"),
          admin_(make_transport(s.ca_file), s.cfg, admin::secret(s.token))
    {
    }

    /// Deletes the previous batch's customers and creates enough for
    /// `calls` calls; returns an error message or "".
    std::string renew(int calls)
    {
        for(auto const& id : ids_)
            if(auto r = admin_.delete_customer(docs_project, id); !r)
                return "delete customer: " + r.error().to_string();
        ids_.clear();
        for(int i = 0; i < (calls + users_per_customer - 1) / users_per_customer; ++i)
        {
            admin::new_customer c;
            c.customer_id = prefix_ + std::to_string(++serial_);
            c.display_name = c.customer_id;
            if(auto r = admin_.create_customer(docs_project, c); !r)
                return "create customer: " + r.error().to_string();
            ids_.push_back(c.customer_id);
        }
        return {};
    }

    /// The customer of the `i`th call of the batch.
    std::string const& of_call(int i) const noexcept { return ids_[static_cast<std::size_t>(i / users_per_customer)]; }
};

/** One batch's inputs, made with the clock paused: the customers, and a
    fresh email per call. `run(calls)` makes the calls and returns "" or why
    one failed (an error, or another email in the answer).
*/
template<class Contender>
void run_batches(benchmark::State& state, customer_batch& customers, Contender& contender, char const* label)
{
    std::vector<std::string> emails(static_cast<std::size_t>(batch_size));
    // Not timed: the connections made (and, for the warm-up's sake, a few
    // creates), so that a batch measures creates on open connections.
    if(auto err = customers.renew(in_flight); !err.empty())
    {
        state.SkipWithError(err.c_str());
        return;
    }
    for(int i = 0; i < in_flight; ++i)
        next_email(emails[static_cast<std::size_t>(i)]);
    if(auto err = contender.run(customers, emails, in_flight); !err.empty())
    {
        state.SkipWithError(err.c_str());
        return;
    }
    alloc_scope allocs;
    for(auto _ : state)
    {
        state.PauseTiming();
        allocs.pause();
        auto err = customers.renew(batch_size);
        for(auto& e : emails)
            next_email(e);
        allocs.resume();
        state.ResumeTiming();
        if(err.empty())
            err = contender.run(customers, emails, batch_size);
        if(!err.empty())
        {
            state.SkipWithError(err.c_str());
            break;
        }
    }
    allocs.report(state);
    // Per create, not per batch (report.py divides the times by `batch`).
    auto const creates = static_cast<double>(state.iterations()) * batch_size;
    // allocs.report set the total (kAvgIterations divides it only later).
    if(state.iterations() > 0)
        state.counters["allocs"] = benchmark::Counter(state.counters["allocs"].value / creates);
    state.counters["calls_per_s"] = benchmark::Counter(creates, benchmark::Counter::kIsRate);
    state.counters["batch"] = benchmark::Counter(batch_size);
    state.counters["in_flight"] = benchmark::Counter(in_flight);
    state.SetLabel(label);
}

// --- corti: one client<beast_transport>, async, 8 calls in flight --------------

struct corti_contender
{
    net::io_context ioc{1};
    admin::client<admin::beast_transport> client;
    admin::new_user user;

    static admin::beast_transport make(net::io_context& ioc, server_info const& s)
    {
        admin::beast_transport_options o;
        o.ca_file = s.ca_file;
        o.max_connections = in_flight;
        return admin::beast_transport(ioc.get_executor(), o);
    }

    explicit corti_contender(server_info const& s) : client(make(ioc, s), s.cfg, admin::secret(s.token))
    {
        user.first_name = std::string(docs_first_name);
        user.last_name = std::string(docs_last_name);
        user.password = admin::secret(docs_password);
    }

    /// The state of one batch: `in_flight` calls started, and the next
    /// started in each completion handler, until `calls` are done.
    struct batch
    {
        corti_contender& self;
        customer_batch const& customers;
        std::vector<std::string> const& emails;
        int calls;
        int started = 0;
        std::string error;

        void start_next()
        {
            int const i = started++;
            self.user.email = emails[static_cast<std::size_t>(i)];
            // The request is built before this returns: `user` can change.
            self.client.async_create_user(docs_project, customers.of_call(i), self.user,
                                          [this, i](admin::result<admin::user> r) {
                                              if(!r)
                                              {
                                                  if(error.empty())
                                                      error = "async_create_user: " + r.error().to_string();
                                              }
                                              else if(r->email != emails[static_cast<std::size_t>(i)])
                                                  error = "wrong email in the answer";
                                              benchmark::DoNotOptimize(r);
                                              if(error.empty() && started < calls)
                                                  start_next();
                                          });
        }
    };

    std::string run(customer_batch const& customers, std::vector<std::string> const& emails, int calls)
    {
        batch b{*this, customers, emails, calls, 0, {}};
        for(int i = 0; i < in_flight && i < calls; ++i)
            b.start_next();
        ioc.restart();
        ioc.run(); // one thread; returns when every call has completed
        return b.error;
    }
};

void concurrent_corti_beast(benchmark::State& state)
{
    auto const& s = server();
    if(!s.error.empty())
    {
        state.SkipWithError(s.error.c_str());
        return;
    }
    // Kept across the repetitions, as an application keeps its client.
    static auto& c = *new corti_contender(s);
    static auto& customers = *new customer_batch("c8corti", s);
    run_batches(state, customers, c, "one client, async, 8 in flight");
}

// --- libcurl multi, 8 reused easy handles, nlohmann --------------------------------

std::size_t append_body(char* p, std::size_t size, std::size_t n, void* out)
{
    static_cast<std::string*>(out)->append(p, size * n);
    return size * n;
}

struct curl_multi_contender
{
    struct slot
    {
        CURL* h = nullptr;
        int call = -1;
        std::string url;
        std::string body;
        std::string response;
    };

    CURLM* multi = nullptr;
    curl_slist* headers = nullptr;
    std::array<slot, in_flight> slots{};
    std::string base_url;
    std::string error;

    explicit curl_multi_contender(server_info const& s) : base_url(s.base_url)
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        multi = curl_multi_init();
        if(!multi)
        {
            error = "curl_multi_init failed";
            return;
        }
        curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(in_flight));
        std::string const auth = "Authorization: Bearer " + s.token;
        headers = curl_slist_append(headers, auth.c_str());
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Accept: application/json");
        for(auto& sl : slots)
        {
            sl.h = curl_easy_init();
            if(!sl.h)
            {
                error = "curl_easy_init failed";
                return;
            }
            curl_easy_setopt(sl.h, CURLOPT_CAINFO, s.ca_file.c_str());
            curl_easy_setopt(sl.h, CURLOPT_HTTPHEADER, headers);
            curl_easy_setopt(sl.h, CURLOPT_WRITEFUNCTION, &append_body);
            curl_easy_setopt(sl.h, CURLOPT_WRITEDATA, &sl.response);
            curl_easy_setopt(sl.h, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(sl.h, CURLOPT_PRIVATE, &sl);
        }
    }

    void start(slot& sl, int call, customer_batch const& customers, std::string const& email)
    {
        sl.call = call;
        sl.url =
            base_url + "/projects/" + std::string(docs_project) + "/customers/" + customers.of_call(call) + "/users";
        sl.body = plain_create_user_body(email, docs_first_name, docs_last_name, docs_password);
        sl.response.clear();
        curl_easy_setopt(sl.h, CURLOPT_URL, sl.url.c_str());
        curl_easy_setopt(sl.h, CURLOPT_POSTFIELDS, sl.body.c_str());
        curl_easy_setopt(sl.h, CURLOPT_POSTFIELDSIZE, static_cast<long>(sl.body.size()));
        curl_multi_add_handle(multi, sl.h);
    }

    /// The answer of a finished transfer: "" or why it failed.
    static std::string check(slot& sl, CURLcode rc, std::string const& email)
    {
        if(rc != CURLE_OK)
            return std::string("curl: ") + curl_easy_strerror(rc);
        long status = 0;
        curl_easy_getinfo(sl.h, CURLINFO_RESPONSE_CODE, &status);
        if(status != 201 && status != 200)
            return "HTTP " + std::to_string(status) + ": " + sl.response;
        try
        {
            auto const u = read_plain_user(nlohmann::json::parse(sl.response));
            if(!u.id || u.id->empty())
                return "no id in the answer";
            if(u.email != email)
                return "wrong email in the answer";
            benchmark::DoNotOptimize(u);
        }
        catch(std::exception const& e)
        {
            return std::string("nlohmann: ") + e.what();
        }
        return {};
    }

    std::string run(customer_batch const& customers, std::vector<std::string> const& emails, int calls)
    {
        int started = 0;
        int done = 0;
        int active = 0;
        std::string err;
        for(auto& sl : slots)
            if(started < calls)
            {
                start(sl, started, customers, emails[static_cast<std::size_t>(started)]);
                ++started;
                ++active;
            }
        while(active > 0)
        {
            int running = 0;
            if(CURLMcode const mc = curl_multi_perform(multi, &running); mc != CURLM_OK)
                return std::string("curl_multi_perform: ") + curl_multi_strerror(mc);
            int queued = 0;
            while(CURLMsg* m = curl_multi_info_read(multi, &queued))
            {
                if(m->msg != CURLMSG_DONE)
                    continue;
                CURL* const h = m->easy_handle;
                CURLcode const rc = m->data.result;
                slot* sl = nullptr;
                curl_easy_getinfo(h, CURLINFO_PRIVATE, &sl);
                curl_multi_remove_handle(multi, h);
                --active;
                ++done;
                if(auto e = check(*sl, rc, emails[static_cast<std::size_t>(sl->call)]); !e.empty() && err.empty())
                    err = e;
                if(err.empty() && started < calls)
                {
                    start(*sl, started, customers, emails[static_cast<std::size_t>(started)]);
                    ++started;
                    ++active;
                }
            }
            if(active > 0)
                if(CURLMcode const mc = curl_multi_poll(multi, nullptr, 0, 1000, nullptr); mc != CURLM_OK)
                    return std::string("curl_multi_poll: ") + curl_multi_strerror(mc);
        }
        return err;
    }
};

void concurrent_libcurl_multi(benchmark::State& state)
{
    auto const& s = server();
    if(!s.error.empty())
    {
        state.SkipWithError(s.error.c_str());
        return;
    }
    static auto& c = *new curl_multi_contender(s);
    static auto& customers = *new customer_batch("c8curl", s);
    if(!c.error.empty())
    {
        state.SkipWithError(c.error.c_str());
        return;
    }
    run_batches(state, customers, c, "multi handle, 8 easy handles, kept-alive TLS");
}

} // namespace

// One batch of 2,000 creates per repetition; the process's CPU time counts
// the transports' helper threads too (Asio's resolver, libcurl's).
BENCHMARK(concurrent_corti_beast)
    ->Name("concurrent_create/corti_beast_c8")
    ->Iterations(1)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(concurrent_libcurl_multi)
    ->Name("concurrent_create/libcurl_multi_c8")
    ->Iterations(1)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
