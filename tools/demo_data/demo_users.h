// The demo users: employees of the generated directory who get an account (all with one shared
// password) so that each way of using Kinerja can be tried at once:
//   EMPLOYEE      a Pelaksana: their own records only
//   SUPERIOR      that employee's superior, a Pengawas (Kepala Seksi when possible)
//   OPD_HEAD      the head of the demo OPD (DISKOMINFO when possible): role OPD_HEAD for that OPD
//   OPD_OPERATOR  a staff member of the same OPD, from its personnel team when possible: role
//                 OPD_OPERATOR for that OPD
//   EVALUATOR     an analyst of Bagian Organisasi (Reformasi Birokrasi dan Akuntabilitas Kinerja)
//                 when possible: role EVALUATOR
//   BKPP_ADMIN    a second BKPP administrator: the demo administrator's superior (Kepala Subbidang
//                 Data dan Informasi Kepegawaian) when possible: role BKPP_ADMIN
// EMPLOYEE and SUPERIOR get no role: being oneself and being someone's superior follow from the
// directory. Every demo user is active, has no transfer row, and (for a structural position) holds
// a position no transfer or acting registration touches, so who reports to whom is the same on
// every date of the demo (a demo user may still act, PLT/PLH, for another position for a while).
// None is the demo administrator (kDemoAdminNip). The choice depends only on the data, so the same
// seed gives the same users.
#ifndef KINERJA_TOOLS_DEMO_DATA_DEMO_USERS_H_
#define KINERJA_TOOLS_DEMO_DATA_DEMO_USERS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/demo_data/model.h"

namespace kinerja::demo {

enum class DemoRole { kEmployee, kSuperior, kOpdHead, kOpdOperator, kEvaluator, kBkppAdmin };

struct DemoUser {
  DemoRole role = DemoRole::kEmployee;
  int person = -1;    // index into DemoData::people
  int position = -1;  // index into DemoData::positions: the person's position
  std::string opd;    // OPD_HEAD, OPD_OPERATOR: the OPD the role is granted for; else empty
};

// "EMPLOYEE", "SUPERIOR", "OPD_HEAD", "OPD_OPERATOR", "EVALUATOR", "BKPP_ADMIN".
const char* DemoRoleName(DemoRole role);

// The six users, in the order above. `preferred_opd` is tried first for OPD_HEAD/OPD_OPERATOR and
// the EMPLOYEE/SUPERIOR pair, then every other OPD in order. NOT_FOUND when the data has no
// suitable person for a role (only with very few employees).
absl::StatusOr<std::vector<DemoUser>> ChooseDemoUsers(const DemoData& data,
                                                      const std::string& preferred_opd =
                                                          "DISKOMINFO");

// "role,nip,name" with a header row (RFC 4180 quoting).
std::string DemoUsersCsv(const DemoData& data, const std::vector<DemoUser>& users);

// An aligned text table: role, NIP, name, position (OPD).
std::string DemoUsersTable(const DemoData& data, const std::vector<DemoUser>& users);

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_DEMO_USERS_H_
