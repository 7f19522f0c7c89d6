// Assignments (DOMAIN.md 2.2): an employee holds exactly one primary position at any date. A transfer
// or promotion closes the open assignment on the day before the new one starts; history is never
// overwritten. Structural positions (JPT, Administrator, Pengawas) have one definitive holder at a time.
#ifndef KINERJA_SERVER_DOMAIN_ASSIGNMENT_RULES_H_
#define KINERJA_SERVER_DOMAIN_ASSIGNMENT_RULES_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "kinerja/v1/common.pb.h"

namespace kinerja::domain {

struct AssignmentSpan {
  int64_t id = 0;
  int64_t position_id = 0;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;  // inclusive; empty while open

  bool Covers(absl::CivilDay day) const { return start <= day && (!end || day <= *end); }
};

enum class AssignmentChange {
  kUnchanged,    // the same assignment is already recorded (an idempotent replay)
  kOpened,       // a first appointment, or a new one after the last has ended
  kTransferred,  // the open assignment closes the day before, the new one opens
};

struct AssignmentPlan {
  AssignmentChange change = AssignmentChange::kOpened;
  int64_t close_assignment_id = 0;  // with kTransferred
  absl::CivilDay close_on;          // with kTransferred: effective - 1 day
};

// Decides what assigning `position_id` from `effective` does, given the employee's latest assignment
// (the one with the greatest start date), if any. Errors (INVALID_ARGUMENT): the effective date is on
// or before the latest assignment's start, or inside a closed assignment, or the employee already holds
// that position in the open assignment.
absl::StatusOr<AssignmentPlan> PlanAssignment(const std::optional<AssignmentSpan>& latest,
                                              int64_t position_id, absl::CivilDay effective);

// True for position kinds that one person holds at a time (JPT, Administrator, Pengawas); Pelaksana
// and Fungsional positions are formations held by many.
bool IsSingleHolder(kinerja::v1::PositionKind kind);

}  // namespace kinerja::domain

#endif  // KINERJA_SERVER_DOMAIN_ASSIGNMENT_RULES_H_
