// `feedroom labels export`: the corrections agents made come out as the JSON lines
// `feedroom train --corrections` reads, with the text they correct.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <sstream>

#include "engine/thread/threader.h"
#include "engine/understand/label_desk.h"
#include "server/commands.h"
#include "tests/support/fake_nlp.h"
#include "tests/support/temp_dir.h"

namespace fr::server {
namespace {

TEST(LabelsExportTest, WritesEachCorrectionWithItsText) {
  fr::testing::TempDir dir;
  ServerConfig config;
  config.data_dir = dir.File("data");
  {
    auto store = OpenStore(config);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ManualClock clock(1'800'000'000'000);
    fr::testing::FakeCompiler compiler;
    fr::testing::FakeUnderstander understander;
    engine::RuleBook rules(compiler);
    engine::InsightMaker maker(understander, rules, domain::TriagePolicy{});
    engine::ThreadingOptions options;
    options.insights = &maker;
    engine::Threader threader(options);
    domain::InboundEvent e;
    e.message.account_id = "brand";
    e.message.external_id = "1";
    e.message.author.id = "cust";
    e.message.text = "אני כועס, ההזמנה לא הגיעה";
    e.message.kind = domain::MessageKind::kMention;
    Status filed = ports::WriteOne(**store, [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", 0, "{}"));
      return threader.Apply(txn, e, delivery, 0).status();
    });
    ASSERT_TRUE(filed.ok()) << filed.ToString();
    Status user = ports::WriteOne(**store, [&](ports::StoreTxn& txn) -> Status {
      ports::StoredUser u;
      u.user.username = "dana";
      return txn.people().InsertUser(u).status();
    });
    ASSERT_TRUE(user.ok()) << user.ToString();
    auto message = (*store)->GetMessage(domain::Platform::kX, "1");
    engine::LabelDesk labels(**store, clock);
    ASSERT_TRUE(labels.Correct((*message)->id, 1, "intent", "question").ok());
  }
  std::ostringstream out, err;
  ASSERT_EQ(RunLabelsExport(config, out, err), 0) << err.str();
  const std::string written = out.str();
  boost::json::value line = boost::json::parse(written);
  EXPECT_EQ(line.at("text").as_string(), "אני כועס, ההזמנה לא הגיעה");
  EXPECT_EQ(line.at("task").as_string(), "intent");
  EXPECT_EQ(line.at("label").as_string(), "question");
  EXPECT_EQ(line.at("at").as_int64(), 1'800'000'000'000);
  EXPECT_EQ(written.back(), '\n');
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 1);
}

}  // namespace
}  // namespace fr::server
