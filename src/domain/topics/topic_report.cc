#include "domain/topics/topic_report.h"

#include <cmath>

#include "base/unicode.h"

namespace fr::domain::topics {
namespace {

struct Words {
  const char* title;      // + name + " (" + count + ")"
  const char* between;    // "**41** complaints between"
  const char* and_word;
  const char* before;     // "in the period before"
  const char* no_before;  // "none in the period before"
  const char* words;
  const char* examples;
  const char* on;
  const char* open;
  const char* footer;
};

constexpr Words kHebrew = {"תלונה חוזרת: ",   "תלונות בין",         "ל-",
                           "בתקופה שלפני",    "אף אחת בתקופה שלפני", "מילים מרכזיות",
                           "דוגמאות",         "ב-",                 "לפתיחה ב-Feedroom",
                           "נשלח מ-Feedroom"};
constexpr Words kEnglish = {"Recurring complaint: ", "complaints between",   "and",
                            "in the period before",   "none in the period before",
                            "Top words",              "Examples",             "on",
                            "Open in Feedroom",       "Sent from Feedroom"};

std::string Day(UnixMillis t) { return FormatUtc(t, "%Y-%m-%d"); }

std::string Minute(UnixMillis t) { return FormatUtc(t, "%Y-%m-%d %H:%M UTC"); }

// `text` cut to `most` characters (whole graphemes), with "…" when cut.
std::string Cut(std::string_view text, std::size_t most) {
  unicode::Shortened s = unicode::LeadingGraphemes(text, most);
  return s.truncated ? s.text + "…" : s.text;
}

// `text` as a Markdown block quote: "> " before each line.
std::string Quote(const std::string& text) {
  std::string out = "> ";
  for (char c : text) {
    if (c == '\r') continue;
    out += c;
    if (c == '\n') out += "> ";
  }
  return out + "\n";
}

}  // namespace

TopicReport MakeTopicReport(const TopicReportInput& in) {
  const Words& w = in.hebrew ? kHebrew : kEnglish;
  TopicReport r;
  r.title = std::string(w.title) + in.name + " (" + std::to_string(in.count) + ")";
  std::string& b = r.body;
  b = "**" + std::to_string(in.count) + "** " + w.between + " " + Day(in.from) + " " + w.and_word +
      (in.hebrew ? "" : " ") + Day(in.to - 1) + " (";
  if (in.previous_count > 0) {
    const long change = std::lround(100.0 * (in.count - in.previous_count) / in.previous_count);
    b += std::to_string(in.previous_count) + " " + w.before + ", " + (change >= 0 ? "+" : "") +
         std::to_string(change) + "%)";
  } else {
    b += std::string(w.no_before) + ")";
  }
  b += ".\n\n";
  if (!in.terms.empty()) {
    b += std::string(w.words) + ": ";
    for (std::size_t i = 0; i < in.terms.size(); ++i) b += (i ? ", " : "") + in.terms[i];
    b += "\n\n";
  }
  if (!in.examples.empty()) {
    b += std::string("### ") + w.examples + "\n\n";
    for (const TopicReportExample& e : in.examples) {
      b += Quote(Cut(e.text, 500));
      b += "— @" + e.author + " " + w.on + (in.hebrew ? "" : " ") + e.platform + ", " +
           Minute(e.at) + "\n\n";
    }
  }
  if (!in.link.empty()) b += "[" + std::string(w.open) + "](" + in.link + ")\n\n";
  b += std::string("_") + w.footer + "_\n";
  return r;
}

}  // namespace fr::domain::topics
