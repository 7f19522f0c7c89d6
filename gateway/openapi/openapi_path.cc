#include "gateway/openapi/openapi_path.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace kinerja::openapi {
namespace {

using transcoder::PathTemplate;
using SegmentKind = PathTemplate::SegmentKind;

// A literal segment as it goes into a URL path: RFC 3986 pchar kept, everything else (including
// '{' and '}', which OpenAPI reserves) percent-encoded.
std::string EncodeSegment(absl::string_view literal) {
  static constexpr absl::string_view kKeep = "-._~!$&'()*+,;=:@";
  std::string out;
  for (char c : literal) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || kKeep.find(c) != absl::string_view::npos) {
      out += c;
    } else {
      absl::StrAppendFormat(&out, "%%%02X", static_cast<unsigned char>(c));
    }
  }
  return out;
}

// The variable covering segment `i`, or kNoVariable.
size_t VariableAt(const PathTemplate& t, size_t i) {
  for (size_t v = 0; v < t.variables().size(); ++v) {
    const auto& var = t.variables()[v];
    if (i >= var.first_segment && i < var.first_segment + var.segment_count) return v;
  }
  return OpenApiPathParam::kNoVariable;
}

std::string LastFieldName(absl::string_view field_path) {
  const size_t dot = field_path.rfind('.');
  return std::string(dot == absl::string_view::npos ? field_path : field_path.substr(dot + 1));
}

// The name a wildcard segment suggests: the collection literal before it (inside its variable,
// for a variable's segment), else the variable's field.
std::string DerivedName(const PathTemplate& t, size_t i, size_t variable) {
  const auto& segments = t.segments();
  const bool in_variable = variable != OpenApiPathParam::kNoVariable;
  if (in_variable && t.variables()[variable].segment_count == 1) return t.variables()[variable].field_path;
  const bool literal_before = i > 0 && segments[i - 1].kind == SegmentKind::kLiteral &&
                              !segments[i - 1].literal.empty() &&
                              (!in_variable || i > t.variables()[variable].first_segment);
  std::string name;
  if (literal_before) {
    name = SingularOf(segments[i - 1].literal);
  } else if (in_variable) {
    name = LastFieldName(t.variables()[variable].field_path);
  } else {
    name = "segment";
  }
  if (segments[i].kind == SegmentKind::kDoubleWildcard) absl::StrAppend(&name, "Path");
  return name;
}

}  // namespace

std::string SingularOf(absl::string_view word) {
  if (absl::EndsWith(word, "ies") && word.size() > 3) return absl::StrCat(word.substr(0, word.size() - 3), "y");
  for (absl::string_view es : {"sses", "xes", "ches", "shes"}) {
    if (absl::EndsWith(word, es) && word.size() > es.size()) return std::string(word.substr(0, word.size() - 2));
  }
  if (absl::EndsWith(word, "s") && !absl::EndsWith(word, "ss") && word.size() > 1) {
    return std::string(word.substr(0, word.size() - 1));
  }
  return absl::StrCat(word, "Id");
}

OpenApiPath ToOpenApiPath(const PathTemplate& t, const std::vector<std::string>* names) {
  const auto& segments = t.segments();
  OpenApiPath out;
  std::vector<size_t> param_segment;  // segment index of each parameter
  std::set<std::string> used;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].kind == SegmentKind::kLiteral) continue;
    OpenApiPathParam param;
    param.variable = VariableAt(t, i);
    param.multi_segment = segments[i].kind == SegmentKind::kDoubleWildcard;
    if (names != nullptr && out.params.size() < names->size()) {
      param.name = (*names)[out.params.size()];
    } else {
      const std::string base = DerivedName(t, i, param.variable);
      param.name = base;
      for (int n = 2; used.count(param.name) > 0; ++n) param.name = absl::StrCat(base, n);
    }
    used.insert(param.name);
    out.params.push_back(std::move(param));
    param_segment.push_back(i);
  }
  // A segment's text in the OpenAPI path: a literal, or the placeholder of its parameter.
  auto text_of = [&](size_t i, bool erase_names) -> std::string {
    if (segments[i].kind == SegmentKind::kLiteral) return EncodeSegment(segments[i].literal);
    for (size_t p = 0; p < param_segment.size(); ++p) {
      if (param_segment[p] == i) return erase_names ? "{}" : absl::StrCat("{", out.params[p].name, "}");
    }
    return "{}";
  };
  for (size_t i = 0; i < segments.size(); ++i) {
    absl::StrAppend(&out.path, "/", text_of(i, false));
    absl::StrAppend(&out.shape, "/", text_of(i, true));
  }
  if (segments.empty()) {
    out.path = "/";
    out.shape = "/";
  }
  if (!t.verb().empty()) {
    absl::StrAppend(&out.path, ":", EncodeSegment(t.verb()));
    absl::StrAppend(&out.shape, ":", EncodeSegment(t.verb()));
  }
  for (OpenApiPathParam& param : out.params) {
    if (param.variable == OpenApiPathParam::kNoVariable) continue;
    const auto& var = t.variables()[param.variable];
    if (var.segment_count == 1) continue;
    std::vector<std::string> parts;
    for (size_t i = var.first_segment; i < var.first_segment + var.segment_count; ++i) {
      parts.push_back(text_of(i, false));
    }
    param.resource = absl::StrJoin(parts, "/");
  }
  return out;
}

}  // namespace kinerja::openapi
