// What the load generator calls: one scenario per RPC, each starting one unary callback call at a
// time per slot. A scenario owns the request and response of each slot, so a slot (at most one call
// in flight) reuses them without allocation.
#ifndef KINERJA_TESTS_BENCH_LOADGEN_SCENARIOS_H_
#define KINERJA_TESTS_BENCH_LOADGEN_SCENARIOS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "tests/bench/directory_fetch.h"

namespace kinerja::bench {

class Scenario {
 public:
  using Done = std::function<void(grpc::Status)>;
  virtual ~Scenario() = default;

  // Starts call number `seq` on `slot` (0 <= slot < the concurrency given at creation) with `ctx`,
  // which lives until `done` runs. The previous call of the slot has completed.
  virtual void Start(size_t slot, uint64_t seq, grpc::ClientContext* ctx, Done done) = 0;

  // Facts about the data the scenario cycles through, as `"key":value` JSON members.
  virtual std::vector<std::string> Describe() const { return {}; }
};

struct ScenarioOptions {
  std::string name;  // ping, get_employee, list_employees, get_skp
  size_t concurrency = 32;
  size_t max_nips = 20000;    // get_employee: how many NIPs to cycle through
  std::string nip_cache_file; // get_employee: read NIPs from here if it exists, else write them
  std::string skp_names_file; // get_skp: "employees/{nip}/skps/{id}", one a line
  int list_page_size = 50;    // list_employees
  FetchOptions fetch;         // for the set-up calls
};

// Creates the scenario; the set-up calls (ListEmployees, ListOpds) go over the first channel. Calls
// of slot i go over channel i % channels.size().
absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(
    const ScenarioOptions& options, const std::vector<std::shared_ptr<grpc::Channel>>& channels);

// The NIPs get_employee cycles through (options.max_nips, options.nip_cache_file, options.fetch),
// fetched over `channel` when the cache file does not exist yet. Also used by the HTTP scenario.
absl::StatusOr<std::vector<std::string>> LoadEmployeeNips(
    const ScenarioOptions& options, const std::shared_ptr<grpc::Channel>& channel);

}  // namespace kinerja::bench

#endif  // KINERJA_TESTS_BENCH_LOADGEN_SCENARIOS_H_
