// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_SETTINGS_HPP
#define CORTI_ADMIN_SETTINGS_HPP

/** @file
    What a program needs to set up a client, in one value (`client_settings`:
    the config, the `credentials`, a CA file for the transport), read from
    `CORTI_ADMIN_*` environment variables by `settings_from_environment`, so
    that no password goes on a command line; and `make_client`, which makes
    a client from either kind of credentials.
*/

#include <corti/admin/client.hpp>
#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/validate.hpp>

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace corti {
namespace admin {

/// How a client signs in: a fixed bearer token, or Console credentials it
/// exchanges for tokens at `/auth/token`.
using credentials = std::variant<secret, console_credentials>;

/** Makes a client with either kind of credentials, as the matching
    constructor of `client` does.

    @return the client. It reports bad credentials on its first call, as the
    constructors do (`check_token`, `make_fetch_token_request`).
*/
template<class Transport>
client<Transport> make_client(Transport transport, config cfg, credentials creds)
{
    if(auto* login = std::get_if<console_credentials>(&creds))
        return client<Transport>(std::forward<Transport>(transport), std::move(cfg), std::move(*login));
    auto* token = std::get_if<secret>(&creds);
    // No alternative only after a throwing assignment: an empty token, refused by every call.
    return client<Transport>(std::forward<Transport>(transport), std::move(cfg), token ? std::move(*token) : secret());
}

/// Everything a program sets up before its first call.
struct client_settings
{
    /// Where requests go and how responses are checked.
    admin::config config;

    /// How the client signs in.
    admin::credentials credentials;

    /// A PEM file of certificate authorities for the transport to trust;
    /// empty: the transport's default (the system's CAs).
    std::string ca_file;
};

namespace detail {

/// The variable's value, or empty when it is unset.
inline std::string_view environment_variable(char const* name) noexcept
{
    char const* v = std::getenv(name);
    return v ? std::string_view(v) : std::string_view();
}

/// The error, with `field` naming the variable instead of the argument.
inline error renamed(error e, char const* variable)
{
    e.field = variable;
    return e;
}

} // namespace detail

/** Reads the credentials from the environment: `CORTI_ADMIN_TOKEN` (a bearer
    token), or `CORTI_ADMIN_EMAIL` and `CORTI_ADMIN_PASSWORD` (Console
    credentials). An empty variable counts as unset.

    The values are copied; the environment still holds them (`unsetenv` them
    after reading if that matters). Not safe while another thread changes the
    environment (`std::getenv`).

    @return the credentials, or `errc::invalid_argument` with `field` naming
    the variable:
    - `CORTI_ADMIN_TOKEN` when none of the three is set;
    - `CORTI_ADMIN_TOKEN` when it is set together with an email or a password;
    - `CORTI_ADMIN_TOKEN` when the token has a character that is not visible
      ASCII (`check_token`);
    - `CORTI_ADMIN_PASSWORD` when only the email is set;
    - `CORTI_ADMIN_EMAIL` when only the password is set;
    - `CORTI_ADMIN_EMAIL` when the email fails `is_valid_email`.

    No error holds a value of the environment.
*/
inline result<credentials> credentials_from_environment()
{
    auto const token = detail::environment_variable("CORTI_ADMIN_TOKEN");
    auto const email = detail::environment_variable("CORTI_ADMIN_EMAIL");
    auto const password = detail::environment_variable("CORTI_ADMIN_PASSWORD");
    if(!token.empty())
    {
        if(!email.empty() || !password.empty())
            return error(errc::invalid_argument,
                         "set CORTI_ADMIN_TOKEN, or CORTI_ADMIN_EMAIL and CORTI_ADMIN_PASSWORD, not both",
                         "CORTI_ADMIN_TOKEN");
        secret t(token);
        if(auto ok = check_token(t); !ok)
            return detail::renamed(ok.error(), "CORTI_ADMIN_TOKEN");
        return credentials(std::move(t));
    }
    if(email.empty() && password.empty())
        return error(errc::invalid_argument,
                     "no credentials: set CORTI_ADMIN_TOKEN, or CORTI_ADMIN_EMAIL and CORTI_ADMIN_PASSWORD",
                     "CORTI_ADMIN_TOKEN");
    if(password.empty())
        return error(errc::invalid_argument, "CORTI_ADMIN_EMAIL is set but the password is not",
                     "CORTI_ADMIN_PASSWORD");
    if(email.empty())
        return error(errc::invalid_argument, "CORTI_ADMIN_PASSWORD is set but the email is not", "CORTI_ADMIN_EMAIL");
    if(!is_valid_email(email))
        return error(errc::invalid_argument, "not a valid email address", "CORTI_ADMIN_EMAIL");
    return credentials(console_credentials{std::string(email), secret(password)});
}

/** Reads a program's settings from the environment: the base URL from
    `CORTI_ADMIN_BASE_URL` (unset or empty: `default_base_url`), the CA file
    from `CORTI_ADMIN_CA_FILE` (unset: the transport's default), and the
    credentials as `credentials_from_environment` does.

    @param policy whether `http` is accepted on loopback hosts (a local server)
    @return the settings, or `errc::invalid_base_url` with `field =
    "CORTI_ADMIN_BASE_URL"` when `parse_base_url` refuses the URL, or the
    errors of `credentials_from_environment`. No error holds a value of the
    environment. Thread safety as `credentials_from_environment`.
*/
inline result<client_settings> settings_from_environment(scheme_policy policy = scheme_policy::https_only)
{
    auto url = detail::environment_variable("CORTI_ADMIN_BASE_URL");
    auto cfg = make_config(url.empty() ? default_base_url : url, policy);
    if(!cfg)
        return detail::renamed(cfg.error(), "CORTI_ADMIN_BASE_URL");
    auto creds = credentials_from_environment();
    if(!creds)
        return creds.error();
    std::string ca_file(detail::environment_variable("CORTI_ADMIN_CA_FILE"));
    return client_settings{std::move(*cfg), std::move(*creds), std::move(ca_file)};
}

} // namespace admin
} // namespace corti

#endif
