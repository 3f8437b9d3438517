// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_REQUEST_BODY_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_REQUEST_BODY_HPP

/*  fuzz_request_body: make_create_user_request on fuzzed fields: the first
    invalid field is reported, an accepted body holds exactly the inputs, and
    printing the request redacts the token and the password.
*/

#include "../support.hpp"

#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

namespace corti_fuzz {

/// email 0xFF first 0xFF last [0xFF password]: no password without a third separator.
inline void fuzz_request_body(std::uint8_t const* data, std::size_t size)
{
    input in(data, size);
    auto const f = in.fields(4);
    ca::new_user nu;
    nu.email = std::string(f[0]);
    nu.first_name = f.size() > 1 ? std::string(f[1]) : std::string();
    nu.last_name = f.size() > 2 ? std::string(f[2]) : std::string();
    std::string_view const pw = f.size() > 3 ? f[3] : std::string_view();
    if(f.size() > 3)
        nu.password.emplace(pw);
    ca::config const cfg;
    ca::secret const token(fixed_token);

    auto const name_ok = [](std::string_view s) {
        auto const n = utf8_length(s);
        return n && *n >= 1 && *n <= 255 && !has_c0_or_del(s);
    };
    auto const pw_n = utf8_length(pw);
    bool const pw_ok = pw_n && *pw_n >= 16 && *pw_n <= 64;
    // The first invalid field, in the documented order; the email check is
    // the library's (RFC 5321 grammar), partly cross-checked below.
    std::string_view bad;
    if(!ca::is_valid_email(nu.email))
        bad = "/email";
    else if(!name_ok(nu.first_name))
        bad = "/firstName";
    else if(!name_ok(nu.last_name))
        bad = "/lastName";
    else if(nu.password && !pw_ok)
        bad = "/password";

    auto const req = ca::make_create_user_request(cfg, token, "proj-1", "cust-1", nu);
    if(!req)
    {
        ca::error const& e = req.error();
        CORTI_FUZZ_CHECK(e.code == ca::errc::invalid_field, describe(e));
        CORTI_FUZZ_CHECK(e.field == bad, describe(e) + ", expected " + std::string(bad));
        CORTI_FUZZ_CHECK(!contains(e.to_string(), fixed_token), describe(e));
        // The message may not depend on the password: build again with a
        // stand-in of the same validity and compare.
        if(nu.password)
        {
            ca::new_user other = nu;
            other.password.emplace(pw_ok ? "Stand-in-password-1" : "short");
            auto const again = ca::make_create_user_request(cfg, token, "proj-1", "cust-1", other);
            CORTI_FUZZ_CHECK(!again && again.error().message == e.message && again.error().field == e.field,
                             describe(e));
        }
        return;
    }
    CORTI_FUZZ_CHECK(bad.empty(), "accepted an invalid " + std::string(bad));
    // Cross-check what the email validator accepted against its documentation.
    auto const& em = nu.email;
    CORTI_FUZZ_CHECK(em.size() <= 254 && utf8_length(em) && !has_c0_or_del(em), show(em));
    auto const at = em.rfind('@');
    CORTI_FUZZ_CHECK(at != std::string::npos && at >= 1 && at <= 64 && at + 1 < em.size(), show(em));

    ca::http_request const& r = *req;
    CORTI_FUZZ_CHECK(r.method == ca::http_method::post, "method");
    CORTI_FUZZ_CHECK(r.target == "/functions/v1/public/projects/proj-1/customers/cust-1/users", show(r.target));
    CORTI_FUZZ_CHECK(r.sensitive_body == nu.password.has_value(), "sensitive_body");
    CORTI_FUZZ_CHECK(r.headers.find("Content-Type") == "application/json", "Content-Type");
    CORTI_FUZZ_CHECK(r.headers.find("Authorization") == "Bearer " + std::string(fixed_token), "Authorization");

    // The body is JSON holding exactly the inputs, in the documented order.
    boost::system::error_code ec;
    auto const v = boost::json::parse(boost::json::string_view(r.body.data(), r.body.size()), ec);
    CORTI_FUZZ_CHECK(!ec && v.is_object(), show(r.body));
    auto const& o = v.as_object();
    std::string_view const keys[4] = {"email", "firstName", "lastName", "password"};
    std::string_view const values[4] = {nu.email, nu.first_name, nu.last_name, pw};
    std::size_t const n = nu.password ? 4 : 3;
    CORTI_FUZZ_CHECK(o.size() == n, show(r.body));
    std::size_t i = 0;
    for(auto const& kv : o)
    {
        CORTI_FUZZ_CHECK(std::string_view(kv.key().data(), kv.key().size()) == keys[i], show(r.body));
        CORTI_FUZZ_CHECK(kv.value().is_string(), show(r.body));
        auto const& s = kv.value().get_string();
        CORTI_FUZZ_CHECK(std::string_view(s.data(), s.size()) == values[i], show(r.body));
        ++i;
    }

    // Printing a request redacts the token and a sensitive body. (Only the
    // head is searched for the token: the fields may hold its text.)
    std::ostringstream os;
    os << r;
    std::string const printed = os.str();
    std::string_view const head = std::string_view(printed).substr(0, printed.find("\r\n\r\n"));
    CORTI_FUZZ_CHECK(contains(head, "Authorization: [redacted]") && !contains(head, fixed_token), show(printed));
    if(nu.password)
        CORTI_FUZZ_CHECK(printed.substr(head.size()) ==
                             "\r\n\r\n[redacted " + std::to_string(r.body.size()) + " bytes]",
                         show(printed));
}

} // namespace corti_fuzz

#endif
