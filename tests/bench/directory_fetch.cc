#include "tests/bench/directory_fetch.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace kinerja::bench {
namespace {

constexpr int kPageSize = 1000;
// A guard against a server that never stops paging: far more pages than any benchmark needs.
constexpr int kMaxPages = 2000;

// Calls `list(ctx, token, &next)` page after page until the token is empty, a token repeats, or
// `enough()` says so. `list` appends what it reads and returns the call status.
template <typename ListPage, typename Enough>
absl::Status Paginate(const char* method, const FetchOptions& options, ListPage list,
                      Enough enough) {
  std::string token;
  absl::flat_hash_set<std::string> seen_tokens;
  for (int page = 0; page < kMaxPages; ++page) {
    grpc::ClientContext ctx;
    PrepareContext(ctx, options.deadline, options.metadata);
    std::string next;
    grpc::Status status = list(ctx, token, next);
    if (!status.ok()) {
      return absl::UnavailableError(absl::StrCat(method, " failed: ", DescribeStatus(status)));
    }
    if (next.empty() || enough()) return absl::OkStatus();
    if (!seen_tokens.insert(next).second) {
      return absl::InternalError(absl::StrCat(method, " returned the same page token twice"));
    }
    token = std::move(next);
  }
  return absl::InternalError(absl::StrCat(method, " did not finish within ", kMaxPages, " pages"));
}

}  // namespace

absl::StatusOr<std::vector<std::string>> FetchEmployeeNips(v1::DirectoryService::Stub& stub,
                                                           size_t max_count,
                                                           const FetchOptions& options) {
  std::vector<std::string> nips;
  absl::Status st = Paginate(
      "ListEmployees", options,
      [&](grpc::ClientContext& ctx, const std::string& token, std::string& next) {
        v1::ListEmployeesRequest req;
        req.set_page_size(kPageSize);
        req.set_page_token(token);
        v1::ListEmployeesResponse resp;
        grpc::Status status = stub.ListEmployees(&ctx, req, &resp);
        for (const v1::Employee& e : resp.employees()) {
          if (nips.size() >= max_count) break;
          // The NIP, or failing that the resource name "employees/{nip}".
          absl::string_view nip = e.nip();
          if (nip.empty()) nip = absl::StripPrefix(e.name(), "employees/");
          if (!nip.empty()) nips.emplace_back(nip);
        }
        next = resp.next_page_token();
        return status;
      },
      [&] { return nips.size() >= max_count; });
  if (!st.ok()) return st;
  return nips;
}

absl::StatusOr<std::vector<std::string>> FetchOpdCodes(v1::DirectoryService::Stub& stub,
                                                       const FetchOptions& options) {
  std::vector<std::string> codes;
  absl::Status st = Paginate(
      "ListOpds", options,
      [&](grpc::ClientContext& ctx, const std::string& token, std::string& next) {
        v1::ListOpdsRequest req;
        req.set_page_size(kPageSize);
        req.set_page_token(token);
        v1::ListOpdsResponse resp;
        grpc::Status status = stub.ListOpds(&ctx, req, &resp);
        for (const v1::Opd& o : resp.opds()) codes.push_back(o.code());
        next = resp.next_page_token();
        return status;
      },
      [] { return false; });
  if (!st.ok()) return st;
  return codes;
}

absl::StatusOr<std::vector<std::string>> FetchPositionCodes(v1::DirectoryService::Stub& stub,
                                                            v1::PositionKind kind,
                                                            const FetchOptions& options) {
  std::vector<std::string> codes;
  absl::Status st = Paginate(
      "ListPositions", options,
      [&](grpc::ClientContext& ctx, const std::string& token, std::string& next) {
        v1::ListPositionsRequest req;
        req.set_page_size(kPageSize);
        req.set_page_token(token);
        req.set_kind(kind);
        v1::ListPositionsResponse resp;
        grpc::Status status = stub.ListPositions(&ctx, req, &resp);
        for (const v1::Position& p : resp.positions()) {
          // Guard against a server that ignores the filter: a single-holder kind would conflict.
          if (p.kind() == kind) codes.push_back(p.code());
        }
        next = resp.next_page_token();
        return status;
      },
      [] { return false; });
  if (!st.ok()) return st;
  return codes;
}

}  // namespace kinerja::bench
