// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTS_E2E_LOCAL_SERVER_HPP
#define CORTI_ADMIN_TESTS_E2E_LOCAL_SERVER_HPP

// The end-to-end fixture: starts the real corti-admin-local-server (path from
// the CORTI_ADMIN_LOCAL_SERVER compile definition) on a free loopback port
// in a temporary directory, and stops it when destroyed. Each test makes its
// own, so tests share no state. POSIX only (fork/exec).

#include <corti/admin/config.hpp>
#include <corti/admin/http.hpp>

#include <fcntl.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace e2e {

class local_server
{
public:
    /// Starts the server with `--seed-customer contosohospital` and `extra` flags;
    /// throws std::runtime_error (with the server's log) when it does not come up.
    explicit local_server(std::vector<std::string> extra = {})
    {
        char tmpl[] = "/tmp/corti-e2e-XXXXXX";
        if(!::mkdtemp(tmpl))
            throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
        dir_ = tmpl;
        plain_ = false;
        for(auto const& a : extra)
            plain_ = plain_ || a == "--plain";

        std::vector<std::string> args = {CORTI_ADMIN_LOCAL_SERVER, "--port",   "0",       "--ready-file",
                                         dir_ + "/port",           "--ca-out", ca_file(), "--seed-customer",
                                         "contosohospital"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for(auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);

        // fork/exec rather than posix_spawn: the child asks the kernel to kill
        // it when this process dies, so a crashed test leaves no server behind.
        std::string const log = log_file();
        [[maybe_unused]] pid_t const parent = ::getpid();
        pid_ = ::fork();
        if(pid_ < 0)
            throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        if(pid_ == 0)
        {
            // Only async-signal-safe calls until exec.
#ifdef __linux__
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if(::getppid() != parent)
                ::_exit(127);
#endif
            int const fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if(fd >= 0)
            {
                ::dup2(fd, 1);
                ::dup2(fd, 2);
            }
            ::execve(argv[0], argv.data(), environ);
            ::_exit(127);
        }
        wait_until_ready();
    }

    local_server(local_server const&) = delete;
    local_server& operator=(local_server const&) = delete;

    ~local_server()
    {
        stop();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

    /// Stops the server now (its port then refuses connections).
    void stop()
    {
        if(pid_ <= 0)
            return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }

    std::uint16_t port() const noexcept { return port_; }
    bool tls() const noexcept { return !plain_; }
    std::string ca_file() const { return dir_ + "/ca.pem"; }
    std::string log_file() const { return dir_ + "/server.log"; }

    /// The CA certificate's PEM text.
    std::string ca_pem() const { return read(ca_file()); }

    /// The server's log so far (requests, errors).
    std::string log() const { return read(log_file()); }

    /// A config that sends requests to this server.
    corti::admin::config config(std::string host = "localhost") const
    {
        corti::admin::config cfg;
        cfg.endpoint.tls = tls();
        cfg.endpoint.host = std::move(host);
        cfg.endpoint.port = port_;
        cfg.endpoint.encoded_base_path = "/functions/v1/public";
        return cfg;
    }

private:
    static std::string read(std::string const& path)
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }

    void wait_until_ready()
    {
        auto const give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while(std::chrono::steady_clock::now() < give_up)
        {
            int status = 0;
            if(::waitpid(pid_, &status, WNOHANG) == pid_)
            {
                pid_ = -1;
                throw std::runtime_error("corti-admin-local-server exited at start:\n" + log());
            }
            std::string const text = read(dir_ + "/port");
            if(!text.empty() && text.back() == '\n')
            {
                port_ = static_cast<std::uint16_t>(std::stoul(text));
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        stop();
        throw std::runtime_error("corti-admin-local-server did not become ready:\n" + log());
    }

    std::string dir_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    bool plain_ = false;
};

} // namespace e2e

#endif
