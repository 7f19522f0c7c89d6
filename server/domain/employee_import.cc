#include "server/domain/employee_import.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/domain/civil_date.h"
#include "server/domain/csv.h"
#include "server/domain/nip.h"
#include "server/domain/position_rules.h"

namespace kinerja::domain {
namespace {

std::string FieldAt(int line, absl::string_view column) {
  return absl::StrCat("csv[line=", line, "].", column);
}

std::optional<v1::EmployeeType> ParseType(absl::string_view s) {
  if (s == "PNS") return v1::PNS;
  if (s == "PPPK") return v1::PPPK;
  return std::nullopt;
}

std::optional<v1::EmployeeStatus> ParseStatus(absl::string_view s) {
  if (s.empty() || s == "AKTIF") return v1::ACTIVE;
  if (s == "NONAKTIF") return v1::INACTIVE;
  return std::nullopt;
}

std::optional<v1::AssignmentReason> ParseReason(absl::string_view s) {
  if (s.empty()) return v1::ASSIGNMENT_REASON_UNSPECIFIED;
  if (s == "AWAL") return v1::INITIAL;
  if (s == "MUTASI") return v1::MUTASI;
  if (s == "PROMOSI") return v1::PROMOSI;
  if (s == "DEMOSI") return v1::DEMOSI;
  return std::nullopt;
}

}  // namespace

ParsedImport ParseEmployeeCsv(absl::string_view csv, int max_rows) {
  ParsedImport out;
  auto records = ParseCsv(csv);
  if (!records.ok()) {
    out.violations.push_back({"csv", std::string(records.status().message())});
    return out;
  }
  if (records->empty()) {
    out.violations.push_back({"csv", "the file is empty; expected a header row and data rows"});
    return out;
  }
  // Header: column names in any order, case-insensitive; jenis_mutasi and status are optional.
  constexpr int kColumns = std::size(kImportColumns);
  int index[kColumns];
  std::fill(std::begin(index), std::end(index), -1);
  const CsvRecord& header = records->front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(header.fields[i]));
    bool known = false;
    for (int c = 0; c < kColumns; ++c) {
      if (name == kImportColumns[c]) {
        if (index[c] >= 0) {
          out.violations.push_back(
              {FieldAt(header.line, name), "the column appears twice in the header"});
        }
        index[c] = static_cast<int>(i);
        known = true;
      }
    }
    if (!known) {
      out.violations.push_back({FieldAt(header.line, name.empty() ? "(empty)" : name),
                                "unknown column; see docs/csv-import.md for the layout"});
    }
  }
  for (int c : {0, 1, 2, 4, 5}) {
    if (index[c] < 0) {
      out.violations.push_back({FieldAt(header.line, kImportColumns[c]),
                                "required column is missing from the header"});
    }
  }
  if (!out.violations.empty()) return out;
  if (static_cast<int64_t>(records->size()) - 1 > max_rows) {
    out.violations.push_back(
        {"csv", absl::StrCat("the file has ", records->size() - 1, " rows; at most ", max_rows,
                             " are accepted in one import")});
    return out;
  }

  absl::flat_hash_map<std::string, int> first_line_of_nip;
  out.rows.reserve(records->size() - 1);
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    const int line = rec.line;
    if (rec.fields.size() != header.fields.size()) {
      out.violations.push_back(
          {FieldAt(line, "*"), absl::StrCat("the row has ", rec.fields.size(), " fields; the header has ",
                                            header.fields.size())});
      continue;
    }
    auto get = [&](int c) -> absl::string_view {
      return index[c] < 0 ? absl::string_view()
                          : absl::StripAsciiWhitespace(rec.fields[index[c]]);
    };
    const size_t before = out.violations.size();
    ImportRow row;
    row.line = line;
    row.nip = std::string(get(0));
    if (auto nip = ParseNip(row.nip); !nip.ok()) {
      out.violations.push_back({FieldAt(line, "nip"), std::string(nip.status().message())});
    }
    row.full_name = std::string(get(1));
    if (auto st = ValidateDisplayText(row.full_name, "nama"); !st.ok()) {
      out.violations.push_back({FieldAt(line, "nama"), std::string(st.message())});
    }
    if (auto t = ParseType(get(2))) {
      row.employee_type = *t;
    } else {
      out.violations.push_back(
          {FieldAt(line, "jenis_asn"), absl::StrCat("must be PNS or PPPK; got '", get(2), "'")});
    }
    if (auto s = ParseStatus(get(3))) {
      row.status = *s;
    } else {
      out.violations.push_back({FieldAt(line, "status"),
                                absl::StrCat("must be AKTIF or NONAKTIF; got '", get(3), "'")});
    }
    row.position_code = std::string(get(4));
    if (auto st = ValidateCode(row.position_code, "kode_jabatan"); !st.ok()) {
      out.violations.push_back({FieldAt(line, "kode_jabatan"), std::string(st.message())});
    }
    if (auto d = ParseIsoDate(get(5)); d.ok()) {
      row.effective = *d;
    } else {
      out.violations.push_back({FieldAt(line, "tmt_jabatan"), std::string(d.status().message())});
    }
    if (auto reason = ParseReason(get(6))) {
      row.reason = *reason;
    } else {
      out.violations.push_back(
          {FieldAt(line, "jenis_mutasi"),
           absl::StrCat("must be AWAL, MUTASI, PROMOSI or DEMOSI; got '", get(6), "'")});
    }
    if (out.violations.size() == before) out.rows.push_back(std::move(row));
  }
  // Rows of one NIP must agree on the person's own data.
  absl::flat_hash_map<std::string, const ImportRow*> person;
  for (const ImportRow& row : out.rows) {
    auto [it, inserted] = person.emplace(row.nip, &row);
    if (inserted) continue;
    const ImportRow& first = *it->second;
    if (first.full_name != row.full_name || first.employee_type != row.employee_type ||
        first.status != row.status) {
      out.violations.push_back(
          {FieldAt(row.line, "nama"),
           absl::StrCat("NIP ", row.nip, " has different name, type or status on line ", first.line)});
    }
  }
  return out;
}

ImportPlan PlanImport(const std::vector<ImportRow>& rows, const ImportSnapshot& snapshot) {
  ImportPlan plan;
  // Group rows by NIP, in order of effective date (then line).
  std::vector<const ImportRow*> sorted;
  sorted.reserve(rows.size());
  for (const ImportRow& r : rows) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(), [](const ImportRow* a, const ImportRow* b) {
    if (a->nip != b->nip) return a->nip < b->nip;
    if (a->effective != b->effective) return a->effective < b->effective;
    return a->line < b->line;
  });

  // New spans on single-holder positions, and closes of existing ones, for the one-holder check.
  struct NewSpan {
    int line;
    std::string nip;
    int64_t position_id;
    size_t open_index;
  };
  std::vector<NewSpan> new_single_spans;
  absl::flat_hash_map<int64_t, absl::CivilDay> closed_existing;  // assignment id -> new end

  size_t i = 0;
  while (i < sorted.size()) {
    const std::string& nip = sorted[i]->nip;
    size_t j = i;
    while (j < sorted.size() && sorted[j]->nip == nip) ++j;

    auto emp_it = snapshot.employees.find(nip);
    const EmployeeRecord* existing = emp_it == snapshot.employees.end() ? nullptr : &emp_it->second;
    std::optional<AssignmentSpan> latest = existing ? existing->latest : std::nullopt;
    std::optional<size_t> latest_open_index;  // latest is a span opened by this file
    bool person_changed = false;
    const ImportRow& person = *sorted[i];
    if (!existing) {
      plan.new_employees.push_back({nip, person.full_name, person.employee_type, person.status});
      person_changed = true;
    } else if (existing->full_name != person.full_name ||
               existing->employee_type != person.employee_type ||
               existing->status != person.status) {
      plan.employee_updates.push_back(
          {existing->id, person.full_name, person.employee_type, person.status});
      person_changed = true;
    }

    for (size_t k = i; k < j; ++k) {
      const ImportRow& row = *sorted[k];
      auto pos = snapshot.positions.find(row.position_code);
      if (pos == snapshot.positions.end()) {
        plan.violations.push_back({FieldAt(row.line, "kode_jabatan"),
                                   absl::StrCat("unknown position '", row.position_code, "'")});
        continue;
      }
      const bool recorded =
          existing && std::any_of(existing->history.begin(), existing->history.end(),
                                  [&](const AssignmentSpan& s) {
                                    return s.position_id == pos->second.id &&
                                           s.start == row.effective;
                                  });
      if (recorded) {
        if (!(person_changed && k == i)) ++plan.rows_unchanged;
        continue;
      }
      auto decided = PlanAssignment(latest, pos->second.id, row.effective);
      if (!decided.ok()) {
        plan.violations.push_back(
            {FieldAt(row.line, "tmt_jabatan"), std::string(decided.status().message())});
        continue;
      }
      if (decided->change == AssignmentChange::kUnchanged) {
        if (!(person_changed && k == i)) ++plan.rows_unchanged;
        continue;
      }
      if (decided->change == AssignmentChange::kTransferred) {
        if (latest_open_index) {
          plan.opens[*latest_open_index].end = decided->close_on;
        } else {
          plan.closes.push_back({decided->close_assignment_id, decided->close_on});
          closed_existing[decided->close_assignment_id] = decided->close_on;
        }
      }
      AssignmentOpen open;
      open.nip = nip;
      open.position_id = pos->second.id;
      open.opd_id = pos->second.opd_id;
      open.start = row.effective;
      open.reason = row.reason != v1::ASSIGNMENT_REASON_UNSPECIFIED ? row.reason
                    : latest                                         ? v1::MUTASI
                                                                     : v1::INITIAL;
      latest_open_index = plan.opens.size();
      plan.opens.push_back(open);
      latest = AssignmentSpan{-1, pos->second.id, row.effective, std::nullopt};
      if (IsSingleHolder(pos->second.kind)) {
        new_single_spans.push_back({row.line, nip, pos->second.id, *latest_open_index});
      }
    }
    i = j;
  }

  // One definitive holder at a time on JPT/Administrator/Pengawas positions.
  for (const NewSpan& ns : new_single_spans) {
    const AssignmentOpen& open = plan.opens[ns.open_index];
    auto overlaps = [&](absl::CivilDay s, std::optional<absl::CivilDay> e) {
      const bool starts_before_end = !open.end || s <= *open.end;
      const bool ends_after_start = !e || *e >= open.start;
      return starts_before_end && ends_after_start;
    };
    bool conflict = false;
    std::string holder;
    if (auto it = snapshot.single_holder_spans.find(ns.position_id);
        it != snapshot.single_holder_spans.end()) {
      for (const HolderSpan& h : it->second) {
        if (h.nip == ns.nip) continue;
        std::optional<absl::CivilDay> end = h.span.end;
        if (auto c = closed_existing.find(h.span.id); c != closed_existing.end()) end = c->second;
        if (overlaps(h.span.start, end)) {
          conflict = true;
          holder = h.nip;
          break;
        }
      }
    }
    for (const NewSpan& other : new_single_spans) {
      if (conflict) break;
      if (other.nip == ns.nip || other.position_id != ns.position_id) continue;
      const AssignmentOpen& o = plan.opens[other.open_index];
      if (overlaps(o.start, o.end)) {
        conflict = true;
        holder = o.nip;
      }
    }
    if (conflict) {
      plan.violations.push_back(
          {FieldAt(ns.line, "kode_jabatan"),
           absl::StrCat("the position is held by NIP ", holder,
                        " on that date; a JPT, Administrator or Pengawas position has one holder")});
    }
  }
  return plan;
}

}  // namespace kinerja::domain
