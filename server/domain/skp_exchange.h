// The SKP exchange file for BKN's e-Kinerja (docs/skp-exchange.md): a plan as e-Kinerja shows it
// (the employee, the period, the approach, the hasil kerja with the superior's RHK they intervene
// in and their indicators, the behaviour expectations, the ratings), to and from CSV, and back into
// a draft plan. JSON is the proto's own mapping of v1::SkpExchangeFile.
#ifndef KINERJA_SERVER_DOMAIN_SKP_EXCHANGE_H_
#define KINERJA_SERVER_DOMAIN_SKP_EXCHANGE_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/v1/skp.pb.h"
#include "server/domain/violation.h"

namespace kinerja::domain {

inline constexpr char kExchangeFormatVersion[] = "kinerja-skp-1";

// One plan as a record. `rhk_texts` maps RHK ids ("rhk-7") to their text, for the intervensi.
v1::SkpExchangeRecord ToExchangeRecord(const v1::Skp& skp, absl::string_view nip,
                                       absl::string_view evaluator_nip,
                                       const absl::flat_hash_map<std::string, std::string>& rhk_texts);

// One row per indicator (a plan or an RHK without any still gets a row), with a header; the
// expectations are JSON-only.
std::string ExchangeCsv(const v1::SkpExchangeFile& file);

// The CSV back into records: rows of one plan share nip and tahun and come together, rows of one
// RHK share rhk_no. INVALID_ARGUMENT with a violation per bad line.
absl::StatusOr<v1::SkpExchangeFile> ParseExchangeCsv(absl::string_view csv);

// A record as a draft plan (approach and RHK with IKI). `superior_rhk_ids` maps the text of each of
// the superior's approved RHK to its id; an intervensi text that matches none is a violation, as is
// an unknown enum name. Field names like "skp[3].hasil_kerja[0].indikator[1].aspek".
std::vector<Violation> RecordToDraft(const v1::SkpExchangeRecord& record, int index,
                                     const absl::flat_hash_map<std::string, std::string>& superior_rhk_ids,
                                     v1::Skp* draft);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_SKP_EXCHANGE_H_
