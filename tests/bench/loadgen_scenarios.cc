#include "tests/bench/loadgen_scenarios.h"

#include <cstdio>
#include <fstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "kinerja/v1/diagnostics.grpc.pb.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "kinerja/v1/skp.grpc.pb.h"

namespace kinerja::bench {
namespace {

// Per-slot request and response buffers, and one stub per channel.
template <typename Service, typename Request, typename Response>
class SlotScenario : public Scenario {
 protected:
  SlotScenario(const std::vector<std::shared_ptr<grpc::Channel>>& channels, size_t concurrency)
      : requests_(concurrency), responses_(concurrency) {
    for (const auto& channel : channels) stubs_.push_back(Service::NewStub(channel));
  }
  typename Service::Stub& StubFor(size_t slot) { return *stubs_[slot % stubs_.size()]; }

  std::vector<std::unique_ptr<typename Service::Stub>> stubs_;
  std::vector<Request> requests_;
  std::vector<Response> responses_;
};

class PingScenario final
    : public SlotScenario<v1::DiagnosticsService, v1::PingRequest, v1::PingResponse> {
 public:
  PingScenario(const std::vector<std::shared_ptr<grpc::Channel>>& channels, size_t concurrency)
      : SlotScenario(channels, concurrency) {
    for (v1::PingRequest& r : requests_) r.set_payload("kinerja-bench");
  }
  void Start(size_t slot, uint64_t, grpc::ClientContext* ctx, Done done) override {
    responses_[slot].Clear();
    StubFor(slot).async()->Ping(ctx, &requests_[slot], &responses_[slot], std::move(done));
  }
};

class GetEmployeeScenario final : public SlotScenario<v1::DirectoryService,
                                                      v1::GetEmployeeRequest, v1::Employee> {
 public:
  GetEmployeeScenario(const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                      size_t concurrency, std::vector<std::string> nips)
      : SlotScenario(channels, concurrency) {
    names_.reserve(nips.size());
    for (const std::string& nip : nips) names_.push_back(absl::StrCat("employees/", nip));
  }
  void Start(size_t slot, uint64_t seq, grpc::ClientContext* ctx, Done done) override {
    requests_[slot].set_name(names_[seq % names_.size()]);
    responses_[slot].Clear();
    StubFor(slot).async()->GetEmployee(ctx, &requests_[slot], &responses_[slot], std::move(done));
  }
  std::vector<std::string> Describe() const override {
    return {absl::StrCat("\"nips\":", names_.size())};
  }

 private:
  std::vector<std::string> names_;  // "employees/{nip}"
};

class ListEmployeesScenario final
    : public SlotScenario<v1::DirectoryService, v1::ListEmployeesRequest,
                          v1::ListEmployeesResponse> {
 public:
  ListEmployeesScenario(const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                        size_t concurrency, std::vector<std::string> opds, int page_size)
      : SlotScenario(channels, concurrency), opds_(std::move(opds)) {
    for (v1::ListEmployeesRequest& r : requests_) r.set_page_size(page_size);
  }
  void Start(size_t slot, uint64_t seq, grpc::ClientContext* ctx, Done done) override {
    requests_[slot].set_opd(opds_[seq % opds_.size()]);
    responses_[slot].Clear();
    StubFor(slot).async()->ListEmployees(ctx, &requests_[slot], &responses_[slot],
                                         std::move(done));
  }
  std::vector<std::string> Describe() const override {
    return {absl::StrCat("\"opds\":", opds_.size())};
  }

 private:
  std::vector<std::string> opds_;
};

class GetSkpScenario final
    : public SlotScenario<v1::SkpService, v1::GetSkpRequest, v1::Skp> {
 public:
  GetSkpScenario(const std::vector<std::shared_ptr<grpc::Channel>>& channels, size_t concurrency,
                 std::vector<std::string> names)
      : SlotScenario(channels, concurrency), names_(std::move(names)) {}
  void Start(size_t slot, uint64_t seq, grpc::ClientContext* ctx, Done done) override {
    requests_[slot].set_name(names_[seq % names_.size()]);
    responses_[slot].Clear();
    StubFor(slot).async()->GetSkp(ctx, &requests_[slot], &responses_[slot], std::move(done));
  }
  std::vector<std::string> Describe() const override {
    return {absl::StrCat("\"skps\":", names_.size())};
  }

 private:
  std::vector<std::string> names_;  // "employees/{nip}/skps/{id}"
};

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view v = absl::StripAsciiWhitespace(line);
    if (!v.empty()) lines.emplace_back(v);
  }
  return lines;
}

absl::Status WriteLines(const std::string& path, const std::vector<std::string>& lines) {
  const std::string tmp = absl::StrCat(path, ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const std::string& l : lines) out << l << '\n';
    if (!out.flush()) return absl::InternalError(absl::StrCat("cannot write ", tmp));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("cannot rename ", tmp, " to ", path));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> LoadNips(const ScenarioOptions& options,
                                                  v1::DirectoryService::Stub& stub) {
  if (!options.nip_cache_file.empty()) {
    std::vector<std::string> cached = ReadLines(options.nip_cache_file);
    if (!cached.empty()) {
      if (cached.size() > options.max_nips) cached.resize(options.max_nips);
      return cached;
    }
  }
  auto nips = FetchEmployeeNips(stub, options.max_nips, options.fetch);
  if (!nips.ok()) return nips.status();
  if (!options.nip_cache_file.empty() && !nips->empty()) {
    if (absl::Status st = WriteLines(options.nip_cache_file, *nips); !st.ok()) return st;
  }
  return nips;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> LoadEmployeeNips(
    const ScenarioOptions& options, const std::shared_ptr<grpc::Channel>& channel) {
  auto directory = v1::DirectoryService::NewStub(channel);
  auto nips = LoadNips(options, *directory);
  if (!nips.ok()) return nips.status();
  if (nips->empty()) {
    return absl::FailedPreconditionError(
        "ListEmployees returned no employees; load demo data first");
  }
  return nips;
}

absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(
    const ScenarioOptions& options, const std::vector<std::shared_ptr<grpc::Channel>>& channels) {
  if (channels.empty()) return absl::InvalidArgumentError("no channels");
  if (options.concurrency < 1) return absl::InvalidArgumentError("concurrency must be >= 1");
  if (options.name == "ping") {
    return std::make_unique<PingScenario>(channels, options.concurrency);
  }
  auto directory = v1::DirectoryService::NewStub(channels.front());
  if (options.name == "get_employee") {
    auto nips = LoadEmployeeNips(options, channels.front());
    if (!nips.ok()) return nips.status();
    return std::make_unique<GetEmployeeScenario>(channels, options.concurrency, *std::move(nips));
  }
  if (options.name == "get_skp") {
    std::vector<std::string> names = ReadLines(options.skp_names_file);
    if (names.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "get_skp needs --skp_names_file with SKP names, one a line (", options.skp_names_file, ")"));
    }
    return std::make_unique<GetSkpScenario>(channels, options.concurrency, std::move(names));
  }
  if (options.name == "list_employees") {
    auto opds = FetchOpdCodes(*directory, options.fetch);
    if (!opds.ok()) return opds.status();
    if (opds->empty()) {
      return absl::FailedPreconditionError("ListOpds returned no OPDs; load demo data first");
    }
    return std::make_unique<ListEmployeesScenario>(channels, options.concurrency, *std::move(opds),
                                                   options.list_page_size);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown scenario '", options.name,
      "'; expected ping, get_employee, get_skp or list_employees"));
}

}  // namespace kinerja::bench
