#include "channels/notify/alert_text.h"

#include <cmath>
#include <cstdio>

#include "base/unicode.h"

namespace fr::channels::notify {
namespace {

// The words of one language.
struct Words {
  const char* volume_started;  // printf: label, observed, expected
  const char* negative_started;
  const char* ended;  // printf: label
  const char* terms;
  const char* sources;
  const char* authors;
  const char* followers;
  const char* samples;
  const char* open;
};

constexpr Words kHebrew = {
    "%s — קפיצה: %lld הודעות ב-5 דקות (בדרך כלל %.1f)",
    "%s — קפיצה בשלילה: %lld הודעות שליליות ב-30 דקות (בדרך כלל %.1f)",
    "%s — הקפיצה הסתיימה",
    "מילים בולטות",
    "מקורות",
    "כותבים בעלי חשיפה",
    "עוקבים",
    "דוגמאות",
    "לפתיחה ב-Feedroom",
};
constexpr Words kEnglish = {
    "%s — spike: %lld messages in 5 minutes (usually %.1f)",
    "%s — negative spike: %lld negative messages in 30 minutes (usually %.1f)",
    "%s — spike over",
    "Top words",
    "Sources",
    "Most-followed authors",
    "followers",
    "Samples",
    "Open in Feedroom",
};

const Words& WordsOf(AlertLanguage language) {
  return language == AlertLanguage::kHebrew ? kHebrew : kEnglish;
}

// `text` cut to `most` characters (whole graphemes), with "…" when cut.
std::string Cut(std::string_view text, std::size_t most) {
  unicode::Shortened s = unicode::LeadingGraphemes(text, most);
  return s.truncated ? s.text + "…" : s.text;
}

}  // namespace

std::optional<AlertLanguage> ParseAlertLanguage(std::string_view code) {
  if (code == "he") return AlertLanguage::kHebrew;
  if (code == "en") return AlertLanguage::kEnglish;
  return std::nullopt;
}

std::string AlertTitle(const ports::AlertNotice& notice, AlertLanguage language) {
  const Words& w = WordsOf(language);
  const ports::SpikeAlert& a = notice.spike.alert;
  char line[512];
  if (!notice.started) {
    std::snprintf(line, sizeof line, w.ended, notice.series_label.c_str());
  } else {
    const char* format =
        a.kind == domain::metrics::SpikeKind::kVolume ? w.volume_started : w.negative_started;
    std::snprintf(line, sizeof line, format, notice.series_label.c_str(),
                  static_cast<long long>(a.observed), a.expected);
  }
  return line;
}

std::string AlertBody(const ports::AlertNotice& notice, AlertLanguage language) {
  const Words& w = WordsOf(language);
  const domain::metrics::SpikeExplanation& e = notice.spike.explanation;
  std::string body = AlertTitle(notice, language) + "\n";
  if (!e.top_terms.empty()) {
    body += std::string("\n") + w.terms + ": ";
    for (std::size_t i = 0; i < e.top_terms.size(); ++i) {
      body += (i ? ", " : "") + e.top_terms[i].term + " (" + std::to_string(e.top_terms[i].count) + ")";
    }
    body += "\n";
  }
  if (!e.sources.empty()) {
    body += std::string(w.sources) + ": ";
    for (std::size_t i = 0; i < e.sources.size(); ++i) {
      body += (i ? ", " : "") + std::string(domain::PlatformName(e.sources[i].platform)) + " " +
              e.sources[i].account_id + " (" + std::to_string(e.sources[i].count) + ")";
    }
    body += "\n";
  }
  if (!e.top_authors.empty()) {
    body += std::string(w.authors) + ":\n";
    for (const auto& a : e.top_authors) {
      body += "  @" + a.handle + (a.name.empty() ? "" : " (" + a.name + ")");
      if (a.followers) body += " — " + std::to_string(*a.followers) + " " + w.followers;
      body += "\n";
    }
  }
  if (!notice.spike.samples.empty()) {
    body += std::string(w.samples) + ":\n";
    for (const auto& m : notice.spike.samples) {
      body += "  @" + m.head.author_handle + ": " + Cut(m.text, 280) + "\n";
    }
  }
  if (!notice.link.empty()) body += std::string("\n") + w.open + ": " + notice.link + "\n";
  return body;
}

}  // namespace fr::channels::notify
