// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_PROXY_HPP
#define CORTI_ADMIN_BEAST_PROXY_HPP

/** @file
    Part of `<corti/admin/beast.hpp>`: `proxy_options`, an HTTP proxy that
    HTTPS requests tunnel through (`CONNECT`), `proxy_from_environment`,
    which reads it the way curl does, and `no_proxy_matches`, the bypass
    rule. Needs Boost.URL only (no Asio), so that other transports can take
    the same options.
*/

#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <boost/url/host_type.hpp>
#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace corti {
namespace admin {

/** An HTTP proxy for HTTPS requests: each connection is a `CONNECT` tunnel
    through it, and TLS runs end to end with the server (verified against
    the server's name, never the proxy's).

    Credentials go in `username` and `password`, never in `url`: the URL may
    be printed, the password never is.
*/
struct proxy_options
{
    /// The proxy: `http://host[:port]` or `host[:port]` (IPv6 in brackets);
    /// the port defaults to 1080, as in curl. No user info, path, query or
    /// fragment; only `http` (the hop to the proxy is not encrypted, the
    /// tunnelled TLS is).
    std::string url;

    /// The Basic credentials' user name; empty: no `Proxy-Authorization`.
    std::string username;

    /// The Basic credentials' password (sent only when `username` is set).
    secret password;

    /// The hosts reached directly, not through the proxy: the syntax of
    /// curl's `NO_PROXY` (see `no_proxy_matches`).
    std::string no_proxy;
};

namespace detail {

/// The parts of a proxy URL.
struct proxy_address
{
    std::string host; ///< A name, or an IP literal without brackets.
    std::uint16_t port = 1080;
    std::string username;
    secret password;
};

/// `parse_proxy_url` on a parsed URI.
inline result<proxy_address> parse_proxy_url_view(boost::system::result<boost::urls::url_view> const& u,
                                                  bool with_userinfo, std::string const& field)
{
    namespace urls = boost::urls;
    auto const fail = [&](char const* why) -> result<proxy_address> {
        return error(errc::invalid_argument, field + ": " + why, field);
    };
    if(!u)
        return fail("not a proxy URL");
    if(u->scheme_id() != urls::scheme::http)
        return fail("only http:// proxies are supported");
    if(!u->has_authority() || u->encoded_host().empty())
        return fail("the proxy URL has no host");
    if(u->has_userinfo() && !with_userinfo)
        return fail("credentials go in proxy_options::username and password, not in the URL");
    if(u->has_query() || u->has_fragment() || (!u->encoded_path().empty() && u->encoded_path() != "/"))
        return fail("a proxy URL has no path, query or fragment");
    proxy_address a;
    std::optional<std::uint16_t> port;
    if(char const* why = detail::read_host_port(*u, a.host, port))
        return fail(why);
    if(port)
        a.port = *port;
    if(with_userinfo && u->has_userinfo())
    {
        a.username = u->user();
        a.password = secret(u->password());
    }
    return a;
}

/** Parses a proxy URL (`http://host[:port]`, or `host[:port]` without a
    scheme). User info is taken (percent-decoded) only when `with_userinfo`.

    @return the address, or `errc::invalid_argument` with `field` set to
    `field` and a message that says what is wrong without quoting the text
    (it may hold a password).
*/
inline result<proxy_address> parse_proxy_url(std::string_view text, bool with_userinfo, std::string const& field)
{
    namespace urls = boost::urls;
    std::string owned;
    if(text.find("://") == std::string_view::npos)
    {
        owned.reserve(7 + text.size()); // one block: no copy of a password left behind
        owned = "http://";
        owned += text;
        text = owned;
    }
    // The view points into `owned`, wiped (it may hold a password) once read.
    auto r = parse_proxy_url_view(urls::parse_uri(text), with_userinfo, field);
    secure_wipe(owned);
    return r;
}

/// ASCII lower case.
inline std::string lowercase(std::string_view s)
{
    std::string out(s);
    for(auto& c : out)
        c = ascii_lower(c);
    return out;
}

/// An IPv4 or IPv6 address as 16 bytes (IPv4 in the first 4), or nothing.
struct ip_bytes
{
    std::array<unsigned char, 16> bytes{};
    unsigned bits = 0; // 32 or 128
};

inline std::optional<ip_bytes> parse_ip(std::string_view s)
{
    ip_bytes out;
    if(auto v4 = boost::urls::parse_ipv4_address(s))
    {
        auto const b = v4->to_bytes();
        for(std::size_t i = 0; i < b.size(); ++i)
            out.bytes[i] = b[i];
        out.bits = 32;
        return out;
    }
    if(auto v6 = boost::urls::parse_ipv6_address(s))
    {
        auto const b = v6->to_bytes();
        for(std::size_t i = 0; i < b.size(); ++i)
            out.bytes[i] = b[i];
        out.bits = 128;
        return out;
    }
    return std::nullopt;
}

/// True when the first `prefix` bits of `a` and `b` agree (same family).
inline bool same_prefix(ip_bytes const& a, ip_bytes const& b, unsigned prefix) noexcept
{
    if(a.bits != b.bits)
        return false;
    if(prefix > a.bits)
        prefix = a.bits;
    for(unsigned i = 0; i < prefix; ++i)
    {
        unsigned const mask = 0x80u >> (i % 8);
        if((a.bytes[i / 8] & mask) != (b.bytes[i / 8] & mask))
            return false;
    }
    return true;
}

/// True for a non-empty string of decimal digits.
inline bool all_digits(std::string_view s) noexcept
{
    if(s.empty())
        return false;
    for(char c : s)
        if(c < '0' || c > '9')
            return false;
    return true;
}

/// One `NO_PROXY` entry against a host (lower case, no trailing dot).
inline bool no_proxy_entry_matches(std::string_view entry, std::string const& host, std::uint16_t port)
{
    // An optional port: `name:443`, `1.2.3.4:443`, `[::1]:443`. A bare IPv6
    // literal has several ':' and no port.
    std::string_view name = entry;
    std::string_view port_text;
    if(!name.empty() && name.front() == '[')
    {
        auto const close = name.find(']');
        if(close == std::string_view::npos)
            return false;
        std::string_view const rest = name.substr(close + 1);
        name = name.substr(1, close - 1);
        if(!rest.empty())
        {
            if(rest.front() != ':')
                return false;
            port_text = rest.substr(1);
        }
    }
    else if(auto const colon = name.find(':');
            colon != std::string_view::npos && name.find(':', colon + 1) == std::string_view::npos)
    {
        port_text = name.substr(colon + 1);
        name = name.substr(0, colon);
    }
    if(!port_text.empty())
    {
        if(!all_digits(port_text) || port_text.size() > 5 || std::stoul(std::string(port_text)) != port)
            return false;
    }

    if(auto const ip = parse_ip(host))
    {
        // An IP host matches an IP entry, with an optional CIDR prefix.
        unsigned prefix = ip->bits;
        if(auto const slash = name.find('/'); slash != std::string_view::npos)
        {
            std::string_view const bits = name.substr(slash + 1);
            if(!all_digits(bits) || bits.size() > 3)
                return false;
            prefix = static_cast<unsigned>(std::stoul(std::string(bits)));
            name = name.substr(0, slash);
        }
        auto const net = parse_ip(name);
        return net && same_prefix(*ip, *net, prefix);
    }

    // A name matches itself and its subdomains; a leading dot changes nothing.
    if(!name.empty() && name.back() == '.')
        name.remove_suffix(1);
    if(!name.empty() && name.front() == '.')
        name.remove_prefix(1);
    if(name.empty())
        return false;
    std::string const n = lowercase(name);
    if(n == host)
        return true;
    return host.size() > n.size() && host.compare(host.size() - n.size(), n.size(), n) == 0 &&
           host[host.size() - n.size() - 1] == '.';
}

/// The value of an environment variable, lower case name first, as curl reads
/// them; nothing when neither is set or both are empty.
inline std::optional<std::pair<std::string, std::string>> getenv_either(char const* lower, char const* upper)
{
    for(char const* name : {lower, upper})
        if(char const* v = std::getenv(name); v && *v)
            return std::make_pair(std::string(name), std::string(v));
    return std::nullopt;
}

} // namespace detail

/** Returns true when a request to `host`:`port` goes directly, not through
    the proxy, under `no_proxy`.

    The rule is curl's `NO_PROXY`: entries separated by commas (spaces and
    tabs around them ignored), case-insensitive. `*` matches every host. A
    name matches itself and its subdomains, with or without a leading dot
    (`example.com` and `.example.com` both match `example.com` and
    `api.example.com`, never `notexample.com`). An IP host matches an IP
    entry, which may have a CIDR prefix (`10.0.0.0/8`, `fe80::/10`; IPv6
    without brackets); IP hosts are never matched against names. Beyond
    curl, an entry may end in `:port` (`[v6]:port` for IPv6), and then
    matches that port only.

    @param no_proxy the list.
    @param host the request's host: a name, or an IP literal without brackets.
    @param port the request's port.
    @return whether the request bypasses the proxy. Never fails: an entry that
    cannot be read matches nothing.
*/
inline bool no_proxy_matches(std::string_view no_proxy, std::string_view host, std::uint16_t port)
{
    std::string h = detail::lowercase(host);
    if(h.size() > 2 && h.front() == '[' && h.back() == ']')
        h = h.substr(1, h.size() - 2);
    if(!h.empty() && h.back() == '.')
        h.pop_back();
    while(!no_proxy.empty())
    {
        auto const comma = no_proxy.find(',');
        std::string_view entry = no_proxy.substr(0, comma);
        no_proxy = comma == std::string_view::npos ? std::string_view() : no_proxy.substr(comma + 1);
        while(!entry.empty() && (entry.front() == ' ' || entry.front() == '\t'))
            entry.remove_prefix(1);
        while(!entry.empty() && (entry.back() == ' ' || entry.back() == '\t'))
            entry.remove_suffix(1);
        if(entry == "*")
            return true;
        if(!entry.empty() && detail::no_proxy_entry_matches(entry, h, port))
            return true;
    }
    return false;
}

/** Reads the proxy for HTTPS requests from the environment, as curl does:
    `https_proxy`, else `HTTPS_PROXY` (the lower case name wins; an empty
    value counts as unset), and the bypass list from `no_proxy`, else
    `NO_PROXY`. `ALL_PROXY` and `http_proxy` are not read (requests to the
    API are HTTPS). Credentials in the variable's URL
    (`http://user:pass@host:3128`, percent-encoded) are moved to `username`
    and `password`.

    Nothing is read unless this is called: a transport uses a proxy only
    when its options say so.

    @return the options, or an empty optional when no proxy is set; or
    `errc::invalid_argument` when the variable is not an `http://` proxy URL
    (`field` and the message name the variable; the value, which may hold
    a password, is never quoted).
*/
inline result<std::optional<proxy_options>> proxy_from_environment()
{
    auto var = detail::getenv_either("https_proxy", "HTTPS_PROXY");
    if(!var)
        return std::optional<proxy_options>();
    auto addr = detail::parse_proxy_url(var->second, true, var->first);
    if(!addr)
    {
        detail::secure_wipe(var->second);
        return addr.error();
    }
    proxy_options o;
    std::string url = "http://";
    bool const v6 = addr->host.find(':') != std::string::npos;
    url += v6 ? "[" + addr->host + "]" : addr->host;
    url += ':' + std::to_string(addr->port);
    o.url = std::move(url);
    o.username = std::move(addr->username);
    o.password = std::move(addr->password);
    detail::secure_wipe(var->second);
    if(auto np = detail::getenv_either("no_proxy", "NO_PROXY"))
        o.no_proxy = std::move(np->second);
    return std::optional<proxy_options>(std::move(o));
}

} // namespace admin
} // namespace corti

#endif
