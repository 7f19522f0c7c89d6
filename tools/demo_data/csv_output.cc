#include "tools/demo_data/csv_output.h"

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace kinerja::demo {
namespace {

std::string Field(absl::string_view s) {
  if (s.find_first_of(",\"\r\n") == absl::string_view::npos) return std::string(s);
  return absl::StrCat("\"", absl::StrReplaceAll(s, {{"\"", "\"\""}}), "\"");
}

void AppendRecord(std::string* out, std::initializer_list<absl::string_view> fields) {
  bool first = true;
  for (absl::string_view f : fields) {
    if (!first) out->push_back(',');
    first = false;
    out->append(Field(f));
  }
  out->push_back('\n');
}

std::string Iso(absl::CivilDay d) { return absl::FormatCivilTime(d); }

const char* ReasonName(Reason r) {
  switch (r) {
    case Reason::kAwal: return "AWAL";
    case Reason::kMutasi: return "MUTASI";
    case Reason::kPromosi: return "PROMOSI";
  }
  return "";
}

absl::Status WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

}  // namespace

std::string CsvRecord(std::initializer_list<absl::string_view> fields) {
  std::string out;
  AppendRecord(&out, fields);
  return out;
}

absl::Status WriteTextFile(const std::string& path, const std::string& text) {
  return WriteFile(path, text);
}

const char* KindName(PositionKind kind) {
  switch (kind) {
    case PositionKind::kJpt: return "JPT";
    case PositionKind::kAdministrator: return "ADMINISTRATOR";
    case PositionKind::kPengawas: return "PENGAWAS";
    case PositionKind::kPelaksana: return "PELAKSANA";
    case PositionKind::kFungsional: return "FUNGSIONAL";
  }
  return "";
}

std::string ImportCsv(const DemoData& data, const std::vector<AssignmentRow>& rows, size_t begin,
                      size_t end) {
  std::string out = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";
  for (size_t i = begin; i < end && i < rows.size(); ++i) {
    const AssignmentRow& r = rows[i];
    const Person& p = data.people[r.person];
    AppendRecord(&out,
                 {p.nip, p.full_name, p.pppk ? "PPPK" : "PNS", p.active ? "AKTIF" : "NONAKTIF",
                  data.positions[r.position].code, Iso(r.start), ReasonName(r.reason)});
  }
  return out;
}

absl::Status WriteCsvFiles(const DemoData& data, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot create ", dir, ": ", ec.message()));
  const std::filesystem::path base(dir);

  std::string opds = "code,display_name,kind,has_revenue_target\n";
  for (const Opd& o : data.opds) {
    AppendRecord(&opds, {o.code, o.display_name, o.kind, o.has_revenue_target ? "true" : "false"});
  }
  std::string units = "opd,code,display_name,parent_unit\n";
  for (const Unit& u : data.units)
    AppendRecord(&units, {u.opd, u.code, u.display_name, u.parent_unit});
  std::string positions = "code,title,kind,opd,unit,superior_position\n";
  for (const Position& p : data.positions) {
    AppendRecord(&positions,
                 {p.code, p.title, KindName(p.kind), p.opd, p.unit, p.superior_position});
  }
  std::string acting = "nip,kode_jabatan,jenis,mulai,selesai\n";
  for (const ActingAssignment& a : data.acting) {
    AppendRecord(&acting, {data.people[a.person].nip, data.positions[a.position].code,
                           a.plt ? "PLT" : "PLH", Iso(a.start), Iso(a.end)});
  }

  const std::pair<const char*, std::string> files[] = {
      {"employees.csv", ImportCsv(data, data.initial, 0, data.initial.size())},
      {"transfers.csv", ImportCsv(data, data.transfers, 0, data.transfers.size())},
      {"opds.csv", opds},
      {"units.csv", units},
      {"positions.csv", positions},
      {"acting.csv", acting},
  };
  for (const auto& [name, text] : files) {
    if (absl::Status s = WriteFile(base / name, text); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace kinerja::demo
