#include "gateway/transcoder/path_template.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gateway/transcoder/url_encoding.h"

namespace kinerja::transcoder {
namespace {

// RFC 3986 pchar minus ':' (the verb separator), '*' (wildcards) and the template's own '{' '}' '='
// is not excluded: it is a sub-delim and harmless outside a variable's field path.
bool IsLiteralChar(char c) {
  if (absl::ascii_isalnum(static_cast<unsigned char>(c))) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':                                      // unreserved
    case '!': case '$': case '&': case '\'': case '(': case ')': case '+':       // sub-delims
    case ',': case ';': case '=': case '@': case '%':
      return true;
    default:
      return false;
  }
}

bool IsIdentStart(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Parser {
 public:
  explicit Parser(absl::string_view text) : s_(text) {}

  absl::Status Run(std::vector<PathTemplate::Segment>* segments,
                   std::vector<PathTemplate::Variable>* variables, std::string* verb) {
    segments_ = segments;
    variables_ = variables;
    if (!Consume('/')) return Error("must start with '/'");
    if (auto st = ParseSegments(/*in_variable=*/false); !st.ok()) return st;
    const bool has_verb = Consume(':');
    if (has_verb) {
      const size_t start = i_;
      while (i_ < s_.size() && IsLiteralChar(s_[i_])) ++i_;
      if (i_ == start) return Error("empty verb after ':'");
      *verb = std::string(s_.substr(start, i_ - start));
      if (!HasValidPercentEscapes(*verb)) return Error("malformed percent-escape in the verb");
    }
    if (i_ != s_.size()) {
      return Error(has_verb || s_[i_] == ':'
                       ? "a verb (':name') may only end the template"
                       : absl::StrCat("unexpected '", s_.substr(i_, 1), "'"));
    }
    for (size_t k = 0; k + 1 < segments->size(); ++k) {
      if ((*segments)[k].kind == PathTemplate::SegmentKind::kDoubleWildcard) {
        return absl::InvalidArgumentError(
            absl::StrCat("path template '", s_, "': '**' must be the last segment"));
      }
    }
    for (size_t a = 0; a < variables->size(); ++a) {
      for (size_t b = 0; b < variables->size(); ++b) {
        const std::string& x = (*variables)[a].field_path;
        const std::string& y = (*variables)[b].field_path;
        if (a == b) continue;
        if (x == y) {
          return absl::InvalidArgumentError(
              absl::StrCat("path template '", s_, "': field '", x, "' is bound by two variables"));
        }
        if (absl::StartsWith(y, absl::StrCat(x, "."))) {
          return absl::InvalidArgumentError(absl::StrCat(
              "path template '", s_, "': field '", y, "' lies inside '", x, "', which is bound too"));
        }
      }
    }
    return absl::OkStatus();
  }

 private:
  absl::Status Error(absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("path template '", s_, "': ", what, " (at offset ", i_, ")"));
  }
  bool Peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool Consume(char c) {
    if (!Peek(c)) return false;
    ++i_;
    return true;
  }

  absl::Status ParseSegments(bool in_variable) {
    do {
      if (auto st = ParseSegment(in_variable); !st.ok()) return st;
    } while (Consume('/'));
    return absl::OkStatus();
  }

  absl::Status ParseSegment(bool in_variable) {
    if (Peek('{')) {
      if (in_variable) return Error("a variable cannot contain another variable");
      return ParseVariable();
    }
    if (Consume('*')) {
      if (Consume('*')) {
        segments_->push_back({PathTemplate::SegmentKind::kDoubleWildcard, ""});
      } else {
        segments_->push_back({PathTemplate::SegmentKind::kWildcard, ""});
      }
      if (i_ < s_.size() && IsLiteralChar(s_[i_])) return Error("'*' must be a whole segment");
      return absl::OkStatus();
    }
    const size_t start = i_;
    while (i_ < s_.size() && IsLiteralChar(s_[i_])) ++i_;
    if (i_ == start) {
      if (i_ == s_.size() || Peek('/') || Peek('}') || Peek(':')) return Error("empty segment");
      return Error(absl::StrCat("character '", s_.substr(i_, 1), "' is not allowed in a path"));
    }
    if (Peek('*')) return Error("'*' must be a whole segment");
    auto decoded = PercentDecode(s_.substr(start, i_ - start), PercentDecoding::kFull);
    if (!decoded.ok()) return Error("malformed percent-escape in a literal");
    if (absl::StrContains(*decoded, '/')) return Error("a literal cannot contain an encoded '/'");
    segments_->push_back({PathTemplate::SegmentKind::kLiteral, *std::move(decoded)});
    return absl::OkStatus();
  }

  absl::Status ParseVariable() {
    Consume('{');
    const size_t start = i_;
    while (true) {
      if (i_ >= s_.size() || !IsIdentStart(s_[i_])) {
        return Error("expected a field name (letters, digits, '_') in '{...}'");
      }
      while (i_ < s_.size() && IsIdentChar(s_[i_])) ++i_;
      if (!Consume('.')) break;
    }
    PathTemplate::Variable var;
    var.field_path = std::string(s_.substr(start, i_ - start));
    var.first_segment = segments_->size();
    if (Consume('=')) {
      if (auto st = ParseSegments(/*in_variable=*/true); !st.ok()) return st;
    } else {
      segments_->push_back({PathTemplate::SegmentKind::kWildcard, ""});
    }
    if (!Consume('}')) return Error(i_ >= s_.size() ? "unclosed '{'" : "expected '}'");
    var.segment_count = segments_->size() - var.first_segment;
    variables_->push_back(std::move(var));
    return absl::OkStatus();
  }

  absl::string_view s_;
  size_t i_ = 0;
  std::vector<PathTemplate::Segment>* segments_ = nullptr;
  std::vector<PathTemplate::Variable>* variables_ = nullptr;
};

int Rank(PathTemplate::SegmentKind kind) {
  switch (kind) {
    case PathTemplate::SegmentKind::kLiteral: return 0;
    case PathTemplate::SegmentKind::kWildcard: return 1;
    case PathTemplate::SegmentKind::kDoubleWildcard: return 2;
  }
  return 3;
}

}  // namespace

absl::StatusOr<PathTemplate> PathTemplate::Parse(absl::string_view text) {
  PathTemplate t;
  t.text_ = std::string(text);
  Parser parser(t.text_);
  if (auto st = parser.Run(&t.segments_, &t.variables_, &t.verb_); !st.ok()) return st;
  return t;
}

std::optional<PathBindings> PathTemplate::Match(absl::string_view path) const {
  if (!absl::ConsumePrefix(&path, "/")) return std::nullopt;
  if (!verb_.empty()) {
    // The verb is looked for on the raw path: an escaped ':' (%3A) never separates one.
    if (path.size() <= verb_.size() || path[path.size() - verb_.size() - 1] != ':' ||
        !absl::EndsWith(path, verb_)) {
      return std::nullopt;
    }
    path.remove_suffix(verb_.size() + 1);
  }
  const std::vector<absl::string_view> parts = absl::StrSplit(path, '/');
  const size_t n = segments_.size();
  const bool open_ended = segments_.back().kind == SegmentKind::kDoubleWildcard;
  if (open_ended ? parts.size() < n - 1 : parts.size() != n) return std::nullopt;
  for (size_t k = 0; k < n; ++k) {
    const Segment& seg = segments_[k];
    if (seg.kind == SegmentKind::kDoubleWildcard) break;
    if (seg.kind == SegmentKind::kWildcard) {
      if (parts[k].empty()) return std::nullopt;
      continue;
    }
    auto decoded = PercentDecode(parts[k], PercentDecoding::kFull);
    if (!decoded.ok() || *decoded != seg.literal) return std::nullopt;
  }
  PathBindings bindings;
  bindings.reserve(variables_.size());
  for (const Variable& var : variables_) {
    const size_t first = var.first_segment;
    const size_t last_template = first + var.segment_count;  // one past
    const size_t end =
        last_template == n && open_ended ? parts.size() : last_template;  // "**" takes the rest
    const bool single = var.segment_count == 1 && segments_[first].kind != SegmentKind::kDoubleWildcard;
    absl::string_view raw;
    if (first < end) {
      const char* begin = parts[first].data();
      const char* stop = parts[end - 1].data() + parts[end - 1].size();
      raw = absl::string_view(begin, static_cast<size_t>(stop - begin));
    }
    auto value = PercentDecode(raw, single ? PercentDecoding::kFull : PercentDecoding::kKeepSlash);
    if (!value.ok()) return std::nullopt;
    bindings.emplace_back(var.field_path, *std::move(value));
  }
  return bindings;
}

std::string PathTemplate::Shape() const {
  std::string out;
  for (const Segment& seg : segments_) {
    out.push_back('/');
    switch (seg.kind) {
      case SegmentKind::kLiteral: absl::StrAppend(&out, "'", seg.literal, "'"); break;
      case SegmentKind::kWildcard: out.push_back('*'); break;
      case SegmentKind::kDoubleWildcard: out.append("**"); break;
    }
  }
  if (!verb_.empty()) absl::StrAppend(&out, ":", verb_);
  return out;
}

bool PathTemplate::MoreSpecific(const PathTemplate& a, const PathTemplate& b) {
  if (a.verb_.empty() != b.verb_.empty()) return !a.verb_.empty();
  const size_t common = std::min(a.segments_.size(), b.segments_.size());
  for (size_t k = 0; k < common; ++k) {
    const int ra = Rank(a.segments_[k].kind), rb = Rank(b.segments_[k].kind);
    if (ra != rb) return ra < rb;
    if (ra == 0 && a.segments_[k].literal != b.segments_[k].literal) {
      return a.segments_[k].literal < b.segments_[k].literal;  // never both match; any fixed order
    }
  }
  if (a.segments_.size() != b.segments_.size()) return a.segments_.size() > b.segments_.size();
  return a.verb_ < b.verb_;
}

}  // namespace kinerja::transcoder
