// One problem with a request's input, in google.rpc.BadRequest terms.
#ifndef KINERJA_SERVER_DOMAIN_VIOLATION_H_
#define KINERJA_SERVER_DOMAIN_VIOLATION_H_

#include <string>

namespace kinerja::domain {

struct Violation {
  std::string field;        // e.g. "employee.nip" or "csv[line=12].nip"
  std::string description;  // e.g. "NIP must have exactly 18 digits; got 17 characters"
};

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_VIOLATION_H_
