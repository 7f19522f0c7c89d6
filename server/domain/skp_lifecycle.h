// The SKP plan's states and who moves it between them (DOMAIN.md 3.2 and 3.5):
//
//   DRAFT --submit--> SUBMITTED --approve--> APPROVED --evaluate--> EVALUATED --finalize--> FINAL
//     ^                   |                     |                     (evaluate again to correct)
//     +--edit-- RETURNED <+ return (with note)  +--revise (a new revision)--> DRAFT
//
//   any state before FINAL --the assignment ends--> CLOSED_BY_TRANSFER
//
// Only the employee edits, submits and revises; only the approver (the superior on the day, or the
// PLT/PLH registered for the day) returns, approves, writes expectations and evaluates; finalisation
// is the OPD's (its head, or a BKPP administrator); closing by transfer is the directory's.
#ifndef KINERJA_SERVER_DOMAIN_SKP_LIFECYCLE_H_
#define KINERJA_SERVER_DOMAIN_SKP_LIFECYCLE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kinerja/v1/skp.pb.h"

namespace kinerja::domain {

enum class SkpAction {
  kEdit,
  kSubmit,
  kApprove,
  kReturn,
  kRevise,
  kSetExpectations,
  kEvaluate,
  kFinalize,
  kCloseByTransfer,
};

enum class SkpActor {
  kOwner,     // the employee whose SKP it is
  kApprover,  // the superior on the day, or the registered PLT/PLH
  kOpd,       // the OPD's head or a BKPP administrator
  kDirectory, // the directory, when an assignment ends
};

// Who takes `action`.
SkpActor ActorFor(SkpAction action);

// The state `action` leads to from `from`; FAILED_PRECONDITION naming the action and the state when
// the action is not allowed there.
absl::StatusOr<v1::SkpState> NextState(v1::SkpState from, SkpAction action);

// "submit", "approve", ...
absl::string_view ActionName(SkpAction action);
// "DRAFT", "SUBMITTED", ...
absl::string_view StateName(v1::SkpState state);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_SKP_LIFECYCLE_H_
