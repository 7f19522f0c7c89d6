// The gateway's routes: one per google.api.http binding (additional_bindings included) of every
// annotated method in a descriptor pool, found at start-up. Adding an annotated RPC to a .proto adds
// its route; there is no per-endpoint code.
#ifndef KINERJA_GATEWAY_TRANSCODER_ROUTE_TABLE_H_
#define KINERJA_GATEWAY_TRANSCODER_ROUTE_TABLE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/transcoder/path_template.h"

namespace kinerja::transcoder {

// A singular field reached from the request message by a dotted path ("position.name"): every
// element but the last is a singular message field.
using FieldChain = std::vector<const google::protobuf::FieldDescriptor*>;

struct Route {
  std::string http_method;  // "GET", "POST", "PUT", "PATCH", "DELETE", or a custom kind as written
  PathTemplate path;
  const google::protobuf::MethodDescriptor* method = nullptr;
  std::string grpc_method;  // "/kinerja.v1.DirectoryService/GetEmployee", for a generic stub
  std::string body;         // "" (no body), "*" (the whole request) or a top-level request field
  std::string response_body;  // "" (the whole response) or a top-level response field
  bool server_streaming = false;  // the caller writes each message as one NDJSON line

  // Resolved at build time.
  std::vector<FieldChain> path_fields;  // path_fields[i] is the field of path.variables()[i]
  const google::protobuf::FieldDescriptor* body_field = nullptr;           // body names a field
  const google::protobuf::FieldDescriptor* response_body_field = nullptr;  // response_body set
  const google::protobuf::Message* request_prototype = nullptr;   // owned by the table's factory
  const google::protobuf::Message* response_prototype = nullptr;
};

// The outcome of matching one request line.
struct RouteMatch {
  enum class Kind {
    kMatched,           // route and bindings are set
    kNotFound,          // no template matches the path: HTTP 404
    kMethodNotAllowed,  // a template matches, for other methods only: HTTP 405 (allowed_methods)
    kBadRequest,        // the path itself is malformed (a bad %-escape): HTTP 400 (error)
  };
  Kind kind = Kind::kNotFound;
  const Route* route = nullptr;
  PathBindings bindings;
  std::vector<std::string> allowed_methods;  // kMethodNotAllowed: sorted, for an Allow header
  absl::Status error;                        // kBadRequest: INVALID_ARGUMENT
};

class RouteTable {
 public:
  // Every annotated method in the protos linked into this binary (the generated pool); request and
  // response messages are the generated classes. Linking kinerja_transcoder links every
  // protos/kinerja/v1 file (see gateway/transcoder/CMakeLists.txt), so none can go missing because
  // nothing referenced it. FAILED_PRECONDITION when no annotated method is found.
  static absl::StatusOr<RouteTable> FromGeneratedPool();

  // Every annotated method of the services in `files` of `pool`, which must outlive the table.
  // Messages come from the generated factory for the generated pool, else from a
  // DynamicMessageFactory the table owns.
  static absl::StatusOr<RouteTable> FromFiles(const google::protobuf::DescriptorPool* pool,
                                              const std::vector<std::string>& files);

  // Every annotated method in a FileDescriptorSet written by protoc --descriptor_set_out
  // --include_imports (such as ${KINERJA_DESCRIPTOR_SET}); the table owns the pool. Messages are
  // DynamicMessages.
  static absl::StatusOr<RouteTable> FromDescriptorSet(const google::protobuf::FileDescriptorSet& set);
  static absl::StatusOr<RouteTable> FromDescriptorSetFile(const std::string& path);

  // All build errors are INVALID_ARGUMENT naming the method and binding (a malformed template, a body
  // or path field that does not exist or is repeated, a body on GET, two routes with one HTTP method
  // and one template shape), or UNIMPLEMENTED for a client-streaming method.

  RouteTable(RouteTable&&) = default;
  // Not defaulted: the messages built from a pool must go before the pool (member order serves the
  // destructor, not member-wise assignment).
  RouteTable& operator=(RouteTable&& other) noexcept;

  // Finds the route for `http_method` (case-sensitive, as HTTP says) and `path` (before '?', still
  // percent-encoded). When several templates match, PathTemplate::MoreSpecific chooses. A last
  // segment ending in ":<verb>", for a verb some route declares, is a custom-method call that only
  // templates with that verb match (as Envoy's transcoder does by default): GET
  // /v1/employees/1:transfer is 405 (Allow: POST), not GetEmployee of "employees/1:transfer".
  // Thread-safe.
  RouteMatch Match(absl::string_view http_method, absl::string_view path) const;

  // In declaration order: file name, service, method, then the method's primary binding before its
  // additional_bindings. For OpenAPI generation and logs.
  const std::vector<Route>& routes() const { return routes_; }

  const google::protobuf::DescriptorPool* pool() const { return pool_; }

 private:
  RouteTable() = default;
  absl::Status AddMethod(const google::protobuf::MethodDescriptor* method);
  absl::Status Finish();

  // Declared before what refers to them, so they are destroyed after it.
  std::unique_ptr<google::protobuf::DescriptorPool> owned_pool_;  // FromDescriptorSet only
  const google::protobuf::DescriptorPool* pool_ = nullptr;
  std::unique_ptr<google::protobuf::DynamicMessageFactory> dynamic_factory_;
  google::protobuf::MessageFactory* factory_ = nullptr;
  std::vector<Route> routes_;
  std::map<std::string, std::vector<size_t>, std::less<>> by_method_;  // http method -> routes, most specific first
  std::vector<std::string> verbs_;  // every verb a template declares
};

}  // namespace kinerja::transcoder

#endif  // KINERJA_GATEWAY_TRANSCODER_ROUTE_TABLE_H_
