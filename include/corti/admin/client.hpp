// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_CLIENT_HPP
#define CORTI_ADMIN_CLIENT_HPP

/** @file
    `client<Transport>`: builder, then `Transport::send`, then parser.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/transport.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

namespace detail {

/// Replaces every occurrence of `s` in `text` with `[redacted]`.
inline void redact_in(std::string& text, std::string_view s)
{
    if(s.empty())
        return;
    for(auto pos = text.find(s); pos != std::string::npos; pos = text.find(s, pos + 10))
        text.replace(pos, s.size(), "[redacted]");
}

/// Scrubs a secret from every text member of an error (a server may echo
/// the password or the token back in its message).
inline error redact(error e, std::string_view s)
{
    redact_in(e.message, s);
    redact_in(e.field, s);
    redact_in(e.request_id, s);
    return e;
}

} // namespace detail

/** A client of the Admin API over a transport of your choice.

    `Transport` is held by value; use `client<my_transport&>` to keep a
    reference to one you own (the transport must then outlive the client).

    @par Thread Safety
    Distinct objects: safe. Shared objects: unsafe (the transport usually
    owns one connection).
*/
template<class Transport>
class client
{
    static_assert(is_transport_v<Transport>,
                  "corti::admin::client<Transport>: Transport must have a member function "
                  "`send(corti::admin::http_request const&)` returning "
                  "corti::admin::result<corti::admin::http_response> (see corti/admin/transport.hpp)");

    Transport transport_;
    config cfg_;
    secret token_;

public:
    /** Makes a client.

        @param transport the transport (moved in, or a reference for `Transport = T&`)
        @param cfg where to send requests and how to check responses
        @param token the bearer token (from `/auth/token`)
    */
    client(Transport transport, config cfg, secret token)
        : transport_(std::forward<Transport>(transport)), cfg_(std::move(cfg)), token_(std::move(token))
    {
    }

    /// Returns the transport.
    std::remove_reference_t<Transport>& transport() noexcept { return transport_; }

    /// Returns the configuration.
    config const& get_config() const noexcept { return cfg_; }

    /// Replaces the bearer token (e.g. after fetching a new one).
    void set_token(secret token) noexcept { token_ = std::move(token); }

    /** Creates a user and adds it to the customer.

        Builds the request with `make_create_user_request`, sends it once
        (a POST is never resent), and parses the answer with
        `parse_create_user_response`.

        @return the created user, or an error: the argument errors of
        `make_create_user_request` (nothing is sent then), the transport's
        error, or the errors of `parse_create_user_response`. The password
        and the token are scrubbed from every error.
    */
    result<user> create_user(std::string_view project_id, std::string_view customer_id, new_user const& u)
    {
        auto req = make_create_user_request(cfg_, token_, project_id, customer_id, u);
        if(!req)
            return req.error();
        std::string_view const password = u.password ? u.password->reveal() : std::string_view();
        return exchange(*req, password, [&](http_response const& r) { return parse_create_user_response(r, cfg_); });
    }

private:
    /// Sends once, parses, and scrubs the token and `extra_secret` from any error.
    template<class Parse>
    auto exchange(http_request const& req, std::string_view extra_secret, Parse parse) -> decltype(parse(http_response{}))
    {
        auto const scrub = [&](error e) { return detail::redact(detail::redact(std::move(e), token_.reveal()), extra_secret); };
        result<http_response> resp = transport_.send(req);
        if(!resp)
            return scrub(std::move(resp).error());
        auto out = parse(*resp);
        if(!out)
            return scrub(std::move(out).error());
        return out;
    }
};

} // namespace admin
} // namespace corti

#endif
