#include "engine/feed/feed_listeners.h"

#include <gtest/gtest.h>

#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

using domain::CaseEventKind;
using domain::Role;

class FeedListenersTest : public StoreFixture {
 protected:
  // The kinds of the case changes in `batch`, in order.
  static std::vector<CaseEventKind> Kinds(const LiveSubscription::Batch& batch) {
    std::vector<CaseEventKind> kinds;
    for (const auto& e : batch.events) {
      kinds.push_back(std::get<CaseChanged>(e->payload).event.kind);
    }
    return kinds;
  }

  metrics::Registry metrics_;
  EventHub hub_{clock_, metrics_};
};

TEST_F(FeedListenersTest, CaseDeskChangesReachTheAssigneeAndWhoeverMaySeeTheCase) {
  domain::User dana = AddUser("dana");
  domain::User yoav = AddUser("yoav");
  domain::User boss = AddUser("boss", Role::kSupervisor);
  auto dana_feed = hub_.Subscribe({dana.id, Role::kAgent, {}}, [] {});
  auto yoav_feed = hub_.Subscribe({yoav.id, Role::kAgent, {}}, [] {});
  CaseDesk desk(*store_, clock_, PublishCaseChanges(hub_));
  domain::CaseId id = AddCase();

  ASSERT_TRUE(desk.Assign(dana, id, dana.id).ok());
  LiveSubscription::Batch taken = dana_feed->Take();
  ASSERT_EQ(Kinds(taken), std::vector<CaseEventKind>{CaseEventKind::kAssigned});
  const CaseChanged& change = std::get<CaseChanged>(taken.events[0]->payload);
  EXPECT_EQ(change.kase, GetCase(id));  // as committed
  EXPECT_GT(change.event.id, 0);
  EXPECT_EQ(change.event.detail, "take");
  EXPECT_TRUE(yoav_feed->Take().events.empty());  // Dana's case now

  // A supervisor puts it back in the pool: Dana hears she lost it, Yoav that it is free.
  ASSERT_TRUE(desk.Unassign(boss, id).ok());
  EXPECT_EQ(Kinds(dana_feed->Take()), std::vector<CaseEventKind>{CaseEventKind::kUnassigned});
  EXPECT_EQ(Kinds(yoav_feed->Take()), std::vector<CaseEventKind>{CaseEventKind::kUnassigned});
}

TEST_F(FeedListenersTest, ReplyChangesCarryTheirCaseAsItIsNowOrAreDroppedWithoutIt) {
  domain::User dana = AddUser("dana");
  domain::Team team = AddTeam("קנטינה X", {dana.id});
  auto dana_feed = hub_.Subscribe({dana.id, Role::kAgent, {team.id}}, [] {});
  auto other_feed = hub_.Subscribe({dana.id + 100, Role::kAgent, {}}, [] {});
  ReplyListener listener = PublishReplies(hub_, *store_, metrics_);
  CaseDesk desk(*store_, clock_);
  domain::CaseId id = AddCase();
  ASSERT_TRUE(desk.Assign(dana, id, dana.id).ok());

  domain::Reply reply;
  reply.id = 5;
  reply.case_id = id;
  reply.author = dana.id;
  reply.text = "שלום, ההזמנה בדרך";
  listener(reply);
  LiveSubscription::Batch taken = dana_feed->Take();
  ASSERT_EQ(taken.events.size(), 1u);
  const ReplyChanged& change = std::get<ReplyChanged>(taken.events[0]->payload);
  EXPECT_EQ(change.reply, reply);
  EXPECT_EQ(change.kase.assignee, dana.id);
  EXPECT_TRUE(other_feed->Take().events.empty());

  reply.case_id = id + 1000;  // no such case: nobody can tell who may see it
  listener(reply);
  EXPECT_TRUE(dana_feed->Take().events.empty());
  EXPECT_EQ(metrics_.GetCounter("feedroom_live_dropped_total", "")->Value(), 1u);
}

TEST_F(FeedListenersTest, ThreadingNotesArePublishedMessagesFirst) {
  auto boss_feed = hub_.Subscribe({1, Role::kAdmin, {}}, [] {});
  domain::CaseId id = AddCase();
  ApplyNotes notes;
  notes.messages.push_back({42, domain::Platform::kX, false, kStart, GetCase(id)});
  domain::Reply echoed;
  echoed.case_id = id;
  notes.replies.push_back(echoed);
  PublishThreaded(hub_, *store_, metrics_)(notes);
  LiveSubscription::Batch taken = boss_feed->Take();
  ASSERT_EQ(taken.events.size(), 2u);
  EXPECT_EQ(std::get<FiledMessage>(taken.events[0]->payload).id, 42);
  EXPECT_EQ(std::get<ReplyChanged>(taken.events[1]->payload).kase.id, id);
}

}  // namespace
}  // namespace fr::engine
