// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_EXAMPLES_CURL_TRANSPORT_HPP
#define CORTI_ADMIN_EXAMPLES_CURL_TRANSPORT_HPP

/** @file
    `curl_transport`: the transport requirement met with a libcurl easy
    handle. An example to copy from, and the second transport the
    conformance kit is run against.

    What it does, and why:
    - one easy handle, reused: libcurl keeps the connection alive between
      requests to the same host (`CURLOPT_MAXAGE_CONN` bounds the idle time);
    - TLS 1.2 or newer, peer and host verification on, a CA file option
      (default: libcurl's built-in CA bundle);
    - `CURLOPT_FOLLOWLOCATION` off: a 3xx comes back as a response;
    - one deadline per call (`CURLOPT_TIMEOUT_MS`);
    - body and header limits enforced in the write and header callbacks;
    - POST/PATCH bodies are read through a callback whose seek callback
      refuses to rewind. libcurl resends a request on a reused connection
      that died before any response byte ("Connection died, retrying a fresh
      connect"), which would send a POST twice; without a rewind it fails
      instead (CURLE_SEND_FAIL_REWIND).
    - `Expect: 100-continue` is suppressed (the API does not use it);
    - an HTTP proxy only when the options name one (`proxy`, the library's
      `proxy_options`, e.g. from `proxy_from_environment()`): HTTPS through
      a `CONNECT` tunnel (`CURLOPT_HTTPPROXYTUNNEL`), Basic credentials,
      libcurl's own `CURLOPT_NOPROXY` matching; otherwise `CURLOPT_PROXY` is
      "" so that libcurl does not pick a proxy from the environment itself.
      A refused tunnel is `errc::proxy_error` with the proxy's status.
    Secrets: the header list copies are wiped before they are freed; no
    error message contains a header value or the body.
*/

#include <corti/admin/beast/proxy.hpp>
#include <corti/admin/config.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/secret.hpp>

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace corti_examples {

namespace admin = corti::admin;

/** The settings of a `curl_transport`. */
struct curl_transport_options
{
    /// A PEM file of CAs to trust; empty: libcurl's default bundle.
    std::string ca_file;
    /// The deadline of one call (connect, TLS, send, receive).
    std::chrono::milliseconds timeout{30000};
    /// The largest response body, in bytes (`errc::body_too_large`).
    std::size_t max_body_size = admin::limits{}.max_body_size;
    /// The largest response header section, in bytes (`errc::body_too_large`).
    std::size_t max_header_size = admin::limits{}.max_header_size;
    /// The longest idle time after which a kept-alive connection is not reused.
    std::chrono::seconds max_idle{4};
    /// An HTTP proxy for HTTPS requests (`CONNECT`); none by default.
    std::optional<admin::proxy_options> proxy;
};

/** A transport over a libcurl easy handle.

    @par Thread Safety
    Distinct objects: safe (after `curl_global_init`). Shared objects: unsafe.
*/
class curl_transport
{
public:
    explicit curl_transport(curl_transport_options opts = {}) : opts_(std::move(opts)), h_(curl_easy_init()) {}

    curl_transport(curl_transport&& other) noexcept
        : opts_(std::move(other.opts_)), h_(std::exchange(other.h_, nullptr))
    {
    }
    curl_transport& operator=(curl_transport&& other) noexcept
    {
        if(this != &other)
        {
            if(h_)
                curl_easy_cleanup(h_);
            opts_ = std::move(other.opts_);
            h_ = std::exchange(other.h_, nullptr);
        }
        return *this;
    }
    curl_transport(curl_transport const&) = delete;
    curl_transport& operator=(curl_transport const&) = delete;
    ~curl_transport()
    {
        if(h_)
            curl_easy_cleanup(h_);
    }

    /** Sends `req` and waits for the response.

        @return the response (any status), or `errc::connection_failed`
        (resolve, connect, TLS, certificate verification: the message then
        starts with "certificate verify failed"), `errc::timeout`,
        `errc::truncated_response`, `errc::body_too_large`.
    */
    admin::result<admin::http_response> send(admin::http_request const& req)
    {
        if(!h_)
            return admin::error(admin::errc::connection_failed, "curl_easy_init failed");
        exchange x(req, opts_);
        curl_easy_reset(h_); // keeps the connection cache, drops the previous options
        char errbuf[CURL_ERROR_SIZE] = {};
        std::string url = (req.tls ? "https://" : "http://");
        url += req.host.find(':') != std::string::npos ? "[" + req.host + "]" : req.host;
        url += ':' + std::to_string(req.port) + req.target;

        curl_slist* headers = nullptr;
        for(auto const& f : req.headers)
        {
            if(admin::detail::iequals(f.name, "Content-Length"))
                continue; // libcurl sets it
            std::string line = f.name + ": " + f.value;
            headers = curl_slist_append(headers, line.c_str());
            admin::detail::secure_wipe(line);
        }
        headers = curl_slist_append(headers, "Expect:");

        bool const proxied = opts_.proxy && req.tls;
        if(proxied)
        {
            // The same rules as beast_transport: http:// only, no credentials in the URL.
            auto const addr = admin::detail::parse_proxy_url(opts_.proxy->url, false, "proxy.url");
            if(!addr)
                return addr.error();
        }

        bool const has_body =
            !req.body.empty() || req.method == admin::http_method::post || req.method == admin::http_method::patch;
        set(CURLOPT_URL, url.c_str());
        set(CURLOPT_ERRORBUFFER, errbuf);
        set(CURLOPT_HTTPHEADER, headers);
        set(CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
        set(CURLOPT_PROTOCOLS_STR, req.tls ? "https" : "http");
        set(CURLOPT_FOLLOWLOCATION, 0L);
        set(CURLOPT_SSL_VERIFYPEER, 1L);
        set(CURLOPT_SSL_VERIFYHOST, 2L);
        set(CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
        if(!opts_.ca_file.empty())
            set(CURLOPT_CAINFO, opts_.ca_file.c_str());
        set(CURLOPT_TIMEOUT_MS, long(opts_.timeout.count()));
        set(CURLOPT_MAXFILESIZE_LARGE, curl_off_t(opts_.max_body_size)); // early, from Content-Length
        set(CURLOPT_MAXAGE_CONN, long(opts_.max_idle.count()));
        set(CURLOPT_NOSIGNAL, 1L);
        if(proxied)
        {
            auto const& p = *opts_.proxy;
            set(CURLOPT_PROXY, p.url.c_str());
            set(CURLOPT_PROXYTYPE, long(CURLPROXY_HTTP));
            set(CURLOPT_HTTPPROXYTUNNEL, 1L);
            set(CURLOPT_NOPROXY, p.no_proxy.c_str());
            if(!p.username.empty())
            {
                // libcurl keeps its own copies (not wiped) until the handle is reset.
                std::string password(p.password.reveal());
                set(CURLOPT_PROXYAUTH, long(CURLAUTH_BASIC));
                set(CURLOPT_PROXYUSERNAME, p.username.c_str());
                set(CURLOPT_PROXYPASSWORD, password.c_str());
                admin::detail::secure_wipe(password);
            }
        }
        else
            set(CURLOPT_PROXY, ""); // no proxy from the environment either
        set(CURLOPT_WRITEFUNCTION, &exchange::on_body);
        set(CURLOPT_WRITEDATA, &x);
        set(CURLOPT_HEADERFUNCTION, &exchange::on_header);
        set(CURLOPT_HEADERDATA, &x);
        switch(req.method)
        {
        case admin::http_method::get: set(CURLOPT_HTTPGET, 1L); break;
        case admin::http_method::delete_: set(CURLOPT_CUSTOMREQUEST, "DELETE"); break;
        case admin::http_method::post:
        case admin::http_method::patch:
            set(CURLOPT_POST, 1L);
            if(req.method == admin::http_method::patch)
                set(CURLOPT_CUSTOMREQUEST, "PATCH");
            break;
        }
        if(has_body)
        {
            set(CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(req.body.size()));
            set(CURLOPT_READFUNCTION, &exchange::on_read);
            set(CURLOPT_READDATA, &x);
            if(!admin::is_idempotent(req.method))
            {
                set(CURLOPT_SEEKFUNCTION, &exchange::refuse_seek);
                set(CURLOPT_SEEKDATA, &x);
            }
        }

        CURLcode const rc = curl_easy_perform(h_);
        for(curl_slist* p = headers; p; p = p->next)
            admin::detail::secure_wipe(p->data, std::strlen(p->data));
        curl_slist_free_all(headers);
        curl_easy_setopt(h_, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
        curl_easy_setopt(h_, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));

        if(rc != CURLE_OK)
        {
            long connect_code = 0;
            curl_easy_getinfo(h_, CURLINFO_HTTP_CONNECTCODE, &connect_code);
            if(proxied && connect_code != 0 && (connect_code < 200 || connect_code > 299))
            {
                admin::error e(admin::errc::proxy_error, "the proxy answered " + std::to_string(connect_code) +
                                                             " to CONNECT: libcurl: " + (*errbuf ? errbuf : ""));
                e.http_status = static_cast<unsigned>(connect_code);
                return e;
            }
            return map_error(rc, errbuf, x);
        }
        long status = 0;
        curl_easy_getinfo(h_, CURLINFO_RESPONSE_CODE, &status);
        x.response.status = static_cast<unsigned>(status);
        return std::move(x.response);
    }

    curl_transport_options const& options() const noexcept { return opts_; }

private:
    /// The state of one call, seen by the callbacks.
    struct exchange
    {
        exchange(admin::http_request const& req, curl_transport_options const& o) : body(req.body), opts(o) {}

        std::string_view body;
        std::size_t sent = 0;
        curl_transport_options const& opts;
        admin::http_response response;
        std::size_t header_bytes = 0;
        bool body_too_large = false;
        bool header_too_large = false;

        static std::size_t on_body(char* p, std::size_t size, std::size_t n, void* self)
        {
            auto& x = *static_cast<exchange*>(self);
            std::size_t const bytes = size * n;
            if(x.response.body.size() + bytes > x.opts.max_body_size)
            {
                x.body_too_large = true;
                return 0; // aborts the transfer
            }
            x.response.body.append(p, bytes);
            return bytes;
        }

        static std::size_t on_header(char* p, std::size_t size, std::size_t n, void* self)
        {
            auto& x = *static_cast<exchange*>(self);
            std::size_t const bytes = size * n;
            std::string_view line(p, bytes);
            if(line.rfind("HTTP/", 0) == 0)
            {
                // A new status line (an interim 1xx came before): start over.
                x.response.headers.clear();
                x.header_bytes = 0;
            }
            x.header_bytes += bytes;
            if(x.header_bytes > x.opts.max_header_size)
            {
                x.header_too_large = true;
                return 0;
            }
            auto const colon = line.find(':');
            if(colon != std::string_view::npos && line.rfind("HTTP/", 0) != 0)
            {
                auto value = admin::detail::trim_ows(line.substr(colon + 1));
                while(!value.empty() && (value.back() == '\r' || value.back() == '\n'))
                    value.remove_suffix(1);
                x.response.headers.add(line.substr(0, colon), admin::detail::trim_ows(value));
            }
            return bytes;
        }

        static std::size_t on_read(char* buf, std::size_t size, std::size_t n, void* self)
        {
            auto& x = *static_cast<exchange*>(self);
            std::size_t const room = size * n;
            std::size_t const left = x.body.size() - x.sent;
            std::size_t const k = left < room ? left : room;
            std::memcpy(buf, x.body.data() + x.sent, k);
            x.sent += k;
            return k;
        }

        static int refuse_seek(void*, curl_off_t, int) { return CURL_SEEKFUNC_FAIL; }
    };

    template<class T>
    void set(CURLoption o, T v)
    {
        curl_easy_setopt(h_, o, v);
    }

    static admin::error map_error(CURLcode rc, char const* errbuf, exchange const& x)
    {
        using admin::errc;
        std::string detail = *errbuf ? errbuf : curl_easy_strerror(rc);
        if(x.body_too_large)
            return admin::error(errc::body_too_large,
                                "response body larger than " + std::to_string(x.opts.max_body_size) + " bytes");
        if(x.header_too_large)
            return admin::error(errc::body_too_large, "response header section larger than " +
                                                          std::to_string(x.opts.max_header_size) + " bytes");
        switch(rc)
        {
        case CURLE_OPERATION_TIMEDOUT: return admin::error(errc::timeout, "libcurl: " + detail);
        case CURLE_FILESIZE_EXCEEDED: return admin::error(errc::body_too_large, "libcurl: " + detail);
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            return admin::error(errc::connection_failed, "certificate verify failed: libcurl: " + detail);
        case CURLE_PARTIAL_FILE:
        case CURLE_GOT_NOTHING:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_FAIL_REWIND:
        case CURLE_WEIRD_SERVER_REPLY: return admin::error(errc::truncated_response, "libcurl: " + detail);
        default: return admin::error(errc::connection_failed, "libcurl: " + detail);
        }
    }

    curl_transport_options opts_;
    CURL* h_;
};

} // namespace corti_examples

#endif
