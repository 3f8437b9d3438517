// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_CONFIG_HPP
#define CORTI_ADMIN_CONFIG_HPP

/** @file
    Where requests go (`endpoint`), how responses are checked (`limits`,
    `strictness`), and the `config` that carries both (`make_config` makes
    one from a base URL).
*/

#include <corti/admin/error.hpp>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

/// The production base URL of the Admin API.
inline constexpr std::string_view default_base_url = "https://api.console.corti.app/functions/v1/public";

namespace detail {

/// Appends a host as it appears in a URL authority: an IPv6 literal in brackets.
inline void append_host(std::string& out, std::string_view host)
{
    bool const v6 = host.find(':') != std::string_view::npos;
    if(v6)
        out += '[';
    out += host;
    if(v6)
        out += ']';
}

} // namespace detail

/** The origin and path prefix every request goes to.

    Built by `parse_base_url`, or field by field by a user who cannot link
    Boost.URL (e.g. firmware); the builders only read these fields.
*/
struct endpoint
{
    /// True for `https`. Plain `http` is only produced by `parse_base_url`
    /// for loopback hosts when the caller allowed it.
    bool tls = true;

    /// The host name or IP address, without brackets for IPv6.
    std::string host = "api.console.corti.app";

    /// The TCP port.
    std::uint16_t port = 443;

    /// Path prefix, percent-encoded, without a trailing slash; empty or
    /// starting with `/`.
    std::string encoded_base_path = "/functions/v1/public";

    /// Returns the value of the `Host` header: the host, bracketed when it is
    /// an IPv6 address, and `:port` when the port is not the scheme's default.
    std::string host_header() const
    {
        std::string h;
        detail::append_host(h, host);
        if(port != (tls ? 443 : 80))
        {
            h += ':';
            h += std::to_string(port);
        }
        return h;
    }

    /// Prints the base URL, e.g. `https://api.console.corti.app/functions/v1/public`.
    friend std::ostream& operator<<(std::ostream& os, endpoint const& e)
    {
        return os << (e.tls ? "https://" : "http://") << e.host_header() << e.encoded_base_path;
    }
};

/// Whether `parse_base_url` accepts plain `http`.
enum class scheme_policy
{
    https_only,            ///< the default: `https` only
    allow_http_on_loopback ///< also `http` when the host is `localhost`, 127.0.0.0/8 or `::1`
};

namespace detail {

/** Reads the host and port of a URL the way `endpoint` and a proxy take
    them: a name (not percent-encoded), or an IPv4 or IPv6 literal (without
    brackets); a port of 1 to 65535, when there is one.
    @return nullptr, or the reason the URL is refused.
*/
inline char const* read_host_port(boost::urls::url_view const& u, std::string& host, std::optional<std::uint16_t>& port)
{
    namespace urls = boost::urls;
    switch(u.host_type())
    {
    case urls::host_type::name:
        if(u.encoded_host().find('%') != urls::string_view::npos)
            return "percent-encoded host names are not supported";
        host = std::string(u.encoded_host());
        break;
    case urls::host_type::ipv4: host = u.host_ipv4_address().to_string(); break;
    case urls::host_type::ipv6: host = u.host_ipv6_address().to_string(); break;
    default: return "unsupported host type";
    }
    port.reset();
    if(u.has_port())
    {
        // port_number() wraps values above 65535: check the digits instead.
        unsigned long n = 0;
        for(char c : u.port())
        {
            n = n * 10 + static_cast<unsigned long>(c - '0');
            if(n > 65535)
                return "invalid port";
        }
        if(n == 0)
            return "invalid port";
        port = static_cast<std::uint16_t>(n);
    }
    return nullptr;
}

} // namespace detail

/** Parses and checks a base URL such as the default one.

    @return the endpoint, or `errc::invalid_base_url` when the URL is not an
    absolute `https` URL with a host (or `http` on a loopback host when
    `policy` allows it), or when it has user info, a query or a fragment,
    or a percent-encoded host.
*/
inline result<endpoint> parse_base_url(std::string_view url, scheme_policy policy = scheme_policy::https_only)
{
    namespace urls = boost::urls;
    auto const fail = [](char const* why) -> result<endpoint> { return error(errc::invalid_base_url, why); };

    auto const u = urls::parse_uri(url);
    if(!u)
        return fail("not an absolute URI");
    endpoint ep;
    switch(u->scheme_id())
    {
    case urls::scheme::https: ep.tls = true; break;
    case urls::scheme::http: ep.tls = false; break;
    default: return fail("scheme must be https");
    }
    if(!u->has_authority() || u->encoded_host().empty())
        return fail("no host");
    if(u->has_userinfo())
        return fail("user info is not allowed in the base URL");
    if(u->has_query() || u->has_fragment())
        return fail("a query or fragment is not allowed in the base URL");

    std::optional<std::uint16_t> port;
    if(char const* why = detail::read_host_port(*u, ep.host, port))
        return fail(why);
    if(port)
        ep.port = *port;
    else
        ep.port = ep.tls ? 443 : 80;

    if(!ep.tls)
    {
        bool loopback = false;
        switch(u->host_type())
        {
        case urls::host_type::name: {
            std::string lower = ep.host;
            for(auto& c : lower)
                if(c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c - 'A' + 'a');
            loopback = lower == "localhost";
            break;
        }
        case urls::host_type::ipv4: loopback = u->host_ipv4_address().is_loopback(); break;
        case urls::host_type::ipv6: loopback = u->host_ipv6_address().is_loopback(); break;
        default: break;
        }
        if(policy != scheme_policy::allow_http_on_loopback || !loopback)
            return fail("plain http is only allowed on loopback hosts, when enabled");
    }

    std::string_view path(u->encoded_path().data(), u->encoded_path().size());
    while(!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    ep.encoded_base_path = std::string(path);
    return ep;
}

/// What happens to fields of a response that the schema does not know.
enum class strictness
{
    tolerant, ///< ignore them (the default: the server may add fields)
    strict    ///< reject them with `errc::unknown_field`
};

/** Bounds on what a response may contain. Checked before and while parsing. */
struct limits
{
    /// Largest response body, in bytes, that is parsed (`errc::body_too_large`).
    std::size_t max_body_size = 1024 * 1024;

    /// Deepest nesting of objects and arrays (`errc::too_deep`). The API's
    /// documents nest at most 4 levels.
    std::size_t max_depth = 16;

    /// Longest string or key, in bytes (`errc::string_too_long`).
    std::size_t max_string_length = 16 * 1024;

    /// Largest header section a transport accepts, in bytes.
    std::size_t max_header_size = 16 * 1024;
};

/** Everything the request builders and response parsers need to know.

    The defaults talk to production with safe bounds. Copyable value type.
*/
struct config
{
    /// Where requests go.
    admin::endpoint endpoint;

    /// Response bounds.
    admin::limits limits;

    /// Unknown-field policy of the response parsers.
    admin::strictness strictness = strictness::tolerant;

    /// The `User-Agent` header sent with every request.
    std::string user_agent = "corti-admin/0.1.0";
};

/** Makes a config that sends requests to `base_url`, with the default limits,
    strictness and user agent.

    @return the config, or `errc::invalid_base_url` when `parse_base_url`
    refuses the URL (with `policy`); the message never quotes the URL.
*/
inline result<config> make_config(std::string_view base_url, scheme_policy policy = scheme_policy::https_only)
{
    auto ep = parse_base_url(base_url, policy);
    if(!ep)
        return ep.error();
    config c;
    c.endpoint = std::move(*ep);
    return c;
}

} // namespace admin
} // namespace corti

#endif
