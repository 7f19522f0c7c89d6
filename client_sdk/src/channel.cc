#include "kinerja/sdk/channel.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "client_sdk/src/channel_target.h"

namespace kinerja::sdk {
namespace {

// The default service config: round-robin over every address the target resolves to.
constexpr char kServiceConfig[] = R"({"loadBalancingConfig":[{"round_robin":{}}]})";

absl::StatusOr<std::string> PemFrom(const std::string& pem, const std::string& file,
                                    absl::string_view what) {
  if (file.empty()) return pem;
  std::ifstream in(file, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("tls: cannot read ", what, " file ", file));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (contents.str().empty()) {
    return absl::InvalidArgumentError(absl::StrCat("tls: ", what, " file ", file, " is empty"));
  }
  return contents.str();
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> CredentialsFor(const TlsOptions& tls) {
  if (!tls.enabled) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  auto ca = PemFrom(tls.ca_pem, tls.ca_file, "CA");
  if (!ca.ok()) return ca.status();
  auto cert = PemFrom(tls.client_cert_pem, tls.client_cert_file, "client certificate");
  if (!cert.ok()) return cert.status();
  auto key = PemFrom(tls.client_key_pem, tls.client_key_file, "client key");
  if (!key.ok()) return key.status();
  ssl.pem_root_certs = *std::move(ca);
  ssl.pem_cert_chain = *std::move(cert);
  ssl.pem_private_key = *std::move(key);
  return grpc::SslCredentials(ssl);
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const Options& options) {
  if (absl::Status st = ValidateOptions(options); !st.ok()) return st;
  auto target = internal::ChannelTargetFor(options.endpoints);
  if (!target.ok()) return target.status();
  auto credentials = CredentialsFor(options.tls);
  if (!credentials.ok()) return credentials.status();

  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kServiceConfig);
  // Our config, not one a DNS TXT record might carry.
  args.SetInt(GRPC_ARG_SERVICE_CONFIG_DISABLE_RESOLUTION, 1);
  // The connections retry (only idempotent calls); gRPC's transparent retries would add attempts
  // the retry policy does not count.
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
  args.SetUserAgentPrefix(UserAgentPrefix(options));
  args.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  if (!options.tls.server_name_override.empty()) {
    args.SetSslTargetNameOverride(options.tls.server_name_override);
  } else if (!target->authority.empty()) {
    args.SetString(GRPC_ARG_DEFAULT_AUTHORITY, target->authority);
  }
  return grpc::CreateCustomChannel(target->target, *credentials, args);
}

}  // namespace kinerja::sdk
