// Maps what the repository read about an OPD's year into the API's reports: the summary with its
// quota report, and the cascade tree with its gaps.
#ifndef KINERJA_SERVER_SERVICES_SKP_REPORTS_H_
#define KINERJA_SERVER_SERVICES_SKP_REPORTS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "kinerja/v1/skp.pb.h"
#include "server/storage/skp_repository.h"

namespace kinerja::services {

// The quota of the OPD's organisation predikat checked against its evaluated plans. Not satisfied
// while no organisation predikat is entered.
v1::QuotaReport QuotaReportOf(const storage::OpdYearFacts& facts);

// The predikat counts, each predikat once, in the matrix's order.
void AddPredikatCounts(const domain::PredikatCounts& counts,
                       google::protobuf::RepeatedPtrField<v1::PredikatCount>* out);

v1::OpdSkpSummary SummaryOf(const std::string& name, const storage::OpdYearFacts& facts);

v1::Cascade CascadeOf(const std::string& name, const std::vector<storage::CascadeRow>& rows);

}  // namespace kinerja::services

#endif  // KINERJA_SERVER_SERVICES_SKP_REPORTS_H_
