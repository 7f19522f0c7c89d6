// DirectoryService through a real gRPC channel, against a real MariaDB.
#include <grpcpp/grpcpp.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/org_fixture.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class DirectoryTest : public OrgServerTest {
 protected:
  v1::DirectoryService::Stub& dir() { return server_->directory(); }

  v1::Employee Get(const std::string& nip) {
    v1::GetEmployeeRequest req;
    req.set_name("employees/" + nip);
    v1::Employee e;
    grpc::Status st = dir().GetEmployee(Ctx().get(), req, &e);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return e;
  }

  std::vector<v1::Assignment> History(const std::string& nip) {
    v1::ListAssignmentsRequest req;
    req.set_parent("employees/" + nip);
    v1::ListAssignmentsResponse resp;
    EXPECT_TRUE(dir().ListAssignments(Ctx().get(), req, &resp).ok());
    return {resp.assignments().begin(), resp.assignments().end()};
  }

  grpc::Status Transfer(const std::string& nip, const std::string& position, v1::Date date,
                        v1::Assignment* out = nullptr, const std::string& request_id = "") {
    v1::TransferEmployeeRequest req;
    req.set_employee("employees/" + nip);
    req.set_position(position);
    *req.mutable_effective_date() = date;
    req.set_request_id(request_id);
    v1::Assignment a;
    grpc::Status st = dir().TransferEmployee(Ctx().get(), req, &a);
    if (out) *out = a;
    return st;
  }

  std::string SuperiorOf(const std::string& nip, v1::Date date, bool* acting = nullptr) {
    v1::GetSuperiorRequest req;
    req.set_employee("employees/" + nip);
    *req.mutable_date() = date;
    v1::Superior s;
    grpc::Status st = dir().GetSuperior(Ctx().get(), req, &s);
    if (!st.ok()) return "error: " + st.error_message();
    if (acting) *acting = s.acting();
    return s.employee().nip();
  }

  std::vector<std::string> SubordinatesOf(const std::string& nip, v1::Date date) {
    v1::ListSubordinatesRequest req;
    req.set_employee("employees/" + nip);
    *req.mutable_date() = date;
    v1::ListSubordinatesResponse resp;
    EXPECT_TRUE(dir().ListSubordinates(Ctx().get(), req, &resp).ok());
    std::vector<std::string> out;
    for (const auto& e : resp.employees()) out.push_back(e.nip());
    return out;
  }
};

TEST_F(DirectoryTest, GetsAnEmployeeWithTheCurrentAssignment) {
  v1::Employee e = Get(kD);
  EXPECT_EQ(e.name(), std::string("employees/") + kD);
  EXPECT_EQ(e.full_name(), "Dewi Lestari");
  EXPECT_EQ(e.employee_type(), v1::PNS);
  EXPECT_EQ(e.current_assignment().position(), "DISKOMINFO-PLK");
  EXPECT_EQ(e.current_assignment().opd(), "DISKOMINFO");
  EXPECT_EQ(e.current_assignment().unit(), "BID-APTIKA");
  EXPECT_EQ(e.current_assignment().position_kind(), v1::PELAKSANA);
  EXPECT_FALSE(e.etag().empty());
}

TEST_F(DirectoryTest, UnknownEmployeeIsNotFound) {
  v1::GetEmployeeRequest req;
  req.set_name("employees/199901012020011999");
  v1::Employee e;
  EXPECT_EQ(dir().GetEmployee(Ctx().get(), req, &e).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(DirectoryTest, InvalidNipIsRefusedWithTheFieldAndNothingIsStored) {
  v1::CreateEmployeeRequest req;
  req.mutable_employee()->set_nip("198513122010011003");  // month 13
  req.mutable_employee()->set_full_name("Nama");
  req.mutable_employee()->set_employee_type(v1::PNS);
  v1::Employee e;
  grpc::Status st = dir().CreateEmployee(Ctx().get(), req, &e);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ElementsAre(HasSubstr("employee.nip: NIP digits 1-8")));

  v1::ListEmployeesRequest list;
  list.set_page_size(100);
  v1::ListEmployeesResponse resp;
  ASSERT_TRUE(dir().ListEmployees(Ctx().get(), list, &resp).ok());
  EXPECT_EQ(resp.employees_size(), 9);
}

TEST_F(DirectoryTest, ListsOpdsPageByPage) {
  std::vector<std::string> codes;
  std::string token;
  int pages = 0;
  do {
    v1::ListOpdsRequest req;
    req.set_page_size(2);
    req.set_page_token(token);
    v1::ListOpdsResponse resp;
    ASSERT_TRUE(dir().ListOpds(Ctx().get(), req, &resp).ok());
    for (const auto& o : resp.opds()) codes.push_back(o.code());
    token = resp.next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_THAT(codes, ElementsAre("DINKES", "DISKOMINFO", "SETDA"));
  EXPECT_EQ(pages, 2);

  v1::ListOpdsRequest bad;
  bad.set_page_token("not-a-token");
  v1::ListOpdsResponse resp;
  EXPECT_EQ(dir().ListOpds(Ctx().get(), bad, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(DirectoryTest, ListsEmployeesWithFiltersAndPaging) {
  auto list = [&](v1::ListEmployeesRequest req) {
    std::vector<std::string> nips;
    std::string token;
    do {
      req.set_page_token(token);
      v1::ListEmployeesResponse resp;
      grpc::Status st = dir().ListEmployees(Ctx().get(), req, &resp);
      EXPECT_TRUE(st.ok()) << st.error_message();
      if (!st.ok()) break;
      for (const auto& e : resp.employees()) nips.push_back(e.nip());
      token = resp.next_page_token();
    } while (!token.empty());
    return nips;
  };
  v1::ListEmployeesRequest by_opd;
  by_opd.set_opd("DINKES");
  EXPECT_THAT(list(by_opd), ElementsAre(kF, kG));

  v1::ListEmployeesRequest by_kind;
  by_kind.set_position_kind(v1::PELAKSANA);
  by_kind.set_page_size(1);
  EXPECT_THAT(list(by_kind), ElementsAre(kD, kE, kH, kG));

  v1::ListEmployeesRequest by_unit;
  by_unit.set_opd("DISKOMINFO");
  by_unit.set_unit("BID-APTIKA");
  EXPECT_THAT(list(by_unit), ElementsAre(kB, kC, kD, kE, kH));

  v1::ListEmployeesRequest by_name;
  by_name.set_name_prefix("budi");
  EXPECT_THAT(list(by_name), ElementsAre(kA));

  v1::ListEmployeesRequest all;
  all.set_page_size(4);
  EXPECT_EQ(list(all).size(), 9u);
}

TEST_F(DirectoryTest, TransferClosesTheOldAssignmentAndKeepsHistory) {
  v1::Assignment a;
  grpc::Status st = Transfer(kD, "DINKES-PLK", D(2026, 7, 1), &a);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(a.position(), "DINKES-PLK");
  EXPECT_EQ(a.reason(), v1::MUTASI);

  auto history = History(kD);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].position(), "DISKOMINFO-PLK");
  EXPECT_EQ(history[0].end_date().month(), 6);
  EXPECT_EQ(history[0].end_date().day(), 30);
  EXPECT_EQ(history[1].position(), "DINKES-PLK");
  EXPECT_FALSE(history[1].has_end_date());

  // The server's today is 2026-06-15: still in the old post; the superior follows the date asked.
  EXPECT_EQ(Get(kD).current_assignment().position(), "DISKOMINFO-PLK");
  EXPECT_EQ(SuperiorOf(kD, D(2026, 6, 30)), kC);
  EXPECT_EQ(SuperiorOf(kD, D(2026, 7, 1)), kF);
  server_->clock().Set(absl::FromCivil(absl::CivilSecond(2026, 7, 2, 3, 0, 0), absl::UTCTimeZone()));
  server_->ReauthenticateAdmin();  // 17 days later the session has long been idle
  EXPECT_EQ(Get(kD).current_assignment().position(), "DINKES-PLK");
  EXPECT_THAT(SubordinatesOf(kF, D(2026, 7, 2)), UnorderedElementsAre(kD, kG));
}

TEST_F(DirectoryTest, AWriteIsVisibleAtOnceOnTheSameServer) {
  // Read twice (the second from the server's employee cache), write, read again.
  EXPECT_EQ(Get(kD).current_assignment().position(), "DISKOMINFO-PLK");
  EXPECT_EQ(Get(kD).current_assignment().position(), "DISKOMINFO-PLK");
  ASSERT_TRUE(Transfer(kD, "DINKES-PLK", D(2026, 6, 15)).ok());  // effective today
  EXPECT_EQ(Get(kD).current_assignment().position(), "DINKES-PLK");
  v1::ImportEmployeesRequest rename;
  rename.set_csv(std::string("nip,nama,jenis_asn,kode_jabatan,tmt_jabatan\n") + kE +
                 ",Eko Nugroho S.T.,PPPK,DISKOMINFO-PLK,2024-01-02\n");
  v1::ImportEmployeesResponse imported;
  ASSERT_TRUE(dir().ImportEmployees(Ctx().get(), rename, &imported).ok());
  EXPECT_EQ(Get(kE).full_name(), "Eko Nugroho S.T.");
}

TEST_F(DirectoryTest, TransferReplayWithTheSameRequestIdHappensOnce) {
  v1::Assignment first, second;
  ASSERT_TRUE(Transfer(kE, "DINKES-PLK", D(2026, 8, 1), &first, "req-transfer-1").ok());
  ASSERT_TRUE(Transfer(kE, "DINKES-PLK", D(2026, 8, 1), &second, "req-transfer-1").ok());
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_EQ(History(kE).size(), 2u);
}

TEST_F(DirectoryTest, TransferDatedBeforeTheCurrentAssignmentIsRefusedAndStoresNothing) {
  grpc::Status st = Transfer(kD, "DINKES-PLK", D(2023, 12, 1));
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ElementsAre(HasSubstr("effective_date: effective date 2023-12-01 "
                                                         "is not after the start")));
  EXPECT_EQ(History(kD).size(), 1u);
}

TEST_F(DirectoryTest, OverlappingAssignmentsAreRefused) {
  ASSERT_TRUE(Transfer(kD, "DINKES-PLK", D(2026, 7, 1)).ok());
  // A second transfer dated inside the new assignment's first day or before is refused.
  grpc::Status st = Transfer(kD, "DISKOMINFO-PLK2", D(2026, 7, 1));
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  st = Transfer(kD, "DISKOMINFO-PLK2", D(2026, 6, 1));
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(History(kD).size(), 2u);
}

TEST_F(DirectoryTest, AStructuralPositionHasOneHolder) {
  grpc::Status st = Transfer(kD, "DISKOMINFO-KASI1", D(2026, 7, 1));
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ElementsAre(HasSubstr(std::string("held by NIP ") + kC)));
  // Into the vacant one it works.
  EXPECT_TRUE(Transfer(kD, "DISKOMINFO-KASI2", D(2026, 7, 1)).ok());
  EXPECT_EQ(SuperiorOf(kH, D(2026, 7, 5)), kD);
}

TEST_F(DirectoryTest, UnknownPositionOrOpdIsRefused) {
  grpc::Status st = Transfer(kD, "NO-SUCH-POSITION", D(2026, 7, 1));
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ElementsAre(HasSubstr("position: unknown position")));

  v1::CreatePositionRequest req;
  req.mutable_position()->set_code("NOPE-KADIS");
  req.mutable_position()->set_title("Kepala");
  req.mutable_position()->set_kind(v1::JPT);
  req.mutable_position()->set_opd("NOPE");
  v1::Position p;
  st = dir().CreatePosition(Ctx().get(), req, &p);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ElementsAre(HasSubstr("position.opd: OPD 'NOPE' not found")));
}

TEST_F(DirectoryTest, ACycleInThePositionTreeIsRefused) {
  v1::UpdatePositionRequest req;
  req.mutable_position()->set_name("positions/DISKOMINFO-KADIS");
  req.mutable_position()->set_superior_position("DISKOMINFO-PLK");
  req.mutable_update_mask()->add_paths("superior_position");
  v1::Position p;
  grpc::Status st = dir().UpdatePosition(Ctx().get(), req, &p);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st), ElementsAre(HasSubstr("would create a cycle")));

  v1::GetPositionRequest get;
  get.set_name("positions/DISKOMINFO-KADIS");
  ASSERT_TRUE(dir().GetPosition(Ctx().get(), get, &p).ok());
  EXPECT_EQ(p.superior_position(), "SEKDA");

  // A legal move works.
  req.mutable_position()->set_superior_position("DINKES-KADIS");
  ASSERT_TRUE(dir().UpdatePosition(Ctx().get(), req, &p).ok());
  EXPECT_EQ(p.superior_position(), "DINKES-KADIS");
}

TEST_F(DirectoryTest, AVacantSuperiorPassesToTheNextOneUpAndAnActingSuperiorActsOnItsDays) {
  EXPECT_EQ(SuperiorOf(kH, D(2026, 6, 12)), kB);  // KASI2 is vacant: its superior KABID1

  v1::CreateActingAssignmentRequest req;
  auto* a = req.mutable_acting_assignment();
  a->set_employee(kC);
  a->set_position("DISKOMINFO-KASI2");
  a->set_kind(v1::PLT);
  *a->mutable_start_date() = D(2026, 6, 1);
  *a->mutable_end_date() = D(2026, 6, 30);
  v1::ActingAssignment created;
  ASSERT_TRUE(dir().CreateActingAssignment(Ctx().get(), req, &created).ok());
  EXPECT_FALSE(created.id().empty());

  bool acting = false;
  EXPECT_EQ(SuperiorOf(kH, D(2026, 6, 12), &acting), kC);
  EXPECT_TRUE(acting);
  EXPECT_EQ(SuperiorOf(kH, D(2026, 7, 1), &acting), kB);
  EXPECT_FALSE(acting);
  EXPECT_THAT(SubordinatesOf(kC, D(2026, 6, 12)), UnorderedElementsAre(kD, kE, kH));
  EXPECT_THAT(SubordinatesOf(kC, D(2026, 7, 1)), UnorderedElementsAre(kD, kE));

  // An overlapping registration for the same position is refused.
  a->set_employee(kB);
  *a->mutable_start_date() = D(2026, 6, 20);
  *a->mutable_end_date() = D(2026, 7, 10);
  grpc::Status st = dir().CreateActingAssignment(Ctx().get(), req, &created);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  v1::ListActingAssignmentsRequest list;
  list.set_position("DISKOMINFO-KASI2");
  v1::ListActingAssignmentsResponse resp;
  ASSERT_TRUE(dir().ListActingAssignments(Ctx().get(), list, &resp).ok());
  ASSERT_EQ(resp.acting_assignments_size(), 1);
  EXPECT_EQ(resp.acting_assignments(0).employee(), kC);
}

TEST_F(DirectoryTest, ThePlhOfAnOccupiedPositionActsInsteadOfTheHolder) {
  v1::CreateActingAssignmentRequest req;
  auto* a = req.mutable_acting_assignment();
  a->set_employee(kB);
  a->set_position("DISKOMINFO-KASI1");
  a->set_kind(v1::PLH);
  *a->mutable_start_date() = D(2026, 6, 10);
  *a->mutable_end_date() = D(2026, 6, 12);
  v1::ActingAssignment created;
  ASSERT_TRUE(dir().CreateActingAssignment(Ctx().get(), req, &created).ok());
  EXPECT_EQ(SuperiorOf(kD, D(2026, 6, 11)), kB);
  EXPECT_EQ(SuperiorOf(kD, D(2026, 6, 13)), kC);
}

TEST_F(DirectoryTest, TheTopOfTheTreeHasNoSuperior) {
  v1::GetSuperiorRequest req;
  req.set_employee(std::string("employees/") + kSekda);
  v1::Superior s;
  EXPECT_EQ(dir().GetSuperior(Ctx().get(), req, &s).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(DirectoryTest, CreateOpdWithARequestIdHappensOnce) {
  v1::CreateOpdRequest req;
  req.mutable_opd()->set_code("BAPENDA");
  req.mutable_opd()->set_display_name("Badan Pendapatan Daerah");
  req.mutable_opd()->set_kind("BADAN");
  req.mutable_opd()->set_has_revenue_target(true);
  req.set_request_id("create-bapenda-1");
  v1::Opd first, second;
  ASSERT_TRUE(dir().CreateOpd(Ctx().get(), req, &first).ok());
  ASSERT_TRUE(dir().CreateOpd(Ctx().get(), req, &second).ok());
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  req.clear_request_id();
  EXPECT_EQ(dir().CreateOpd(Ctx().get(), req, &second).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
}

TEST_F(DirectoryTest, CreateOpdReportsEveryBadField) {
  v1::CreateOpdRequest req;
  req.mutable_opd()->set_code("bad code");
  req.mutable_opd()->set_kind("KOTA");
  v1::Opd opd;
  grpc::Status st = dir().CreateOpd(Ctx().get(), req, &opd);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(FieldViolations(st),
              ElementsAre(HasSubstr("opd.code"), HasSubstr("opd.display_name: text is required"),
                          HasSubstr("opd.kind")));
}

}  // namespace
}  // namespace kinerja::testing
