#include "kinerja/sdk/options.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "client_sdk/src/channel_target.h"
#include "client_sdk/src/method_names.h"
#include "kinerja/sdk/version.h"

namespace kinerja::sdk {
namespace {

// Metadata values must be printable ASCII; credentials also have no spaces.
bool IsPrintable(absl::string_view s, bool allow_space) {
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || (!allow_space && u == ' ')) return false;
  }
  return true;
}

absl::Status CheckPemOrFile(absl::string_view what, const std::string& pem,
                            const std::string& file) {
  if (!pem.empty() && !file.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("tls: give ", what, "_pem or ", what, "_file, not both"));
  }
  return absl::OkStatus();
}

absl::Status ValidateTls(const TlsOptions& tls) {
  const bool any_set = !tls.ca_pem.empty() || !tls.ca_file.empty() ||
                       !tls.client_cert_pem.empty() || !tls.client_key_pem.empty() ||
                       !tls.client_cert_file.empty() || !tls.client_key_file.empty() ||
                       !tls.server_name_override.empty();
  if (!tls.enabled) {
    if (any_set) {
      return absl::InvalidArgumentError(
          "tls: certificates or a server name are set but tls.enabled is false");
    }
    return absl::OkStatus();
  }
  if (absl::Status st = CheckPemOrFile("ca", tls.ca_pem, tls.ca_file); !st.ok()) return st;
  if (absl::Status st = CheckPemOrFile("client_cert", tls.client_cert_pem, tls.client_cert_file);
      !st.ok()) {
    return st;
  }
  if (absl::Status st = CheckPemOrFile("client_key", tls.client_key_pem, tls.client_key_file);
      !st.ok()) {
    return st;
  }
  const bool has_cert = !tls.client_cert_pem.empty() || !tls.client_cert_file.empty();
  const bool has_key = !tls.client_key_pem.empty() || !tls.client_key_file.empty();
  if (has_cert != has_key) {
    return absl::InvalidArgumentError(
        "tls: a client certificate needs its private key, and a key its certificate");
  }
  if (!IsPrintable(tls.server_name_override, /*allow_space=*/false)) {
    return absl::InvalidArgumentError("tls.server_name_override must be a host name");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateCallOptions(const Options& options) {
  if (!options.session_token.empty() && !options.api_key.empty()) {
    return absl::InvalidArgumentError("give session_token or api_key, not both");
  }
  if (!IsPrintable(options.session_token, /*allow_space=*/false)) {
    return absl::InvalidArgumentError("session_token must be printable ASCII without spaces");
  }
  if (!IsPrintable(options.api_key, /*allow_space=*/false)) {
    return absl::InvalidArgumentError("api_key must be printable ASCII without spaces");
  }
  if (options.default_deadline <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("default_deadline must be positive");
  }
  if (options.stream_deadline <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("stream_deadline must be positive");
  }
  if (!IsPrintable(options.user_agent_prefix, /*allow_space=*/true)) {
    return absl::InvalidArgumentError("user_agent_prefix must be printable ASCII");
  }
  if (options.max_receive_message_bytes <= 0) {
    return absl::InvalidArgumentError("max_receive_message_bytes must be positive");
  }
  if (absl::Status st = ValidateRetryPolicy(options.retry); !st.ok()) return st;
  for (const auto& [method, idempotency] : options.idempotency_overrides) {
    absl::string_view name = method;
    absl::ConsumePrefix(&name, "/");
    if (!internal::IsKinerjaMethod(name)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "idempotency_overrides: '", method,
          "' is not a Kinerja method (expected e.g. \"kinerja.v1.DirectoryService/CreateOpd\")"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateOptions(const Options& options) {
  if (absl::Status st = internal::ChannelTargetFor(options.endpoints).status(); !st.ok()) {
    return st;
  }
  if (absl::Status st = ValidateTls(options.tls); !st.ok()) return st;
  return ValidateCallOptions(options);
}

std::string UserAgentPrefix(const Options& options) {
  const std::string sdk = absl::StrCat("kinerja-sdk/", kVersion);
  if (options.user_agent_prefix.empty()) return sdk;
  return absl::StrCat(options.user_agent_prefix, " ", sdk);
}

}  // namespace kinerja::sdk
