#include "server/domain/assignment_rules.h"

#include "absl/strings/str_cat.h"
#include "server/domain/civil_date.h"

namespace kinerja::domain {

absl::StatusOr<AssignmentPlan> PlanAssignment(const std::optional<AssignmentSpan>& latest,
                                              int64_t position_id, absl::CivilDay effective) {
  AssignmentPlan plan;
  if (!latest) {
    plan.change = AssignmentChange::kOpened;
    return plan;
  }
  if (latest->position_id == position_id && latest->start == effective) {
    plan.change = AssignmentChange::kUnchanged;
    return plan;
  }
  if (effective <= latest->start) {
    return absl::InvalidArgumentError(absl::StrCat(
        "effective date ", FormatIsoDate(effective),
        " is not after the start of the current assignment (", FormatIsoDate(latest->start),
        "); history is never overwritten"));
  }
  if (latest->end) {
    if (effective <= *latest->end) {
      return absl::InvalidArgumentError(
          absl::StrCat("effective date ", FormatIsoDate(effective),
                       " overlaps the assignment that ends on ", FormatIsoDate(*latest->end)));
    }
    plan.change = AssignmentChange::kOpened;
    return plan;
  }
  if (latest->position_id == position_id) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the employee already holds this position since ", FormatIsoDate(latest->start)));
  }
  plan.change = AssignmentChange::kTransferred;
  plan.close_assignment_id = latest->id;
  plan.close_on = effective - 1;
  return plan;
}

bool IsSingleHolder(kinerja::v1::PositionKind kind) {
  return kind == kinerja::v1::JPT || kind == kinerja::v1::ADMINISTRATOR ||
         kind == kinerja::v1::PENGAWAS;
}

}  // namespace kinerja::domain
