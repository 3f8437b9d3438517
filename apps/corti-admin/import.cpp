// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// `users import`: check every row, then create the users with N calls in
// flight on one client and one io_context thread, with a journal, a
// progress line and SIGINT handling.

#include "cli.hpp"
#include "import_rows.hpp"

#include <corti/admin.hpp>
#include <corti/admin/beast.hpp>
#include <corti/admin/beast/settings.hpp>
#include <corti/admin/json.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/serialize.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <variant>

namespace corti_cli {

namespace admin = corti::admin;
namespace net = boost::asio;
using clock_type = std::chrono::steady_clock;

namespace {

std::string format_duration(double seconds)
{
    if(seconds < 0 || seconds > 360000)
        return "--:--";
    auto const s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if(s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

class importer
{
public:
    importer(net::io_context& ioc, admin::client<admin::beast_transport>& c, import_options const& o,
             std::vector<import_row> rows, std::size_t skipped, std::FILE* journal, bool json, bool fetch)
        : ioc_(ioc), client_(c), o_(o), rows_(std::move(rows)), skipped_(skipped), journal_(journal), json_(json),
          fetch_(fetch), progress_(::isatty(STDERR_FILENO) == 1), stdout_tty_(::isatty(STDOUT_FILENO) == 1),
          signals_(ioc, SIGINT), tick_(ioc)
    {
    }

    /// Runs the import to its end. @return the exit code.
    int run()
    {
        started_ = clock_type::now();
        signals_.async_wait([this](boost::system::error_code ec, int) { on_signal(ec); });
        if(progress_)
            schedule_tick();
        if(fetch_)
        {
            // One token for all: fetched first, so that a refusal stops the run before any row.
            client_.async_fetch_token([this](admin::result<void> r) {
                if(!r)
                {
                    clear_progress();
                    code_ = report("token", r.error(), true);
                    stopping_ = true;
                    finish_if_done();
                    return;
                }
                start_next();
            });
        }
        else
            start_next();
        ioc_.run();
        return end();
    }

private:
    void start_next()
    {
        while(!stopping_ && in_flight_ < o_.concurrency && next_ < rows_.size())
        {
            std::size_t const i = next_++;
            ++in_flight_;
            client_.async_create_user(o_.project, o_.customer, rows_[i].user,
                                      [this, i](admin::result<admin::user> r) { on_done(i, std::move(r)); });
        }
        finish_if_done();
    }

    void on_done(std::size_t i, admin::result<admin::user> r)
    {
        --in_flight_;
        auto const& row = rows_[i];
        boost::json::object line;
        line["line"] = row.line;
        line["email"] = row.user.email;
        std::string error;
        if(r)
        {
            ++created_;
            line["outcome"] = "created";
            line["id"] = r->id ? boost::json::value(r->id->to_string()) : boost::json::value(nullptr);
        }
        else if(r.error() == admin::errc::api_error && r.error().http_status == 409)
        {
            ++exists_;
            line["outcome"] = "exists";
            line["id"] = nullptr;
        }
        else
        {
            ++failed_;
            error = r.error().to_string();
            line["outcome"] = "failed";
            line["id"] = nullptr;
            line["error"] = error;
            if(is_refusal(r.error(), false) && code_ == exit_ok)
            {
                // Every later row would be refused too.
                code_ = exit_refused;
                stopping_ = true;
            }
        }
        std::string const text = boost::json::serialize(line);
        if(journal_)
        {
            std::fputs(text.c_str(), journal_);
            std::fputc('\n', journal_);
            std::fflush(journal_);
        }
        if(json_)
        {
            if(stdout_tty_)
                clear_progress(); // both on one terminal
            std::cout << text << '\n';
            std::cout.flush();
        }
        else if(!error.empty())
        {
            clear_progress();
            std::cerr << o_.file << ':' << row.line << ": " << row.user.email << ": failed: " << error << '\n';
        }
        start_next();
    }

    void finish_if_done()
    {
        if(in_flight_ != 0 || (!stopping_ && next_ < rows_.size()) || finished_)
            return;
        finished_ = true;
        signals_.cancel();
        tick_.cancel();
        // Idle pooled connections may keep work on the context: nothing more is needed from them.
        ioc_.stop();
    }

    void on_signal(boost::system::error_code ec)
    {
        if(ec || finished_)
            return;
        if(interrupted_)
        {
            // A second SIGINT: leave now. Every outcome so far is in the journal already.
            clear_progress();
            std::cerr << "interrupted again: leaving " << in_flight_ << " calls in flight unrecorded\n";
            summary(std::cerr);
            std::_Exit(exit_interrupted);
        }
        interrupted_ = true;
        stopping_ = true;
        clear_progress();
        std::cerr << "interrupted: starting no more rows; waiting for " << in_flight_
                  << " in flight (SIGINT again to leave now)\n";
        signals_.async_wait([this](boost::system::error_code e, int) { on_signal(e); });
        finish_if_done();
    }

    void schedule_tick()
    {
        draw_progress();
        tick_.expires_after(std::chrono::milliseconds(100));
        tick_.async_wait([this](boost::system::error_code ec) {
            if(!ec && !finished_)
                schedule_tick();
        });
    }

    double elapsed() const { return std::chrono::duration<double>(clock_type::now() - started_).count(); }

    std::size_t done() const { return created_ + exists_ + failed_; }

    void draw_progress()
    {
        if(!progress_)
            return;
        double const t = elapsed();
        double const rate = t > 0 ? static_cast<double>(done()) / t : 0;
        std::size_t const left = rows_.size() - done();
        char buf[200];
        std::snprintf(buf, sizeof buf, "\r%zu/%zu  created %zu  exists %zu  failed %zu  %.0f users/s  ETA %s\x1b[K",
                      done() + skipped_, rows_.size() + skipped_, created_, exists_, failed_, rate,
                      rate > 0 ? format_duration(static_cast<double>(left) / rate).c_str() : "--:--");
        std::cerr << buf << std::flush;
        drawn_ = true;
    }

    void clear_progress()
    {
        if(progress_ && drawn_)
            std::cerr << "\r\x1b[K" << std::flush;
        drawn_ = false;
    }

    void summary(std::ostream& os) const
    {
        double const t = elapsed();
        char rate[64];
        std::snprintf(rate, sizeof rate, "%.2f s, %.0f users/s", t, t > 0 ? static_cast<double>(done()) / t : 0.0);
        os << (interrupted_ ? "interrupted: " : "done: ") << rows_.size() + skipped_ << " rows, " << created_
           << " created, " << exists_ << " exists, " << failed_ << " failed, " << skipped_ << " skipped (journal), "
           << rows_.size() - done() << " not sent; " << rate << '\n';
    }

    int end()
    {
        if(progress_)
        {
            draw_progress(); // its last state stays on screen
            std::cerr << '\n';
        }
        summary(json_ ? std::cerr : std::cout);
        std::cout.flush();
        if(code_ != exit_ok)
            return code_;
        if(interrupted_)
            return exit_interrupted;
        return failed_ != 0 ? exit_failed : exit_ok;
    }

    net::io_context& ioc_;
    admin::client<admin::beast_transport>& client_;
    import_options const& o_;
    std::vector<import_row> rows_;
    std::size_t skipped_;
    std::FILE* journal_;
    bool json_;
    bool fetch_;
    bool progress_;
    bool stdout_tty_;
    net::signal_set signals_;
    net::steady_timer tick_;
    clock_type::time_point started_;
    std::size_t next_ = 0;
    std::size_t in_flight_ = 0;
    std::size_t created_ = 0;
    std::size_t exists_ = 0;
    std::size_t failed_ = 0;
    bool stopping_ = false;
    bool interrupted_ = false;
    bool finished_ = false;
    bool drawn_ = false;
    int code_ = exit_ok;
};

} // namespace

int run_import(global_options const& g, import_options const& o)
{
    if(o.concurrency < 1 || o.concurrency > 256)
    {
        std::cerr << "--concurrency: must be 1 to 256\n";
        return exit_usage;
    }
    auto file = read_import_file(o.file);
    if(!file.problems.empty())
    {
        for(auto const& p : file.problems)
            std::cerr << p << '\n';
        std::cerr << file.problems.size() << (file.problems.size() == 1 ? " problem" : " problems")
                  << "; nothing was sent\n";
        return exit_usage;
    }
    if(o.check)
    {
        std::cout << o.file << ": " << file.rows.size() << " rows, all valid\n";
        return exit_ok;
    }
    // Before any signal handler: SIGINT from here until the signal_set is up ends the program.
    std::vector<import_row> todo;
    std::size_t skipped = 0;
    std::FILE* journal = nullptr;
    if(!o.journal.empty())
    {
        auto const done = read_journal(o.journal);
        for(auto& r : file.rows)
            if(done.count(email_key(r.user.email)))
                ++skipped;
            else
                todo.push_back(std::move(r));
        journal = std::fopen(o.journal.c_str(), "a");
        if(!journal)
        {
            std::cerr << o.journal << ": cannot open the journal for appending\n";
            return exit_usage;
        }
    }
    else
        todo = std::move(file.rows);

    auto s = load_settings(g);
    if(!s)
    {
        if(journal)
            std::fclose(journal);
        return exit_usage;
    }
    net::io_context ioc(1);
    admin::beast_transport_options opts;
    opts.timeout = s->timeout;
    opts.max_connections = o.concurrency;
    auto c = admin::make_beast_client(ioc.get_executor(), s->settings, opts);
    bool const fetch = std::holds_alternative<admin::console_credentials>(s->settings.credentials) && !todo.empty();
    importer imp(ioc, c, o, std::move(todo), skipped, journal, g.json, fetch);
    int const code = imp.run();
    if(journal)
        std::fclose(journal);
    return code;
}

} // namespace corti_cli
