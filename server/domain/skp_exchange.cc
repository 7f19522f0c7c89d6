#include "server/domain/skp_exchange.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "server/domain/csv.h"

namespace kinerja::domain {
namespace {

constexpr const char* kColumns[] = {
    "nip", "nama", "jabatan", "unit_kerja", "tahun", "pendekatan", "status", "revisi", "rhk_no",
    "jenis", "rencana_hasil_kerja", "rhk_atasan_yang_diintervensi", "perjanjian_kinerja",
    "perspektif", "aspek", "indikator_kinerja_individu", "target", "satuan", "rating_hasil_kerja",
    "rating_perilaku_kerja", "predikat"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

// The enum's name without its prefix ("RHK_KIND_UTAMA" -> "UTAMA"); "" when unset.
template <typename Enum>
std::string Short(Enum value, const std::string& (*name)(Enum), absl::string_view prefix) {
  if (static_cast<int>(value) == 0) return "";
  return std::string(absl::StripPrefix(name(value), prefix));
}

// Parses a short name back; false when it is not one (empty is allowed only if `optional`).
template <typename Enum>
bool Long(const std::string& text, bool (*parse)(const std::string&, Enum*), absl::string_view prefix,
          bool optional, Enum* out) {
  if (text.empty()) {
    *out = static_cast<Enum>(0);
    return optional;
  }
  return parse(absl::StrCat(prefix, text), out) && static_cast<int>(*out) != 0;
}

std::string Cell(absl::string_view v) {
  if (v.find_first_of(",\"\r\n") == absl::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

v1::SkpExchangeRecord ToExchangeRecord(const v1::Skp& skp, absl::string_view nip,
                                       absl::string_view evaluator_nip,
                                       const absl::flat_hash_map<std::string, std::string>& rhk_texts) {
  v1::SkpExchangeRecord r;
  r.set_nip(std::string(nip));
  r.set_nama(skp.employee_name());
  r.set_jabatan(skp.position_title());
  r.set_unit_kerja(std::string(absl::StripPrefix(skp.opd(), "opds/")));
  r.set_tahun(skp.year());
  r.set_pendekatan(Short(skp.approach(), v1::SkpApproach_Name, "SKP_APPROACH_"));
  r.set_status(Short(skp.state(), v1::SkpState_Name, "SKP_STATE_"));
  r.set_revisi(skp.revision());
  r.set_pejabat_penilai_nip(std::string(evaluator_nip));
  for (const v1::Rhk& rhk : skp.rhks()) {
    v1::SkpExchangeHasilKerja* h = r.add_hasil_kerja();
    h->set_jenis(Short(rhk.kind(), v1::RhkKind_Name, "RHK_KIND_"));
    h->set_rencana_hasil_kerja(rhk.text());
    auto it = rhk_texts.find(rhk.intervensi());
    if (it != rhk_texts.end()) h->set_rhk_atasan_yang_diintervensi(it->second);
    h->set_perjanjian_kinerja(rhk.perjanjian_kinerja());
    h->set_perspektif(Short(rhk.perspective(), v1::Perspective_Name, "PERSPECTIVE_"));
    for (const v1::Iki& iki : rhk.ikis()) {
      v1::SkpExchangeIndikator* i = h->add_indikator();
      i->set_aspek(Short(iki.aspect(), v1::IkiAspect_Name, "IKI_ASPECT_"));
      i->set_indikator_kinerja_individu(iki.text());
      i->set_target(iki.target());
      i->set_satuan(iki.unit());
    }
  }
  for (const v1::Expectation& e : skp.expectations()) {
    v1::SkpExchangeEkspektasi* x = r.add_perilaku_kerja();
    x->set_perilaku(Short(e.value(), v1::BerakhlakValue_Name, "BERAKHLAK_"));
    x->set_ekspektasi_khusus_pimpinan(e.text());
  }
  if (skp.has_evaluation()) {
    r.set_rating_hasil_kerja(Short(skp.evaluation().hasil_kerja(), v1::RatingLevel_Name, "RATING_"));
    r.set_rating_perilaku_kerja(Short(skp.evaluation().perilaku_kerja(), v1::RatingLevel_Name, "RATING_"));
    r.set_predikat(Short(skp.evaluation().predikat(), v1::Predikat_Name, "PREDIKAT_"));
  }
  return r;
}

std::string ExchangeCsv(const v1::SkpExchangeFile& file) {
  std::string out = absl::StrCat(absl::StrJoin(kColumns, ","), "\r\n");
  for (const v1::SkpExchangeRecord& r : file.skp()) {
    auto row = [&](int rhk_no, const v1::SkpExchangeHasilKerja* h, const v1::SkpExchangeIndikator* i) {
      const std::vector<std::string> cells = {
          r.nip(), r.nama(), r.jabatan(), r.unit_kerja(), absl::StrCat(r.tahun()), r.pendekatan(),
          r.status(), absl::StrCat(r.revisi()), rhk_no ? absl::StrCat(rhk_no) : "",
          h ? h->jenis() : "", h ? h->rencana_hasil_kerja() : "",
          h ? h->rhk_atasan_yang_diintervensi() : "", h ? h->perjanjian_kinerja() : "",
          h ? h->perspektif() : "", i ? i->aspek() : "", i ? i->indikator_kinerja_individu() : "",
          i ? i->target() : "", i ? i->satuan() : "", r.rating_hasil_kerja(),
          r.rating_perilaku_kerja(), r.predikat()};
      absl::StrAppend(&out, absl::StrJoin(cells, ",", [](std::string* o, const std::string& c) {
                        absl::StrAppend(o, Cell(c));
                      }),
                      "\r\n");
    };
    if (r.hasil_kerja_size() == 0) row(0, nullptr, nullptr);
    for (int k = 0; k < r.hasil_kerja_size(); ++k) {
      const auto& h = r.hasil_kerja(k);
      if (h.indikator_size() == 0) row(k + 1, &h, nullptr);
      for (const auto& i : h.indikator()) row(k + 1, &h, &i);
    }
  }
  return out;
}

absl::StatusOr<v1::SkpExchangeFile> ParseExchangeCsv(absl::string_view csv) {
  auto records = ParseCsv(csv);
  if (!records.ok()) return records.status();
  if (records->empty()) return absl::InvalidArgumentError("the CSV is empty: it needs the header row");
  const auto& header = records->front().fields;
  if (header.size() != kColumnCount) {
    return absl::InvalidArgumentError(absl::StrCat("the header must have the ", kColumnCount,
                                                   " columns ", absl::StrJoin(kColumns, ",")));
  }
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (absl::StripAsciiWhitespace(header[c]) != kColumns[c]) {
      return absl::InvalidArgumentError(absl::StrCat("column ", c + 1, " of the header must be '",
                                                     kColumns[c], "', not '", header[c], "'"));
    }
  }
  v1::SkpExchangeFile file;
  file.set_format_version(kExchangeFormatVersion);
  std::vector<std::string> errors;
  v1::SkpExchangeRecord* current = nullptr;
  int current_rhk = 0;
  for (size_t n = 1; n < records->size(); ++n) {
    const CsvRecord& rec = (*records)[n];
    const auto& f = rec.fields;
    if (f.size() != kColumnCount) {
      errors.push_back(absl::StrCat("line ", rec.line, ": ", f.size(), " fields, expected ", kColumnCount));
      continue;
    }
    int tahun = 0, rhk_no = 0;
    if (!absl::SimpleAtoi(f[4], &tahun)) {
      errors.push_back(absl::StrCat("line ", rec.line, ": tahun '", f[4], "' is not a year"));
      continue;
    }
    if (!f[8].empty() && (!absl::SimpleAtoi(f[8], &rhk_no) || rhk_no < 1)) {
      errors.push_back(absl::StrCat("line ", rec.line, ": rhk_no '", f[8], "' is not 1, 2, ..."));
      continue;
    }
    if (current == nullptr || current->nip() != f[0] || current->tahun() != tahun) {
      current = file.add_skp();
      current->set_nip(f[0]);
      current->set_nama(f[1]);
      current->set_jabatan(f[2]);
      current->set_unit_kerja(f[3]);
      current->set_tahun(tahun);
      current->set_pendekatan(f[5]);
      current->set_status(f[6]);
      int revisi = 0;
      if (absl::SimpleAtoi(f[7], &revisi)) current->set_revisi(revisi);
      current->set_rating_hasil_kerja(f[18]);
      current->set_rating_perilaku_kerja(f[19]);
      current->set_predikat(f[20]);
      current_rhk = 0;
    }
    if (rhk_no == 0) continue;
    if (rhk_no != current_rhk) {
      if (rhk_no != current_rhk + 1) {
        errors.push_back(absl::StrCat("line ", rec.line, ": rhk_no ", rhk_no, " follows ", current_rhk,
                                      "; rows of one RHK come together, numbered from 1"));
        continue;
      }
      current_rhk = rhk_no;
      v1::SkpExchangeHasilKerja* h = current->add_hasil_kerja();
      h->set_jenis(f[9]);
      h->set_rencana_hasil_kerja(f[10]);
      h->set_rhk_atasan_yang_diintervensi(f[11]);
      h->set_perjanjian_kinerja(f[12]);
      h->set_perspektif(f[13]);
    }
    if (f[14].empty() && f[15].empty() && f[16].empty() && f[17].empty()) continue;
    v1::SkpExchangeIndikator* i = current->mutable_hasil_kerja(current_rhk - 1)->add_indikator();
    i->set_aspek(f[14]);
    i->set_indikator_kinerja_individu(f[15]);
    i->set_target(f[16]);
    i->set_satuan(f[17]);
  }
  if (!errors.empty()) {
    if (errors.size() > 20) errors.resize(20);
    return absl::InvalidArgumentError(absl::StrCat("the CSV has errors: ", absl::StrJoin(errors, "; ")));
  }
  return file;
}

std::vector<Violation> RecordToDraft(const v1::SkpExchangeRecord& record, int index,
                                     const absl::flat_hash_map<std::string, std::string>& superior_rhk_ids,
                                     v1::Skp* draft) {
  std::vector<Violation> out;
  const std::string f = absl::StrCat("skp[", index, "]");
  draft->set_year(record.tahun());
  v1::SkpApproach approach;
  if (!Long(record.pendekatan(), v1::SkpApproach_Parse, "SKP_APPROACH_", false, &approach)) {
    out.push_back({f + ".pendekatan", "KUANTITATIF or KUALITATIF"});
  }
  draft->set_approach(approach);
  for (int k = 0; k < record.hasil_kerja_size(); ++k) {
    const auto& h = record.hasil_kerja(k);
    const std::string g = absl::StrCat(f, ".hasil_kerja[", k, "]");
    v1::Rhk* rhk = draft->add_rhks();
    v1::RhkKind kind;
    if (!Long(h.jenis(), v1::RhkKind_Parse, "RHK_KIND_", false, &kind)) {
      out.push_back({g + ".jenis", "UTAMA or TAMBAHAN"});
    }
    rhk->set_kind(kind);
    rhk->set_text(h.rencana_hasil_kerja());
    rhk->set_perjanjian_kinerja(h.perjanjian_kinerja());
    v1::Perspective perspective;
    if (!Long(h.perspektif(), v1::Perspective_Parse, "PERSPECTIVE_", true, &perspective)) {
      out.push_back({g + ".perspektif", "PENERIMA_LAYANAN, PROSES_BISNIS, PENGUATAN_INTERNAL or ANGGARAN"});
    }
    rhk->set_perspective(perspective);
    if (!h.rhk_atasan_yang_diintervensi().empty()) {
      auto it = superior_rhk_ids.find(h.rhk_atasan_yang_diintervensi());
      if (it == superior_rhk_ids.end()) {
        out.push_back({g + ".rhk_atasan_yang_diintervensi",
                       "matches no approved RHK of the superior's plan for the year"});
      } else {
        rhk->set_intervensi(it->second);
      }
    }
    for (int j = 0; j < h.indikator_size(); ++j) {
      const auto& i = h.indikator(j);
      v1::Iki* iki = rhk->add_ikis();
      v1::IkiAspect aspect;
      if (!Long(i.aspek(), v1::IkiAspect_Parse, "IKI_ASPECT_", false, &aspect)) {
        out.push_back({absl::StrCat(g, ".indikator[", j, "].aspek"), "KUANTITAS, KUALITAS, WAKTU or BIAYA"});
      }
      iki->set_aspect(aspect);
      iki->set_text(i.indikator_kinerja_individu());
      iki->set_target(i.target());
      iki->set_unit(i.satuan());
    }
  }
  return out;
}

}  // namespace kinerja::domain
