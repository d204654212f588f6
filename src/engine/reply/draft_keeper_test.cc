#include "engine/reply/draft_keeper.h"

#include <gtest/gtest.h>

#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

using domain::Draft;
using domain::DraftRoute;

class DraftKeeperTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    keeper_ = std::make_unique<DraftKeeper>(*store_, clock_);
    dana_ = AddUser("dana");
    yossi_ = AddUser("yossi");
    case_ = AddCase();
  }

  static Draft DraftOf(const domain::User& user, domain::CaseId id, std::string text) {
    Draft d;
    d.user_id = user.id;
    d.case_id = id;
    d.route = DraftRoute::kDirectMessage;
    d.text = std::move(text);
    return d;
  }

  std::unique_ptr<DraftKeeper> keeper_;
  domain::User dana_;
  domain::User yossi_;
  domain::CaseId case_ = 0;
};

TEST_F(DraftKeeperTest, SaveStampsNormalisesAndReplaces) {
  clock_.Advance(1234);
  auto saved = keeper_->Save(DraftOf(dana_, case_, "caf\u0065\u0301 \u05e9\u05dc\u05d5\u05dd"));
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->text, "caf\u00e9 \u05e9\u05dc\u05d5\u05dd");
  EXPECT_EQ(saved->updated_at, kStart + 1234);
  EXPECT_EQ(*keeper_->Get(dana_.id, case_), *saved);

  Draft move = DraftOf(dana_, case_, "");
  move.route = DraftRoute::kMoveToPrivate;
  move.public_text = "שלחנו לך הודעה";
  move.private_text = "מה מספר ההזמנה?";
  clock_.Advance(1000);
  ASSERT_TRUE(keeper_->Save(move).ok());
  auto read = keeper_->Get(dana_.id, case_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->route, DraftRoute::kMoveToPrivate);
  EXPECT_EQ(read->text, "");
  EXPECT_EQ(read->private_text, "מה מספר ההזמנה?");
  EXPECT_EQ(read->updated_at, kStart + 2234);
}

TEST_F(DraftKeeperTest, ADraftIsItsAuthorsAlone) {
  ASSERT_TRUE(keeper_->Save(DraftOf(dana_, case_, "dana's words")).ok());
  EXPECT_EQ(keeper_->Get(yossi_.id, case_).status().reason(), "no_draft");
  ASSERT_TRUE(keeper_->Save(DraftOf(yossi_, case_, "yossi's words")).ok());
  EXPECT_EQ(keeper_->Get(dana_.id, case_)->text, "dana's words");
  ASSERT_TRUE(keeper_->Discard(yossi_.id, case_).ok());
  EXPECT_EQ(keeper_->Get(dana_.id, case_)->text, "dana's words");
}

TEST_F(DraftKeeperTest, UnknownCasesAreNotFoundAndMissingDraftsAreNoDraft) {
  EXPECT_EQ(keeper_->Get(dana_.id, case_).status().reason(), "no_draft");
  EXPECT_EQ(keeper_->Get(dana_.id, 999999).status().reason(), "not_found");
  EXPECT_EQ(keeper_->Save(DraftOf(dana_, 999999, "x")).status().reason(), "not_found");
  EXPECT_EQ(keeper_->Discard(dana_.id, 999999).reason(), "not_found");
  EXPECT_TRUE(keeper_->Discard(dana_.id, case_).ok());  // nothing to delete: fine
}

TEST_F(DraftKeeperTest, TooLongTextsAreRefusedAndNothingIsStored) {
  Draft d = DraftOf(dana_, case_, std::string(domain::kMaxDraftChars + 1, 'a'));
  Result<Draft> saved = keeper_->Save(d);
  EXPECT_EQ(saved.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(saved.status().reason(), "draft_too_long");
  EXPECT_EQ(keeper_->Get(dana_.id, case_).status().reason(), "no_draft");
}

}  // namespace
}  // namespace fr::engine
