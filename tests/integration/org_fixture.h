// A small organisation loaded through the real API, shared by the directory integration tests.
//
//   SETDA/SEKDA (JPT)                                 held by 196801011990031001 (Sekda)
//   └ DISKOMINFO-KADIS (JPT)                          held by 197001011995031001 (A)
//     └ DISKOMINFO-KABID1 (ADMINISTRATOR)             held by 197502022000032002 (B)
//       ├ DISKOMINFO-KASI1 (PENGAWAS)                 held by 198003032005031003 (C)
//       │ └ DISKOMINFO-PLK (PELAKSANA)                held by D 198504042010012004, E 199005052015031005
//       └ DISKOMINFO-KASI2 (PENGAWAS)                 vacant
//         └ DISKOMINFO-PLK2 (PELAKSANA)               held by H 199108082016032008
//   └ DINKES-KADIS (JPT)                              held by 197106061996032006 (F)
//     └ DINKES-PLK (PELAKSANA)                        held by G 199207072017031007
// Every assignment starts on 2024-01-02.
#ifndef KINERJA_TESTS_INTEGRATION_ORG_FIXTURE_H_
#define KINERJA_TESTS_INTEGRATION_ORG_FIXTURE_H_

#include <string>

#include "gtest/gtest.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "tests/integration/test_server.h"

namespace kinerja::testing {

inline constexpr char kSekda[] = "196801011990031001";
inline constexpr char kA[] = "197001011995031001";
inline constexpr char kB[] = "197502022000032002";
inline constexpr char kC[] = "198003032005031003";
inline constexpr char kD[] = "198504042010012004";
inline constexpr char kE[] = "199005052015031005";
inline constexpr char kF[] = "197106061996032006";
inline constexpr char kG[] = "199207072017031007";
inline constexpr char kH[] = "199108082016032008";

// Creates the OPDs, units and positions, and imports the employees. Fails the test on error.
void LoadOrg(v1::DirectoryService::Stub& directory);

// The CSV that LoadOrg imports.
std::string OrgCsv();

// A test with its own server (scratch database) holding the organisation above.
class OrgServerTest : public ::testing::Test {
 protected:
  // The options of the server each test starts (the defaults, unless a fixture says otherwise).
  virtual ServerOptions ServerOptionsForTest() { return ServerOptions(); }

  void SetUp() override {
    auto server = TestServer::Start(ServerOptionsForTest());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
    LoadOrg(server_->directory());
  }

  std::unique_ptr<TestServer> server_;
};

}  // namespace kinerja::testing

#endif  // KINERJA_TESTS_INTEGRATION_ORG_FIXTURE_H_
