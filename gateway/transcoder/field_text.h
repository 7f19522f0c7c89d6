// Sets one proto field from its text form in a URL (a path variable or a query parameter value), as
// grpc-gateway reads them:
//   string   the text, which must be valid UTF-8
//   bytes    base64, standard or URL-safe, padding optional
//   bool     true/false (also 1/0, t/f, T/F, TRUE/FALSE, True/False, as Go's strconv.ParseBool)
//   integers decimal, optional '-' for signed types, range-checked for the field's width
//   float    decimal or exponent form, "NaN", "Infinity", "-Infinity"; finite values in range
//   enum     a value name ("PELAKSANA") or the number of a defined value ("4")
//   google.protobuf.Timestamp   RFC 3339 ("2024-01-31T17:00:00Z", "2024-02-01T00:00:00+07:00")
//   google.protobuf.Duration    "1.5s"
//   google.protobuf.FieldMask   comma-separated paths, lowerCamelCase or snake_case ("title,unit")
//   google.protobuf.*Value wrappers   the wrapped scalar's form
#ifndef KINERJA_GATEWAY_TRANSCODER_FIELD_TEXT_H_
#define KINERJA_GATEWAY_TRANSCODER_FIELD_TEXT_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace kinerja::transcoder {

// True when `field` can take a value from text: any non-message field, or a message field of one of
// the well-known types listed above. Map fields cannot.
bool AcceptsText(const google::protobuf::FieldDescriptor* field);

// Sets `field` of `message` (appends when repeated) from `text`. A value that does not parse is
// INVALID_ARGUMENT with a description of what was expected, not naming the field (the caller knows
// how the client named it). `message` is left unchanged on error.
absl::Status SetFieldFromText(google::protobuf::Message* message,
                              const google::protobuf::FieldDescriptor* field, absl::string_view text);

// True when singular `field` holds the same value in `a` and `b` (both of the field's containing
// type). For the body/path conflict check.
bool SameSingularValue(const google::protobuf::Message& a, const google::protobuf::Message& b,
                       const google::protobuf::FieldDescriptor* field);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_FIELD_TEXT_H_
