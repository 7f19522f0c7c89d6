// Which calls the SDK may send more than once.
//
// A call is retried (see retry_policy.h) only when it is idempotent: sending it twice has the same
// effect as sending it once. The defaults, per method:
//
//   Idempotent (reads):  every Get*, List* and Export* method, GetSuperior, GetMyAccount, Ping;
//       of SkpService: GetSkp, ListSkps, ListIntervensiOptions, ListSubordinateSkps,
//       GetOpdSkpSummary, GetCascade, ListOpdQuotaReports, ExportSkps.
//   Idempotent (writes that carry a request_id): CreateOpd, CreateEmployee, TransferEmployee,
//       CreateActingAssignment, GrantRole, CreateSkp. The server stores the answer of such a write
//       under (method, request_id) and gives a repeat the stored answer, so a retried write
//       happens once. When the caller leaves request_id empty the SDK fills in a random one
//       (NewRequestId), the same on every attempt of that call; a request whose request_id is
//       still empty (possible only through a custom ConnectionEnvironment) is not idempotent.
//   Idempotent by content: ImportEmployees. An import has no request_id, but the server applies a
//       file so that re-running it changes nothing (directory.proto). A retried import therefore
//       leaves the directory as one run would; its response may then count as rows_unchanged the
//       rows that the lost attempt already stored. Override it to kNonIdempotent if the counts
//       matter more than the retry.
//   Idempotent as a PUT: SetOrganizationPredikat sets one value; setting it again leaves the same.
//   Not idempotent: everything else - Login, Logout, ChangePassword, ResetPassword, RevokeRole,
//       CreateUnit, CreatePosition, UpdatePosition, CreateSystemAccount, CreateApiKey,
//       RevokeApiKey, RegisterClientCertificate; of SkpService UpdateSkp, the transitions
//       SubmitSkp, ApproveSkp, ReturnSkp, ReviseSkp, SetExpectations and EvaluateSkp, ImportSkps
//       and FinalizeOpdSkps. A retry could act twice (a second key, a second password change) or
//       answer differently (NOT_FOUND after a revoke that did happen). The SKP transitions carry
//       no request_id, only an optional etag: with the etag set, a repeat of a transition that did
//       happen fails with ABORTED (or FAILED_PRECONDITION for the new state) instead of acting
//       twice, but it still does not answer as the first attempt did, so it is not retried. A
//       caller that re-reads the plan after such an error may override these to kIdempotent.
//
// Options::idempotency_overrides replaces the default of a method, whatever its request carries.
#ifndef KINERJA_SDK_IDEMPOTENCY_H_
#define KINERJA_SDK_IDEMPOTENCY_H_

namespace kinerja::sdk {

enum class Idempotency {
  kIdempotent,     // may be retried
  kNonIdempotent,  // sent at most once
};

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_IDEMPOTENCY_H_
