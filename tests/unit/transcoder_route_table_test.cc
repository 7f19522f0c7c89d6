// The route table built from the real Kinerja protos.
#include "gateway/transcoder/route_table.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include <unistd.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kinerja/v1/directory.pb.h"

namespace kinerja::transcoder {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

const RouteTable& Kinerja() {
  static const RouteTable* const table = [] {
    auto built = RouteTable::FromGeneratedPool();
    EXPECT_TRUE(built.ok()) << built.status();
    return new RouteTable(*std::move(built));
  }();
  return *table;
}

std::string MethodOf(const RouteMatch& m) { return m.route == nullptr ? "" : m.route->grpc_method; }

TEST(RouteTableTest, GetEmployeeBindsName) {
  const RouteMatch m = Kinerja().Match("GET", "/v1/employees/198507122010011003");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(MethodOf(m), "/kinerja.v1.DirectoryService/GetEmployee");
  EXPECT_THAT(m.bindings, ElementsAre(Pair("name", "employees/198507122010011003")));
  EXPECT_EQ(m.route->body, "");
  EXPECT_EQ(m.route->method->input_type()->full_name(), "kinerja.v1.GetEmployeeRequest");
  EXPECT_EQ(m.route->request_prototype->GetDescriptor(), v1::GetEmployeeRequest::descriptor());
}

TEST(RouteTableTest, CollectionsAndCustomMethodsAreDistinct) {
  EXPECT_EQ(MethodOf(Kinerja().Match("GET", "/v1/employees")), "/kinerja.v1.DirectoryService/ListEmployees");
  EXPECT_EQ(MethodOf(Kinerja().Match("POST", "/v1/employees")), "/kinerja.v1.DirectoryService/CreateEmployee");
  EXPECT_EQ(MethodOf(Kinerja().Match("POST", "/v1/employees:import")),
            "/kinerja.v1.DirectoryService/ImportEmployees");
  EXPECT_EQ(MethodOf(Kinerja().Match("GET", "/v1/opds")), "/kinerja.v1.DirectoryService/ListOpds");
  EXPECT_EQ(MethodOf(Kinerja().Match("GET", "/v1/opds/DISKOMINFO")), "/kinerja.v1.DirectoryService/GetOpd");
  EXPECT_EQ(MethodOf(Kinerja().Match("GET", "/v1/opds/DISKOMINFO/units")),
            "/kinerja.v1.DirectoryService/ListUnits");
  EXPECT_EQ(MethodOf(Kinerja().Match("GET", "/v1/me")), "/kinerja.v1.IdentityService/GetMyAccount");
  EXPECT_EQ(MethodOf(Kinerja().Match("POST", "/v1/me:changePassword")),
            "/kinerja.v1.IdentityService/ChangePassword");
  EXPECT_EQ(MethodOf(Kinerja().Match("DELETE", "/v1/roleGrants/17")), "/kinerja.v1.IdentityService/RevokeRole");
  EXPECT_EQ(MethodOf(Kinerja().Match("GET", "/v1/ping")), "/kinerja.v1.DiagnosticsService/Ping");
}

TEST(RouteTableTest, TransferIsAVerbWithTheWholeBody) {
  const RouteMatch m = Kinerja().Match("POST", "/v1/employees/123:transfer");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(MethodOf(m), "/kinerja.v1.DirectoryService/TransferEmployee");
  EXPECT_THAT(m.bindings, ElementsAre(Pair("employee", "employees/123")));
  EXPECT_EQ(m.route->body, "*");
  EXPECT_EQ(m.route->body_field, nullptr);
}

TEST(RouteTableTest, UpdatePositionBindsANestedField) {
  const RouteMatch m = Kinerja().Match("PATCH", "/v1/positions/KADIS-DISKOMINFO");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(MethodOf(m), "/kinerja.v1.DirectoryService/UpdatePosition");
  EXPECT_THAT(m.bindings, ElementsAre(Pair("position.name", "positions/KADIS-DISKOMINFO")));
  EXPECT_EQ(m.route->body, "position");
  ASSERT_NE(m.route->body_field, nullptr);
  EXPECT_EQ(m.route->body_field->name(), "position");
  ASSERT_EQ(m.route->path_fields.size(), 1u);
  ASSERT_EQ(m.route->path_fields[0].size(), 2u);
  EXPECT_EQ(m.route->path_fields[0][1]->full_name(), "kinerja.v1.Position.name");
}

TEST(RouteTableTest, NotFoundWhenNoTemplateMatches) {
  for (const char* path : {"/v1/nothing", "/v2/opds", "/v1/employees/1/2/3", "/", "", "*",
                           "/v1/opds/", "/v1/employees:fire"}) {
    const RouteMatch m = Kinerja().Match("GET", path);
    EXPECT_EQ(m.kind, RouteMatch::Kind::kNotFound) << path;
    EXPECT_EQ(m.route, nullptr);
  }
}

TEST(RouteTableTest, MethodNotAllowedListsTheMethodsThatWouldMatch) {
  RouteMatch m = Kinerja().Match("DELETE", "/v1/employees/123");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_THAT(m.allowed_methods, ElementsAre("GET"));
  m = Kinerja().Match("PUT", "/v1/opds");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_THAT(m.allowed_methods, ElementsAre("GET", "POST"));
  m = Kinerja().Match("GET", "/v1/employees/123:transfer");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_THAT(m.allowed_methods, ElementsAre("POST"));
  // A declared verb makes it a custom-method call even where a verb-less template would match.
  m = Kinerja().Match("GET", "/v1/apiKeys/k1:revoke");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_THAT(m.allowed_methods, ElementsAre("POST"));
  // An undeclared one is just part of the segment.
  m = Kinerja().Match("GET", "/v1/employees/123:fire");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_THAT(m.bindings, ElementsAre(Pair("name", "employees/123:fire")));
  // Methods are case-sensitive, as HTTP says.
  EXPECT_EQ(Kinerja().Match("get", "/v1/opds").kind, RouteMatch::Kind::kMethodNotAllowed);
}

TEST(RouteTableTest, MalformedEscapeIsABadRequest) {
  const RouteMatch m = Kinerja().Match("GET", "/v1/employees/%zz");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kBadRequest);
  EXPECT_EQ(m.error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(m.error.message(), HasSubstr("percent-escape"));
}

TEST(RouteTableTest, EveryKinerjaRpcHasARoute) {
  std::set<const google::protobuf::MethodDescriptor*> routed;
  for (const Route& r : Kinerja().routes()) {
    routed.insert(r.method);
    EXPECT_FALSE(r.http_method.empty());
    EXPECT_EQ(r.grpc_method, "/" + r.method->service()->full_name() + "/" + r.method->name());
    EXPECT_NE(r.request_prototype, nullptr);
    EXPECT_NE(r.response_prototype, nullptr);
    EXPECT_EQ(r.server_streaming, r.method->server_streaming());
  }
  const auto* file = v1::GetEmployeeRequest::descriptor()->file();
  int methods = 0;
  for (int s = 0; s < file->service_count(); ++s) {
    for (int m = 0; m < file->service(s)->method_count(); ++m) {
      ++methods;
      EXPECT_TRUE(routed.count(file->service(s)->method(m))) << file->service(s)->method(m)->full_name();
    }
  }
  EXPECT_GT(methods, 15);
  EXPECT_GE(Kinerja().routes().size(), 30u);
  RouteMatch exported = Kinerja().Match("GET", "/v1/employees:export");
  ASSERT_EQ(exported.kind, RouteMatch::Kind::kMatched);
  EXPECT_TRUE(exported.route->server_streaming);  // ExportEmployees: NDJSON through the gateway
}

// Writes the generated files `file` depends on, then `file`, into `set` (each once).
void AddWithImports(const google::protobuf::FileDescriptor* file, std::set<std::string>* seen,
                    google::protobuf::FileDescriptorSet* set) {
  if (!seen->insert(file->name()).second) return;
  for (int i = 0; i < file->dependency_count(); ++i) AddWithImports(file->dependency(i), seen, set);
  file->CopyTo(set->add_file());
}

std::string TempPath(const char* name) {
  return std::string(::testing::TempDir()) + "/" + name + "." + std::to_string(getpid());
}

TEST(RouteTableTest, DescriptorSetFileGivesTheSameRoutesWithDynamicMessages) {
  google::protobuf::FileDescriptorSet set;
  std::set<std::string> seen;
  for (const Route& r : Kinerja().routes()) AddWithImports(r.method->file(), &seen, &set);
  const std::string path = TempPath("kinerja.desc");
  {
    std::ofstream out(path, std::ios::binary);
    ASSERT_TRUE(set.SerializeToOstream(&out));
  }
  auto table = RouteTable::FromDescriptorSetFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->routes().size(), Kinerja().routes().size());
  std::set<std::string> a, b;
  for (const Route& r : Kinerja().routes()) a.insert(r.http_method + " " + r.path.text() + " " + r.grpc_method);
  for (const Route& r : table->routes()) b.insert(r.http_method + " " + r.path.text() + " " + r.grpc_method);
  EXPECT_EQ(a, b);
  const RouteMatch m = table->Match("GET", "/v1/employees/198507122010011003");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_NE(m.route->request_prototype->GetDescriptor(), v1::GetEmployeeRequest::descriptor());
  EXPECT_EQ(m.route->request_prototype->GetDescriptor()->file()->pool(), table->pool());
}

TEST(RouteTableTest, MoveAssigningATableThatOwnsItsPool) {
  google::protobuf::FileDescriptorSet set;
  std::set<std::string> seen;
  AddWithImports(v1::GetEmployeeRequest::descriptor()->file(), &seen, &set);
  auto a = RouteTable::FromDescriptorSet(set);
  auto b = RouteTable::FromDescriptorSet(set);
  ASSERT_TRUE(a.ok() && b.ok());
  *a = *std::move(b);  // the old pool must outlive the old messages built from it
  const RouteMatch m = a->Match("GET", "/v1/opds/X");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(m.route->request_prototype->GetDescriptor()->file()->pool(), a->pool());
}

TEST(RouteTableTest, DescriptorSetErrors) {
  EXPECT_EQ(RouteTable::FromDescriptorSetFile("/nonexistent/kinerja.desc").status().code(),
            absl::StatusCode::kNotFound);
  const std::string path = TempPath("garbage.desc");
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xFF\xFF\xFF not a descriptor set";
  }
  auto garbage = RouteTable::FromDescriptorSetFile(path);
  std::remove(path.c_str());
  EXPECT_EQ(garbage.status().code(), absl::StatusCode::kInvalidArgument);

  google::protobuf::FileDescriptorSet missing_import;
  v1::GetEmployeeRequest::descriptor()->file()->CopyTo(missing_import.add_file());
  auto table = RouteTable::FromDescriptorSet(missing_import);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(table.status().message(), HasSubstr("--include_imports"));
}

}  // namespace
}  // namespace kinerja::transcoder
