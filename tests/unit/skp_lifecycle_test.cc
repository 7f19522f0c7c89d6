// Every (state, action) pair of the SKP plan: the legal transitions lead where DOMAIN.md 3.2 says,
// every other one is refused with FAILED_PRECONDITION.
#include "server/domain/skp_lifecycle.h"

#include <map>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

using v1::SkpState;

constexpr SkpAction kAllActions[] = {
    SkpAction::kEdit,     SkpAction::kSubmit,          SkpAction::kApprove,
    SkpAction::kReturn,   SkpAction::kRevise,          SkpAction::kSetExpectations,
    SkpAction::kEvaluate, SkpAction::kFinalize,        SkpAction::kCloseByTransfer};
constexpr SkpState kAllStates[] = {
    v1::SKP_STATE_UNSPECIFIED, v1::SKP_STATE_DRAFT,     v1::SKP_STATE_SUBMITTED,
    v1::SKP_STATE_RETURNED,    v1::SKP_STATE_APPROVED,  v1::SKP_STATE_EVALUATED,
    v1::SKP_STATE_FINAL,       v1::SKP_STATE_CLOSED_BY_TRANSFER};

TEST(SkpLifecycleTest, OnlyTheListedTransitionsAreAllowed) {
  const std::map<std::pair<SkpState, SkpAction>, SkpState> legal = {
      {{v1::SKP_STATE_DRAFT, SkpAction::kEdit}, v1::SKP_STATE_DRAFT},
      {{v1::SKP_STATE_RETURNED, SkpAction::kEdit}, v1::SKP_STATE_DRAFT},
      {{v1::SKP_STATE_DRAFT, SkpAction::kSubmit}, v1::SKP_STATE_SUBMITTED},
      {{v1::SKP_STATE_SUBMITTED, SkpAction::kApprove}, v1::SKP_STATE_APPROVED},
      {{v1::SKP_STATE_SUBMITTED, SkpAction::kReturn}, v1::SKP_STATE_RETURNED},
      {{v1::SKP_STATE_APPROVED, SkpAction::kRevise}, v1::SKP_STATE_DRAFT},
      {{v1::SKP_STATE_SUBMITTED, SkpAction::kSetExpectations}, v1::SKP_STATE_SUBMITTED},
      {{v1::SKP_STATE_APPROVED, SkpAction::kSetExpectations}, v1::SKP_STATE_APPROVED},
      {{v1::SKP_STATE_APPROVED, SkpAction::kEvaluate}, v1::SKP_STATE_EVALUATED},
      {{v1::SKP_STATE_EVALUATED, SkpAction::kEvaluate}, v1::SKP_STATE_EVALUATED},
      {{v1::SKP_STATE_EVALUATED, SkpAction::kFinalize}, v1::SKP_STATE_FINAL},
      {{v1::SKP_STATE_DRAFT, SkpAction::kCloseByTransfer}, v1::SKP_STATE_CLOSED_BY_TRANSFER},
      {{v1::SKP_STATE_SUBMITTED, SkpAction::kCloseByTransfer}, v1::SKP_STATE_CLOSED_BY_TRANSFER},
      {{v1::SKP_STATE_RETURNED, SkpAction::kCloseByTransfer}, v1::SKP_STATE_CLOSED_BY_TRANSFER},
      {{v1::SKP_STATE_APPROVED, SkpAction::kCloseByTransfer}, v1::SKP_STATE_CLOSED_BY_TRANSFER},
      {{v1::SKP_STATE_EVALUATED, SkpAction::kCloseByTransfer}, v1::SKP_STATE_CLOSED_BY_TRANSFER},
  };
  int refused = 0;
  for (SkpState from : kAllStates) {
    for (SkpAction action : kAllActions) {
      auto next = NextState(from, action);
      auto it = legal.find({from, action});
      if (it != legal.end()) {
        ASSERT_TRUE(next.ok()) << StateName(from) << " " << ActionName(action) << ": " << next.status();
        EXPECT_EQ(*next, it->second) << StateName(from) << " " << ActionName(action);
      } else {
        ++refused;
        ASSERT_FALSE(next.ok()) << StateName(from) << " " << ActionName(action);
        EXPECT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition);
        EXPECT_THAT(std::string(next.status().message()),
                    ::testing::AllOf(::testing::HasSubstr(std::string(StateName(from))),
                                     ::testing::HasSubstr(std::string(ActionName(action)))));
      }
    }
  }
  EXPECT_EQ(refused, 8 * 9 - static_cast<int>(legal.size()));
}

TEST(SkpLifecycleTest, EachActionBelongsToOneKindOfActor) {
  EXPECT_EQ(ActorFor(SkpAction::kEdit), SkpActor::kOwner);
  EXPECT_EQ(ActorFor(SkpAction::kSubmit), SkpActor::kOwner);
  EXPECT_EQ(ActorFor(SkpAction::kRevise), SkpActor::kOwner);
  EXPECT_EQ(ActorFor(SkpAction::kApprove), SkpActor::kApprover);
  EXPECT_EQ(ActorFor(SkpAction::kReturn), SkpActor::kApprover);
  EXPECT_EQ(ActorFor(SkpAction::kSetExpectations), SkpActor::kApprover);
  EXPECT_EQ(ActorFor(SkpAction::kEvaluate), SkpActor::kApprover);
  EXPECT_EQ(ActorFor(SkpAction::kFinalize), SkpActor::kOpd);
  EXPECT_EQ(ActorFor(SkpAction::kCloseByTransfer), SkpActor::kDirectory);
}

}  // namespace
}  // namespace kinerja::domain
