// Fakes of the language ports for engine and API tests, so those tests do not depend on the
// shipped models or on the rule index (nlp/ has its own tests against the real ones).
//
// FakeUnderstander reads a few marker words: "angry"/"כועס" → negative complaint (p 0.9),
// "thanks"/"תודה" → positive praise, "?" → question; "poison"/"הרעלה" → sensitivity "health";
// Hebrew letters → "he", else Latin letters → "en", else "und".
// FakeCompiler: a rule matches when the post's text contains its query; a query containing
// "((" does not compile (kInvalidArgument "rule <id>: column <n>: expected a term").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ports/mention_matcher.h"
#include "ports/understander.h"

namespace fr::testing {

class FakeUnderstander final : public ports::Understander {
 public:
  domain::Understanding Understand(std::string_view text) const override {
    auto has = [&](std::string_view w) { return text.find(w) != std::string_view::npos; };
    domain::Understanding u;
    if (text.find('\xD7') != std::string_view::npos) {
      u.language = "he";
    } else {
      for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) u.language = "en";
      }
    }
    u.sentiment_p = u.intent_p = 0.9f;
    if (has("angry") || has("כועס")) {
      u.sentiment = domain::Sentiment::kNegative;
      u.intent = domain::Intent::kComplaint;
    } else if (has("thanks") || has("תודה")) {
      u.sentiment = domain::Sentiment::kPositive;
      u.intent = domain::Intent::kPraise;
    } else if (has("?")) {
      u.intent = domain::Intent::kQuestion;
    }
    if (has("poison") || has("הרעלה")) u.sensitivity.push_back("health");
    return u;
  }
};

class FakeCompiler final : public ports::MatcherCompiler {
 public:
  Result<std::shared_ptr<const ports::MentionMatcher>> Compile(
      std::span<const domain::ListeningRule> rules) const override {
    for (const auto& r : rules) {
      std::size_t bad = r.query.find("((");
      if (bad != std::string::npos) {
        return Status(Errc::kInvalidArgument, "invalid_rule",
                      "rule " + r.id + ": column " + std::to_string(bad + 3) +
                          ": expected a term");
      }
    }
    return std::shared_ptr<const ports::MentionMatcher>(
        std::make_shared<Matcher>(std::vector<domain::ListeningRule>(rules.begin(), rules.end())));
  }

 private:
  class Matcher final : public ports::MentionMatcher {
   public:
    explicit Matcher(std::vector<domain::ListeningRule> rules) : rules_(std::move(rules)) {}
    void Match(const domain::ListenPost& post, std::vector<std::string>* ids) const override {
      for (const auto& r : rules_) {
        if (r.enabled && post.text.find(r.query) != std::string_view::npos) ids->push_back(r.id);
      }
    }
    std::size_t rule_count() const override { return rules_.size(); }
    std::size_t memory_bytes() const override { return 0; }

   private:
    std::vector<domain::ListeningRule> rules_;
  };
};

}  // namespace fr::testing
