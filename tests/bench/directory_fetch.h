// Reads what the benchmarks need from a running DirectoryService, page by page (blocking calls).
#ifndef KINERJA_TESTS_BENCH_DIRECTORY_FETCH_H_
#define KINERJA_TESTS_BENCH_DIRECTORY_FETCH_H_

#include <chrono>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kinerja/v1/common.pb.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "tests/bench/grpc_setup.h"

namespace kinerja::bench {

struct FetchOptions {
  Metadata metadata;
  std::chrono::milliseconds deadline{10000};  // per page
};

// Up to `max_count` employee NIPs, in the server's list order (ListEmployees, 1000 per page).
absl::StatusOr<std::vector<std::string>> FetchEmployeeNips(v1::DirectoryService::Stub& stub,
                                                           size_t max_count,
                                                           const FetchOptions& options);

// Every OPD code (ListOpds).
absl::StatusOr<std::vector<std::string>> FetchOpdCodes(v1::DirectoryService::Stub& stub,
                                                       const FetchOptions& options);

// Every position code of the given kind (ListPositions filtered by kind).
absl::StatusOr<std::vector<std::string>> FetchPositionCodes(v1::DirectoryService::Stub& stub,
                                                            v1::PositionKind kind,
                                                            const FetchOptions& options);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_DIRECTORY_FETCH_H_
