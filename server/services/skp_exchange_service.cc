// SkpService's exchange with BKN's e-Kinerja: ExportSkps and ImportSkps (docs/skp-exchange.md).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "server/core/status_details.h"
#include "server/domain/nip.h"
#include "server/domain/skp_exchange.h"
#include "server/services/request_fields.h"
#include "server/services/skp_service.h"

namespace kinerja::services {
namespace {

constexpr char kService[] = "SkpService";
constexpr size_t kMaxImportBytes = 16u << 20;
constexpr size_t kMaxViolations = 100;

absl::StatusOr<v1::SkpExchangeFile> ParseFile(const v1::ImportSkpsRequest& req) {
  if (req.content().size() > kMaxImportBytes) {
    return core::FieldError("content", "at most 16 MiB");
  }
  if (req.format() == v1::EXCHANGE_FORMAT_CSV) {
    auto file = domain::ParseExchangeCsv(req.content());
    if (!file.ok()) return core::FieldError("content", file.status().message());
    return file;
  }
  v1::SkpExchangeFile file;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto st = google::protobuf::util::JsonStringToMessage(req.content(), &file, options);
  if (!st.ok()) return core::FieldError("content", absl::StrCat("not an exchange file: ", st.message().as_string()));
  if (file.format_version() != domain::kExchangeFormatVersion) {
    return core::FieldError("content", absl::StrCat("format_version must be '",
                                                    domain::kExchangeFormatVersion, "'"));
  }
  return file;
}

}  // namespace

grpc::ServerUnaryReactor* SkpServiceImpl::ExportSkps(grpc::CallbackServerContext* ctx,
                                                     const v1::ExportSkpsRequest* req,
                                                     v1::ExportSkpsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto opd_year = OpdYearFor(call, req->name());
    if (!opd_year.ok()) return opd_year.status();
    auto plans = repo_.OpdYearPlans(opd_year->opd, opd_year->year, deadline);
    if (!plans.ok()) return plans.status();
    v1::SkpExchangeFile file;
    file.set_format_version(domain::kExchangeFormatVersion);
    for (const v1::Skp& skp : plans->skps) {
      auto ref = ParseSkpName(skp.name(), "name");
      const std::string evaluator(absl::StripPrefix(skp.evaluation().evaluator(), "employees/"));
      *file.add_skp() = domain::ToExchangeRecord(skp, ref.ok() ? ref->nip : "", evaluator,
                                                 plans->intervensi_texts);
    }
    resp->set_skps(file.skp_size());
    if (req->format() == v1::EXCHANGE_FORMAT_CSV) {
      resp->set_content_type("text/csv; charset=utf-8");
      resp->set_content(domain::ExchangeCsv(file));
      return absl::OkStatus();
    }
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    options.add_whitespace = true;
    std::string json;
    if (auto st = google::protobuf::util::MessageToJsonString(file, &json, options); !st.ok()) {
      return absl::InternalError(st.message().as_string());
    }
    resp->set_content_type("application/json");
    resp->set_content(std::move(json));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* SkpServiceImpl::ImportSkps(grpc::CallbackServerContext* ctx,
                                                     const v1::ImportSkpsRequest* req,
                                                     v1::ImportSkpsResponse* resp) {
  return guard_.Run(ctx, KINERJA_METHOD(kService), [this, req, resp](const CallInfo& call,
                                                                     absl::Time deadline) {
    auto opd_year = OpdYearFor(call, req->name());
    if (!opd_year.ok()) return opd_year.status();
    auto file = ParseFile(*req);
    if (!file.ok()) return file.status();
    const absl::CivilDay today = clock_.TodayInJakarta();
    struct Ready {
      storage::SkpAssignment assignment;
      v1::Skp draft;
    };
    std::vector<Ready> ready;
    std::vector<domain::Violation> violations;
    int skipped = 0;
    for (int i = 0; i < file->skp_size() && violations.size() < kMaxViolations; ++i) {
      const v1::SkpExchangeRecord& r = file->skp(i);
      const std::string f = absl::StrCat("skp[", i, "]");
      if (!domain::ParseNip(r.nip()).ok()) {
        violations.push_back({f + ".nip", "not a valid NIP"});
        continue;
      }
      if (r.tahun() != opd_year->year || r.unit_kerja() != opd_year->opd) {
        violations.push_back({f, absl::StrCat("the file is imported into ", opd_year->opd, " for ",
                                              opd_year->year, "; this plan says ", r.unit_kerja(),
                                              " for ", r.tahun())});
        continue;
      }
      auto assignment = repo_.ActiveAssignment(r.nip(), today, deadline);
      if (!assignment.ok()) {
        violations.push_back({f + ".nip", std::string(assignment.status().message())});
        continue;
      }
      if (assignment->opd_code != opd_year->opd) {
        violations.push_back({f + ".nip", absl::StrCat("works in ", assignment->opd_code, " today")});
        continue;
      }
      auto existing = repo_.CurrentSkp(r.nip(), r.tahun(), today, deadline);
      if (!existing.ok()) return existing.status();
      if (*existing) {
        ++skipped;
        continue;
      }
      auto superior = SuperiorPlanOf(r.nip(), r.tahun(), deadline);
      if (!superior.ok()) return superior.status();
      const domain::PlanContext context = ContextFrom(*assignment, *superior);
      absl::flat_hash_map<std::string, std::string> by_text;
      if (superior->plan) {
        for (const v1::Rhk& rhk : superior->plan->rhks()) by_text.emplace(rhk.text(), rhk.id());
      }
      Ready item{*assignment, {}};
      std::vector<domain::Violation> own = domain::RecordToDraft(r, i, by_text, &item.draft);
      for (auto& v : domain::CheckPlanDraft(item.draft, context)) {
        own.push_back({absl::StrCat(f, ".", v.field), v.description});
      }
      if (own.empty()) {
        ready.push_back(std::move(item));
      } else {
        for (auto& v : own) violations.push_back(std::move(v));
      }
    }
    if (!violations.empty()) {
      return core::InvalidArgumentWithViolations("the file has errors; nothing was imported", violations);
    }
    resp->set_skps(file->skp_size());
    resp->set_skipped_existing(skipped);
    if (req->validate_only()) return absl::OkStatus();
    int created = 0;
    for (const Ready& item : ready) {
      auto skp = repo_.Create(item.assignment, item.draft, "", call.audit, deadline);
      if (absl::IsAlreadyExists(skp.status())) {
        resp->set_skipped_existing(resp->skipped_existing() + 1);
        continue;
      }
      if (!skp.ok()) return skp.status();
      ++created;
    }
    resp->set_created(created);
    resp->set_applied(true);
    return absl::OkStatus();
  });
}

}  // namespace kinerja::services
