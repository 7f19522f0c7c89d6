// The benchmark tools only ever talk to this machine: every target must be a loopback address.
#ifndef KINERJA_TESTS_BENCH_LOOPBACK_H_
#define KINERJA_TESTS_BENCH_LOOPBACK_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace kinerja::bench {

// Checks a gRPC target of the form HOST:PORT, where HOST is "localhost", an IPv4 address in
// 127.0.0.0/8 or "[::1]", and PORT is 1..65535. "localhost" must also resolve to loopback addresses
// only. Anything else (other hosts, name-resolver schemes, unix sockets) is INVALID_ARGUMENT.
absl::Status CheckLoopbackTarget(absl::string_view target);

// Checks a bare host (for a database): "localhost", 127.0.0.0/8 or "::1".
absl::Status CheckLoopbackHost(absl::string_view host);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_LOOPBACK_H_
