#include "server/domain/skp_lifecycle.h"

#include <optional>

#include "absl/strings/str_cat.h"

namespace kinerja::domain {

using v1::SkpState;

SkpActor ActorFor(SkpAction action) {
  switch (action) {
    case SkpAction::kEdit:
    case SkpAction::kSubmit:
    case SkpAction::kRevise:
      return SkpActor::kOwner;
    case SkpAction::kApprove:
    case SkpAction::kReturn:
    case SkpAction::kSetExpectations:
    case SkpAction::kEvaluate:
      return SkpActor::kApprover;
    case SkpAction::kFinalize:
      return SkpActor::kOpd;
    case SkpAction::kCloseByTransfer:
      return SkpActor::kDirectory;
  }
  return SkpActor::kDirectory;
}

absl::StatusOr<SkpState> NextState(SkpState from, SkpAction action) {
  std::optional<SkpState> to;
  switch (action) {
    case SkpAction::kEdit:
      if (from == v1::SKP_STATE_DRAFT || from == v1::SKP_STATE_RETURNED) to = v1::SKP_STATE_DRAFT;
      break;
    case SkpAction::kSubmit:
      if (from == v1::SKP_STATE_DRAFT) to = v1::SKP_STATE_SUBMITTED;
      break;
    case SkpAction::kApprove:
      if (from == v1::SKP_STATE_SUBMITTED) to = v1::SKP_STATE_APPROVED;
      break;
    case SkpAction::kReturn:
      if (from == v1::SKP_STATE_SUBMITTED) to = v1::SKP_STATE_RETURNED;
      break;
    case SkpAction::kRevise:
      if (from == v1::SKP_STATE_APPROVED) to = v1::SKP_STATE_DRAFT;
      break;
    case SkpAction::kSetExpectations:
      if (from == v1::SKP_STATE_SUBMITTED || from == v1::SKP_STATE_APPROVED) to = from;
      break;
    case SkpAction::kEvaluate:
      if (from == v1::SKP_STATE_APPROVED || from == v1::SKP_STATE_EVALUATED) {
        to = v1::SKP_STATE_EVALUATED;
      }
      break;
    case SkpAction::kFinalize:
      if (from == v1::SKP_STATE_EVALUATED) to = v1::SKP_STATE_FINAL;
      break;
    case SkpAction::kCloseByTransfer:
      if (from != v1::SKP_STATE_FINAL && from != v1::SKP_STATE_CLOSED_BY_TRANSFER &&
          from != v1::SKP_STATE_UNSPECIFIED) {
        to = v1::SKP_STATE_CLOSED_BY_TRANSFER;
      }
      break;
  }
  if (!to) {
    return absl::FailedPreconditionError(absl::StrCat("an SKP in state ", StateName(from),
                                                      " cannot be given the action '",
                                                      ActionName(action), "'"));
  }
  return *to;
}

absl::string_view ActionName(SkpAction action) {
  switch (action) {
    case SkpAction::kEdit: return "edit";
    case SkpAction::kSubmit: return "submit";
    case SkpAction::kApprove: return "approve";
    case SkpAction::kReturn: return "return";
    case SkpAction::kRevise: return "revise";
    case SkpAction::kSetExpectations: return "set expectations";
    case SkpAction::kEvaluate: return "evaluate";
    case SkpAction::kFinalize: return "finalize";
    case SkpAction::kCloseByTransfer: return "close by transfer";
  }
  return "?";
}

absl::string_view StateName(SkpState state) {
  switch (state) {
    case v1::SKP_STATE_DRAFT: return "DRAFT";
    case v1::SKP_STATE_SUBMITTED: return "SUBMITTED";
    case v1::SKP_STATE_RETURNED: return "RETURNED";
    case v1::SKP_STATE_APPROVED: return "APPROVED";
    case v1::SKP_STATE_EVALUATED: return "EVALUATED";
    case v1::SKP_STATE_FINAL: return "FINAL";
    case v1::SKP_STATE_CLOSED_BY_TRANSFER: return "CLOSED_BY_TRANSFER";
    default: return "UNSPECIFIED";
  }
}

}  // namespace kinerja::domain
