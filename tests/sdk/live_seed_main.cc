// kinerja_sdk_live_seed: signs in to a live server and gives it a small directory through the SDK,
// for the scripts that run the examples, kinerjactl and the SDK benchmark against a real server.
//
//   KINERJA_PASSWORD=... kinerja_sdk_live_seed --target 127.0.0.1:PORT --nip ADMIN_NIP
//       [--employees N --nips_out FILE]
//
// Creates OPD CONTOH with positions CONTOH-KADIS (JPT, top) <- CONTOH-KABID (Administrator) <-
// CONTOH-PLK (Pelaksana). With --employees, imports N employees holding CONTOH-PLK (one CSV,
// through ImportEmployees) and writes their NIPs to FILE, one a line. Prints the session token
// on stdout (and nothing else); errors go to stderr with exit code 1.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kinerja/sdk/kinerja_sdk.h"

namespace sdk = kinerja::sdk;
namespace v1 = kinerja::v1;

namespace {

std::string Flag(int argc, char** argv, const char* name, const char* fallback = "") {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return fallback;
}

bool Ok(const absl::Status& status, const char* what) {
  if (status.ok() || absl::IsAlreadyExists(status)) return true;
  std::cerr << "seed: " << what << ": " << status << "\n";
  return false;
}

v1::Position MakePosition(const char* code, const char* title, v1::PositionKind kind,
                          const char* superior) {
  v1::Position p;
  p.set_code(code);
  p.set_title(title);
  p.set_kind(kind);
  p.set_opd("CONTOH");
  p.set_superior_position(superior);
  return p;
}

// NIP i (0-based): born 1980-01-01 + (i / 900) days, appointed 2010-01, sequence 100 + i % 900.
std::string Nip(int i) {
  return absl::StrFormat("198001%02d2010011%03d", 1 + i / 900, 100 + i % 900);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string target = Flag(argc, argv, "--target");
  const std::string nip = Flag(argc, argv, "--nip");
  const int employees = std::atoi(Flag(argc, argv, "--employees", "0").c_str());
  const std::string nips_out = Flag(argc, argv, "--nips_out");
  const char* password = std::getenv("KINERJA_PASSWORD");
  if (target.empty() || nip.empty() || password == nullptr || employees < 0 ||
      employees > 900 * 28 || (employees > 0 && nips_out.empty())) {
    std::cerr << "usage: KINERJA_PASSWORD=... " << argv[0]
              << " --target HOST:PORT --nip NIP [--employees N --nips_out FILE]\n";
    return 2;
  }
  sdk::Options options;
  options.endpoints = {target};
  auto identity = sdk::MakeIdentityClient(options);
  if (!identity.ok()) return Ok(identity.status(), "connect"), 1;
  auto login = identity->Login(nip, password);
  if (!login.ok()) return Ok(login.status(), "Login"), 1;
  options.session_token = login->session_token();

  auto directory = sdk::MakeDirectoryClient(options);
  if (!directory.ok()) return Ok(directory.status(), "connect"), 1;
  v1::Opd opd;
  opd.set_code("CONTOH");
  opd.set_display_name("Dinas Contoh");
  opd.set_kind("DINAS");
  if (!Ok(directory->CreateOpd(opd).status(), "CreateOpd")) return 1;
  for (const v1::Position& p :
       {MakePosition("CONTOH-KADIS", "Kepala Dinas Contoh", v1::JPT, ""),
        MakePosition("CONTOH-KABID", "Kepala Bidang Contoh", v1::ADMINISTRATOR, "CONTOH-KADIS"),
        MakePosition("CONTOH-PLK", "Pengolah Data", v1::PELAKSANA, "CONTOH-KABID")}) {
    if (!Ok(directory->CreatePosition(p).status(), "CreatePosition")) return 1;
  }

  if (employees > 0) {
    std::string csv = "nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi\n";
    std::ofstream out(nips_out);
    for (int i = 0; i < employees; ++i) {
      absl::StrAppend(&csv, Nip(i), ",Pegawai Uji ", i, ",PNS,AKTIF,CONTOH-PLK,2015-01-05,\n");
      out << Nip(i) << "\n";
    }
    if (!out.flush()) return Ok(absl::InternalError("cannot write " + nips_out), "nips_out"), 1;
    if (!Ok(directory->ImportEmployees(csv).status(), "ImportEmployees")) return 1;
  }
  std::cout << options.session_token << "\n";
  return 0;
}
