#include "gateway/transcoder/route_table.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include <google/protobuf/descriptor_database.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gateway/transcoder/url_encoding.h"
#include "google/api/annotations.pb.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;

absl::Status BindingError(const MethodDescriptor* method, absl::string_view http_method,
                          absl::string_view path, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("google.api.http of ", method->full_name(), " (",
                                                 http_method, " ", path, "): ", what));
}

bool IsHttpToken(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Resolves "a.b.c" in `type`: every element but the last a singular message field, the last a
// singular non-message field.
absl::StatusOr<FieldChain> ResolvePathField(const Descriptor* type, absl::string_view dotted) {
  FieldChain chain;
  const Descriptor* current = type;
  const std::vector<absl::string_view> names = absl::StrSplit(dotted, '.');
  for (size_t k = 0; k < names.size(); ++k) {
    const FieldDescriptor* field = current->FindFieldByName(std::string(names[k]));
    if (field == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("path variable '", dotted, "': ",
                                                     current->full_name(), " has no field '",
                                                     names[k], "'"));
    }
    if (field->is_repeated()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "path variable '", dotted, "': field '", names[k], "' is repeated or a map"));
    }
    const bool last = k + 1 == names.size();
    const bool is_message = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    if (last && is_message) {
      return absl::InvalidArgumentError(absl::StrCat(
          "path variable '", dotted, "' must name a scalar field, not the message ",
          field->message_type()->full_name()));
    }
    if (!last && !is_message) {
      return absl::InvalidArgumentError(absl::StrCat("path variable '", dotted, "': field '",
                                                     names[k], "' is not a message"));
    }
    chain.push_back(field);
    if (!last) current = field->message_type();
  }
  return chain;
}

class CollectingErrors : public DescriptorPool::ErrorCollector {
 public:
  void AddError(const std::string& filename, const std::string& element_name,
                const google::protobuf::Message*, ErrorLocation,
                const std::string& message) override {
    if (!text.empty()) text.append("; ");
    absl::StrAppend(&text, filename, ": ", element_name, ": ", message);
  }
  std::string text;
};

}  // namespace

absl::StatusOr<RouteTable> RouteTable::FromGeneratedPool() {
  std::vector<std::string> files;
  DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::sort(files.begin(), files.end());
  auto table = FromFiles(DescriptorPool::generated_pool(), files);
  if (table.ok() && table->routes().empty()) {
    return absl::FailedPreconditionError(
        "no method with a google.api.http annotation is linked into this binary; link "
        "kinerja_transcoder (which forces in the generated protos) or load a descriptor set");
  }
  return table;
}

absl::StatusOr<RouteTable> RouteTable::FromFiles(const DescriptorPool* pool,
                                                 const std::vector<std::string>& files) {
  RouteTable table;
  table.pool_ = pool;
  if (pool == DescriptorPool::generated_pool()) {
    table.factory_ = google::protobuf::MessageFactory::generated_factory();
  } else {
    table.dynamic_factory_ = std::make_unique<google::protobuf::DynamicMessageFactory>(pool);
    table.factory_ = table.dynamic_factory_.get();
  }
  for (const std::string& name : files) {
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(name);
    if (file == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("file '", name, "' is not in the descriptor pool"));
    }
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        if (auto st = table.AddMethod(service->method(m)); !st.ok()) return st;
      }
    }
  }
  if (auto st = table.Finish(); !st.ok()) return st;
  return table;
}

absl::StatusOr<RouteTable> RouteTable::FromDescriptorSet(
    const google::protobuf::FileDescriptorSet& set) {
  auto pool = std::make_unique<DescriptorPool>();
  // Build in dependency order whatever order the set lists its files in.
  std::vector<const google::protobuf::FileDescriptorProto*> pending;
  std::vector<std::string> names;
  for (const auto& file : set.file()) {
    pending.push_back(&file);
    names.push_back(file.name());
  }
  while (!pending.empty()) {
    std::vector<const google::protobuf::FileDescriptorProto*> blocked;
    for (const auto* file : pending) {
      bool ready = true;
      for (const std::string& dep : file->dependency()) {
        if (pool->FindFileByName(dep) == nullptr) ready = false;
      }
      if (!ready) {
        blocked.push_back(file);
        continue;
      }
      CollectingErrors errors;
      if (pool->BuildFileCollectingErrors(*file, &errors) == nullptr) {
        return absl::InvalidArgumentError(
            absl::StrCat("descriptor set: cannot build ", file->name(), ": ", errors.text));
      }
    }
    if (blocked.size() == pending.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "descriptor set: ", blocked.front()->name(),
          " imports a file the set does not hold (was it written with --include_imports?)"));
    }
    pending = std::move(blocked);
  }
  const DescriptorPool* raw = pool.get();
  auto table = FromFiles(raw, names);
  if (!table.ok()) return table.status();
  table->owned_pool_ = std::move(pool);
  return table;
}

absl::StatusOr<RouteTable> RouteTable::FromDescriptorSetFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open descriptor set '", path, "'"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  google::protobuf::FileDescriptorSet set;
  if (!set.ParseFromString(bytes.str())) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", path, "' is not a serialized google.protobuf.FileDescriptorSet"));
  }
  return FromDescriptorSet(set);
}

RouteTable& RouteTable::operator=(RouteTable&& other) noexcept {
  if (this == &other) return *this;
  routes_.clear();
  by_method_.clear();
  factory_ = nullptr;
  dynamic_factory_.reset();  // its prototypes read descriptors of the pool below
  pool_ = nullptr;
  owned_pool_.reset();
  owned_pool_ = std::move(other.owned_pool_);
  pool_ = other.pool_;
  dynamic_factory_ = std::move(other.dynamic_factory_);
  factory_ = other.factory_;
  routes_ = std::move(other.routes_);
  by_method_ = std::move(other.by_method_);
  verbs_ = std::move(other.verbs_);
  return *this;
}

absl::Status RouteTable::AddMethod(const MethodDescriptor* method) {
  if (!method->options().HasExtension(google::api::http)) return absl::OkStatus();
  if (method->client_streaming()) {
    return absl::UnimplementedError(absl::StrCat(
        method->full_name(), " is client-streaming; the transcoder serves unary and "
        "server-streaming methods only: remove its google.api.http annotation"));
  }
  const google::api::HttpRule& primary = method->options().GetExtension(google::api::http);
  std::vector<const google::api::HttpRule*> rules = {&primary};
  for (const auto& extra : primary.additional_bindings()) {
    if (extra.additional_bindings_size() > 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "google.api.http of ", method->full_name(),
          ": an additional binding cannot have additional_bindings of its own"));
    }
    rules.push_back(&extra);
  }
  for (const google::api::HttpRule* rule : rules) {
    Route route;
    std::string path;
    switch (rule->pattern_case()) {
      case google::api::HttpRule::kGet: route.http_method = "GET"; path = rule->get(); break;
      case google::api::HttpRule::kPut: route.http_method = "PUT"; path = rule->put(); break;
      case google::api::HttpRule::kPost: route.http_method = "POST"; path = rule->post(); break;
      case google::api::HttpRule::kDelete: route.http_method = "DELETE"; path = rule->delete_(); break;
      case google::api::HttpRule::kPatch: route.http_method = "PATCH"; path = rule->patch(); break;
      case google::api::HttpRule::kCustom:
        route.http_method = rule->custom().kind();
        path = rule->custom().path();
        if (!IsHttpToken(route.http_method)) {
          return BindingError(method, route.http_method, path, "custom kind must be an HTTP method name");
        }
        break;
      case google::api::HttpRule::PATTERN_NOT_SET:
        return absl::InvalidArgumentError(absl::StrCat(
            "google.api.http of ", method->full_name(),
            ": a binding needs a pattern (get, put, post, delete, patch or custom)"));
    }
    auto tmpl = PathTemplate::Parse(path);
    if (!tmpl.ok()) return BindingError(method, route.http_method, path, tmpl.status().message());
    route.path = *std::move(tmpl);
    route.method = method;
    route.grpc_method = absl::StrCat("/", method->service()->full_name(), "/", method->name());
    route.body = rule->body();
    route.response_body = rule->response_body();
    route.server_streaming = method->server_streaming();

    const Descriptor* input = method->input_type();
    const Descriptor* output = method->output_type();
    for (const PathTemplate::Variable& var : route.path.variables()) {
      auto chain = ResolvePathField(input, var.field_path);
      if (!chain.ok()) return BindingError(method, route.http_method, path, chain.status().message());
      route.path_fields.push_back(*std::move(chain));
    }
    if (!route.body.empty() && route.http_method == "GET") {
      return BindingError(method, route.http_method, path, "a GET binding cannot have a body");
    }
    if (!route.body.empty() && route.body != "*") {
      route.body_field = input->FindFieldByName(route.body);
      if (route.body_field == nullptr) {
        return BindingError(method, route.http_method, path,
                            absl::StrCat("body: ", input->full_name(), " has no field '",
                                         route.body, "'"));
      }
      for (const FieldChain& chain : route.path_fields) {
        if (chain.size() == 1 && chain.front() == route.body_field) {
          return BindingError(method, route.http_method, path,
                              absl::StrCat("field '", route.body, "' is bound by both the path and the body"));
        }
      }
    }
    if (!route.response_body.empty()) {
      route.response_body_field = output->FindFieldByName(route.response_body);
      if (route.response_body_field == nullptr) {
        return BindingError(method, route.http_method, path,
                            absl::StrCat("response_body: ", output->full_name(),
                                         " has no field '", route.response_body, "'"));
      }
    }
    route.request_prototype = factory_->GetPrototype(input);
    route.response_prototype = factory_->GetPrototype(output);
    if (route.request_prototype == nullptr || route.response_prototype == nullptr) {
      return absl::InternalError(absl::StrCat("no message class for ", method->full_name()));
    }
    routes_.push_back(std::move(route));
  }
  return absl::OkStatus();
}

absl::Status RouteTable::Finish() {
  std::map<std::pair<std::string, std::string>, size_t> shapes;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    auto [it, inserted] = shapes.emplace(std::make_pair(route.http_method, route.path.Shape()), i);
    if (!inserted) {
      const Route& other = routes_[it->second];
      return absl::InvalidArgumentError(absl::StrCat(
          "conflicting routes: ", route.http_method, " ", route.path.text(), " (",
          route.method->full_name(), ") and ", other.http_method, " ", other.path.text(), " (",
          other.method->full_name(), ") match the same requests"));
    }
    by_method_[route.http_method].push_back(i);
    if (!route.path.verb().empty() &&
        std::find(verbs_.begin(), verbs_.end(), route.path.verb()) == verbs_.end()) {
      verbs_.push_back(route.path.verb());
    }
  }
  for (auto& [verb, indices] : by_method_) {
    std::stable_sort(indices.begin(), indices.end(), [this](size_t a, size_t b) {
      return PathTemplate::MoreSpecific(routes_[a].path, routes_[b].path);
    });
  }
  return absl::OkStatus();
}

RouteMatch RouteTable::Match(absl::string_view http_method, absl::string_view path) const {
  RouteMatch result;
  if (!HasValidPercentEscapes(path)) {
    result.kind = RouteMatch::Kind::kBadRequest;
    result.error = absl::InvalidArgumentError(
        "malformed percent-escape in the request path: '%' must be followed by two hex digits");
    return result;
  }
  // Does the last segment end in a declared verb? Then templates without a verb stand aside.
  const absl::string_view last_segment = path.substr(path.rfind('/') + 1);
  bool verb_call = false;
  for (const std::string& verb : verbs_) {
    if (last_segment.size() > verb.size() + 1 && absl::EndsWith(last_segment, verb) &&
        last_segment[last_segment.size() - verb.size() - 1] == ':') {
      verb_call = true;
    }
  }
  const auto may_match = [&](const Route& route) { return !verb_call || !route.path.verb().empty(); };
  if (auto it = by_method_.find(http_method); it != by_method_.end()) {
    for (size_t index : it->second) {
      if (!may_match(routes_[index])) continue;
      if (auto bindings = routes_[index].path.Match(path)) {
        result.kind = RouteMatch::Kind::kMatched;
        result.route = &routes_[index];
        result.bindings = *std::move(bindings);
        return result;
      }
    }
  }
  std::set<std::string> allowed;
  for (const auto& [verb, indices] : by_method_) {
    if (verb == http_method) continue;
    for (size_t index : indices) {
      if (may_match(routes_[index]) && routes_[index].path.Match(path)) {
        allowed.insert(verb);
        break;
      }
    }
  }
  if (!allowed.empty()) {
    result.kind = RouteMatch::Kind::kMethodNotAllowed;
    result.allowed_methods.assign(allowed.begin(), allowed.end());
  }
  return result;
}

}  // namespace kinerja::transcoder
