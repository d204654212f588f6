// Replaying real support history: the first 5,000 rows of Customer Support on Twitter (../shared
// data) go through the TWCS reader, the Threader and the MetricsKeeper into a real store, and
// the per-brand figures the product reports — cases, responded cases, the sum and median of
// first responses — equal those computed here from the CSV's own times.
// Also: the reader's errors name their line, and a second import adds nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "channels/x/twcs_csv.h"
#include "engine/ingest/history_import.h"
#include "engine/metrics/metrics_keeper.h"
#include "engine/metrics/metrics_query.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace fr::server {
namespace {

using channels::x::TwcsRow;

std::vector<TwcsRow> ReadRows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<TwcsRow> rows;
  Status s = channels::x::ReadTwcsCsv(
      in, [&](TwcsRow r) { rows.push_back(std::move(r)); },
      [](const channels::x::TwcsRowError& e) { ADD_FAILURE() << e.line << ": " << e.message; });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rows;
}

// The per-brand first responses, computed from the CSV's own times: each case (the tweets the
// product filed together; how tweets form cases is the Threader's, tested on its own) opens
// at its first customer tweet and is answered by the first brand tweet at or after that.
struct Expected {
  std::int64_t cases = 0;
  std::vector<std::int64_t> first_responses;  // ms, one per responded case
};

std::map<std::string, Expected> ExpectedByBrand(const std::vector<TwcsRow>& rows,
                                                ports::Store& store) {
  struct Case {
    std::set<std::string> brands;
    std::optional<UnixMillis> opened;
    std::vector<UnixMillis> brand_tweets;
  };
  std::map<domain::CaseId, Case> cases;
  for (const TwcsRow& r : rows) {
    auto stored = store.GetMessage(domain::Platform::kX, r.tweet_id);
    EXPECT_TRUE(stored.ok());
    if (!stored.ok() || !*stored || !(*stored)->case_id) continue;
    Case& c = cases[*(*stored)->case_id];
    c.brands.insert((*stored)->message.account_id);
    if (r.inbound) {
      EXPECT_EQ((*stored)->message.author.id, r.author_id);
      c.opened = std::min(c.opened.value_or(r.created_at), r.created_at);
    } else {
      c.brand_tweets.push_back(r.created_at);
    }
  }
  std::map<std::string, Expected> out;
  for (const auto& [id, c] : cases) {
    EXPECT_EQ(c.brands.size(), 1u) << "case " << id << " mixes brands";
    EXPECT_TRUE(c.opened) << "case " << id << " has no customer tweet";
    if (c.brands.empty() || !c.opened) continue;
    Expected& x = out[*c.brands.begin()];
    ++x.cases;
    std::optional<UnixMillis> first;
    for (UnixMillis t : c.brand_tweets) {
      if (t >= *c.opened && (!first || t < *first)) first = t;
    }
    if (first) x.first_responses.push_back(*first - *c.opened);
  }
  return out;
}

class TwcsImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("t.db");
    store_ = std::move(storage::sqlite::SqliteStore::Open(options)).value();
    store_->SetBatchEndHook([this](ports::StoreTxn& txn, std::span<const domain::CaseId> ids) {
      return keeper_.Refresh(txn, ids);
    });
  }

  Result<engine::HistoryImportReport> Import(const std::vector<TwcsRow>& rows) {
    const channels::x::TwcsMessages messages = channels::x::ToInboundEvents(rows);
    return engine::ImportHistory(*store_, threader_, messages.events, 400);
  }

  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  domain::sla::BusinessCalendar always_open_ = domain::sla::BusinessCalendar::AlwaysOpen();
  engine::MetricsKeeper keeper_{[this](std::optional<domain::TeamId>)
                                    -> const domain::sla::BusinessCalendar& { return always_open_; }};
  engine::Threader threader_{engine::ThreadingOptions{}};
};

TEST_F(TwcsImportTest, PerBrandFirstResponseEqualsTheOneComputedFromTheCsv) {
  const std::vector<TwcsRow> rows = ReadRows(std::string(FR_SHARED_DIR) + "/data/twcs/twcs_head5000.csv");
  ASSERT_EQ(rows.size(), 5000u);
  auto report = Import(rows);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->cases_closed, report->cases) << "history is not work: every case is closed";

  const std::map<std::string, Expected> expected = ExpectedByBrand(rows, *store_);
  auto sums = engine::SumOver(store_->metrics(), domain::metrics::Dimension::kAccount,
                              {0, 1'600'000'000'000});
  ASSERT_TRUE(sums.ok()) << sums.status().ToString();
  ASSERT_EQ(sums->size(), expected.size());
  int compared_medians = 0;
  for (const auto& [brand, x] : expected) {
    SCOPED_TRACE(brand);
    const domain::metrics::RollupCounters& got = (*sums)[brand];
    EXPECT_EQ(got.cases, x.cases);
    EXPECT_EQ(got.responded, static_cast<std::int64_t>(x.first_responses.size()));
    std::int64_t sum = 0;
    for (std::int64_t ms : x.first_responses) sum += ms;
    EXPECT_EQ(got.first_response_sum_ms, sum);
    if (x.first_responses.size() < 20) continue;
    std::vector<std::int64_t> sorted = x.first_responses;
    std::sort(sorted.begin(), sorted.end());
    const double exact = static_cast<double>(sorted[(sorted.size() + 1) / 2 - 1]);
    const double median = static_cast<double>(*got.first_response.QuantileMs(0.5));
    EXPECT_LE(std::abs(median - exact), 0.0201 * exact + 1000) << "exact " << exact;
    ++compared_medians;
  }
  EXPECT_GE(compared_medians, 10);
  // The busiest brand of the file, known from the data's own description.
  EXPECT_GT((*sums)["AmazonHelp"].cases, 50);
}

TEST_F(TwcsImportTest, ASecondImportAddsNothing) {
  const std::vector<TwcsRow> rows = ReadRows(std::string(FR_SHARED_DIR) + "/data/twcs/twcs_head5000.csv");
  std::vector<TwcsRow> part(rows.begin(), rows.begin() + 600);
  ASSERT_TRUE(Import(part).ok());
  const auto before = store_->metrics().AllRollups();
  auto again = Import(part);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stored, 0);
  EXPECT_GT(again->duplicates, 0);
  EXPECT_EQ(store_->metrics().AllRollups().value(), before.value());
}

TEST(TwcsCsvTest, RowsKeepQuotedLineBreaksAndBadRowsNameTheirLine) {
  std::istringstream in(
      "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
      "1,AskBrand,False,Tue Oct 31 22:10:47 +0000 2017,\"@115712 two\nlines, \"\"quoted\"\"\",,2\n"
      "2,115712,True,Tue Oct 31 22:08:27 +0000 2017,@AskBrand הזמנה לא הגיעה,1,\n"
      "x3,115713,True,Tue Oct 31 22:08:27 +0000 2017,@AskBrand hi,,\n"
      "4,115714,Maybe,Tue Oct 31 22:08:27 +0000 2017,@AskBrand hi,,\n"
      "5,115715,True,31/10/2017,@AskBrand hi,,\n");
  std::vector<TwcsRow> rows;
  std::vector<channels::x::TwcsRowError> errors;
  ASSERT_TRUE(channels::x::ReadTwcsCsv(
                  in, [&](TwcsRow r) { rows.push_back(std::move(r)); },
                  [&](const channels::x::TwcsRowError& e) { errors.push_back(e); })
                  .ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text, "@115712 two\nlines, \"quoted\"");
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[1].line, 4) << "the quoted line break makes row 1 two lines long";
  EXPECT_EQ(rows[1].text, "@AskBrand הזמנה לא הגיעה");
  EXPECT_EQ(rows[1].created_at, 1'509'487'707'000);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].line, 5);
  EXPECT_EQ(errors[0].message, "tweet_id: not a number");
  EXPECT_EQ(errors[1].line, 6);
  EXPECT_EQ(errors[2].line, 7);

  const channels::x::TwcsMessages messages = channels::x::ToInboundEvents(rows);
  ASSERT_EQ(messages.events.size(), 2u);
  EXPECT_EQ(messages.events[0].message.external_id, "2") << "oldest first";
  EXPECT_EQ(messages.events[0].message.account_id, "AskBrand");
  EXPECT_FALSE(messages.events[0].message.is_outbound);
  EXPECT_TRUE(messages.events[1].message.is_outbound);
}

TEST(TwcsCsvTest, ACustomersOnlyFileNeedsItsBrandsNamed) {
  std::istringstream in(
      "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
      "1,115712,True,Tue Oct 31 22:08:27 +0000 2017,@spotifycares the app crashes,,\n"
      "2,115712,True,Tue Oct 31 22:09:27 +0000 2017,@115713 same here?,,\n");
  std::vector<TwcsRow> rows;
  ASSERT_TRUE(channels::x::ReadTwcsCsv(
                  in, [&](TwcsRow r) { rows.push_back(std::move(r)); },
                  [](const channels::x::TwcsRowError& e) { ADD_FAILURE() << e.message; })
                  .ok());
  EXPECT_EQ(channels::x::ToInboundEvents(rows).without_brand, 2);
  const channels::x::TwcsMessages named = channels::x::ToInboundEvents(rows, {"SpotifyCares"});
  ASSERT_EQ(named.events.size(), 1u);
  EXPECT_EQ(named.events[0].message.account_id, "SpotifyCares");
  EXPECT_EQ(named.without_brand, 1);
}

TEST(TwcsCsvTest, BrokenFilesFailWithTheirLine) {
  std::istringstream wrong_header("id,text\n1,hi\n");
  auto ignore_row = [](TwcsRow) {};
  auto ignore_error = [](const channels::x::TwcsRowError&) {};
  Status s = channels::x::ReadTwcsCsv(wrong_header, ignore_row, ignore_error);
  EXPECT_EQ(s.code(), Errc::kMalformed);
  EXPECT_NE(s.message().find("line 1"), std::string::npos);
  std::istringstream open_quote(
      "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
      "1,a,True,Tue Oct 31 22:10:47 +0000 2017,\"never closed,,\n");
  s = channels::x::ReadTwcsCsv(open_quote, ignore_row, ignore_error);
  EXPECT_EQ(s.code(), Errc::kMalformed);
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
  std::istringstream empty("");
  EXPECT_EQ(channels::x::ReadTwcsCsv(empty, ignore_row, ignore_error).code(), Errc::kMalformed);
}

}  // namespace
}  // namespace fr::server
