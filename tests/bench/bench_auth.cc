#include "tests/bench/bench_auth.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "kinerja/v1/identity.grpc.pb.h"

namespace kinerja::bench {

absl::Status SignInIfAsked(const std::shared_ptr<grpc::Channel>& channel, const std::string& nip,
                           std::chrono::milliseconds deadline, Metadata* metadata) {
  if (nip.empty()) return absl::OkStatus();
  const char* password = std::getenv(kBenchPasswordEnv);
  if (password == nullptr || *password == '\0') {
    return absl::InvalidArgumentError(
        absl::StrCat("--login_nip needs the password in the environment variable ",
                     kBenchPasswordEnv));
  }
  for (const auto& [key, value] : *metadata) {
    if (key == "authorization") {
      return absl::InvalidArgumentError(
          "--login_nip and an authorization entry in --metadata exclude each other");
    }
  }
  auto stub = v1::IdentityService::NewStub(channel);
  v1::LoginRequest req;
  req.set_nip(nip);
  req.set_password(password);
  v1::LoginResponse resp;
  grpc::ClientContext ctx;
  PrepareContext(ctx, deadline, {});
  const grpc::Status status = stub->Login(&ctx, req, &resp);
  if (!status.ok()) {
    return absl::UnauthenticatedError(
        absl::StrCat("Login as ", nip, " failed: ", DescribeStatus(status)));
  }
  if (resp.must_change_password()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the account ", nip, " must change its password before anything else"));
  }
  metadata->emplace_back("authorization", absl::StrCat("Bearer ", resp.session_token()));
  return absl::OkStatus();
}

}  // namespace kinerja::bench
