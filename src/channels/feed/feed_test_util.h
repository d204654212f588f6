// Test-only helpers for the feed parser tests: where the shared RSS/Atom fixtures live, and
// reading a fixture with the HTTP header its comment asks to simulate.
#pragma once

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace fr::channels::feed::testing {

inline std::string FixtureDir() { return std::string(FR_SHARED_DIR) + "/fixtures/rss"; }

// The bytes of `path`, or "" if it cannot be read.
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The value after "<label>:" on a line of the fixture's leading comment (feedparser's test
// headers: "Expect:", "Header:"), trimmed; "" when absent. Only ASCII-compatible files.
inline std::string HeaderLine(std::string_view body, std::string_view label) {
  const size_t end = body.find("-->");
  const std::string_view comment = body.substr(0, end);
  size_t at = comment.find(std::string(label) + ":");
  if (at == std::string_view::npos) return "";
  at += label.size() + 1;
  size_t stop = comment.find('\n', at);
  std::string_view value = comment.substr(at, stop == std::string_view::npos ? stop : stop - at);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
  return std::string(value);
}

// The Content-Type a feedparser fixture's "Header: Content-type: …" line simulates ("" if
// none).
inline std::string SimulatedContentType(std::string_view body) {
  const std::string header = HeaderLine(body, "Header");
  const size_t colon = header.find(':');
  if (colon == std::string::npos) return "";
  std::string name = header.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name != "content-type") return "";
  size_t v = colon + 1;
  while (v < header.size() && header[v] == ' ') ++v;
  return header.substr(v);
}

}  // namespace fr::channels::feed::testing
