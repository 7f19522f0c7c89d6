// libFuzzer target for the gateway's transcoder on the real Kinerja route table: route matching,
// path-template parsing, query parsing, JSON body -> proto, and the response/error writers.
//
// Input: METHOD '\n' TARGET '\n' BODY, where TARGET is path[?query] and BODY is everything after the
// second newline (also fed to the response side as response bytes and as grpc-status-details-bin).
// Build and run with tests/fuzz/run_fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>

#include "absl/strings/string_view.h"
#include "gateway/transcoder/path_template.h"
#include "gateway/transcoder/query_params.h"
#include "gateway/transcoder/request_builder.h"
#include "gateway/transcoder/response_writer.h"
#include "gateway/transcoder/route_table.h"

namespace {

using kinerja::transcoder::RouteMatch;
using kinerja::transcoder::RouteTable;

const RouteTable& Table() {
  static const RouteTable* const table = [] {
    // Random reply bytes make libprotobuf log every UTF-8 failure it sees; invariants are checked
    // below instead.
    google::protobuf::SetLogHandler(nullptr);
    auto built = RouteTable::FromGeneratedPool();
    if (!built.ok()) {
      std::fprintf(stderr, "route table: %s\n", built.status().ToString().c_str());
      std::abort();
    }
    return new RouteTable(*std::move(built));
  }();
  return *table;
}

// Splits at the first `sep`: the part before, and (through `rest`) the part after ("" if none).
absl::string_view Cut(absl::string_view* rest, char sep) {
  const size_t at = rest->find(sep);
  const absl::string_view head = rest->substr(0, at);
  *rest = at == absl::string_view::npos ? absl::string_view() : rest->substr(at + 1);
  return head;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view rest(reinterpret_cast<const char*>(data), size);
  const absl::string_view method = Cut(&rest, '\n');
  absl::string_view target = Cut(&rest, '\n');
  const absl::string_view body = rest;
  const absl::string_view path = Cut(&target, '?');
  const absl::string_view query = target;

  // The path as a template: parse errors are statuses, a parsed template matches what it was
  // parsed from only if it has no wildcard; either way nothing may crash.
  if (auto tmpl = kinerja::transcoder::PathTemplate::Parse(path); tmpl.ok()) {
    (void)tmpl->Match(path);
    (void)tmpl->Shape();
  }

  const RouteMatch match = Table().Match(method, path);
  if (match.kind != RouteMatch::Kind::kMatched) {
    (void)kinerja::transcoder::RoutingErrorResponse(match);
    (void)kinerja::transcoder::ParseQueryString(query);
    return 0;
  }
  auto request = kinerja::transcoder::BuildRequest(*match.route, match.bindings, query, body);
  if (!request.ok()) {
    // A refusal is a 4xx or 5xx whose field violation (if it has one) survives into the JSON.
    const auto response = kinerja::transcoder::ErrorResponse(request.status());
    if (response.status < 400 || response.body.empty()) std::abort();
    if (request.status().GetPayload("type.googleapis.com/google.rpc.BadRequest").has_value() &&
        response.body.find("\"fieldViolations\"") == std::string::npos) {
      std::abort();
    }
  } else {
    // What the gateway would send must be a message the server can parse: proto3 strings must hold
    // valid UTF-8, so a byte that slipped through the transcoder's checks shows up here.
    std::string wire;
    if (!(*request)->SerializeToString(&wire)) std::abort();
    std::unique_ptr<google::protobuf::Message> back((*request)->New());
    if (!back->ParseFromString(wire)) std::abort();
  }

  // The response side, with the body as the service's reply and as its error details.
  (void)kinerja::transcoder::UnaryResponse(*match.route, grpc::Status::OK, body);
  const auto error = kinerja::transcoder::ErrorResponse(grpc::StatusCode::INVALID_ARGUMENT, query, body);
  if (error.status != 400 || error.body.empty()) std::abort();
  return 0;
}
