// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// A self-signed certificate generated at start-up with the OpenSSL 3 API.
#pragma once

#include <boost/asio/ssl/context.hpp>

#include <string>
#include <vector>

namespace local_server {

// When the certificate is valid, in seconds from now (negative: in the past).
struct certificate_validity
{
    long not_before = -3600; // back-dated an hour so small clock differences do not matter
    long not_after = 24 * 3600;
};

// Generates a P-256 key and a self-signed CA certificate whose subjectAltName
// lists `hosts` (entries that parse as IPv4/IPv6 become IP SANs, the rest DNS
// SANs), installs both in `ctx`, and returns the certificate as PEM.
// Throws std::runtime_error on any OpenSSL failure.
std::string install_self_signed_certificate(boost::asio::ssl::context& ctx, std::vector<std::string> const& hosts);

// The same with another validity window; the end-to-end tests make an
// expired certificate with it.
std::string install_self_signed_certificate(boost::asio::ssl::context& ctx, std::vector<std::string> const& hosts,
                                            certificate_validity validity);

// Makes `ctx` refuse everything older than TLS 1.2.
void restrict_to_modern_tls(boost::asio::ssl::context& ctx);

} // namespace local_server
