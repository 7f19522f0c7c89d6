// TLS for the gRPC port: server credentials from PEM files (plaintext when no certificate is
// configured), optional or required client certificates (mutual TLS), and the verified client
// certificate's subject for authorization.
#ifndef KINERJA_SERVER_CORE_TLS_CONFIG_H_
#define KINERJA_SERVER_CORE_TLS_CONFIG_H_

#include <memory>
#include <string>

#include <grpcpp/security/auth_context.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include "absl/status/statusor.h"

namespace kinerja::core {

struct TlsOptions {
  std::string cert_file;       // PEM server certificate chain; empty: plaintext (insecure) port
  std::string key_file;        // PEM private key
  std::string client_ca_file;  // PEM CA bundle for client certificates; empty: no client certs
  bool require_client_cert = false;  // true: mutual TLS required (handshake fails without a valid
                                     // client cert)
};

// Builds the gRPC server credentials. The files are read once, here: a renewed certificate takes a
// restart. With client_ca_file and require_client_cert=false a client may come without a
// certificate, but a certificate it presents must verify against the bundle. Errors (a missing,
// unreadable or non-PEM file, a key without a certificate or the reverse, client_ca_file or
// require_client_cert without a certificate, require_client_cert without client_ca_file) are
// INVALID_ARGUMENT naming the flag (tls_cert_file, ...) and the path, never the file contents.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(const TlsOptions& tls);

// The client side, for the gateway (and other callers) reaching the servers over TLS.
struct ClientTlsOptions {
  std::string ca_file;    // PEM CA bundle the servers' certificates must chain to; empty: plaintext
  std::string cert_file;  // PEM client certificate chain, for mutual TLS (with key_file)
  std::string key_file;
};

// Channel credentials: insecure without ca_file, TLS verifying the servers against ca_file
// otherwise, presenting cert_file/key_file when set. INVALID_ARGUMENT naming the flag
// (flag_prefix + "ca_file", ...) and the path, never the contents; cert_file or key_file without
// ca_file, or one without the other, is refused.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const ClientTlsOptions& tls, const std::string& flag_prefix);

// The verified client certificate's subject from a call's auth context, as gRPC exposes it
// (property "x509_subject", RFC 2253 order, e.g. "CN=payroll,OU=BPKAD,O=Pemerintah Kota Semarang";
// "CN=" + x509_common_name when the subject property is absent). Empty when the call did not come
// over TLS or presented no client certificate. "Verified" holds for credentials built by
// MakeServerCredentials, which only ever accept client certificates that chain to client_ca_file.
std::string ClientCertificateSubject(const grpc::AuthContext& context);

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_TLS_CONFIG_H_
