// An annotated RPC added to a .proto works with no transcoder change: a service the binary has never
// seen (built here as a FileDescriptorProto, its google.api.http set through the MethodOptions
// extension) is routed, its request built as a DynamicMessage, its response written as JSON. Also
// the start-up checks on bindings.
#include <memory>
#include <string>

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/wrappers.pb.h>

#include "gateway/transcoder/request_builder.h"
#include "gateway/transcoder/response_writer.h"
#include "gateway/transcoder/route_table.h"
#include "gmock/gmock.h"
#include "google/api/annotations.pb.h"
#include "gtest/gtest.h"

namespace kinerja::transcoder {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptorProto;
using google::protobuf::Message;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// Messages of test/v1/echo.proto (proto3). The service is added in code below.
constexpr char kEchoMessages[] = R"pb(
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
    value { name: "GREEN" number: 2 }
  }
  message_type {
    name: "Inner"
    field { name: "id" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "count" number: 2 label: LABEL_OPTIONAL type: TYPE_INT32 }
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
    field { name: "flag" number: 8 label: LABEL_OPTIONAL type: TYPE_BOOL }
    field { name: "small" number: 9 label: LABEL_OPTIONAL type: TYPE_UINT32 }
    field { name: "ratio" number: 10 label: LABEL_OPTIONAL type: TYPE_DOUBLE }
    field { name: "blob" number: 11 label: LABEL_OPTIONAL type: TYPE_BYTES }
    field { name: "a" number: 12 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
    field { name: "b" number: 13 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
    field { name: "labels" number: 14 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".test.v1.EchoRequest.LabelsEntry" }
    field { name: "items" number: 15 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".test.v1.Inner" }
    field { name: "wrapped" number: 16 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".google.protobuf.Int32Value" }
    field { name: "wait" number: 17 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".google.protobuf.Duration" }
    field { name: "colors" number: 18 label: LABEL_REPEATED type: TYPE_ENUM type_name: ".test.v1.Color" }
    field { name: "id" number: 19 label: LABEL_OPTIONAL type: TYPE_INT64 }
    nested_type {
      name: "LabelsEntry"
      field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
      field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_STRING }
      options { map_entry: true }
    }
    oneof_decl { name: "choice" }
  }
  message_type {
    name: "EchoResponse"
    field { name: "name" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
    field { name: "tags" number: 2 label: LABEL_REPEATED type: TYPE_STRING }
    field { name: "inner" number: 3 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test.v1.Inner" }
    field { name: "total" number: 4 label: LABEL_OPTIONAL type: TYPE_INT64 }
  }
)pb";

google::api::HttpRule Get(const std::string& path) {
  google::api::HttpRule rule;
  rule.set_get(path);
  return rule;
}

google::api::HttpRule Post(const std::string& path, const std::string& body) {
  google::api::HttpRule rule;
  rule.set_post(path);
  rule.set_body(body);
  return rule;
}

// Adds rpc `name` (EchoRequest -> EchoResponse) with `rule` as its google.api.http option.
void AddMethod(FileDescriptorProto* file, const std::string& name, const google::api::HttpRule& rule,
               bool server_streaming = false) {
  if (file->service_size() == 0) file->add_service()->set_name("EchoService");
  auto* method = file->mutable_service(0)->add_method();
  method->set_name(name);
  method->set_input_type(".test.v1.EchoRequest");
  method->set_output_type(".test.v1.EchoResponse");
  method->set_server_streaming(server_streaming);
  *method->mutable_options()->MutableExtension(google::api::http) = rule;
}

FileDescriptorProto EchoFile() {
  FileDescriptorProto file;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kEchoMessages, &file));
  return file;
}

// Copies a generated file and its imports into `pool` (imports first).
void AddGenerated(const google::protobuf::FileDescriptor* file, DescriptorPool* pool) {
  if (pool->FindFileByName(file->name()) != nullptr) return;
  for (int i = 0; i < file->dependency_count(); ++i) AddGenerated(file->dependency(i), pool);
  FileDescriptorProto proto;
  file->CopyTo(&proto);
  ASSERT_NE(pool->BuildFile(proto), nullptr) << file->name();
}

// A fresh pool holding `file` and what it imports.
std::unique_ptr<DescriptorPool> PoolWith(const FileDescriptorProto& file) {
  auto pool = std::make_unique<DescriptorPool>();
  AddGenerated(google::api::HttpRule::descriptor()->file(), pool.get());
  AddGenerated(DescriptorPool::generated_pool()->FindFileByName("google/api/annotations.proto"), pool.get());
  AddGenerated(google::protobuf::Timestamp::descriptor()->file(), pool.get());
  AddGenerated(google::protobuf::Duration::descriptor()->file(), pool.get());
  AddGenerated(google::protobuf::FieldMask::descriptor()->file(), pool.get());
  AddGenerated(google::protobuf::Int32Value::descriptor()->file(), pool.get());
  EXPECT_NE(pool->BuildFile(file), nullptr);
  return pool;
}

class EchoServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    FileDescriptorProto file = EchoFile();
    google::api::HttpRule echo = Get("/test/v1/{name=echoes/*}");
    *echo.add_additional_bindings() = Post("/test/v1/{name=echoes/*}:shout", "*");
    google::api::HttpRule put;
    put.set_put("/test/v1/{inner.id=inners/*}");
    put.set_body("tags");
    *echo.add_additional_bindings() = put;
    AddMethod(&file, "Echo", echo);
    google::api::HttpRule watch = Get("/test/v1/{name=echoes/*}:watch");
    watch.set_response_body("tags");
    AddMethod(&file, "Watch", watch, /*server_streaming=*/true);
    AddMethod(&file, "GetById", Get("/test/v1/ids/{id}"));
    pool_ = PoolWith(file);
    auto table = RouteTable::FromFiles(pool_.get(), {"test/v1/echo.proto"});
    ASSERT_TRUE(table.ok()) << table.status();
    table_ = std::make_unique<RouteTable>(*std::move(table));
  }

  absl::StatusOr<std::unique_ptr<Message>> Build(absl::string_view method, absl::string_view path,
                                                 absl::string_view query, absl::string_view body = "") {
    const RouteMatch m = table_->Match(method, path);
    if (m.kind != RouteMatch::Kind::kMatched) return absl::NotFoundError("no route");
    return BuildRequest(*m.route, m.bindings, query, body);
  }

  // The request as JSON with proto field names, to check every field at once.
  static std::string Json(const absl::StatusOr<std::unique_ptr<Message>>& built) {
    EXPECT_TRUE(built.ok()) << built.status();
    if (!built.ok()) return "";
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    std::string out;
    EXPECT_TRUE(google::protobuf::util::MessageToJsonString(**built, &out, options).ok());
    return out;
  }

  static void ExpectRefused(const absl::StatusOr<std::unique_ptr<Message>>& built, absl::string_view says) {
    ASSERT_FALSE(built.ok());
    EXPECT_EQ(built.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(built.status().message(), HasSubstr(says));
  }

  std::unique_ptr<DescriptorPool> pool_;
  std::unique_ptr<RouteTable> table_;
};

TEST_F(EchoServiceTest, RoutesEveryBindingOfTheNewService) {
  ASSERT_EQ(table_->routes().size(), 5u);
  EXPECT_EQ(table_->routes()[0].grpc_method, "/test.v1.EchoService/Echo");
  EXPECT_EQ(table_->routes()[1].path.text(), "/test/v1/{name=echoes/*}:shout");
  EXPECT_EQ(table_->routes()[2].http_method, "PUT");
  EXPECT_TRUE(table_->routes()[3].server_streaming);
  EXPECT_EQ(table_->routes()[3].response_body, "tags");

  RouteMatch m = table_->Match("GET", "/test/v1/echoes/hello");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(m.route->grpc_method, "/test.v1.EchoService/Echo");
  EXPECT_THAT(m.bindings, ElementsAre(Pair("name", "echoes/hello")));
  EXPECT_EQ(table_->Match("GET", "/test/v1/echoes/hello:watch").route->grpc_method,
            "/test.v1.EchoService/Watch");
  EXPECT_EQ(table_->Match("POST", "/test/v1/echoes/hello:shout").route->grpc_method,
            "/test.v1.EchoService/Echo");
  EXPECT_EQ(table_->Match("DELETE", "/test/v1/echoes/hello").kind, RouteMatch::Kind::kMethodNotAllowed);
}

TEST_F(EchoServiceTest, BuildsADynamicMessageFromPathAndQuery) {
  const auto built = Build("GET", "/test/v1/echoes/hello",
                           "tags=a&tags=b%20c&color=GREEN&colors=RED&colors=2&inner.count=3"
                           "&bigNumber=9007199254740993&at=2024-01-31T17:00:00Z"
                           "&mask=title,superiorPosition&flag=true&small=7&ratio=0.25&blob=AQI"
                           "&a=x&wrapped=-5&wait=1.5s&inner.id=i-1");
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_EQ((*built)->GetDescriptor()->file()->pool(), pool_.get());  // not a generated class
  EXPECT_NE(dynamic_cast<google::protobuf::DynamicMessageFactory*>(
                (*built)->GetReflection()->GetMessageFactory()),
            nullptr);
  EXPECT_EQ(Json(built),
            R"({"name":"echoes/hello","inner":{"id":"i-1","count":3},"tags":["a","b c"],"color":"GREEN",)"
            R"("big_number":"9007199254740993","at":"2024-01-31T17:00:00Z","mask":"title,superiorPosition",)"
            R"("flag":true,"small":7,"ratio":0.25,"blob":"AQI=","a":"x","wrapped":-5,"wait":"1.500s",)"
            R"("colors":["RED","GREEN"]})");
  // The bytes a generic stub would send parse back into the same message.
  std::unique_ptr<Message> copy((*built)->New());
  ASSERT_TRUE(copy->ParseFromString((*built)->SerializeAsString()));
  EXPECT_EQ(copy->SerializeAsString(), (*built)->SerializeAsString());
}

TEST_F(EchoServiceTest, PathVariablesOfOtherTypesAreParsed) {
  EXPECT_EQ(Json(Build("GET", "/test/v1/ids/42", "")), R"({"id":"42"})");
  ExpectRefused(Build("GET", "/test/v1/ids/forty-two", ""), "path variable 'id': 'forty-two' is not an integer");
}

TEST_F(EchoServiceTest, QueryRefusals) {
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "a=1&b=2"), "only one field of 'choice'");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "labels=x"), "map field");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "items.id=1"), "'items' is not a singular message field");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "inner=1"), "is a message");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "small=-1"), "non-negative");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "colors=RED&colors=BLUE"), "'BLUE' is not a value");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "wait=soon"), "duration");
  ExpectRefused(Build("GET", "/test/v1/echoes/x", "flag=true&flag=false"), "more than once");
}

TEST_F(EchoServiceTest, AThousandRepeatedParametersAreFine) {
  std::string query;
  for (int i = 0; i < 1000; ++i) query += "tags=t&";
  const auto built = Build("GET", "/test/v1/echoes/x", query);
  ASSERT_TRUE(built.ok()) << built.status();
  const auto* tags = (*built)->GetDescriptor()->FindFieldByName("tags");
  EXPECT_EQ((*built)->GetReflection()->FieldSize(**built, tags), 1000);
  ExpectRefused(Build("GET", "/test/v1/echoes/x", query + "tags=t"), "too many query parameters");
}

TEST_F(EchoServiceTest, StarBodyWithAPathVariable) {
  EXPECT_EQ(Json(Build("POST", "/test/v1/echoes/hi:shout", "", R"({"tags":["x"],"bigNumber":"12"})")),
            R"({"name":"echoes/hi","tags":["x"],"big_number":"12"})");
  ExpectRefused(Build("POST", "/test/v1/echoes/hi:shout", "", R"({"name":"echoes/other"})"),
                "different value than the URL path");
  ExpectRefused(Build("POST", "/test/v1/echoes/hi:shout", "", R"({"nope":1})"), "nope");
}

TEST_F(EchoServiceTest, BodyMappedToARepeatedScalarField) {
  EXPECT_EQ(Json(Build("PUT", "/test/v1/inners/7", "color=RED", R"(["a","b"])")),
            R"({"inner":{"id":"inners/7"},"tags":["a","b"],"color":"RED"})");
  const auto wrong = Build("PUT", "/test/v1/inners/7", "", R"({"x":1})");
  ExpectRefused(wrong, "request body 'tags'");
  EXPECT_THAT(wrong.status().GetPayload("type.googleapis.com/google.rpc.BadRequest")->Flatten(),
              HasSubstr("\n\x04tags"));  // the violation is on "tags" itself
  // The body cannot smuggle other fields in beside the mapped one.
  ExpectRefused(Build("PUT", "/test/v1/inners/7", "", R"(["a"], "name": "x")"), "unexpected ','");
  ExpectRefused(Build("PUT", "/test/v1/inners/7", "tags=x", "[]"), "taken from the request body");
}

TEST_F(EchoServiceTest, StreamingResponseBodyIsOneFieldPerLine) {
  const RouteMatch m = table_->Match("GET", "/test/v1/echoes/x:watch");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  std::unique_ptr<Message> response(m.route->response_prototype->New());
  EXPECT_EQ(*StreamMessageLine(*m.route, *response), "[]\n");
  const auto* tags = response->GetDescriptor()->FindFieldByName("tags");
  response->GetReflection()->AddString(response.get(), tags, "a");
  response->GetReflection()->AddString(response.get(), tags, "b");
  response->GetReflection()->SetString(response.get(), response->GetDescriptor()->FindFieldByName("name"), "n");
  EXPECT_EQ(*StreamMessageLine(*m.route, *response), "[\"a\",\"b\"]\n");
  // The whole message for a route without response_body, from the bytes a generic stub returns.
  const RouteMatch echo = table_->Match("GET", "/test/v1/echoes/x");
  const HttpResponse r = UnaryResponse(*echo.route, grpc::Status::OK, response->SerializeAsString());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"name":"n","tags":["a","b"]})");
}

TEST(ResponseBodyTest, NamesAMessageOrAScalarField) {
  FileDescriptorProto file = EchoFile();
  google::api::HttpRule inner = Get("/test/v1/inner");
  inner.set_response_body("inner");
  google::api::HttpRule total = Get("/test/v1/total");
  total.set_response_body("total");
  AddMethod(&file, "Inner", inner);
  AddMethod(&file, "Total", total);
  auto pool = PoolWith(file);
  auto table = RouteTable::FromFiles(pool.get(), {"test/v1/echo.proto"});
  ASSERT_TRUE(table.ok()) << table.status();
  const Route& inner_route = *table->Match("GET", "/test/v1/inner").route;
  const Route& total_route = *table->Match("GET", "/test/v1/total").route;
  std::unique_ptr<Message> response(inner_route.response_prototype->New());
  EXPECT_EQ(*ResponseJson(inner_route, *response), "{}");
  EXPECT_EQ(*ResponseJson(total_route, *response), "\"0\"");  // int64 in JSON is a string
  const auto* d = response->GetDescriptor();
  const auto* r = response->GetReflection();
  Message* in = r->MutableMessage(response.get(), d->FindFieldByName("inner"));
  in->GetReflection()->SetString(in, in->GetDescriptor()->FindFieldByName("id"), "i-1");
  r->SetInt64(response.get(), d->FindFieldByName("total"), 9007199254740993LL);
  r->SetString(response.get(), d->FindFieldByName("name"), "ignored");
  EXPECT_EQ(*ResponseJson(inner_route, *response), R"({"id":"i-1"})");
  EXPECT_EQ(*ResponseJson(total_route, *response), "\"9007199254740993\"");
}

// Start-up checks: each broken binding is refused with a message that names the method.
absl::Status BuildWith(const std::string& name, const google::api::HttpRule& rule,
                       bool client_streaming = false) {
  FileDescriptorProto file = EchoFile();
  AddMethod(&file, name, rule);
  file.mutable_service(0)->mutable_method(0)->set_client_streaming(client_streaming);
  auto pool = PoolWith(file);
  return RouteTable::FromFiles(pool.get(), {"test/v1/echo.proto"}).status();
}

TEST(RouteTableBuildTest, RefusesBrokenBindings) {
  struct Case {
    google::api::HttpRule rule;
    const char* complaint;
  };
  google::api::HttpRule get_with_body = Get("/test/v1/echoes");
  get_with_body.set_body("*");
  google::api::HttpRule nested = Get("/test/v1/a");
  *nested.add_additional_bindings() = Get("/test/v1/b");
  *nested.mutable_additional_bindings(0)->add_additional_bindings() = Get("/test/v1/c");
  google::api::HttpRule bad_response_body = Get("/test/v1/a");
  bad_response_body.set_response_body("nope");
  google::api::HttpRule custom;
  custom.mutable_custom()->set_kind("");
  custom.mutable_custom()->set_path("/test/v1/a");
  const Case cases[] = {
      {Get("/test/v1/{nope=echoes/*}"), "EchoRequest has no field 'nope'"},
      {Get("/test/v1/{inner=inners/*}"), "must name a scalar field"},
      {Get("/test/v1/{tags}"), "is repeated or a map"},
      {Get("/test/v1/{name.x}"), "'name' is not a message"},
      {Get("/test/v1/{name"), "unclosed '{'"},
      {get_with_body, "a GET binding cannot have a body"},
      {Post("/test/v1/echoes", "nope"), "body: test.v1.EchoRequest has no field 'nope'"},
      {Post("/test/v1/{name=echoes/*}", "name"), "bound by both the path and the body"},
      {nested, "cannot have additional_bindings of its own"},
      {bad_response_body, "response_body: test.v1.EchoResponse has no field 'nope'"},
      {google::api::HttpRule(), "a binding needs a pattern"},
      {custom, "custom kind must be an HTTP method name"},
  };
  for (const Case& c : cases) {
    const absl::Status st = BuildWith("Broken", c.rule);
    EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument) << c.complaint << ": " << st;
    EXPECT_THAT(st.message(), HasSubstr(c.complaint));
    EXPECT_THAT(st.message(), HasSubstr("test.v1.EchoService.Broken"));
  }
  const absl::Status streaming = BuildWith("Upload", Post("/test/v1/uploads", "*"), true);
  EXPECT_EQ(streaming.code(), absl::StatusCode::kUnimplemented);
  EXPECT_THAT(streaming.message(), HasSubstr("client-streaming"));
}

TEST(RouteTableBuildTest, RefusesConflictingRoutes) {
  FileDescriptorProto file = EchoFile();
  AddMethod(&file, "One", Get("/test/v1/{name=echoes/*}"));
  AddMethod(&file, "Two", Get("/test/v1/echoes/{id}"));
  auto pool = PoolWith(file);
  const absl::Status st = RouteTable::FromFiles(pool.get(), {"test/v1/echo.proto"}).status();
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("conflicting routes"));
  EXPECT_THAT(st.message(), HasSubstr("test.v1.EchoService.One"));
  EXPECT_THAT(st.message(), HasSubstr("test.v1.EchoService.Two"));

  // The same template under two HTTP methods is not a conflict; the more specific template wins.
  FileDescriptorProto ok = EchoFile();
  AddMethod(&ok, "Get", Get("/test/v1/{name=echoes/*}"));
  AddMethod(&ok, "Create", Post("/test/v1/{name=echoes/*}", "*"));
  AddMethod(&ok, "Special", Get("/test/v1/echoes/special"));
  AddMethod(&ok, "Any", Get("/test/v1/{name=**}"));
  auto ok_pool = PoolWith(ok);
  auto table = RouteTable::FromFiles(ok_pool.get(), {"test/v1/echo.proto"});
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->Match("GET", "/test/v1/echoes/special").route->method->name(), "Special");
  EXPECT_EQ(table->Match("GET", "/test/v1/echoes/x").route->method->name(), "Get");
  EXPECT_EQ(table->Match("GET", "/test/v1/a/b/c").route->method->name(), "Any");
  EXPECT_EQ(table->Match("POST", "/test/v1/echoes/x").route->method->name(), "Create");
}

TEST(RouteTableBuildTest, UnknownFileIsRefused) {
  auto pool = PoolWith(EchoFile());
  EXPECT_EQ(RouteTable::FromFiles(pool.get(), {"nope.proto"}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kinerja::transcoder
