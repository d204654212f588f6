#include "domain/metrics/spike_explanation.h"

#include <gtest/gtest.h>

#include "domain/metrics/volume_series.h"

namespace fr::domain::metrics {
namespace {

WindowMessage Msg(std::int64_t id, std::string handle, std::optional<std::int64_t> followers,
                  std::vector<std::string> terms, bool negative = true,
                  Platform platform = Platform::kX, std::string account = "brand") {
  WindowMessage m;
  m.message_id = id;
  m.case_id = id * 10;
  m.platform = platform;
  m.account_id = std::move(account);
  m.author_handle = std::move(handle);
  m.author_name = m.author_handle + " name";
  m.author_followers = followers;
  m.at = 1000 * id;
  m.negative = negative;
  m.terms = std::move(terms);
  return m;
}

// The background: 200 ordinary messages, "הזמנה" (order) in half of them, "הרעלה" in none.
TermBackground Ordinary() {
  TermBackground bg;
  bg.documents = 200;
  bg.document_counts = {{"הזמנה", 100}, {"משלוח", 40}, {"מנה", 20}};
  return bg;
}

TEST(SpikeExplanationTest, NewWordsOutrankWordsCommonEverywhere) {
  std::vector<WindowMessage> window = {
      Msg(1, "dana", 120, {"הרעלה", "הזמנה", "סניף"}),
      Msg(2, "yossi", 50, {"הרעלה", "בית חולים", "הזמנה"}),
      Msg(3, "rina", 3000, {"הרעלה", "סניף", "הזמנה"}),
      Msg(4, "avi", std::nullopt, {"בית חולים", "הרעלה"}),
      Msg(5, "dana", 120, {"הרעלה", "סניף"}, false),
      Msg(6, "noa", 10, {"הזמנה", "מנה"}, false),
  };
  const SpikeExplanation e = ExplainSpike(window, Ordinary());
  EXPECT_EQ(e.messages, 6);
  EXPECT_EQ(e.negative, 4);
  ASSERT_GE(e.top_terms.size(), 3u);
  EXPECT_EQ(e.top_terms[0].term, "הרעלה");
  EXPECT_EQ(e.top_terms[0].count, 5);
  EXPECT_EQ(e.top_terms[1].term, "סניף");
  EXPECT_EQ(e.top_terms[2].term, "בית חולים");
  for (const TermLift& t : e.top_terms) {
    EXPECT_NE(t.term, "מנה") << "held by one window message only";
    EXPECT_GT(t.z, 0);
    EXPECT_GT(t.lift, 1);
  }
  // "הזמנה": 4 of 6 against 100 of 200 is only slightly up; it ranks below all new words.
  for (std::size_t i = 0; i < e.top_terms.size(); ++i) {
    if (e.top_terms[i].term == "הזמנה") {
      EXPECT_EQ(i, e.top_terms.size() - 1);
    }
  }
}

TEST(SpikeExplanationTest, SourcesAuthorsAndSamples) {
  std::vector<WindowMessage> window = {
      Msg(1, "dana", 120, {"boycott", "branch"}),
      Msg(2, "dana", 150, {"boycott", "branch"}),
      Msg(3, "bigvoice", 250000, {"boycott"}, true, Platform::kFacebook, "page1"),
      Msg(4, "quiet", std::nullopt, {"lunch"}),
      Msg(5, "ron", 900, {"boycott", "branch"}),
  };
  TermBackground bg;
  bg.documents = 50;
  const SpikeExplanation e = ExplainSpike(window, bg);
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_EQ(e.sources[0], (SourceCount{Platform::kX, "brand", 4}));
  EXPECT_EQ(e.sources[1], (SourceCount{Platform::kFacebook, "page1", 1}));
  ASSERT_EQ(e.top_authors.size(), 4u);
  EXPECT_EQ(e.top_authors[0].handle, "bigvoice");
  EXPECT_EQ(e.top_authors[1].handle, "ron");
  EXPECT_EQ(e.top_authors[2].handle, "dana");
  EXPECT_EQ(e.top_authors[2].followers, 150);  // the largest seen
  EXPECT_EQ(e.top_authors[2].count, 2);
  EXPECT_EQ(e.top_authors[3].handle, "quiet");  // unknown reach last
  // Messages with both top words first, one per author, more followers first; then the rest.
  EXPECT_EQ(e.sample_message_ids, (std::vector<std::int64_t>{5, 2, 3, 4, 1}));
}

TEST(SpikeExplanationTest, EmptyWindowAndEmptyBackground) {
  EXPECT_EQ(ExplainSpike({}, Ordinary()), SpikeExplanation{});
  const SpikeExplanation e = ExplainSpike({Msg(1, "a", 1, {"x"}), Msg(2, "b", 1, {"x", "x"})}, {});
  ASSERT_EQ(e.top_terms.size(), 1u);
  EXPECT_EQ(e.top_terms[0].count, 2);  // a term counts once per message
}

TEST(VolumeSeriesTest, ParsesWhatItMakes) {
  const auto names = VolumeSeriesOf(Platform::kInstagram, "178:4", {"boycott-he"});
  EXPECT_EQ(ParseVolumeSeries(names[0]),
            (VolumeSeriesRef{Platform::kInstagram, "178:4", "", false}));
  EXPECT_EQ(ParseVolumeSeries(names[1]), (VolumeSeriesRef{Platform::kX, "", "boycott-he", true}));
  EXPECT_EQ(ParseVolumeSeries("rule:"), std::nullopt);
  EXPECT_EQ(ParseVolumeSeries("account:myspace:1"), std::nullopt);
  EXPECT_EQ(ParseVolumeSeries("account:x:"), std::nullopt);
  EXPECT_EQ(ParseVolumeSeries("topic:1"), std::nullopt);
}

}  // namespace
}  // namespace fr::domain::metrics
