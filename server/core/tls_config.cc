#include "server/core/tls_config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include <grpc/grpc_security_constants.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kinerja::core {
namespace {

// Far above any real certificate chain or CA bundle (the whole Debian bundle is ~200 KiB).
constexpr off_t kMaxPemBytes = 4 << 20;

// Reads a whole PEM file. Errors name the flag and the path, never the contents.
absl::StatusOr<std::string> ReadPemFile(absl::string_view flag, const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": cannot open ", path, ": ", std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(absl::StrCat(flag, ": ", path, " is not a regular file"));
  }
  if (st.st_size > kMaxPemBytes) {
    ::close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": ", path, " is larger than ", kMaxPemBytes, " bytes"));
  }
  std::string data;
  char buf[16384];
  while (true) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return absl::InvalidArgumentError(
          absl::StrCat(flag, ": cannot read ", path, ": ", std::strerror(err)));
    }
    data.append(buf, static_cast<size_t>(n));
    if (data.size() > static_cast<size_t>(kMaxPemBytes)) {
      ::close(fd);
      return absl::InvalidArgumentError(
          absl::StrCat(flag, ": ", path, " is larger than ", kMaxPemBytes, " bytes"));
    }
  }
  ::close(fd);
  return data;
}

absl::StatusOr<std::string> ReadCertificates(absl::string_view flag, const std::string& path) {
  auto pem = ReadPemFile(flag, path);
  if (!pem.ok()) return pem.status();
  if (!absl::StrContains(*pem, "-----BEGIN CERTIFICATE-----")) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": ", path, " holds no PEM certificate (BEGIN CERTIFICATE)"));
  }
  return pem;
}

absl::StatusOr<std::string> ReadPrivateKey(absl::string_view flag, const std::string& path) {
  auto pem = ReadPemFile(flag, path);
  if (!pem.ok()) return pem.status();
  if (absl::StrContains(*pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
    return absl::InvalidArgumentError(absl::StrCat(
        flag, ": ", path, " is an encrypted private key; the server needs it unencrypted"));
  }
  // PKCS#8 "PRIVATE KEY", or the traditional "RSA PRIVATE KEY" / "EC PRIVATE KEY".
  const size_t begin = pem->find("-----BEGIN ");
  if (begin == std::string::npos ||
      pem->find("PRIVATE KEY-----", begin) == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": ", path, " holds no PEM private key (BEGIN ... PRIVATE KEY)"));
  }
  return pem;
}

std::string FirstValue(const grpc::AuthContext& context, const char* property) {
  std::vector<grpc::string_ref> values = context.FindPropertyValues(property);
  if (values.empty()) return "";
  return std::string(values.front().data(), values.front().size());
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsOptions& tls) {
  if (tls.cert_file.empty()) {
    if (!tls.key_file.empty()) {
      return absl::InvalidArgumentError("tls_key_file is set but tls_cert_file is not");
    }
    if (!tls.client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "tls_client_ca_file is set but tls_cert_file is not (client certificates need TLS)");
    }
    if (tls.require_client_cert) {
      return absl::InvalidArgumentError(
          "tls_require_client_cert needs tls_cert_file, tls_key_file and tls_client_ca_file");
    }
    return grpc::InsecureServerCredentials();
  }
  if (tls.key_file.empty()) {
    return absl::InvalidArgumentError("tls_cert_file is set but tls_key_file is not");
  }
  if (tls.require_client_cert && tls.client_ca_file.empty()) {
    return absl::InvalidArgumentError("tls_require_client_cert needs tls_client_ca_file");
  }

  auto cert = ReadCertificates("tls_cert_file", tls.cert_file);
  if (!cert.ok()) return cert.status();
  auto key = ReadPrivateKey("tls_key_file", tls.key_file);
  if (!key.ok()) return key.status();
  std::string client_ca;
  grpc_ssl_client_certificate_request_type request = GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE;
  if (!tls.client_ca_file.empty()) {
    auto ca = ReadCertificates("tls_client_ca_file", tls.client_ca_file);
    if (!ca.ok()) return ca.status();
    client_ca = *std::move(ca);
    request = tls.require_client_cert ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                                      : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY;
  }

  grpc::SslServerCredentialsOptions options(request);
  options.pem_root_certs = std::move(client_ca);
  options.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
  return grpc::SslServerCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const ClientTlsOptions& tls, const std::string& flag_prefix) {
  const std::string ca_flag = flag_prefix + "ca_file";
  const std::string cert_flag = flag_prefix + "cert_file";
  const std::string key_flag = flag_prefix + "key_file";
  if (tls.ca_file.empty()) {
    if (!tls.cert_file.empty() || !tls.key_file.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(cert_flag, " and ", key_flag, " need ", ca_flag, " (client certificates need TLS)"));
    }
    return grpc::InsecureChannelCredentials();
  }
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(cert_flag, " and ", key_flag, " go together"));
  }
  auto ca = ReadCertificates(ca_flag, tls.ca_file);
  if (!ca.ok()) return ca.status();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = *std::move(ca);
  if (!tls.cert_file.empty()) {
    auto cert = ReadCertificates(cert_flag, tls.cert_file);
    if (!cert.ok()) return cert.status();
    auto key = ReadPrivateKey(key_flag, tls.key_file);
    if (!key.ok()) return key.status();
    options.pem_cert_chain = *std::move(cert);
    options.pem_private_key = *std::move(key);
  }
  return grpc::SslCredentials(options);
}

std::string ClientCertificateSubject(const grpc::AuthContext& context) {
  // Only a TLS handshake puts x509 properties in the context; over plaintext there are none.
  const std::string transport = FirstValue(context, GRPC_TRANSPORT_SECURITY_TYPE_PROPERTY_NAME);
  if (transport != GRPC_SSL_TRANSPORT_SECURITY_TYPE &&
      transport != GRPC_TLS_TRANSPORT_SECURITY_TYPE) {
    return "";
  }
  std::string subject = FirstValue(context, GRPC_X509_SUBJECT_PROPERTY_NAME);
  if (!subject.empty()) return subject;
  const std::string cn = FirstValue(context, GRPC_X509_CN_PROPERTY_NAME);
  if (!cn.empty()) return absl::StrCat("CN=", cn);
  return "";
}

}  // namespace kinerja::core
