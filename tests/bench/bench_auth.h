// Signing in for the gRPC benchmark tools: --login_nip NIP with the password in the environment
// variable KINERJA_BENCH_PASSWORD (never a flag: flags show up in `ps`). The session token goes
// into the call metadata as "authorization: Bearer <token>", like any client's.
#ifndef KINERJA_TESTS_BENCH_BENCH_AUTH_H_
#define KINERJA_TESTS_BENCH_BENCH_AUTH_H_

#include <chrono>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "tests/bench/grpc_setup.h"

namespace kinerja::bench {

inline constexpr char kBenchPasswordEnv[] = "KINERJA_BENCH_PASSWORD";

// When `nip` is not empty: signs in over `channel` (IdentityService.Login) with the password in
// KINERJA_BENCH_PASSWORD and appends the authorization header to `metadata`. Fails when the
// variable is unset, when `metadata` already has an authorization header, or when Login fails or
// asks for a password change first. An empty `nip` leaves `metadata` alone (no credentials).
absl::Status SignInIfAsked(const std::shared_ptr<grpc::Channel>& channel, const std::string& nip,
                           std::chrono::milliseconds deadline, Metadata* metadata);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_BENCH_AUTH_H_
