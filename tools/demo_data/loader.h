// Sends the demo data to a running server through kinerja.v1.DirectoryService: OPDs, units,
// positions (CreateOpd/CreateUnit/CreatePosition, parents first), then the employees and the
// transfers (ImportEmployees, in chunks), then the acting superiors (CreateActingAssignment); and
// makes the demo users' accounts through kinerja.v1.IdentityService (ResetPassword, GrantRole).
//
// Signs in first (IdentityService.Login, as a BKPP administrator) and sends the session token as
// "authorization: Bearer <token>" on every later call. Passwords are never printed.
//
// Every RPC has a deadline. UNAVAILABLE is retried with backoff for a bounded time; a retried
// Create that answers ALREADY_EXISTS counts as done (the first attempt got through). Any other
// error stops the load: the returned status carries the gRPC code, message and BadRequest field
// violations.
#ifndef KINERJA_TOOLS_DEMO_DATA_LOADER_H_
#define KINERJA_TOOLS_DEMO_DATA_LOADER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kinerja/v1/directory.grpc.pb.h"
#include "kinerja/v1/identity.grpc.pb.h"
#include "tools/demo_data/demo_users.h"
#include "tools/demo_data/model.h"

namespace kinerja::demo {

struct LoaderOptions {
  std::string target = "127.0.0.1:50051";
  uint64_t seed = 2026;  // part of every request_id, so a retried request is recognised
  size_t chunk_rows = 5000;
  absl::Duration call_deadline = absl::Seconds(10);
  absl::Duration import_deadline = absl::Seconds(60);
  absl::Duration unavailable_budget = absl::Seconds(30);
};

enum class LoadOutcome { kLoaded, kAlreadyPresent };

class Loader {
 public:
  explicit Loader(LoaderOptions options);

  // Signs in with Login; every later call carries the session token. Fails (UNAUTHENTICATED,
  // PERMISSION_DENIED, FAILED_PRECONDITION) with an explanation when the password is wrong, the
  // account is no BKPP administrator, or it must change its password first.
  absl::Status SignIn(const std::string& nip, const std::string& password);

  // Loads everything unless ListOpds already returns an OPD (then kAlreadyPresent, nothing sent).
  // Progress goes to stdout.
  absl::StatusOr<LoadOutcome> Load(const DemoData& data);

  // True when GetEmployee finds `nip` (false on NOT_FOUND or any error).
  bool HasEmployee(const std::string& nip);

  // Gives every demo user an account with `password` and no change required at the next sign-in
  // (ResetPassword), and its role (GrantRole; ALREADY_EXISTS, a grant made by an earlier run, is
  // fine); then checks that each can sign in. Safe to repeat.
  absl::Status EnsureDemoUsers(const DemoData& data, const std::vector<DemoUser>& users,
                               const std::string& password);

 private:
  template <class Stub, class Request, class Response>
  using Method = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&, Response*);

  // One RPC with retries of UNAVAILABLE; sends the session token when there is one.
  template <class Stub, class Request, class Response>
  absl::Status Call(const std::string& what, Stub* stub, Method<Stub, Request, Response> method,
                    const Request& request, Response* response, absl::Duration deadline,
                    bool is_create);
  template <class Request, class Response>
  absl::Status Call(const std::string& what,
                    Method<v1::DirectoryService::StubInterface, Request, Response> method,
                    const Request& request, Response* response, absl::Duration deadline,
                    bool is_create) {
    return Call(what, stub_.get(), method, request, response, deadline, is_create);
  }

  absl::Status CreateOrganisation(const DemoData& data);
  absl::Status Import(const DemoData& data, const std::vector<AssignmentRow>& rows,
                      const std::string& label);
  absl::Status CreateActing(const DemoData& data);

  LoaderOptions options_;
  std::unique_ptr<v1::DirectoryService::StubInterface> stub_;
  std::unique_ptr<v1::IdentityService::StubInterface> identity_;
  std::string session_token_;
};

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_LOADER_H_
