// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTS_E2E_TINYPROXY_HPP
#define CORTI_ADMIN_TESTS_E2E_TINYPROXY_HPP

// A real HTTP proxy for the end-to-end tests: Debian's tinyproxy (installed
// by scripts/install-deps), started in the foreground with a config of its
// own in a temporary directory, on a free loopback port, and stopped when
// destroyed. A missing tinyproxy is an error, not a skip. POSIX only.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <stdlib.h>
#include <sys/socket.h>
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

/// A loopback port nothing listens on now: bound to port 0, then closed.
/// Another process may take it before it is used (callers retry).
inline std::uint16_t free_port()
{
    int const fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if(fd < 0)
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
       ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    {
        ::close(fd);
        throw std::runtime_error(std::string("bind: ") + std::strerror(errno));
    }
    ::close(fd);
    return ntohs(a.sin_port);
}

class tinyproxy
{
public:
    struct options
    {
        /// The ports CONNECT may reach (tinyproxy refuses others with 403).
        std::vector<std::uint16_t> connect_ports;
        /// Basic credentials the proxy requires; empty: none.
        std::string user;
        std::string password;
    };

    /// Starts tinyproxy; throws std::runtime_error (with its log) when it
    /// is missing or does not come up.
    explicit tinyproxy(options o) : opts_(std::move(o))
    {
        char tmpl[] = "/tmp/corti-proxy-XXXXXX";
        if(!::mkdtemp(tmpl))
            throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
        dir_ = tmpl;
        std::string const exe = find_tinyproxy();
        if(exe.empty())
            throw std::runtime_error("tinyproxy is not installed (scripts/install-deps installs it)");
        // tinyproxy has no "Port 0": take a free port, retry if another process took it first.
        for(int attempt = 0; attempt < 5; ++attempt)
        {
            port_ = free_port();
            write_config();
            if(start(exe))
                return;
        }
        throw std::runtime_error("tinyproxy did not start:\n" + log());
    }

    tinyproxy(tinyproxy const&) = delete;
    tinyproxy& operator=(tinyproxy const&) = delete;

    ~tinyproxy()
    {
        stop();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

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
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    /// tinyproxy's log (its CONNECT lines name the tunnels it opened).
    std::string log() const { return read(dir_ + "/tinyproxy.log") + read(dir_ + "/stdout.log"); }

    /// How many CONNECTs to `host:port` the log shows.
    std::size_t connects_to(std::string const& host_port) const
    {
        std::string const text = log();
        std::string const needle = "CONNECT " + host_port + " HTTP/1.1";
        std::size_t n = 0;
        for(auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
            ++n;
        return n;
    }

private:
    static std::string read(std::string const& path)
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }

    static std::string find_tinyproxy()
    {
        char const* path = std::getenv("PATH");
        std::string dirs = std::string(path ? path : "") + ":/usr/bin:/usr/sbin";
        std::istringstream in(dirs);
        for(std::string d; std::getline(in, d, ':');)
            if(!d.empty() && ::access((d + "/tinyproxy").c_str(), X_OK) == 0)
                return d + "/tinyproxy";
        return {};
    }

    void write_config()
    {
        std::ofstream out(dir_ + "/tinyproxy.conf", std::ios::trunc);
        out << "Port " << port_ << "\n"
            << "Listen 127.0.0.1\n"
            << "Timeout 30\n"
            << "MaxClients 20\n"
            << "LogLevel Info\n"
            << "LogFile \"" << dir_ << "/tinyproxy.log\"\n"
            << "Allow 127.0.0.1\n";
        for(auto p : opts_.connect_ports)
            out << "ConnectPort " << p << "\n";
        if(!opts_.user.empty())
            out << "BasicAuth " << opts_.user << " " << opts_.password << "\n";
        std::error_code ignored;
        std::filesystem::remove(dir_ + "/tinyproxy.log", ignored);
    }

    /// Starts tinyproxy in the foreground; false when it exited at start
    /// (its port was taken).
    bool start(std::string const& exe)
    {
        std::vector<std::string> args = {exe, "-d", "-c", dir_ + "/tinyproxy.conf"};
        std::vector<char*> argv;
        for(auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::string const out = dir_ + "/stdout.log";
        [[maybe_unused]] pid_t const parent = ::getpid();
        pid_ = ::fork();
        if(pid_ < 0)
            throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        if(pid_ == 0)
        {
#ifdef __linux__
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if(::getppid() != parent)
                ::_exit(127);
#endif
            int const fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if(fd >= 0)
            {
                ::dup2(fd, 1);
                ::dup2(fd, 2);
            }
            ::execve(argv[0], argv.data(), environ);
            ::_exit(127);
        }
        auto const give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while(std::chrono::steady_clock::now() < give_up)
        {
            int status = 0;
            if(::waitpid(pid_, &status, WNOHANG) == pid_)
            {
                pid_ = -1;
                return false;
            }
            if(read(dir_ + "/tinyproxy.log").find("Starting main loop") != std::string::npos)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        stop();
        return false;
    }

    options opts_;
    std::string dir_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

} // namespace e2e

#endif
