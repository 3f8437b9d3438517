// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_RETRY_HPP
#define CORTI_ADMIN_RETRY_HPP

/** @file
    The retry policy: opt-in, bounded, and deterministic under test.

    Only idempotent requests (GET, DELETE) are retried, only after a
    408/429/502/503/504 response or an `errc::connection_failed` transport
    error (which transports report only when no response byte arrived).
    The delay is the server's `Retry-After` (delta-seconds or HTTP-date),
    capped by `max_retry_after`, or else exponential backoff with jitter,
    capped by `max_delay`. The call's deadline is checked before every
    sleep: a retry that would end past it is not attempted.
*/

#include <corti/admin/http.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#if !defined(__GLIBCXX__) || defined(_GLIBCXX_HAS_GTHREADS)
#include <thread>
/// Defined when the platform has `std::this_thread::sleep_for`, the default of `retry_policy::sleep`.
#define CORTI_ADMIN_HAS_SLEEP 1
#endif

namespace corti {
namespace admin {

/** How the client retries. The default does not retry. */
struct retry_policy
{
    /// The monotonic clock the deadline is measured with.
    using clock = std::chrono::steady_clock;

    /// Attempts in all, the first included: 1 means no retry.
    unsigned max_attempts = 1;

    /// The first backoff delay; each retry doubles it.
    std::chrono::milliseconds base_delay{250};

    /// The largest backoff delay.
    std::chrono::milliseconds max_delay{8000};

    /// The largest delay taken from a `Retry-After` header.
    std::chrono::milliseconds max_retry_after{30000};

    /// The whole call, retries and sleeps included, ends by this long after it starts.
    std::chrono::milliseconds deadline{60000};

    /// Returns a number in [0, 1): the backoff is `d/2 + jitter() * d/2`.
    /// Default: a small generator seeded from the clock. Tests fix it.
    std::function<double()> jitter;

    /// Sleeps, for the synchronous members (the asynchronous ones wait on a
    /// timer). Default: `std::this_thread::sleep_for` where the platform has
    /// threads; elsewhere (newlib without threads) set it, or nothing is retried.
    std::function<void(std::chrono::milliseconds)> sleep;

    /// The monotonic clock for the deadline. Default: `steady_clock::now`.
    std::function<clock::time_point()> now;

    /// The wall clock, for `Retry-After` HTTP-dates. Default: `system_clock::now`.
    std::function<std::chrono::system_clock::time_point()> wall_now;

    /// A policy that retries up to `attempts` times in all, with the defaults above.
    static retry_policy with_attempts(unsigned attempts)
    {
        retry_policy p;
        p.max_attempts = attempts;
        return p;
    }
};

/// True for the statuses worth retrying: 408, 429, 502, 503, 504.
constexpr bool is_retryable_status(unsigned status) noexcept
{
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
}

namespace detail {

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the HTTP-date form
/// servers send. Returns seconds since the Unix epoch, or nullopt.
inline std::optional<std::int64_t> parse_imf_fixdate(std::string_view s) noexcept
{
    if(s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[19] != ':' ||
       s[22] != ':' || s[25] != ' ' || s.substr(26) != "GMT")
        return std::nullopt;
    auto const num = [&](std::size_t at, std::size_t n) -> int {
        int v = 0;
        for(std::size_t i = at; i < at + n; ++i)
        {
            if(s[i] < '0' || s[i] > '9')
                return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    auto const m = months.find(s.substr(8, 3));
    int const day = num(5, 2), year = num(12, 4), h = num(17, 2), mi = num(20, 2), sec = num(23, 2);
    if(m == std::string_view::npos || m % 3 != 0 || day < 1 || year < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
       sec < 0 || sec > 60)
        return std::nullopt;
    int const month = static_cast<int>(m / 3) + 1;
    // Days from civil (Howard Hinnant), as in date_time.
    int const y = year - (month <= 2 ? 1 : 0);
    int const era = y / 400;
    int const yoe = y - era * 400;
    int const doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    int const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    std::int64_t const days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
    return days * 86400 + h * 3600 + mi * 60 + sec;
}

} // namespace detail

/** Parses a `Retry-After` value: delta-seconds (`120`) or an HTTP-date in
    IMF-fixdate form, relative to `now`.

    @return the delay (0 for a date in the past), or nullopt for anything
    else (the caller falls back to backoff). Never throws; huge values
    saturate instead of overflowing.
*/
inline std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view v,
                                                                  std::chrono::system_clock::time_point now) noexcept
{
    v = detail::trim_ows(v);
    if(v.empty())
        return std::nullopt;
    if(v.front() >= '0' && v.front() <= '9')
    {
        std::int64_t secs = 0;
        for(char c : v)
        {
            if(c < '0' || c > '9')
                return std::nullopt;
            if(secs < 1'000'000'000)
                secs = secs * 10 + (c - '0');
        }
        return std::chrono::milliseconds(secs * 1000);
    }
    auto const at = detail::parse_imf_fixdate(v);
    if(!at)
        return std::nullopt;
    auto const now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return std::chrono::milliseconds(*at > now_s ? (*at - now_s) * 1000 : 0);
}

namespace detail {

/// Fills the defaults of a policy's hooks.
inline retry_policy with_default_hooks(retry_policy p)
{
    if(!p.jitter)
    {
        // splitmix64 of the clock, each time: jitter needs spread, not
        // secrecy, and this keeps no state (calls on several threads share
        // the policy) and needs no std::random_device (bare-metal newlib
        // lacks it).
        p.jitter = [] {
            std::uint64_t z = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) +
                              0x9E3779B97F4A7C15ULL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            z ^= z >> 31;
            return static_cast<double>(z >> 11) * 0x1.0p-53;
        };
    }
#ifdef CORTI_ADMIN_HAS_SLEEP
    if(!p.sleep)
        p.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
#endif
    if(!p.now)
        p.now = [] { return retry_policy::clock::now(); };
    if(!p.wall_now)
        p.wall_now = [] { return std::chrono::system_clock::now(); };
    return p;
}

/// The delay before attempt `attempt + 1` (attempt counts from 1).
inline std::chrono::milliseconds retry_delay(retry_policy const& p, unsigned attempt, http_response const* r)
{
    if(r)
    {
        auto const ra = r->headers.find("Retry-After");
        if(!ra.empty())
            if(auto d = parse_retry_after(ra, p.wall_now()))
                return *d < p.max_retry_after ? *d : p.max_retry_after;
    }
    auto d = p.base_delay;
    for(unsigned i = 1; i < attempt && d < p.max_delay; ++i)
        d *= 2;
    if(d > p.max_delay)
        d = p.max_delay;
    double const j = p.jitter();
    return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(d.count()) * (0.5 + 0.5 * j)));
}

} // namespace detail

} // namespace admin
} // namespace corti

#endif
