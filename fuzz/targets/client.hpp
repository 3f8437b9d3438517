// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_CLIENT_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_CLIENT_HPP

/*  fuzz_client: client::create_user over the mock transport on a fuzzed
    response (or transport error), with a fixed token or Console credentials:
    the requests sent, the parser's error returned, and no trace of a secret
    in any error text.
*/

#include "../support.hpp"
#include "../user_checks.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corti_fuzz {

/// Collects every string and key of a JSON text, decoded, up to the first
/// syntax error (an unfinished string included).
class strings_handler : public boost_handler
{
public:
    std::vector<std::string> strings{std::string()};

    bool on_key_part(sv s, std::size_t, ec_t&) { return part(s); }
    bool on_key(sv s, std::size_t, ec_t&) { return done(s); }
    bool on_string_part(sv s, std::size_t, ec_t&) { return part(s); }
    bool on_string(sv s, std::size_t, ec_t&) { return done(s); }

private:
    bool part(sv s)
    {
        strings.back().append(s.data(), s.size());
        return true;
    }
    bool done(sv s)
    {
        part(s);
        strings.emplace_back();
        return true;
    }
};

inline std::vector<std::string> decoded_strings(std::string_view text)
{
    boost::json::parse_options opt;
    opt.max_depth = 100000;
    boost::json::basic_parser<strings_handler> p(opt);
    boost::system::error_code ec;
    p.write_some(false, text.data(), text.size(), ec);
    return std::move(p.handler().strings);
}

/// The passwords the client target may send (index: 2 bits). All valid; the
/// last one holds a tab, which the message sanitizer turns into a space.
inline constexpr std::string_view client_passwords[4] = {
    "", "Correct-Horse-Battery-42", "p\xC3\xA4ssw\xC3\xB6rd-S\xC3\xA9kret-77", "Tab\tInside-Passw0rd-9"};

/** Checks that `text` (a member of an error) holds no trace of `secret`:
    neither the secret, nor an 8-byte piece of it (a copy cut by a length
    limit, F5), nor a piece of it with its controls turned into spaces (a
    copy the sanitizer changed, F5). `sources` are the texts the fuzzer chose
    (raw and JSON-decoded), each with every full copy of the secret cut out:
    a piece the fuzzer wrote itself is not a leak. Header values quoted in a
    message (Location, Content-Type) are covered too (F9).
*/
inline void check_no_secret(std::string_view what, std::string_view text, std::string_view secret,
                            std::vector<std::string> const& sources)
{
    if(secret.empty())
        return;
    CORTI_FUZZ_CHECK(!contains(text, secret), std::string(what) + " leaks a secret: " + show(text)); // F7
    std::string spaced(secret);
    std::replace_if(
        spaced.begin(), spaced.end(), [](char c) { return is_c0_or_del(static_cast<unsigned char>(c)); }, ' ');
    constexpr std::size_t piece = 8;
    for(std::string_view variant : {secret, std::string_view(spaced)})
        for(std::size_t i = 0; i + piece <= variant.size(); ++i)
        {
            auto const part = variant.substr(i, piece);
            // A space made from a control counts inside a piece only: at its
            // edge it could be any separator of the error's text.
            bool const changed_edge =
                variant.data() != secret.data() &&
                ((part.front() == ' ' && secret[i] != ' ') || (part.back() == ' ' && secret[i + piece - 1] != ' '));
            if(changed_edge || !contains(text, part))
                continue;
            // Sources are compared as written and with their controls as spaces.
            bool const written_by_fuzzer = std::any_of(sources.begin(), sources.end(), [&](std::string s) {
                if(contains(s, part))
                    return true;
                std::replace_if(
                    s.begin(), s.end(), [](char c) { return is_c0_or_del(static_cast<unsigned char>(c)); }, ' ');
                return contains(s, part);
            });
            auto const detail = [&] {
                return std::string(what) + " leaks " + show(part) + " of a secret: " + show(text);
            };
            CORTI_FUZZ_CHECK(written_by_fuzzer, detail()); // F5, F9
        }
}

/// Removes every copy of each secret from `s`.
inline std::string without(std::string s, std::initializer_list<std::string_view> secrets)
{
    for(auto secret : secrets)
        if(!secret.empty())
            for(auto at = s.find(secret); at != std::string::npos; at = s.find(secret, at))
                s.replace(at, secret.size(), "\x01");
    return s;
}

/// The secrets of the credentials mode: the Console password and the two
/// tokens the mock's /auth/token answers hand out.
inline constexpr std::string_view console_password = "Console-Pa55word-Secret";
/// (No 8-byte piece in common: a piece of one must not pass for the other.)
inline constexpr std::string_view fetched_tokens[2] = {"ftA-Q7w2Lk9Xp3Rv", "ftB-m4Nz8Tc1Yh6J"};

inline ca::http_response token_response(std::string_view token)
{
    ca::http_response r;
    r.status = 200;
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"accessToken":")" + std::string(token) + R"(","tokenType":"Bearer","expiresIn":3600})";
    return r;
}

/// [c0][c1][c2] [type 0xFF] [request-id 0xFF] [location 0xFF] body.
/// c0: bits 0-2 status (see client_statuses), bits 3-5 Content-Type (7: from the input).
/// c1: bits 0-1 password, bit 2 transport error (its message is the body),
///     bits 3-4 transport error code, bit 5 strict.
/// c2: bit 0 x-request-id from the input, bit 1 Location from the input,
///     bit 2 Console credentials instead of a fixed token (a token is fetched
///     first, and again after a 401), bit 3 a retry policy of 3 attempts.
inline void fuzz_client(std::uint8_t const* data, std::size_t size)
{
    input in(data, size);
    std::uint8_t const c0 = in.byte();
    std::uint8_t const c1 = in.byte();
    std::uint8_t const c2 = in.byte();
    std::string_view const pw = client_passwords[c1 & 3];
    bool const transport_error = (c1 & 4) != 0;
    bool const credentials = (c2 & 4) != 0;

    static constexpr unsigned client_statuses[8] = {200, 201, 400, 401, 500, 503, 302, 204};
    ca::http_response resp;
    resp.status = client_statuses[c0 & 7];
    if(auto const t = (c0 >> 3) & 7; t < 7)
        resp.headers.add("Content-Type", content_types[t]);
    else
        resp.headers.add("Content-Type", in.field());
    if(c2 & 1)
        resp.headers.add("x-request-id", in.field());
    if(c2 & 2)
        resp.headers.add("Location", in.field());
    resp.body = std::string(in.rest());

    ca::config cfg;
    cfg.strictness = (c1 & 32) ? ca::strictness::strict : ca::strictness::tolerant;
    using mock_client = ca::client<ca::testing::mock_transport>;
    mock_client c = credentials ? mock_client(ca::testing::mock_transport{}, cfg,
                                              ca::console_credentials{"svc@example.com", ca::secret(console_password)})
                                : mock_client(ca::testing::mock_transport{}, cfg, ca::secret(fixed_token));
    int sleeps = 0;
    if(c2 & 8)
    {
        auto p = ca::retry_policy::with_attempts(3);
        p.sleep = [&](std::chrono::milliseconds) { ++sleeps; };
        p.now = [] { return ca::retry_policy::clock::time_point{}; };
        p.jitter = [] { return 0.5; };
        c.set_retry_policy(std::move(p));
    }

    ca::error transport_failure;
    if(transport_error)
    {
        static constexpr ca::errc codes[4] = {ca::errc::timeout, ca::errc::connection_failed,
                                              ca::errc::truncated_response, ca::errc::body_too_large};
        transport_failure = ca::error(codes[(c1 >> 3) & 3], resp.body);
    }
    // Credentials: token, answer, and for a 401 a second token and the same answer.
    for(int round = 0; round < (credentials ? 2 : 1); ++round)
    {
        if(credentials)
            c.get_transport().push(token_response(fetched_tokens[round]));
        if(transport_error)
            c.get_transport().push_error(transport_failure);
        else
            c.get_transport().push(resp);
    }

    ca::new_user nu{"new.user@example.com", "Ada", "Lovelace", std::nullopt};
    if(!pw.empty())
        nu.password.emplace(pw);
    auto const res = c.create_user("proj-1", "cust-1", nu);

    // What was sent: the create request once, or (credentials) after a token
    // request, and once more with a new token after a 401. A POST is never
    // retried, whatever the retry policy.
    // The secrets the client held during the call (the second token only
    // after a refresh).
    bool const refreshed = credentials && !transport_error && resp.status == 401;
    std::vector<std::string_view> secrets{pw};
    if(credentials)
        secrets.insert(secrets.end(), {console_password, fetched_tokens[0]});
    else
        secrets.push_back(fixed_token);
    if(refreshed)
        secrets.push_back(fetched_tokens[1]);
    auto const& sent = c.get_transport().requests();
    std::size_t const expected = credentials ? (refreshed ? 4 : 2) : 1;
    CORTI_FUZZ_CHECK(sent.size() == expected, std::to_string(sent.size()) + " requests");
    CORTI_FUZZ_CHECK(sleeps == 0, "a POST was retried");
    for(std::size_t i = 0; i < sent.size(); ++i)
    {
        bool const is_token_request = credentials && i % 2 == 0;
        if(!is_token_request)
        {
            std::string_view const token = credentials ? fetched_tokens[i / 2] : fixed_token;
            CORTI_FUZZ_CHECK(sent[i].headers.find("Authorization") == "Bearer " + std::string(token), "Authorization");
            CORTI_FUZZ_CHECK(sent[i].target == "/functions/v1/public/projects/proj-1/customers/cust-1/users",
                             sent[i].target);
        }
        std::ostringstream printed;
        printed << sent[i];
        for(auto secret : secrets)
            CORTI_FUZZ_CHECK(!contains(printed.str(), secret), show(printed.str()));
    }

    if(res)
    {
        CORTI_FUZZ_CHECK(!transport_error, "success after a transport error");
        check_user_result(resp, cfg, res);
        return;
    }
    // The texts the fuzzer wrote: the body (raw and JSON-decoded), the headers.
    std::vector<std::string> sources = decoded_strings(resp.body);
    for(auto const& f : resp.headers)
        sources.push_back(f.value);
    sources.push_back(resp.body);
    bool const echoes_secret = std::any_of(sources.begin(), sources.end(), [&](std::string const& src) {
        return std::any_of(secrets.begin(), secrets.end(), [&](std::string_view x) { return contains(src, x); });
    });

    ca::error const& e = res.error();
    if(transport_error)
        CORTI_FUZZ_CHECK(e.code == transport_failure.code && e.http_status == 0, describe(e));
    else
    {
        // The client returns the parser's error; only scrubbing a secret the
        // server echoed may change its text.
        auto const direct = ca::parse_create_user_response(resp, cfg);
        CORTI_FUZZ_CHECK(!direct && direct.error().code == e.code && direct.error().http_status == e.http_status,
                         describe(e));
        if(!echoes_secret)
            CORTI_FUZZ_CHECK(direct.error().to_string() == e.to_string(), describe(e));
        check_user_result(resp, cfg, direct);
    }

    for(auto& src : sources)
        for(auto secret : secrets)
            src = without(std::move(src), {secret});
    std::string const text = e.to_string();
    for(auto secret : secrets)
    {
        check_no_secret("message", e.message, secret, sources);
        check_no_secret("server_message()", e.server_message(), secret, sources);
        check_no_secret("field", e.field, secret, sources);
        check_no_secret("request_id", e.request_id, secret, sources);
        check_no_secret("to_string()", text, secret, sources);
    }
}

} // namespace corti_fuzz

#endif
