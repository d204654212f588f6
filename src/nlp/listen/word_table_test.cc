#include "nlp/listen/word_table.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace fr::nlp {
namespace {

TEST(WordTableTest, FindsEveryWordAndNothingElse) {
  std::mt19937 rng(42);
  auto random_word = [&] {
    std::string w;
    for (int n = 1 + static_cast<int>(rng() % 20); n > 0; --n)
      w.push_back(static_cast<char>('a' + rng() % 4));
    return w;
  };
  std::set<std::string> words;
  while (words.size() < 50000) words.insert(random_word());
  std::vector<std::pair<std::string, std::uint32_t>> entries;
  for (const std::string& w : words)
    entries.emplace_back(w, static_cast<std::uint32_t>(entries.size() * 3));
  const WordTable table(entries);
  EXPECT_EQ(table.size(), words.size());
  for (const auto& [word, id] : entries) ASSERT_EQ(table.Find(word), id) << word;
  for (int n = 0; n < 100000; ++n) {
    const std::string w = random_word() + "x";
    ASSERT_EQ(table.Find(w), -1) << w;
  }
  EXPECT_EQ(table.Find(""), -1);
}

TEST(WordTableTest, EmptyTableFindsNothing) {
  const WordTable table;
  EXPECT_EQ(table.Find("a"), -1);
  EXPECT_EQ(WordTable(std::vector<std::pair<std::string, std::uint32_t>>{}).Find(""), -1);
}

TEST(WordTableTest, HashesWordsOfEveryLengthApart) {
  // Words that differ only in their last or middle byte, around the 4- and 8-byte loads.
  std::vector<std::pair<std::string, std::uint32_t>> entries;
  for (int length = 1; length <= 24; ++length) {
    for (char last : {'a', 'b'}) {
      std::string w(static_cast<size_t>(length), 'q');
      w.back() = last;
      entries.emplace_back(w, static_cast<std::uint32_t>(entries.size()));
    }
  }
  const WordTable table(entries);
  for (const auto& [word, id] : entries) EXPECT_EQ(table.Find(word), id) << word;
}

TEST(WordTableTest, LongWordsWithTheSameFirstSixteenBytesAreTold) {
  // Same first 16 bytes and size, some sharing a bucket (200 words in 256 buckets), and words
  // that differ from them only after the 16th byte are not found.
  std::vector<std::pair<std::string, std::uint32_t>> entries;
  for (std::uint32_t i = 0; i < 200; ++i) {
    entries.emplace_back("sixteen-bytes-ab" + std::to_string(1000 + i), i);
  }
  const WordTable table(entries);
  for (const auto& [word, id] : entries) ASSERT_EQ(table.Find(word), id) << word;
  for (std::uint32_t i = 200; i < 2000; ++i) {
    ASSERT_EQ(table.Find("sixteen-bytes-ab" + std::to_string(1000 + i)), -1) << i;
  }
}

TEST(WordTableTest, HashPaddedIsHashOfTheFirstBytes) {
  std::mt19937 rng(3);
  for (int n = 0; n < 20000; ++n) {
    std::string buffer(48, ' ');
    for (char& c : buffer) c = static_cast<char>(rng());
    const std::size_t at = rng() % 16, size = rng() % 17;
    ASSERT_EQ(WordTable::HashPadded(buffer.data() + at, size),
              WordTable::Hash(std::string_view(buffer).substr(at, size)));
  }
}

TEST(WordTableTest, ProbePaddedAnswersWhatFindDoesWhateverFollowsTheWord) {
  std::mt19937 rng(7);
  std::vector<std::pair<std::string, std::uint32_t>> entries;
  for (std::uint32_t i = 0; i < 1000; ++i) {
    entries.emplace_back((i % 3 == 0 ? "a-long-prefix-of-17-bytes-" : "w") + std::to_string(i), i);
  }
  const WordTable table(entries);
  int probed = 0;
  for (std::uint32_t i = 0; i < 4000; ++i) {
    const std::string word = (i % 3 == 0 ? "a-long-prefix-of-17-bytes-" : "w") + std::to_string(i);
    const std::uint64_t hash = WordTable::Hash(word);
    if (!table.MayHave(hash)) continue;
    ++probed;
    // The word, then bytes that must not count: another word's or random ones.
    std::string buffer = word + "w1";
    while (buffer.size() < word.size() + 16) buffer.push_back(static_cast<char>(rng()));
    ASSERT_EQ(table.ProbePadded(buffer.data(), word.size(), hash), table.Find(word)) << word;
    ASSERT_EQ(table.Find(word), i < 1000 ? static_cast<std::int64_t>(i) : -1) << word;
  }
  EXPECT_GE(probed, 1000);  // every word in the table, and some false positives of the filter
}

}  // namespace
}  // namespace fr::nlp
