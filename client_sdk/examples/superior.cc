// Looks up an employee and the superior who approves and rates their SKP today.
//
//   export KINERJA_API_KEY=knk_...        (or KINERJA_TOKEN=<session token>)
//   kinerja_example_superior 127.0.0.1:50051 198507122010011003
//
// Prints the employee (NIP, name, position) and the superior, or says there is none (the top of
// the position tree). Exits 0 on success, 1 on an error (printed with its gRPC code).
#include <cstdlib>
#include <iostream>
#include <string>

#include "kinerja/sdk/kinerja_sdk.h"

namespace sdk = kinerja::sdk;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " SERVER_ADDRESS NIP\n"
              << "credentials: KINERJA_API_KEY or KINERJA_TOKEN in the environment\n";
    return 2;
  }
  sdk::Options options;
  options.endpoints = {argv[1]};
  options.user_agent_prefix = "kinerja-example-superior/1";
  if (const char* key = std::getenv("KINERJA_API_KEY")) options.api_key = key;
  if (const char* token = std::getenv("KINERJA_TOKEN")) options.session_token = token;

  auto directory = sdk::MakeDirectoryClient(options);
  if (!directory.ok()) {
    std::cerr << "cannot connect: " << directory.status() << "\n";
    return 1;
  }

  auto employee = directory->GetEmployee(argv[2]);
  if (!employee.ok()) {
    std::cerr << "GetEmployee: " << employee.status() << "\n";
    return 1;
  }
  const auto& now = employee->current_assignment();
  std::cout << "Employee: " << employee->nip() << "  " << employee->full_name() << "\n"
            << "Position: " << (now.position().empty() ? "(none)" : now.position()) << "  "
            << now.position_title() << "  " << now.opd() << "\n";

  auto superior = directory->GetSuperior(employee->nip());
  if (absl::IsNotFound(superior.status())) {
    std::cout << "Superior: none (" << superior.status().message() << ")\n";
    return 0;
  }
  if (!superior.ok()) {
    std::cerr << "GetSuperior: " << superior.status() << "\n";
    return 1;
  }
  std::cout << "Superior: " << superior->employee().nip() << "  "
            << superior->employee().full_name() << "\n"
            << "          position " << superior->position()
            << (superior->acting() ? " (acting)" : "") << "\n";
  return 0;
}
