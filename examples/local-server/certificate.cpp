// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "certificate.hpp"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace local_server {
namespace {

// unique_ptr aliases so every OpenSSL object is freed on every path.
template<class T, void (*Free)(T*)>
struct deleter
{
    void operator()(T* p) const noexcept { Free(p); }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, deleter<EVP_PKEY, EVP_PKEY_free>>;
using x509_ptr = std::unique_ptr<X509, deleter<X509, X509_free>>;
using bio_ptr = std::unique_ptr<BIO, deleter<BIO, BIO_free_all>>;
using names_ptr = std::unique_ptr<GENERAL_NAMES, deleter<GENERAL_NAMES, GENERAL_NAMES_free>>;
using extension_ptr = std::unique_ptr<X509_EXTENSION, deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using bignum_ptr = std::unique_ptr<BIGNUM, deleter<BIGNUM, BN_free>>;

[[noreturn]] void fail(std::string const& what)
{
    unsigned long code = ERR_get_error();
    char buf[256] = {};
    if(code != 0)
        ERR_error_string_n(code, buf, sizeof buf);
    throw std::runtime_error("certificate: " + what + (code != 0 ? std::string(": ") + buf : ""));
}

void check(int ok, char const* what)
{
    if(ok != 1)
        fail(what);
}

pkey_ptr generate_key()
{
    pkey_ptr key(EVP_EC_gen("P-256"));
    if(!key)
        fail("EVP_EC_gen(P-256)");
    return key;
}

// A positive random 128-bit serial number.
void set_random_serial(X509* cert)
{
    unsigned char bytes[16];
    check(RAND_bytes(bytes, sizeof bytes), "RAND_bytes");
    bytes[0] &= 0x7f;
    bignum_ptr bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if(!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)))
        fail("serial number");
}

void set_name(X509* cert)
{
    X509_NAME* name = X509_get_subject_name(cert);
    auto const* cn = reinterpret_cast<unsigned char const*>("corti-admin-local-server");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0), "subject name");
    check(X509_set_issuer_name(cert, name), "issuer name");
}

void set_validity(X509* cert, certificate_validity validity)
{
    if(!X509_gmtime_adj(X509_getm_notBefore(cert), validity.not_before) ||
       !X509_gmtime_adj(X509_getm_notAfter(cert), validity.not_after))
        fail("validity");
}

// One GENERAL_NAME per host: an IP SAN if the text is an IPv4/IPv6 address.
void add_general_name(GENERAL_NAMES* names, std::string const& host)
{
    unsigned char ip[16];
    int ip_len = 0;
    if(inet_pton(AF_INET, host.c_str(), ip) == 1)
        ip_len = 4;
    else if(inet_pton(AF_INET6, host.c_str(), ip) == 1)
        ip_len = 16;

    GENERAL_NAME* gn = GENERAL_NAME_new();
    if(!gn)
        fail("GENERAL_NAME_new");
    ASN1_STRING* value = ASN1_STRING_type_new(ip_len ? V_ASN1_OCTET_STRING : V_ASN1_IA5STRING);
    bool ok = value != nullptr;
    if(ok)
    {
        ok = ip_len ? ASN1_STRING_set(value, ip, ip_len) == 1
                    : ASN1_STRING_set(value, host.data(), static_cast<int>(host.size())) == 1;
    }
    if(!ok)
    {
        ASN1_STRING_free(value);
        GENERAL_NAME_free(gn);
        fail("subjectAltName entry");
    }
    GENERAL_NAME_set0_value(gn, ip_len ? GEN_IPADD : GEN_DNS, value); // gn owns value now
    if(!sk_GENERAL_NAME_push(names, gn))
    {
        GENERAL_NAME_free(gn);
        fail("subjectAltName push");
    }
}

void add_subject_alt_names(X509* cert, std::vector<std::string> const& hosts)
{
    names_ptr names(sk_GENERAL_NAME_new_null());
    if(!names)
        fail("sk_GENERAL_NAME_new_null");
    for(auto const& host : hosts)
        add_general_name(names.get(), host);
    check(X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT), "subjectAltName");
}

void add_text_extension(X509* cert, int nid, char const* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    extension_ptr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if(!ext)
        fail(std::string("extension ") + OBJ_nid2sn(nid));
    check(X509_add_ext(cert, ext.get(), -1), "X509_add_ext");
}

x509_ptr make_certificate(EVP_PKEY* key, std::vector<std::string> const& hosts, certificate_validity validity)
{
    x509_ptr cert(X509_new());
    if(!cert)
        fail("X509_new");
    check(X509_set_version(cert.get(), X509_VERSION_3), "X509_set_version");
    set_random_serial(cert.get());
    set_name(cert.get());
    set_validity(cert.get(), validity);
    check(X509_set_pubkey(cert.get(), key), "X509_set_pubkey");
    // The client trusts this certificate directly as its CA.
    add_text_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_text_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
    add_text_extension(cert.get(), NID_subject_key_identifier, "hash");
    add_subject_alt_names(cert.get(), hosts);
    if(X509_sign(cert.get(), key, EVP_sha256()) <= 0)
        fail("X509_sign");
    return cert;
}

std::string to_pem(X509* cert)
{
    bio_ptr bio(BIO_new(BIO_s_mem()));
    if(!bio)
        fail("BIO_new");
    check(PEM_write_bio_X509(bio.get(), cert), "PEM_write_bio_X509");
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

} // namespace

std::string install_self_signed_certificate(boost::asio::ssl::context& ctx, std::vector<std::string> const& hosts)
{
    return install_self_signed_certificate(ctx, hosts, certificate_validity{});
}

std::string install_self_signed_certificate(boost::asio::ssl::context& ctx, std::vector<std::string> const& hosts,
                                            certificate_validity validity)
{
    pkey_ptr key = generate_key();
    x509_ptr cert = make_certificate(key.get(), hosts, validity);
    check(SSL_CTX_use_certificate(ctx.native_handle(), cert.get()), "SSL_CTX_use_certificate");
    check(SSL_CTX_use_PrivateKey(ctx.native_handle(), key.get()), "SSL_CTX_use_PrivateKey");
    check(SSL_CTX_check_private_key(ctx.native_handle()), "SSL_CTX_check_private_key");
    return to_pem(cert.get());
}

void restrict_to_modern_tls(boost::asio::ssl::context& ctx)
{
    namespace ssl = boost::asio::ssl;
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    check(static_cast<int>(SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION)),
          "SSL_CTX_set_min_proto_version");
}

} // namespace local_server
