#include "domain/priority.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

TEST(PriorityTest, NamesRoundTrip) {
  for (Priority p : {Priority::kLow, Priority::kNormal, Priority::kHigh, Priority::kUrgent}) {
    EXPECT_EQ(ParsePriority(PriorityName(p)), p);
  }
  EXPECT_EQ(PriorityName(Priority::kUrgent), "urgent");
  EXPECT_EQ(ParsePriority("Urgent"), std::nullopt);
  EXPECT_EQ(ParsePriority(""), std::nullopt);
}

}  // namespace
}  // namespace fr::domain
