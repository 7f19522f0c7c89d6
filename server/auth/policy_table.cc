#include "server/auth/policy_table.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kinerja::auth {
namespace {

constexpr uint32_t kOpdRoles = kOpdHead | kOpdOperator;
// Reads of a person's own records: the person, their superior, their OPD's head and operators, the
// administrators, and systems scoped to the OPD.
constexpr uint32_t kEmployeeReaders = kAdmin | kOpdRoles | kSelf | kSuperior | kSystem;

// clang-format off
const std::vector<MethodPolicy>& Table() {
  static const std::vector<MethodPolicy> table = {
    // method                                                       audience                          resource            mutating before_pw_change
    {"/kinerja.v1.DiagnosticsService/Ping",                          kPublic,                          Resource::kNone,     false, true},
    {"/grpc.health.v1.Health/Check",                                 kPublic,                          Resource::kNone,     false, true},
    {"/grpc.health.v1.Health/Watch",                                 kPublic,                          Resource::kNone,     false, true},
    {"/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", kPublic,                        Resource::kNone,     false, true},

    {"/kinerja.v1.IdentityService/Login",                            kPublic,                          Resource::kNone,     false, true},
    {"/kinerja.v1.IdentityService/Logout",                           kAnyAccount,                      Resource::kNone,     false, true},
    {"/kinerja.v1.IdentityService/GetMyAccount",                     kAnyAccount | kSystem,            Resource::kNone,     false, true},
    {"/kinerja.v1.IdentityService/ChangePassword",                   kAnyAccount,                      Resource::kNone,     true,  true},
    {"/kinerja.v1.IdentityService/ResetPassword",                    kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.IdentityService/GrantRole",                        kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.IdentityService/RevokeRole",                       kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.IdentityService/ListRoleGrants",                   kAdmin,                           Resource::kNone,     false, false},
    {"/kinerja.v1.IdentityService/CreateSystemAccount",              kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.IdentityService/CreateApiKey",                     kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.IdentityService/ListApiKeys",                      kAdmin,                           Resource::kNone,     false, false},
    {"/kinerja.v1.IdentityService/RevokeApiKey",                     kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.IdentityService/RegisterClientCertificate",        kAdmin,                           Resource::kNone,     true,  false},

    {"/kinerja.v1.AuditService/ListAuditEvents",                     kAdmin,                           Resource::kNone,     false, false},

    // The organisation (OPDs, units, positions) is not personal data: every signed-in person reads it.
    {"/kinerja.v1.DirectoryService/CreateOpd",                       kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.DirectoryService/GetOpd",                          kAnyAccount | kSystem,            Resource::kNone,     false, false},
    {"/kinerja.v1.DirectoryService/ListOpds",                        kAnyAccount | kSystem,            Resource::kNone,     false, false},
    {"/kinerja.v1.DirectoryService/CreateUnit",                      kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.DirectoryService/ListUnits",                       kAnyAccount | kSystem,            Resource::kNone,     false, false},
    {"/kinerja.v1.DirectoryService/CreatePosition",                  kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.DirectoryService/GetPosition",                     kAnyAccount | kSystem,            Resource::kNone,     false, false},
    {"/kinerja.v1.DirectoryService/ListPositions",                   kAnyAccount | kSystem,            Resource::kNone,     false, false},
    {"/kinerja.v1.DirectoryService/UpdatePosition",                  kAdmin,                           Resource::kNone,     true,  false},
    // People: position data comes from the directory, kept by BKPP (DOMAIN.md 2.3).
    {"/kinerja.v1.DirectoryService/CreateEmployee",                  kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.DirectoryService/GetEmployee",                     kEmployeeReaders,                 Resource::kEmployee, false, false},
    {"/kinerja.v1.DirectoryService/ListEmployees",                   kAdmin | kOpdRoles | kSystem,     Resource::kOpd,      false, false},
    {"/kinerja.v1.DirectoryService/ExportEmployees",                 kAdmin | kOpdRoles | kSystem,     Resource::kOpd,      false, false},
    {"/kinerja.v1.DirectoryService/TransferEmployee",                kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.DirectoryService/ListAssignments",                 kEmployeeReaders,                 Resource::kEmployee, false, false},
    {"/kinerja.v1.DirectoryService/CreateActingAssignment",          kAdmin,                           Resource::kNone,     true,  false},
    {"/kinerja.v1.DirectoryService/ListActingAssignments",           kAdmin | kEvaluator | kOpdRoles,  Resource::kNone,     false, false},
    {"/kinerja.v1.DirectoryService/GetSuperior",                     kEmployeeReaders,                 Resource::kEmployee, false, false},
    {"/kinerja.v1.DirectoryService/ListSubordinates",                kAdmin | kOpdRoles | kSelf | kSystem, Resource::kEmployee, false, false},
    {"/kinerja.v1.DirectoryService/ImportEmployees",                 kAdmin,                           Resource::kNone,     true,  false},

    // SKP (DOMAIN.md 3, 5, 9.2): the employee plans; the superior on the day (or the PLT/PLH of the
    // day) approves, returns and rates; the OPD's head and operators and BKPP see the OPD's plans.
    {"/kinerja.v1.SkpService/CreateSkp",                             kSelf,                            Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/GetSkp",                                kEmployeeReaders | kEvaluator,    Resource::kEmployee, false, false},
    {"/kinerja.v1.SkpService/ListSkps",                              kEmployeeReaders | kEvaluator,    Resource::kEmployee, false, false},
    {"/kinerja.v1.SkpService/UpdateSkp",                             kSelf,                            Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/SubmitSkp",                             kSelf,                            Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/ReviseSkp",                             kSelf,                            Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/ListIntervensiOptions",                 kEmployeeReaders,                 Resource::kEmployee, false, false},
    {"/kinerja.v1.SkpService/ApproveSkp",                            kSuperior,                        Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/ReturnSkp",                             kSuperior,                        Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/SetExpectations",                       kSuperior,                        Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/EvaluateSkp",                           kSuperior,                        Resource::kEmployee, true,  false},
    {"/kinerja.v1.SkpService/ListSubordinateSkps",                   kAdmin | kOpdRoles | kSelf,       Resource::kEmployee, false, false},
    {"/kinerja.v1.SkpService/GetOpdSkpSummary",                      kAdmin | kEvaluator | kOpdRoles,  Resource::kOpd,      false, false},
    {"/kinerja.v1.SkpService/GetCascade",                            kAdmin | kEvaluator | kOpdRoles,  Resource::kOpd,      false, false},
    {"/kinerja.v1.SkpService/SetOrganizationPredikat",               kAdmin | kEvaluator,              Resource::kOpd,      true,  false},
    {"/kinerja.v1.SkpService/ListOpdQuotaReports",                   kAdmin | kEvaluator,              Resource::kNone,     false, false},
    // The exchange with BKN's e-Kinerja: files are the OPD's operators' and BKPP's work; imported
    // plans are drafts their employees still submit themselves.
    {"/kinerja.v1.SkpService/ExportSkps",                            kAdmin | kEvaluator | kOpdRoles,  Resource::kOpd,      false, false},
    {"/kinerja.v1.SkpService/ImportSkps",                            kAdmin | kOpdOperator,            Resource::kOpd,      true,  false},
    {"/kinerja.v1.SkpService/FinalizeOpdSkps",                       kAdmin | kOpdHead,                Resource::kOpd,      true,  false},
  };
  return table;
}
// clang-format on

}  // namespace

const std::vector<MethodPolicy>& PolicyTable() { return Table(); }

const MethodPolicy* FindPolicy(absl::string_view method) {
  static const auto* index = [] {
    auto* m = new absl::flat_hash_map<std::string, const MethodPolicy*>();
    for (const MethodPolicy& p : Table()) (*m)[p.method] = &p;
    return m;
  }();
  auto it = index->find(method);
  return it == index->end() ? nullptr : it->second;
}

std::string DescribeAudience(uint32_t audience) {
  static constexpr std::pair<uint32_t, const char*> kNames[] = {
      {kPublic, "anyone"},       {kAnyAccount, "any signed-in person"},
      {kAdmin, "BKPP admin"},    {kEvaluator, "evaluator"},
      {kOpdHead, "OPD head"},    {kOpdOperator, "OPD operator"},
      {kSelf, "self"},           {kSuperior, "superior"},
      {kSystem, "city system (scoped)"}};
  std::vector<std::string> parts;
  for (const auto& [bit, name] : kNames) {
    if (audience & bit) parts.emplace_back(name);
  }
  return absl::StrJoin(parts, ", ");
}

std::string PolicyTableMarkdown() {
  std::string out =
      "# Access policy\n\n"
      "Generated from `server/auth/policy_table.cc` by `kinerja_policy_doc`; do not edit by hand.\n"
      "A test fails when this file and the table differ, and when a registered RPC has no entry.\n\n"
      "Audiences: *BKPP admin* and *evaluator* hold a city-wide role; *OPD head* and *OPD operator*\n"
      "hold a role for one OPD and reach only that OPD's resources; *self* is the employee the\n"
      "resource belongs to; *superior* is the employee's superior on the day of the call (acting\n"
      "PLT/PLH included); a *city system* reaches only the methods and OPDs its API key or client\n"
      "certificate is scoped to. A caller outside the audience gets PERMISSION_DENIED, without\n"
      "learning whether the resource exists; a call without credentials gets UNAUTHENTICATED.\n"
      "Every method marked *audited* writes an audit row in the same transaction as its change.\n\n"
      "| Method | Who may call | Resource checked | Audited | Before password change |\n"
      "|---|---|---|---|---|\n";
  for (const MethodPolicy& p : Table()) {
    const char* resource = p.resource == Resource::kOpd        ? "OPD"
                           : p.resource == Resource::kEmployee ? "employee"
                                                               : "-";
    absl::StrAppend(&out, "| `", p.method, "` | ", DescribeAudience(p.audience), " | ", resource,
                    " | ", p.mutating ? "yes" : "no", " | ", p.before_password_change ? "yes" : "no",
                    " |\n");
  }
  return out;
}

}  // namespace kinerja::auth
