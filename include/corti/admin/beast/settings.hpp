// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_BEAST_SETTINGS_HPP
#define CORTI_ADMIN_BEAST_SETTINGS_HPP

/** @file
    `client_settings` (`<corti/admin/settings.hpp>`) for the Beast transport:
    transport options that agree with the settings, and a client over a new
    `beast_transport` in one call.
*/

#include <corti/admin/beast/transport.hpp>
#include <corti/admin/beast/transport_options.hpp>
#include <corti/admin/client.hpp>
#include <corti/admin/settings.hpp>

#include <utility>

namespace corti {
namespace admin {

/** Returns `opts` made to agree with `s`: the settings' CA file when they
    name one, and the config's header and body limits, so that the transport
    reads no more than the parsers accept.
*/
inline beast_transport_options beast_options(client_settings const& s, beast_transport_options opts = {})
{
    if(!s.ca_file.empty())
        opts.ca_file = s.ca_file;
    opts.max_header_size = s.config.limits.max_header_size;
    opts.max_body_size = s.config.limits.max_body_size;
    return opts;
}

/** Makes a client over a new `send`-only `beast_transport` with
    `beast_options(s, opts)`, the settings' config and their credentials.

    @return the client. Nothing is sent yet: a CA file that does not load,
    and bad credentials, are the errors of its first call.
*/
inline client<beast_transport> make_beast_client(client_settings const& s, beast_transport_options const& opts = {})
{
    return make_client(beast_transport(beast_options(s, opts)), s.config, s.credentials);
}

/// As above, with the transport's asynchronous operations on `ex` (for the `async_*` members).
inline client<beast_transport> make_beast_client(beast_transport::executor_type ex, client_settings const& s,
                                                 beast_transport_options const& opts = {})
{
    return make_client(beast_transport(std::move(ex), beast_options(s, opts)), s.config, s.credentials);
}

} // namespace admin
} // namespace corti

#endif
