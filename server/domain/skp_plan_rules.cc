#include "server/domain/skp_plan_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/domain/text_rules.h"

namespace kinerja::domain {
namespace {

void Text(absl::string_view value, absl::string_view field, size_t min, size_t max,
          std::vector<Violation>& out) {
  const size_t length = absl::StripAsciiWhitespace(value).size();
  if (length < min) {
    out.push_back({std::string(field), min == 1 ? "is required"
                                                : absl::StrCat("needs at least ", min, " characters")});
  } else if (value.size() > max) {
    out.push_back({std::string(field), absl::StrCat("at most ", max, " characters")});
  } else if (!IsValidUtf8NoControls(value)) {
    out.push_back({std::string(field), "must be UTF-8 text without control characters"});
  }
}

void CheckDraft(const v1::Skp& skp, const PlanContext& context, std::vector<Violation>& out) {
  if (skp.approach() != v1::SKP_APPROACH_KUANTITATIF && skp.approach() != v1::SKP_APPROACH_KUALITATIF) {
    out.push_back({"skp.approach", "choose KUANTITATIF or KUALITATIF"});
  }
  if (skp.rhks_size() > kMaxRhks) {
    out.push_back({"skp.rhks", absl::StrCat("at most ", kMaxRhks, " RHK")});
    return;
  }
  for (int i = 0; i < skp.rhks_size(); ++i) {
    const v1::Rhk& rhk = skp.rhks(i);
    const std::string f = absl::StrCat("skp.rhks[", i, "]");
    if (rhk.kind() != v1::RHK_KIND_UTAMA && rhk.kind() != v1::RHK_KIND_TAMBAHAN) {
      out.push_back({f + ".kind", "choose UTAMA or TAMBAHAN"});
    }
    Text(rhk.text(), f + ".text", 5, 1000, out);
    if (!rhk.perjanjian_kinerja().empty()) Text(rhk.perjanjian_kinerja(), f + ".perjanjian_kinerja", 1, 500, out);
    if (rhk.perspective() != v1::PERSPECTIVE_UNSPECIFIED) {
      if (!context.jpt) {
        out.push_back({f + ".perspective", "only plans of JPT positions name a perspective"});
      } else if (!v1::Perspective_IsValid(rhk.perspective())) {
        out.push_back({f + ".perspective", "unknown perspective"});
      }
    }
    if (rhk.ikis_size() > kMaxIkisPerRhk) {
      out.push_back({f + ".ikis", absl::StrCat("at most ", kMaxIkisPerRhk, " IKI per RHK")});
      continue;
    }
    for (int j = 0; j < rhk.ikis_size(); ++j) {
      const v1::Iki& iki = rhk.ikis(j);
      const std::string g = absl::StrCat(f, ".ikis[", j, "]");
      Text(iki.text(), g + ".text", 3, 500, out);
      if (iki.aspect() < v1::IKI_ASPECT_KUANTITAS || iki.aspect() > v1::IKI_ASPECT_BIAYA) {
        out.push_back({g + ".aspect", "choose KUANTITAS, KUALITAS, WAKTU or BIAYA"});
      }
      Text(iki.target(), g + ".target", 1, 200, out);
      if (skp.approach() == v1::SKP_APPROACH_KUANTITATIF && !iki.target().empty() &&
          !IsNumericTarget(iki.target())) {
        out.push_back({g + ".target", "a KUANTITATIF plan needs a number (for example 12 or 99.5)"});
      }
      Text(iki.unit(), g + ".unit", 1, 50, out);
    }
  }
}

}  // namespace

bool IsNumericTarget(absl::string_view target) {
  if (target.empty() || target.size() > 20) return false;
  bool digits = false;
  bool point = false;
  for (size_t i = 0; i < target.size(); ++i) {
    const char c = target[i];
    if (absl::ascii_isdigit(c)) {
      digits = true;
    } else if (c == '.' && !point && digits && i + 1 < target.size()) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::vector<Violation> CheckPlanDraft(const v1::Skp& skp, const PlanContext& context) {
  std::vector<Violation> out;
  CheckDraft(skp, context, out);
  return out;
}

std::vector<Violation> CheckPlanForSubmission(const v1::Skp& skp, const PlanContext& context) {
  std::vector<Violation> out;
  CheckDraft(skp, context, out);
  bool utama = false;
  for (int i = 0; i < skp.rhks_size(); ++i) {
    const v1::Rhk& rhk = skp.rhks(i);
    const std::string f = absl::StrCat("skp.rhks[", i, "]");
    utama |= rhk.kind() == v1::RHK_KIND_UTAMA;
    if (rhk.ikis_size() == 0) out.push_back({f + ".ikis", "every RHK needs at least one IKI"});
    if (context.jpt && rhk.perspective() == v1::PERSPECTIVE_UNSPECIFIED) {
      out.push_back({f + ".perspective", "a JPT plan names a perspective for every RHK"});
    }
    if (context.top_of_cascade) {
      if (rhk.intervensi().empty() && rhk.perjanjian_kinerja().empty()) {
        out.push_back({f + ".perjanjian_kinerja",
                       "at the top of the cascade an RHK names its Perjanjian Kinerja"});
      }
    }
    if (!rhk.intervensi().empty() && !context.superior_rhks.contains(rhk.intervensi())) {
      out.push_back({f + ".intervensi",
                     absl::StrCat("'", rhk.intervensi(),
                                  "' is not an approved RHK of the superior's SKP for ", skp.year())});
    } else if (rhk.intervensi().empty() && !context.top_of_cascade) {
      out.push_back({f + ".intervensi", "choose the superior's RHK this one contributes to"});
    }
  }
  if (!utama) out.push_back({"skp.rhks", "a plan needs at least one UTAMA RHK"});
  return out;
}

}  // namespace kinerja::domain
