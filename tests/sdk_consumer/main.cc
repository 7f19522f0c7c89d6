// A city system's smallest use of the installed SDK: sign in, then Ping, GetMyAccount, a create
// (retried safely: the SDK gives it a request_id), GetEmployee, a paginated list and the export
// stream, and the errors a caller must handle. Exits 0 when every step behaves as documented.
//
//   kinerja_sdk_consumer --target 127.0.0.1:50051 --nip 196505051990031009
// The password comes from KINERJA_SDK_CONSUMER_PASSWORD; --target and --nip may also come from
// KINERJA_SDK_CONSUMER_TARGET and KINERJA_SDK_CONSUMER_NIP.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "kinerja/sdk/kinerja_sdk.h"

namespace {

namespace sdk = kinerja::sdk;
namespace v1 = kinerja::v1;

int failures = 0;

void Check(bool ok, const std::string& what, const absl::Status& status = absl::OkStatus()) {
  std::cout << (ok ? "ok    " : "FAIL  ") << what;
  if (!status.ok()) std::cout << " [" << status << "]";
  std::cout << "\n";
  if (!ok) ++failures;
}

std::string Arg(int argc, char** argv, const char* flag, const char* env) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], flag) == 0) return argv[i + 1];
  }
  const char* value = std::getenv(env);
  return value ? value : "";
}

}  // namespace

int main(int argc, char** argv) {
  const std::string target = Arg(argc, argv, "--target", "KINERJA_SDK_CONSUMER_TARGET");
  const std::string nip = Arg(argc, argv, "--nip", "KINERJA_SDK_CONSUMER_NIP");
  const char* password = std::getenv("KINERJA_SDK_CONSUMER_PASSWORD");
  if (target.empty() || nip.empty() || password == nullptr) {
    std::cerr << "usage: KINERJA_SDK_CONSUMER_PASSWORD=... " << argv[0]
              << " --target host:port --nip NIP\n";
    return 2;
  }
  std::cout << "Kinerja SDK " << sdk::kVersion << " against " << target << "\n";

  sdk::Options options;
  options.endpoints = {target};
  options.user_agent_prefix = "kinerja-sdk-consumer/1";
  auto identity = sdk::MakeIdentityClient(options);
  if (!identity.ok()) {
    Check(false, "MakeIdentityClient", identity.status());
    return 1;
  }
  auto login = identity->Login(nip, password);
  Check(login.ok(), "Login", login.status());
  if (!login.ok()) return 1;
  Check(absl::IsUnauthenticated(identity->Login(nip, "wrong-password-1").status()),
        "Login with a wrong password is UNAUTHENTICATED");

  options.session_token = login->session_token();
  auto diagnostics = sdk::MakeDiagnosticsClient(options);
  auto me = sdk::MakeIdentityClient(options);
  auto directory = sdk::MakeDirectoryClient(options);
  if (!diagnostics.ok() || !me.ok() || !directory.ok()) {
    Check(false, "make clients");
    return 1;
  }

  auto pong = diagnostics->Ping("consumer");
  Check(pong.ok() && pong->payload() == "consumer", "Ping", pong.status());
  auto account = me->GetMyAccount();
  Check(account.ok() && account->name() == "accounts/" + nip, "GetMyAccount", account.status());

  v1::Opd opd;
  opd.set_code("CONSUMER");
  opd.set_display_name("Dinas Uji Konsumen SDK");
  opd.set_kind("DINAS");
  auto created_opd = directory->CreateOpd(opd);
  Check(created_opd.ok() && created_opd->name() == "opds/CONSUMER", "CreateOpd",
        created_opd.status());

  v1::Employee employee;
  employee.set_nip("199001012015011001");
  employee.set_full_name("Rina Kusumawati");
  employee.set_employee_type(v1::PNS);
  employee.set_status(v1::ACTIVE);
  auto created = directory->CreateEmployee(employee);
  Check(created.ok(), "CreateEmployee", created.status());
  auto fetched = directory->GetEmployee("199001012015011001");
  Check(fetched.ok() && fetched->full_name() == "Rina Kusumawati", "GetEmployee", fetched.status());
  auto missing = directory->GetEmployee("199101012016011001");
  Check(absl::IsNotFound(missing.status()), "GetEmployee of an unknown NIP is NOT_FOUND");

  v1::Employee bad;
  bad.set_nip("1990");
  auto refused = directory->CreateEmployee(bad);
  bool names_nip = false;
  for (const auto& v : sdk::FieldViolations(refused.status()))
    names_nip |= v.field == "employee.nip";
  Check(absl::IsInvalidArgument(refused.status()) && names_nip,
        "an invalid employee is INVALID_ARGUMENT naming employee.nip");

  v1::ListOpdsRequest list;
  list.set_page_size(1);
  int opds = 0;
  for (const auto& o : directory->ListOpds(list)) {
    if (!o.ok()) {
      Check(false, "ListOpds", o.status());
      break;
    }
    ++opds;
  }
  Check(opds == 1, "ListOpds yields the one OPD");

  auto exported = sdk::ReadAll(directory->ExportEmployees(""));
  Check(exported.ok() && exported->size() == 1, "ExportEmployees streams the one employee",
        exported.status());

  Check(me->Logout().ok(), "Logout");
  Check(absl::IsUnauthenticated(me->GetMyAccount().status()),
        "after Logout the session is refused");

  std::cout << (failures == 0 ? "all checks passed\n" : "some checks failed\n");
  return failures == 0 ? 0 : 1;
}
