// kinerja_policy_doc: prints the access policy table as Markdown (docs/access-policy.md).
#include <iostream>

#include "server/auth/policy_table.h"

int main() {
  std::cout << kinerja::auth::PolicyTableMarkdown();
  return 0;
}
