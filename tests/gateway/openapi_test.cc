// The OpenAPI document and HTML page generated from the gateway's RouteTable: the real protos (the
// descriptor set with source info, as the build-time tool reads it) and a service built here in
// code, which must appear with no generator change. The document is checked as parsed JSON.
#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/wrappers.pb.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gateway/openapi/html_text.h"
#include "gateway/openapi/html_writer.h"
#include "gateway/openapi/openapi_path.h"
#include "gateway/openapi/openapi_writer.h"
#include "gateway/transcoder/route_table.h"
#include "gmock/gmock.h"
#include "google/api/annotations.pb.h"
#include "gtest/gtest.h"

namespace kinerja::openapi {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptorProto;
using google::protobuf::Value;
using transcoder::RouteTable;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// ---- Reading the parsed document ----

// The document parsed as JSON (google.protobuf.Value), or a failed test.
Value Parse(const std::string& json) {
  google::protobuf::Struct doc;
  const auto st = google::protobuf::util::JsonStringToMessage(json, &doc);
  EXPECT_TRUE(st.ok()) << st;
  Value v;
  *v.mutable_struct_value() = doc;
  return v;
}

const Value& Null() {
  static const Value* null = [] {
    auto* v = new Value;
    v->set_null_value(google::protobuf::NULL_VALUE);
    return v;
  }();
  return *null;
}

// v[key] for an object, else null.
const Value& At(const Value& v, const std::string& key) {
  if (!v.has_struct_value()) return Null();
  auto it = v.struct_value().fields().find(key);
  return it == v.struct_value().fields().end() ? Null() : it->second;
}

const Value& At(const Value& v, std::initializer_list<std::string> keys) {
  const Value* cur = &v;
  for (const std::string& k : keys) cur = &At(*cur, k);
  return *cur;
}

std::string Str(const Value& v) { return v.kind_case() == Value::kStringValue ? v.string_value() : ""; }

std::vector<std::string> Keys(const Value& v) {
  std::vector<std::string> out;
  if (v.has_struct_value()) {
    for (const auto& [k, unused] : v.struct_value().fields()) out.push_back(k);
  }
  std::sort(out.begin(), out.end());  // a Struct's map has no order
  return out;
}

std::vector<std::string> StringList(const Value& v) {
  std::vector<std::string> out;
  for (const Value& item : v.list_value().values()) out.push_back(Str(item));
  return out;
}

// The operation whose x-grpc-method is `grpc_method` (and its binding's http method when given):
// {path, method, operation}.
struct FoundOp {
  std::string path, method;
  const Value* op = nullptr;
};
std::vector<FoundOp> OperationsOf(const Value& doc, const std::string& grpc_method) {
  std::vector<FoundOp> out;
  for (const auto& [path, item] : At(doc, "paths").struct_value().fields()) {
    for (const auto& [method, op] : item.struct_value().fields()) {
      if (Str(At(op, "x-grpc-method")) == grpc_method) out.push_back({path, method, &op});
    }
  }
  return out;
}

const Value& OnlyOperation(const Value& doc, const std::string& grpc_method) {
  const std::vector<FoundOp> ops = OperationsOf(doc, grpc_method);
  EXPECT_EQ(ops.size(), 1u) << grpc_method;
  return ops.empty() ? Null() : *ops.front().op;
}

// The parameter `name` in `in` of an operation, or null.
const Value& Param(const Value& op, const std::string& name, const std::string& in = "query") {
  for (const Value& p : At(op, "parameters").list_value().values()) {
    if (Str(At(p, "name")) == name && Str(At(p, "in")) == in) return p;
  }
  return Null();
}

std::set<std::string> ParamNames(const Value& op, const std::string& in) {
  std::set<std::string> out;
  for (const Value& p : At(op, "parameters").list_value().values()) {
    if (Str(At(p, "in")) == in) out.insert(Str(At(p, "name")));
  }
  return out;
}

// Every "$ref" string anywhere under `v`.
void CollectRefs(const Value& v, std::vector<std::string>* out) {
  if (v.has_struct_value()) {
    for (const auto& [k, child] : v.struct_value().fields()) {
      if (k == "$ref") out->push_back(Str(child));
      CollectRefs(child, out);
    }
  } else if (v.has_list_value()) {
    for (const Value& child : v.list_value().values()) CollectRefs(child, out);
  }
}

// "{name}" placeholders of an OpenAPI path, in order.
std::vector<std::string> Placeholders(const std::string& path) {
  std::vector<std::string> out;
  static const std::regex kPlaceholder(R"(\{([^}]*)\})");
  for (std::sregex_iterator it(path.begin(), path.end(), kPlaceholder), end; it != end; ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

// ---- The real protos ----

class OpenApiKinerjaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto table = RouteTable::FromDescriptorSetFile(KINERJA_DESCRIPTOR_SET_PATH);
    ASSERT_TRUE(table.ok()) << table.status();
    table_ = new RouteTable(*std::move(table));
    DocOptions options;
    options.access = [](absl::string_view grpc_method) -> std::optional<MethodAccess> {
      if (grpc_method == "/kinerja.v1.IdentityService/Login") return MethodAccess{true, "anyone"};
      return MethodAccess{false, "BKPP admin"};
    };
    auto json = WriteOpenApiJson(*table_, options);
    ASSERT_TRUE(json.ok()) << json.status();
    json_ = new std::string(*json);
    auto html = WriteApiHtml(*table_, options);
    ASSERT_TRUE(html.ok()) << html.status();
    html_ = new std::string(*html);
    doc_ = new Value(Parse(*json_));
  }
  static void TearDownTestSuite() {
    delete doc_;
    delete html_;
    delete json_;
    delete table_;
  }

  static RouteTable* table_;
  static std::string* json_;
  static std::string* html_;
  static Value* doc_;
};
RouteTable* OpenApiKinerjaTest::table_ = nullptr;
std::string* OpenApiKinerjaTest::json_ = nullptr;
std::string* OpenApiKinerjaTest::html_ = nullptr;
Value* OpenApiKinerjaTest::doc_ = nullptr;

TEST_F(OpenApiKinerjaTest, IsOpenApi303WithInfoAndSecuritySchemes) {
  const Value& doc = *doc_;
  EXPECT_EQ(Str(At(doc, "openapi")), "3.0.3");
  EXPECT_EQ(Str(At(doc, {"info", "title"})), "Kinerja API");
  EXPECT_EQ(Str(At(doc, {"info", "version"})), "v1");
  const std::string description = Str(At(doc, {"info", "description"}));
  for (const char* says : {"POST /v1/sessions:login", "Authorization: Bearer <token>", "x-api-key",
                           "kinerja_session", "X-CSRF-Token", "kinerja_csrf"}) {
    EXPECT_THAT(description, HasSubstr(says));
  }
  const Value& schemes = At(doc, {"components", "securitySchemes"});
  EXPECT_EQ(Str(At(schemes, {"sessionToken", "type"})), "http");
  EXPECT_EQ(Str(At(schemes, {"sessionToken", "scheme"})), "bearer");
  EXPECT_EQ(Str(At(schemes, {"apiKey", "in"})), "header");
  EXPECT_EQ(Str(At(schemes, {"apiKey", "name"})), "x-api-key");
  EXPECT_EQ(Str(At(schemes, {"sessionCookie", "in"})), "cookie");
  EXPECT_EQ(Str(At(schemes, {"sessionCookie", "name"})), "kinerja_session");
  EXPECT_EQ(Str(At(schemes, {"csrfToken", "name"})), "X-CSRF-Token");
}

TEST_F(OpenApiKinerjaTest, EveryRouteIsAnOperationWhosePathTheGatewayRoutesBack) {
  ASSERT_GT(table_->routes().size(), 30u);
  size_t operations = 0;
  std::set<std::string> operation_ids;
  for (const auto& [path, item] : At(*doc_, "paths").struct_value().fields()) {
    operations += item.struct_value().fields_size();
    for (const auto& [method, op] : item.struct_value().fields()) {
      EXPECT_TRUE(operation_ids.insert(Str(At(op, "operationId"))).second) << path;
    }
  }
  EXPECT_EQ(operations, table_->routes().size());
  for (const transcoder::Route& route : table_->routes()) {
    const std::vector<FoundOp> found = OperationsOf(*doc_, route.grpc_method);
    const FoundOp* mine = nullptr;
    for (const FoundOp& f : found) {
      if (f.method == absl::AsciiStrToLower(route.http_method)) mine = &f;
    }
    ASSERT_NE(mine, nullptr) << route.http_method << " " << route.path.text();
    EXPECT_EQ(Str(At(*mine->op, "operationId")),
              absl::StrCat(route.method->service()->name(), "_", route.method->name()));
    EXPECT_EQ(StringList(At(*mine->op, "tags")), std::vector<std::string>{route.method->service()->name()});
    // Filled in, the OpenAPI path is a URL the gateway sends to this very method.
    std::string url = mine->path;
    int n = 0;
    for (const std::string& name : Placeholders(mine->path)) {
      url = absl::StrReplaceAll(url, {{absl::StrCat("{", name, "}"), absl::StrCat("v", ++n)}});
    }
    const transcoder::RouteMatch m = table_->Match(route.http_method, url);
    ASSERT_EQ(m.kind, transcoder::RouteMatch::Kind::kMatched) << url;
    EXPECT_EQ(m.route->grpc_method, route.grpc_method) << url;
  }
}

TEST_F(OpenApiKinerjaTest, ResourceNamePatternsBecomeDistinctPaths) {
  EXPECT_EQ(OperationsOf(*doc_, "/kinerja.v1.DirectoryService/GetOpd").front().path, "/v1/opds/{opd}");
  EXPECT_EQ(OperationsOf(*doc_, "/kinerja.v1.DirectoryService/GetPosition").front().path,
            "/v1/positions/{position}");
  EXPECT_EQ(OperationsOf(*doc_, "/kinerja.v1.DirectoryService/UpdatePosition").front().path,
            "/v1/positions/{position}");
  EXPECT_EQ(OperationsOf(*doc_, "/kinerja.v1.DirectoryService/TransferEmployee").front().path,
            "/v1/employees/{employee}:transfer");
  const Value& param = Param(OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/GetOpd"), "opd", "path");
  EXPECT_THAT(Str(At(param, "description")), HasSubstr("opds/{opd}"));
  // No two paths differ only in their placeholder names (OpenAPI calls those identical).
  std::set<std::string> shapes;
  for (const std::string& path : Keys(At(*doc_, "paths"))) {
    std::string shape = path;
    for (const std::string& name : Placeholders(path)) {
      shape = absl::StrReplaceAll(shape, {{absl::StrCat("{", name, "}"), "{}"}});
    }
    EXPECT_TRUE(shapes.insert(shape).second) << path;
  }
}

TEST_F(OpenApiKinerjaTest, EveryPlaceholderIsARequiredPathParameter) {
  for (const auto& [path, item] : At(*doc_, "paths").struct_value().fields()) {
    const std::vector<std::string> names = Placeholders(path);
    for (const auto& [method, op] : item.struct_value().fields()) {
      EXPECT_EQ(ParamNames(op, "path"), std::set<std::string>(names.begin(), names.end()))
          << method << " " << path;
      for (const std::string& name : names) {
        EXPECT_TRUE(At(Param(op, name, "path"), "required").bool_value()) << path;
      }
    }
  }
}

TEST_F(OpenApiKinerjaTest, UnboundFieldsAreQueryParameters) {
  const Value& list = OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/ListEmployees");
  EXPECT_EQ(ParamNames(list, "query"),
            (std::set<std::string>{"pageSize", "pageToken", "opd", "unit", "positionKind", "namePrefix"}));
  EXPECT_EQ(Str(At(Param(list, "pageSize"), {"schema", "type"})), "integer");
  EXPECT_THAT(Str(At(Param(list, "pageSize"), "description")), HasSubstr("at most 1000"));
  EXPECT_THAT(StringList(At(Param(list, "positionKind"), {"schema", "enum"})), Contains("PELAKSANA"));
  // Bound by the path: not in the query.
  EXPECT_TRUE(ParamNames(OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/GetOpd"), "query").empty());
  // Body "position": only the rest; a FieldMask is text.
  const Value& update = OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/UpdatePosition");
  EXPECT_EQ(ParamNames(update, "query"), std::set<std::string>{"updateMask"});
  EXPECT_EQ(Str(At(Param(update, "updateMask"), {"schema", "type"})), "string");
  // Body "*": no query parameters at all.
  EXPECT_TRUE(ParamNames(OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/TransferEmployee"), "query").empty());
  const Value& audit = OnlyOperation(*doc_, "/kinerja.v1.AuditService/ListAuditEvents");
  EXPECT_EQ(Str(At(Param(audit, "startTime"), {"schema", "format"})), "date-time");
}

TEST_F(OpenApiKinerjaTest, BodiesAndResponses) {
  const Value& create = OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/CreateOpd");
  EXPECT_EQ(Str(At(create, {"requestBody", "content", "application/json", "schema", "$ref"})),
            "#/components/schemas/kinerja.v1.Opd");
  EXPECT_EQ(Str(At(create, {"responses", "200", "content", "application/json", "schema", "$ref"})),
            "#/components/schemas/kinerja.v1.Opd");
  EXPECT_EQ(Str(At(create, {"responses", "default", "content", "application/json", "schema", "$ref"})),
            "#/components/schemas/google.rpc.Status");
  const Value& transfer = OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/TransferEmployee");
  const Value& body = At(transfer, {"requestBody", "content", "application/json", "schema", "properties"});
  EXPECT_THAT(Keys(body), Contains("effectiveDate"));
  EXPECT_THAT(Keys(body), Not(Contains("employee")));  // from the path
  EXPECT_EQ(At(OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/GetOpd"), "requestBody").kind_case(),
            Value::kNullValue);
  const Value& status = At(*doc_, {"components", "schemas", "google.rpc.Status", "properties"});
  EXPECT_THAT(Keys(status), ::testing::UnorderedElementsAre("code", "message", "details"));
  EXPECT_EQ(Str(At(status, {"details", "items", "properties", "@type", "type"})), "string");
}

TEST_F(OpenApiKinerjaTest, EveryRefResolves) {
  std::vector<std::string> refs;
  CollectRefs(*doc_, &refs);
  ASSERT_GT(refs.size(), 50u);
  const Value& schemas = At(*doc_, {"components", "schemas"});
  for (const std::string& ref : refs) {
    ASSERT_TRUE(absl::StartsWith(ref, "#/components/schemas/")) << ref;
    EXPECT_TRUE(At(schemas, ref.substr(strlen("#/components/schemas/"))).has_struct_value()) << ref;
  }
}

TEST_F(OpenApiKinerjaTest, SchemasAreProto3JsonWithCommentsAsDescriptions) {
  const Value& schemas = At(*doc_, {"components", "schemas"});
  const Value& opd = At(schemas, {"kinerja.v1.Opd", "properties"});
  EXPECT_THAT(Keys(opd), Contains("displayName"));
  EXPECT_THAT(Keys(opd), Not(Contains("display_name")));
  EXPECT_THAT(Str(At(opd, {"code", "description"})), HasSubstr("2-32 characters"));
  EXPECT_THAT(StringList(At(schemas, {"kinerja.v1.PositionKind", "enum"})), Contains("FUNGSIONAL"));
  EXPECT_EQ(Str(At(schemas, {"kinerja.v1.AuditEvent", "properties", "time", "format"})), "date-time");
  EXPECT_EQ(Str(At(schemas, {"kinerja.v1.ImportEmployeesRequest", "properties", "csv", "format"})), "byte");
  const Value& transfer = OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/TransferEmployee");
  EXPECT_THAT(Str(At(transfer, "description")), HasSubstr("history is never overwritten"));
  EXPECT_EQ(Str(At(OnlyOperation(*doc_, "/kinerja.v1.IdentityService/Login"), "summary")), "Signs in.");
}

TEST_F(OpenApiKinerjaTest, SecurityFollowsTheMethodAndItsAccess) {
  const Value& login = OnlyOperation(*doc_, "/kinerja.v1.IdentityService/Login");
  EXPECT_EQ(At(login, "security").list_value().values_size(), 0);  // public
  auto requirements = [](const Value& op) {
    std::set<std::string> out;
    for (const Value& r : At(op, "security").list_value().values()) {
      out.insert(absl::StrJoin(Keys(r), "+"));
    }
    return out;
  };
  EXPECT_EQ(requirements(OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/GetOpd")),
            (std::set<std::string>{"sessionToken", "apiKey", "sessionCookie"}));
  EXPECT_EQ(requirements(OnlyOperation(*doc_, "/kinerja.v1.DirectoryService/CreateOpd")),
            (std::set<std::string>{"sessionToken", "apiKey", "csrfToken+sessionCookie"}));
}

TEST_F(OpenApiKinerjaTest, HtmlPageShowsEveryOperation) {
  const std::string& html = *html_;
  EXPECT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<title>Kinerja API v1</title>"));
  EXPECT_THAT(html, HasSubstr("href=\"/openapi.json\""));
  EXPECT_THAT(html, HasSubstr("X-CSRF-Token"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("http://")));  // nothing fetched from elsewhere
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  for (const auto& [path, item] : At(*doc_, "paths").struct_value().fields()) {
    for (const auto& [method, op] : item.struct_value().fields()) {
      const std::string id = Str(At(op, "operationId"));
      EXPECT_THAT(html, HasSubstr(absl::StrCat("id=\"op-", id, "\""))) << id;
      EXPECT_THAT(html, HasSubstr(absl::StrCat(">", absl::AsciiStrToUpper(method), "</span><code class=\"path\">",
                                               HtmlEscape(path), "</code>")));
    }
  }
  // Nested messages are linked to their section, which exists.
  EXPECT_THAT(html, HasSubstr("<a href=\"#schema-kinerja.v1.Assignment\">kinerja.v1.Assignment</a>"));
  EXPECT_THAT(html, HasSubstr("id=\"schema-kinerja.v1.Assignment\""));
  EXPECT_THAT(html, HasSubstr("history is never overwritten"));
}

// ---- A service built in code: the generator knows nothing about it ----

constexpr char kEchoFile[] = R"pb(
  name: "test/v1/echo.proto"
  package: "test.v1"
  syntax: "proto3"
  dependency: "google/api/annotations.proto"
  dependency: "google/protobuf/timestamp.proto"
  dependency: "google/protobuf/duration.proto"
  dependency: "google/protobuf/field_mask.proto"
  dependency: "google/protobuf/wrappers.proto"
  enum_type {
    name: "Color"
    value { name: "COLOR_UNSPECIFIED" number: 0 }
    value { name: "RED" number: 1 }
  }
  message_type {
    name: "Inner"
    field { name: "id" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "count" number: 2 label: LABEL_OPTIONAL type: TYPE_INT32 }
    field { name: "next" number: 3 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test.v1.Inner" }
  }
  message_type {
    name: "EchoRequest"
    field { name: "name" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "inner" number: 2 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test.v1.Inner" }
    field { name: "tags" number: 3 label: LABEL_REPEATED type: TYPE_STRING }
    field { name: "color" number: 4 label: LABEL_OPTIONAL type: TYPE_ENUM type_name: ".test.v1.Color" }
    field { name: "big_number" number: 5 label: LABEL_OPTIONAL type: TYPE_INT64 }
    field { name: "at" number: 6 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".google.protobuf.Timestamp" }
    field { name: "mask" number: 7 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".google.protobuf.FieldMask" }
    field { name: "blob" number: 8 label: LABEL_OPTIONAL type: TYPE_BYTES }
    field { name: "a" number: 9 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
    field { name: "b" number: 10 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
    field { name: "labels" number: 11 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".test.v1.EchoRequest.LabelsEntry" }
    field { name: "items" number: 12 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".test.v1.Inner" }
    field { name: "wrapped" number: 13 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".google.protobuf.Int32Value" }
    field { name: "wait" number: 14 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".google.protobuf.Duration" }
    field { name: "id" number: 15 label: LABEL_OPTIONAL type: TYPE_UINT64 }
    nested_type {
      name: "LabelsEntry"
      field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
      field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_INT64 }
      options { map_entry: true }
    }
    oneof_decl { name: "choice" }
  }
  message_type {
    name: "EchoResponse"
    field { name: "name" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "tags" number: 2 label: LABEL_REPEATED type: TYPE_STRING }
    field { name: "total" number: 3 label: LABEL_OPTIONAL type: TYPE_INT64 }
  }
  service { name: "EchoService" }
  source_code_info {
    location { path: [ 6, 0, 2, 0 ] span: [ 0, 0, 1 ] leading_comments: " Echoes <b>bold</b> & \"quoted\" <script>alert(1)</script>.\n" }
  }
)pb";

void AddMethod(FileDescriptorProto* file, const std::string& name, const google::api::HttpRule& rule,
               bool server_streaming = false) {
  auto* method = file->mutable_service(0)->add_method();
  method->set_name(name);
  method->set_input_type(".test.v1.EchoRequest");
  method->set_output_type(".test.v1.EchoResponse");
  method->set_server_streaming(server_streaming);
  *method->mutable_options()->MutableExtension(google::api::http) = rule;
}

google::api::HttpRule Rule(const std::string& method, const std::string& path, const std::string& body = "") {
  google::api::HttpRule rule;
  if (method == "GET") rule.set_get(path);
  if (method == "POST") rule.set_post(path);
  if (method == "DELETE") rule.set_delete_(path);
  rule.set_body(body);
  return rule;
}

void AddGenerated(const google::protobuf::FileDescriptor* file, DescriptorPool* pool) {
  if (pool->FindFileByName(file->name()) != nullptr) return;
  for (int i = 0; i < file->dependency_count(); ++i) AddGenerated(file->dependency(i), pool);
  FileDescriptorProto proto;
  file->CopyTo(&proto);
  ASSERT_NE(pool->BuildFile(proto), nullptr) << file->name();
}

class OpenApiInCodeServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    FileDescriptorProto file;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kEchoFile, &file));
    google::api::HttpRule echo = Rule("GET", "/test/v1/{name=messages/*}");
    *echo.add_additional_bindings() = Rule("POST", "/test/v1/{name=messages/*}:shout", "*");
    AddMethod(&file, "Echo", echo);
    // One template shape under another variable name: the OpenAPI path must be the same one.
    AddMethod(&file, "Forget", Rule("DELETE", "/test/v1/messages/{inner.id}"));
    AddMethod(&file, "GetById", Rule("GET", "/test/v1/ids/{id}"));
    AddMethod(&file, "Deep", Rule("GET", "/test/v1/{name=rooms/*/books/*}"));
    google::api::HttpRule watch = Rule("GET", "/test/v1/{name=messages/*}:watch");
    watch.set_response_body("tags");
    AddMethod(&file, "Watch", watch, /*server_streaming=*/true);

    pool_ = std::make_unique<DescriptorPool>();
    AddGenerated(DescriptorPool::generated_pool()->FindFileByName("google/api/annotations.proto"), pool_.get());
    for (const auto* dep : {google::protobuf::Timestamp::descriptor()->file(),
                            google::protobuf::Duration::descriptor()->file(),
                            google::protobuf::FieldMask::descriptor()->file(),
                            google::protobuf::Int32Value::descriptor()->file()}) {
      AddGenerated(dep, pool_.get());
    }
    ASSERT_NE(pool_->BuildFile(file), nullptr);
    auto table = RouteTable::FromFiles(pool_.get(), {"test/v1/echo.proto"});
    ASSERT_TRUE(table.ok()) << table.status();
    table_ = std::make_unique<RouteTable>(*std::move(table));
    auto json = WriteOpenApiJson(*table_);
    ASSERT_TRUE(json.ok()) << json.status();
    json_ = *json;
    doc_ = Parse(json_);
    auto html = WriteApiHtml(*table_);
    ASSERT_TRUE(html.ok()) << html.status();
    html_ = *html;
  }

  std::unique_ptr<DescriptorPool> pool_;
  std::unique_ptr<RouteTable> table_;
  std::string json_, html_;
  Value doc_;
};

TEST_F(OpenApiInCodeServiceTest, AppearsWithEveryBinding) {
  const std::vector<FoundOp> echo = OperationsOf(doc_, "/test.v1.EchoService/Echo");
  ASSERT_EQ(echo.size(), 2u);
  std::map<std::string, std::string> by_method;
  for (const FoundOp& f : echo) by_method[f.method] = f.path;
  EXPECT_EQ(by_method["get"], "/test/v1/messages/{message}");
  EXPECT_EQ(by_method["post"], "/test/v1/messages/{message}:shout");
  EXPECT_EQ(Str(At(doc_, {"paths", "/test/v1/messages/{message}:shout", "post", "operationId"})), "EchoService_Echo_2");
  EXPECT_EQ(Str(At(doc_, {"paths", "/test/v1/messages/{message}", "delete", "operationId"})), "EchoService_Forget");
  EXPECT_THAT(Str(At(Param(At(doc_, {"paths", "/test/v1/messages/{message}", "delete"}), "message", "path"), "description")),
              HasSubstr("inner.id"));
  EXPECT_EQ(OperationsOf(doc_, "/test.v1.EchoService/Deep").front().path, "/test/v1/rooms/{room}/books/{book}");
  const Value& by_id = OnlyOperation(doc_, "/test.v1.EchoService/GetById");
  EXPECT_EQ(Str(At(Param(by_id, "id", "path"), {"schema", "type"})), "string");
  EXPECT_EQ(Str(At(Param(by_id, "id", "path"), {"schema", "format"})), "uint64");
  const Value& summary = At(OnlyOperation(doc_, "/test.v1.EchoService/GetById"), "summary");
  EXPECT_EQ(summary.kind_case(), Value::kNullValue);  // no comment, no summary
}

TEST_F(OpenApiInCodeServiceTest, QueryParametersReachNestedAndWellKnownFields) {
  const Value& get = At(doc_, {"paths", "/test/v1/messages/{message}", "get"});
  EXPECT_EQ(ParamNames(get, "query"),
            (std::set<std::string>{"inner.id", "inner.count", "tags", "color", "bigNumber", "at", "mask",
                                   "blob", "a", "b", "wrapped", "wait", "id"}))
      << "no labels (a map), no items (repeated messages), no name (the path), no inner.next (a cycle)";
  EXPECT_EQ(Str(At(Param(get, "tags"), {"schema", "type"})), "array");
  EXPECT_EQ(StringList(At(Param(get, "color"), {"schema", "enum"})),
            (std::vector<std::string>{"COLOR_UNSPECIFIED", "RED"}));
  EXPECT_EQ(Str(At(Param(get, "bigNumber"), {"schema", "type"})), "string");
  EXPECT_EQ(Str(At(Param(get, "bigNumber"), {"schema", "format"})), "int64");
  EXPECT_EQ(Str(At(Param(get, "wait"), {"schema", "type"})), "string");
  EXPECT_TRUE(At(Param(get, "wrapped"), {"schema", "nullable"}).bool_value());
  EXPECT_THAT(Str(At(Param(get, "a"), "description")), HasSubstr("oneof `choice`"));
}

TEST_F(OpenApiInCodeServiceTest, SchemasAndStreaming) {
  // The shout binding's body is the whole request but the field its path binds.
  const Value& shout = At(doc_, {"paths", "/test/v1/messages/{message}:shout", "post"});
  const Value& body = At(shout, {"requestBody", "content", "application/json", "schema"});
  EXPECT_THAT(Keys(At(body, "properties")), Not(Contains("name")));
  EXPECT_THAT(Str(At(body, "description")), HasSubstr("Oneof `choice`"));
  const Value& request = At(body, "properties");
  EXPECT_EQ(Str(At(request, {"bigNumber", "type"})), "string");
  EXPECT_EQ(Str(At(request, {"bigNumber", "format"})), "int64");
  EXPECT_EQ(Str(At(request, {"id", "format"})), "uint64");
  EXPECT_EQ(Str(At(request, {"blob", "format"})), "byte");
  EXPECT_EQ(Str(At(request, {"labels", "type"})), "object");
  EXPECT_EQ(Str(At(request, {"labels", "additionalProperties", "format"})), "int64");
  EXPECT_EQ(Str(At(request, {"items", "items", "$ref"})), "#/components/schemas/test.v1.Inner");
  EXPECT_EQ(Str(At(request, {"color", "$ref"})), "#/components/schemas/test.v1.Color");
  EXPECT_EQ(Str(At(request, {"at", "format"})), "date-time");
  EXPECT_EQ(Str(At(request, {"wrapped", "type"})), "integer");
  // Components: the recursive message refers to itself; the enum lists its values.
  const Value& schemas = At(doc_, {"components", "schemas"});
  EXPECT_EQ(Str(At(schemas, {"test.v1.Inner", "properties", "next", "$ref"})), "#/components/schemas/test.v1.Inner");
  EXPECT_EQ(StringList(At(schemas, {"test.v1.Color", "enum"})), (std::vector<std::string>{"COLOR_UNSPECIFIED", "RED"}));
  const Value& watch = OnlyOperation(doc_, "/test.v1.EchoService/Watch");
  EXPECT_EQ(Str(At(watch, {"responses", "200", "content", "application/x-ndjson", "schema", "type"})), "array");
  // google.rpc.Status is documented even though this pool does not hold it.
  EXPECT_TRUE(At(doc_, {"components", "schemas", "google.rpc.Status"}).has_struct_value());
  std::vector<std::string> refs;
  CollectRefs(doc_, &refs);
  for (const std::string& ref : refs) {
    EXPECT_TRUE(At(doc_, {"components", "schemas", ref.substr(strlen("#/components/schemas/"))}).has_struct_value())
        << ref;
  }
}

TEST_F(OpenApiInCodeServiceTest, CommentsAreDescriptionsAndHtmlEscapesThem) {
  const std::string comment = "Echoes <b>bold</b> & \"quoted\" <script>alert(1)</script>.";
  const Value& get = At(doc_, {"paths", "/test/v1/messages/{message}", "get"});
  EXPECT_EQ(Str(At(get, "description")), comment);
  EXPECT_THAT(html_, HasSubstr("Echoes &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; "
                               "&lt;script&gt;alert(1)&lt;/script&gt;."));
  EXPECT_THAT(html_, Not(HasSubstr("<script")));
  EXPECT_THAT(html_, Not(HasSubstr("<b>bold")));
  for (const char* id : {"EchoService_Echo", "EchoService_Echo_2", "EchoService_Forget", "EchoService_GetById",
                         "EchoService_Deep", "EchoService_Watch"}) {
    EXPECT_THAT(html_, HasSubstr(absl::StrCat("id=\"op-", id, "\"")));
  }
}

// ---- Pieces ----

TEST(OpenApiPathTest, TemplatesBecomePaths) {
  auto path = [](const char* text) {
    auto t = transcoder::PathTemplate::Parse(text);
    EXPECT_TRUE(t.ok()) << t.status();
    return ToOpenApiPath(*t);
  };
  EXPECT_EQ(path("/v1/{name=opds/*}").path, "/v1/opds/{opd}");
  EXPECT_EQ(path("/v1/{name=opds/*}").params[0].resource, "opds/{opd}");
  EXPECT_EQ(path("/v1/{name=positions/*}").path, "/v1/positions/{position}");
  EXPECT_EQ(path("/v1/{employee=employees/*}:transfer").path, "/v1/employees/{employee}:transfer");
  EXPECT_EQ(path("/v1/{parent=opds/*/units/*}/members").path, "/v1/opds/{opd}/units/{unit}/members");
  EXPECT_EQ(path("/v1/{parent=opds/*/units/*}/members").shape, "/v1/opds/{}/units/{}/members");
  EXPECT_EQ(path("/v1/{id}").path, "/v1/{id}");
  EXPECT_TRUE(path("/v1/{id}").params[0].resource.empty());
  EXPECT_EQ(path("/v1/{position.name=positions/*}").path, "/v1/positions/{position}");
  EXPECT_EQ(path("/v1/{a=*/*}").path, "/v1/{a}/{a2}");
  EXPECT_EQ(path("/v1/{name=files/**}").path, "/v1/files/{filePath}");
  EXPECT_TRUE(path("/v1/{name=files/**}").params[0].multi_segment);
  EXPECT_EQ(path("/v1/employees:import").path, "/v1/employees:import");
  const std::vector<std::string> names = {"x"};
  auto t = transcoder::PathTemplate::Parse("/v1/{name=opds/*}");
  EXPECT_EQ(ToOpenApiPath(*t, &names).path, "/v1/opds/{x}");
  EXPECT_EQ(SingularOf("entries"), "entry");
  EXPECT_EQ(SingularOf("roleGrants"), "roleGrant");
  EXPECT_EQ(SingularOf("boxes"), "box");
  EXPECT_EQ(SingularOf("me"), "meId");
}

TEST(OpenApiHtmlTextTest, EscapesAndFormats) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(InlineHtml("use `a<b` and **this**"), "use <code>a&lt;b</code> and <strong>this</strong>");
  EXPECT_EQ(ProseHtml("one\ntwo\n\n- x\n- y"), "<p>one two</p>\n<ul><li>x</li><li>y</li></ul>\n");
  EXPECT_EQ(ProseHtml("names:\n  a  first"), "<p>names:<br>a  first</p>\n");
  EXPECT_EQ(ProseHtml(""), "");
}

}  // namespace
}  // namespace kinerja::openapi
