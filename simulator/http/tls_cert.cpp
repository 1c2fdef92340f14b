// OpenSSL 3 certificate generation and PEM loading for the HTTPS server.
#include "tls_cert.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace gbc {

namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

Error tlsError(const std::string& where, const std::string& message)
{
    return Error{"tls", where, message};
}

std::string bioText(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

bool addSubjectAltName(X509* cert)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name,
                                              "DNS:localhost,IP:127.0.0.1,IP:::1");
    const bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool fillCertificate(X509* cert, EVP_PKEY* key)
{
    X509_NAME* name = X509_get_subject_name(cert);
    return X509_set_version(cert, 2) == 1 && ASN1_INTEGER_set(X509_get_serialNumber(cert), 1) == 1 &&
           X509_gmtime_adj(X509_getm_notBefore(cert), -86400) && X509_gmtime_adj(X509_getm_notAfter(cert), 30L * 86400) &&
           X509_set_pubkey(cert, key) == 1 &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("gbc-sim"), -1, -1, 0) == 1 &&
           X509_set_issuer_name(cert, name) == 1 && addSubjectAltName(cert) && X509_sign(cert, key, EVP_sha256()) > 0;
}

Result<std::string> readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return tlsError(path, "cannot read the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

Result<TlsIdentity> generateSelfSigned()
{
    KeyPtr key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    CertPtr cert(X509_new(), X509_free);
    if (!key || !cert || !fillCertificate(cert.get(), key.get()))
        return tlsError("--tls", "OpenSSL could not create a self-signed certificate");
    BioPtr certBio(BIO_new(BIO_s_mem()), BIO_free);
    BioPtr keyBio(BIO_new(BIO_s_mem()), BIO_free);
    if (PEM_write_bio_X509(certBio.get(), cert.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return tlsError("--tls", "OpenSSL could not encode the certificate as PEM");
    return TlsIdentity{bioText(certBio.get()), bioText(keyBio.get())};
}

Result<TlsIdentity> loadTlsIdentity(const std::string& certFile, const std::string& keyFile)
{
    auto certPem = readFile(certFile);
    if (!certPem)
        return certPem.error();
    auto keyPem = readFile(keyFile);
    if (!keyPem)
        return keyPem.error();
    BioPtr certBio(BIO_new_mem_buf(certPem->data(), static_cast<int>(certPem->size())), BIO_free);
    BioPtr keyBio(BIO_new_mem_buf(keyPem->data(), static_cast<int>(keyPem->size())), BIO_free);
    CertPtr cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr), X509_free);
    if (!cert)
        return tlsError(certFile, "not a PEM certificate");
    KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key)
        return tlsError(keyFile, "not a PEM private key (encrypted keys are not supported)");
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        return tlsError(keyFile, "the private key does not belong to " + certFile);
    return TlsIdentity{*certPem, *keyPem};
}

} // namespace gbc
