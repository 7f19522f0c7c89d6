#include "tests/integration/org_fixture.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {
namespace {

void Opd(v1::DirectoryService::Stub& dir, const std::string& code, const std::string& name,
         const std::string& kind, bool revenue) {
  v1::CreateOpdRequest req;
  req.mutable_opd()->set_code(code);
  req.mutable_opd()->set_display_name(name);
  req.mutable_opd()->set_kind(kind);
  req.mutable_opd()->set_has_revenue_target(revenue);
  v1::Opd resp;
  grpc::Status st = dir.CreateOpd(Ctx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
}

void Position(v1::DirectoryService::Stub& dir, const std::string& code, const std::string& title,
              v1::PositionKind kind, const std::string& opd, const std::string& superior,
              const std::string& unit = "") {
  v1::CreatePositionRequest req;
  auto* p = req.mutable_position();
  p->set_code(code);
  p->set_title(title);
  p->set_kind(kind);
  p->set_opd(opd);
  p->set_unit(unit);
  p->set_superior_position(superior);
  v1::Position resp;
  grpc::Status st = dir.CreatePosition(Ctx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << code << ": " << st.error_message();
}

}  // namespace

std::string OrgCsv() {
  return absl::StrCat(
      "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n",
      kSekda, ",Ir. Iswar Aminuddin,PNS,AKTIF,SEKDA,2024-01-02,AWAL\n",
      kA, ",\"Budi Santoso, S.Kom.\",PNS,AKTIF,DISKOMINFO-KADIS,2024-01-02,AWAL\n",
      kB, ",Sri Wahyuni,PNS,AKTIF,DISKOMINFO-KABID1,2024-01-02,\n",
      kC, ",Agus Prasetyo,PNS,AKTIF,DISKOMINFO-KASI1,2024-01-02,AWAL\n",
      kD, ",Dewi Lestari,PNS,AKTIF,DISKOMINFO-PLK,2024-01-02,AWAL\n",
      kE, ",Eko Nugroho,PPPK,AKTIF,DISKOMINFO-PLK,2024-01-02,AWAL\n",
      kF, ",Fitri Handayani,PNS,AKTIF,DINKES-KADIS,2024-01-02,AWAL\n",
      kG, ",Gunawan Wibisono,PNS,AKTIF,DINKES-PLK,2024-01-02,AWAL\n",
      kH, ",Hartini Rahayu,PNS,AKTIF,DISKOMINFO-PLK2,2024-01-02,AWAL\n");
}

void LoadOrg(v1::DirectoryService::Stub& dir) {
  Opd(dir, "SETDA", "Sekretariat Daerah", "SEKRETARIAT", false);
  Opd(dir, "DISKOMINFO", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "DINAS",
      false);
  Opd(dir, "DINKES", "Dinas Kesehatan", "DINAS", true);
  {
    v1::CreateUnitRequest req;
    req.set_parent("opds/DISKOMINFO");
    req.mutable_unit()->set_code("BID-APTIKA");
    req.mutable_unit()->set_display_name("Bidang Aplikasi Informatika");
    v1::Unit resp;
    ASSERT_TRUE(dir.CreateUnit(Ctx().get(), req, &resp).ok());
  }
  Position(dir, "SEKDA", "Sekretaris Daerah", v1::JPT, "SETDA", "");
  Position(dir, "DISKOMINFO-KADIS", "Kepala Dinas", v1::JPT, "DISKOMINFO", "SEKDA");
  Position(dir, "DISKOMINFO-KABID1", "Kepala Bidang Aplikasi Informatika", v1::ADMINISTRATOR,
           "DISKOMINFO", "DISKOMINFO-KADIS", "BID-APTIKA");
  Position(dir, "DISKOMINFO-KASI1", "Kepala Seksi Layanan Aplikasi", v1::PENGAWAS, "DISKOMINFO",
           "DISKOMINFO-KABID1", "BID-APTIKA");
  Position(dir, "DISKOMINFO-PLK", "Pranata Komputer", v1::PELAKSANA, "DISKOMINFO",
           "DISKOMINFO-KASI1", "BID-APTIKA");
  Position(dir, "DISKOMINFO-KASI2", "Kepala Seksi Tata Kelola", v1::PENGAWAS, "DISKOMINFO",
           "DISKOMINFO-KABID1", "BID-APTIKA");
  Position(dir, "DISKOMINFO-PLK2", "Pengelola Data", v1::PELAKSANA, "DISKOMINFO",
           "DISKOMINFO-KASI2", "BID-APTIKA");
  Position(dir, "DINKES-KADIS", "Kepala Dinas Kesehatan", v1::JPT, "DINKES", "SEKDA");
  Position(dir, "DINKES-PLK", "Pengadministrasi Umum", v1::PELAKSANA, "DINKES", "DINKES-KADIS");

  v1::ImportEmployeesRequest req;
  req.set_csv(OrgCsv());
  v1::ImportEmployeesResponse resp;
  grpc::Status st = dir.ImportEmployees(Ctx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(resp.employees_created(), 9);
}

}  // namespace kinerja::testing
