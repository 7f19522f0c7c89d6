// A fast path for response bodies: prints a message by reflection as proto3 JSON, byte for byte as
// google::protobuf::util::MessageToJsonString (protobuf 3.21) prints it with the options
// response_writer.cc uses (no whitespace, default values left out, enums by name, json_name keys).
// MessageToJsonString serializes the message and re-reads it through a TypeResolver that builds
// google.protobuf.Type messages from the descriptors on every call; for a small message that is
// most of the cost of a gateway call.
//
// Only what it prints exactly like protobuf is taken; anything else present in the message makes it
// decline (return false), and the caller prints with protobuf instead:
//   - proto3 messages outside the google.protobuf package (no well-known type: Timestamp, Struct,
//     Any, wrappers, ... nor the NullValue enum), no extension set, nested at most 32 deep;
//   - fields that are strings, bools, enums, 32- and 64-bit integers (64-bit ones as JSON strings),
//     singular or repeated, and messages of the same kind;
//   - maps, bytes, floats and doubles, groups decline (when present: absent fields print nothing);
//   - strings are escaped as protobuf's JsonEscaping does (", \, <, >, control characters, DEL,
//     C1 controls and the invisible/format code points it lists as \uXXXX); a string that is not
//     valid shortest-form UTF-8 declines.
// Fields are written in field-number order, which is the order protobuf's printer meets them on the
// wire of a message it serialized itself; unknown fields are left out, as protobuf leaves them out.
#ifndef KINERJA_GATEWAY_TRANSCODER_JSON_PRINT_H_
#define KINERJA_GATEWAY_TRANSCODER_JSON_PRINT_H_

#include <string>

#include <google/protobuf/message.h>

namespace kinerja::transcoder {

// Appends `message` as JSON to `out` and returns true; or returns false with `out` as it was.
// Thread-safe.
bool AppendJsonFast(const google::protobuf::Message& message, std::string* out);

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_JSON_PRINT_H_
