// google.api.http path templates (protos/google/api/http.proto):
//
//   Template  = "/" Segments [ Verb ] ;
//   Segments  = Segment { "/" Segment } ;
//   Segment   = "*" | "**" | LITERAL | Variable ;
//   Variable  = "{" FieldPath [ "=" Segments ] "}" ;
//   FieldPath = IDENT { "." IDENT } ;
//   Verb      = ":" LITERAL ;
//
// "*" matches one non-empty path segment and "**" zero or more (only as the last segment); "{var}"
// means "{var=*}". Examples: "/v1/{name=employees/*}", "/v1/{position.name=positions/*}",
// "/v1/{employee=employees/*}:transfer", "/v1/employees:import".
//
// Percent-decoding of bound values follows http.proto (and grpc-gateway, Envoy): a variable over
// exactly one segment ({var}, {var=*}) is fully decoded; a variable over several ({var=a/*},
// {var=**}) is decoded except that %2F / %2f stay as written, so a client's escaped '/' is never
// confused with a segment separator. Literals match the fully decoded request segment.
#ifndef KINERJA_GATEWAY_TRANSCODER_PATH_TEMPLATE_H_
#define KINERJA_GATEWAY_TRANSCODER_PATH_TEMPLATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kinerja::transcoder {

// Values bound by a match: {dotted field path as written in the template, decoded value}, in the
// order the variables appear in the template.
using PathBindings = std::vector<std::pair<std::string, std::string>>;

class PathTemplate {
 public:
  enum class SegmentKind { kLiteral, kWildcard, kDoubleWildcard };
  struct Segment {
    SegmentKind kind = SegmentKind::kLiteral;
    std::string literal;  // kLiteral only, percent-decoded
  };
  struct Variable {
    std::string field_path;    // "position.name"
    size_t first_segment = 0;  // index into segments()
    size_t segment_count = 0;  // template segments it spans, at least 1
  };

  // Parses a template. A malformed one is INVALID_ARGUMENT with a message that quotes the template
  // and says what is wrong and where (e.g. "'**' must be the last segment", "unclosed '{'").
  static absl::StatusOr<PathTemplate> Parse(absl::string_view text);

  // Matches a request path: the part of the request target before '?', still percent-encoded
  // (e.g. "/v1/employees/123:transfer"). Returns the bound variables, or nullopt when the path does
  // not fit the template (including a malformed %-escape). Thread-safe.
  std::optional<PathBindings> Match(absl::string_view path) const;

  const std::string& text() const { return text_; }
  const std::vector<Segment>& segments() const { return segments_; }
  const std::vector<Variable>& variables() const { return variables_; }
  const std::string& verb() const { return verb_; }  // "" when there is none

  // The template with variable names erased ("/v1/employees/*:transfer"): two templates with the same
  // shape match exactly the same paths, so two routes with one HTTP method and one shape conflict.
  std::string Shape() const;

  // Strict weak order used to choose among templates that all match one path: a template with a verb
  // first, then at the first segment where they differ literal before "*" before "**", then the one
  // with more segments.
  static bool MoreSpecific(const PathTemplate& a, const PathTemplate& b);

 private:
  std::string text_;
  std::vector<Segment> segments_;
  std::vector<Variable> variables_;
  std::string verb_;
};

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_PATH_TEMPLATE_H_
