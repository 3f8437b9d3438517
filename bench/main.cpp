// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.

// The benchmark binary's main: Google Benchmark's, plus the build's context,
// and reporters that keep the benchmark names exactly as registered (other
// tools read them): the `/real_time` suffix that UseRealTime() appends to the
// roundtrip_loopback and concurrent_create rows is dropped from the names
// (the context key `real_time_rows` says which rows are timed by the wall
// clock), and so is the `/iterations:1` of the concurrent_create rows (one
// batch per repetition).

#include <benchmark/benchmark.h>
#include <boost/version.hpp>
#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

template<class Base>
class plain_names : public Base
{
public:
    using Base::Base;

    void ReportRuns(std::vector<benchmark::BenchmarkReporter::Run> const& runs) override
    {
        auto copy = runs;
        for(auto& r : copy)
        {
            r.run_name.time_type.clear();
            r.run_name.iterations.clear();
        }
        Base::ReportRuns(copy);
    }
};

std::unique_ptr<benchmark::BenchmarkReporter> make_reporter(std::string_view format, bool color)
{
    if(format == "json")
        return std::make_unique<plain_names<benchmark::JSONReporter>>();
    return std::make_unique<plain_names<benchmark::ConsoleReporter>>(color ? benchmark::ConsoleReporter::OO_ColorTabular
                                                                           : benchmark::ConsoleReporter::OO_Tabular);
}

std::string_view flag_value(char const* arg, std::string_view name)
{
    std::string_view a(arg);
    if(a.size() > name.size() + 1 && a.substr(0, name.size()) == name && a[name.size()] == '=')
        return a.substr(name.size() + 1);
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    std::string display_format = "console";
    std::string out_format = "json";
    bool has_out = false;
    for(int i = 1; i < argc; ++i)
    {
        if(auto v = flag_value(argv[i], "--benchmark_format"); !v.empty())
            display_format = std::string(v);
        if(auto v = flag_value(argv[i], "--benchmark_out_format"); !v.empty())
            out_format = std::string(v);
        if(!flag_value(argv[i], "--benchmark_out").empty())
            has_out = true;
    }
    if((display_format != "console" && display_format != "json") || (out_format != "console" && out_format != "json"))
    {
        std::fprintf(stderr, "corti_admin_bench: only the console and json formats are supported\n");
        return 2;
    }

    benchmark::Initialize(&argc, argv);
    if(benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    benchmark::AddCustomContext("compiler", CORTI_BENCH_COMPILER);
    benchmark::AddCustomContext("build_type", CORTI_BENCH_BUILD_TYPE);
    benchmark::AddCustomContext("cxx_flags", CORTI_BENCH_FLAGS);
    benchmark::AddCustomContext("boost", BOOST_LIB_VERSION);
    benchmark::AddCustomContext("nlohmann_json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                                                     std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                                                     std::to_string(NLOHMANN_JSON_VERSION_PATCH));
    benchmark::AddCustomContext("libcurl", curl_version());
    benchmark::AddCustomContext("openssl", OpenSSL_version(OPENSSL_VERSION));
    benchmark::AddCustomContext("allocs_counter",
                                "calls of the global operator new per iteration, all threads; memory C libraries "
                                "(OpenSSL, libcurl) take with malloc, and child processes, are not counted");
    benchmark::AddCustomContext(
        "real_time_rows", "roundtrip_loopback/* and concurrent_create/* (UseRealTime; the /real_time suffix is not in "
                          "the names)");

    auto display = make_reporter(display_format, isatty(STDOUT_FILENO) != 0);
    std::unique_ptr<benchmark::BenchmarkReporter> file;
    if(has_out)
        file = make_reporter(out_format, false);
    benchmark::RunSpecifiedBenchmarks(display.get(), file.get());
    benchmark::Shutdown();
    return 0;
}
