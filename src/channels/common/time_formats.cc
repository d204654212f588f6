#include "channels/common/time_formats.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

namespace fr::channels {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Reads exactly `n` digits at `s[pos]`.
std::optional<int> Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool ValidDateTime(int mo, int d, int h, int mi, int se) {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && se <= 60;
}

UnixMillis ToMillis(int y, int mo, int d, int h, int mi, int se, int ms, int offset_minutes) {
  std::int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + se - offset_minutes * 60;
  return secs * 1000 + ms;
}

}  // namespace

std::optional<UnixMillis> ParseTwitterDate(std::string_view s) {
  // "Thu Dec 19 11:27:49 +0000 2019"
  //  0   4   8  11       20    26
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (s.size() != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ' ||
      s[25] != ' ' || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  int month = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (s.substr(4, 3) == kMonths[i]) month = static_cast<int>(i) + 1;
  }
  auto d = Digits(s, 8, 2), h = Digits(s, 11, 2), mi = Digits(s, 14, 2), se = Digits(s, 17, 2);
  auto oh = Digits(s, 21, 2), om = Digits(s, 23, 2), y = Digits(s, 26, 4);
  if (!month || !d || !h || !mi || !se || !oh || !om || !y) return std::nullopt;
  if (s[20] != '+' && s[20] != '-') return std::nullopt;
  if (!ValidDateTime(month, *d, *h, *mi, *se)) return std::nullopt;
  int offset = (*oh * 60 + *om) * (s[20] == '-' ? -1 : 1);
  return ToMillis(*y, month, *d, *h, *mi, *se, 0, offset);
}

std::optional<UnixMillis> ParseIso8601(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fff...](Z|+HH:MM|-HH:MM)
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  auto y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  auto h = Digits(s, 11, 2), mi = Digits(s, 14, 2), se = Digits(s, 17, 2);
  if (!y || !mo || !d || !h || !mi || !se || !ValidDateTime(*mo, *d, *h, *mi, *se)) {
    return std::nullopt;
  }
  size_t pos = 19;
  int ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int scale = 100;
    size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      ms += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  int offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    auto oh = Digits(s, pos + 1, 2), om = Digits(s, pos + 4, 2);
    if (!oh || !om) return std::nullopt;
    offset = (*oh * 60 + *om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  return ToMillis(*y, *mo, *d, *h, *mi, *se, ms, offset);
}

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool AllAlpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// 1..12 for an English month name or its first three letters ("sept" too), else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string w = Lower(word);
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (w == kNames[i] || w == kNames[i].substr(0, 3) || (i == 8 && w == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// "+HHMM", "+HH:MM", "+HH" (and "-…"), in minutes east of UTC.
std::optional<int> NumericOffset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  std::string digits;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':' && i == 3) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    digits += s[i];
  }
  int h = 0, m = 0;
  if (digits.size() == 2) {
    h = ToInt(digits);
  } else if (digits.size() == 4) {
    h = ToInt(std::string_view(digits).substr(0, 2));
    m = ToInt(std::string_view(digits).substr(2, 2));
  } else {
    return std::nullopt;
  }
  if (h > 23 || m > 59) return std::nullopt;
  return sign * (h * 60 + m);
}

// A zone word of an RFC 822 date, in minutes east of UTC. Unknown words count as UTC.
int NamedOffset(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 30> kZones = {{
      {"ut", 0},     {"utc", 0},     {"gmt", 0},     {"z", 0},      {"wet", 0},    {"est", -300},
      {"edt", -240}, {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480},
      {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"bst", 60},   {"west", 60},
      {"cet", 60},   {"cest", 120},  {"met", 60},    {"mest", 120}, {"mez", 60},   {"mesz", 120},
      {"eet", 120},  {"eest", 180},  {"ist", 120},   {"idt", 180},  {"msk", 180},  {"jst", 540},
  }};
  const std::string w = Lower(word);
  for (const Zone& z : kZones) {
    if (w == z.name) return z.minutes;
  }
  return 0;
}

}  // namespace

std::optional<UnixMillis> ParseIso8601Lenient(std::string_view text) {
  const std::string_view s = TrimSpaces(text);
  auto y = Digits(s, 0, 4);
  if (!y) return std::nullopt;
  int mo = 1, d = 1, h = 0, mi = 0, se = 0, ms = 0, offset = 0;
  size_t pos = 4;
  if (pos < s.size()) {
    auto m = s[pos] == '-' ? Digits(s, pos + 1, 2) : std::nullopt;
    if (!m) return std::nullopt;
    mo = *m;
    pos += 3;
  }
  if (pos < s.size()) {
    auto dd = s[pos] == '-' ? Digits(s, pos + 1, 2) : std::nullopt;
    if (!dd) return std::nullopt;
    d = *dd;
    pos += 3;
  }
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    auto hh = Digits(s, pos + 1, 2);
    auto mm = pos + 3 < s.size() && s[pos + 3] == ':' ? Digits(s, pos + 4, 2) : std::nullopt;
    if (!hh || !mm) return std::nullopt;
    h = *hh;
    mi = *mm;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      auto ss = Digits(s, pos + 1, 2);
      if (!ss) return std::nullopt;
      se = *ss;
      pos += 3;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        int scale = 100;
        const size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
          ms += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
        if (pos == start) return std::nullopt;
      }
    }
    const std::string_view zone = s.substr(pos);
    if (zone == "Z" || zone == "z") {
      pos = s.size();
    } else if (!zone.empty()) {
      auto off = NumericOffset(zone);
      if (!off) return std::nullopt;
      offset = *off;
      pos = s.size();
    }
  }
  if (pos != s.size() || !ValidDateTime(mo, d, h, mi, se)) return std::nullopt;
  return ToMillis(*y, mo, d, h, mi, se, ms, offset);
}

std::optional<UnixMillis> ParseRfc822Date(std::string_view text) {
  // Split on spaces and commas; drop a trailing "(comment)".
  std::string_view s = TrimSpaces(text);
  if (const size_t paren = s.find('('); paren != std::string_view::npos) {
    s = TrimSpaces(s.substr(0, paren));
  }
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == ',')) ++i;
    const size_t start = i;
    while (i < s.size() && !IsSpace(s[i]) && s[i] != ',') ++i;
    if (i > start) tokens.push_back(s.substr(start, i - start));
  }
  size_t t = 0;
  // An optional weekday: any word that is not a month.
  if (t < tokens.size() && AllAlpha(tokens[t]) && MonthNumber(tokens[t]) == 0) ++t;
  if (t + 3 > tokens.size()) return std::nullopt;
  int day = 0, month = 0;
  if (AllDigits(tokens[t]) && tokens[t].size() <= 2) {  // "01 Jan"
    day = ToInt(tokens[t]);
    month = MonthNumber(tokens[t + 1]);
  } else if (AllDigits(tokens[t + 1]) && tokens[t + 1].size() <= 2) {  // "Jan 01"
    month = MonthNumber(tokens[t]);
    day = ToInt(tokens[t + 1]);
  }
  if (month == 0 || day == 0) return std::nullopt;
  t += 2;
  const std::string_view year_text = tokens[t++];
  if (!AllDigits(year_text) || year_text.size() < 2 || year_text.size() > 4) return std::nullopt;
  int year = ToInt(year_text);
  if (year_text.size() == 2) year += year < 50 ? 2000 : 1900;
  if (year_text.size() == 3) year += 1900;
  int h = 0, mi = 0, se = 0, ms = 0;
  if (t < tokens.size()) {
    // "19:48:21", "19:48", "9:05", with optional ".fff".
    std::string_view clock = tokens[t++];
    int parts[3] = {0, 0, 0};
    int n = 0;
    size_t p = 0;
    while (n < 3) {
      const size_t start = p;
      while (p < clock.size() && std::isdigit(static_cast<unsigned char>(clock[p]))) ++p;
      if (p == start || p - start > 2) return std::nullopt;
      parts[n++] = ToInt(clock.substr(start, p - start));
      if (p < clock.size() && clock[p] == ':') {
        ++p;
        continue;
      }
      break;
    }
    if (n < 2) return std::nullopt;
    if (p < clock.size() && clock[p] == '.' && n == 3) {
      ++p;
      int scale = 100;
      while (p < clock.size() && std::isdigit(static_cast<unsigned char>(clock[p]))) {
        ms += (clock[p] - '0') * scale;
        scale /= 10;
        ++p;
      }
    }
    if (p != clock.size()) return std::nullopt;
    h = parts[0];
    mi = parts[1];
    se = parts[2];
  }
  int offset = 0;
  if (t < tokens.size()) {
    std::string_view zone = tokens[t++];
    if (zone[0] == '+' || zone[0] == '-') {
      auto off = NumericOffset(zone);
      if (!off) return std::nullopt;
      offset = *off;
    } else {
      // "GMT+0200", "UTC-05:00" or a plain name.
      size_t sign = zone.find_first_of("+-");
      if (sign != std::string_view::npos) {
        auto off = NumericOffset(zone.substr(sign));
        if (!off || !AllAlpha(zone.substr(0, sign))) return std::nullopt;
        offset = *off;
      } else if (AllAlpha(zone)) {
        offset = NamedOffset(zone);
      } else {
        return std::nullopt;
      }
    }
  }
  if (t != tokens.size()) return std::nullopt;
  if (!ValidDateTime(month, day, h, mi, se)) return std::nullopt;
  return ToMillis(year, month, day, h, mi, se, ms, offset);
}

}  // namespace fr::channels
