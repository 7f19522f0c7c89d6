// The one policy table: for every RPC the server registers, who may call it and over which resource.
// Adding an RPC means adding one line to policy_table.cc; a test walks every method of every
// registered service and fails when one has no line, and docs/access-policy.md is generated from it.
//
// Enforcement is two-step and happens in one place (services::RunAuthorized): the Authorizer admits
// the caller by audience here, then the service asks it to check the resource (the OPD, or the
// employee) the request names.
#ifndef KINERJA_SERVER_AUTH_POLICY_TABLE_H_
#define KINERJA_SERVER_AUTH_POLICY_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kinerja::auth {

// Who may call. A method lists every audience that may; a caller matching any of them is admitted.
enum Audience : uint32_t {
  kPublic = 1u << 0,       // anyone, with or without credentials
  kAnyAccount = 1u << 1,   // any signed-in person
  kAdmin = 1u << 2,        // BKPP administrator (city)
  kEvaluator = 1u << 3,    // organisation-performance evaluator (city)
  kOpdHead = 1u << 4,      // head of the OPD of the resource
  kOpdOperator = 1u << 5,  // operator of the OPD of the resource
  kSelf = 1u << 6,         // the employee the resource belongs to
  kSuperior = 1u << 7,     // the employee's superior on the day (acting superiors included)
  kSystem = 1u << 8,       // another city system whose scope names the method (and the OPD)
};

// What the request's resource is, for the second step.
enum class Resource {
  kNone,      // nothing beyond the audience
  kOpd,       // an OPD (the request names it, or a list is filtered by it)
  kEmployee,  // an employee (by NIP)
};

struct MethodPolicy {
  const char* method;  // full gRPC name: "/kinerja.v1.DirectoryService/GetEmployee"
  uint32_t audience;
  Resource resource;
  bool mutating;               // writes an audit row
  bool before_password_change;  // allowed while the account must still change its password
};

// Every entry, in the table's order.
const std::vector<MethodPolicy>& PolicyTable();

// The entry for a method, or nullptr. Unknown methods are refused by the caller.
const MethodPolicy* FindPolicy(absl::string_view method);

// "admin, OPD head, self" for a mask.
std::string DescribeAudience(uint32_t audience);

// The table as a Markdown document (docs/access-policy.md is this text).
std::string PolicyTableMarkdown();

}  // namespace kinerja::auth

#endif  // KINERJA_SERVER_AUTH_POLICY_TABLE_H_
