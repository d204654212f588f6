#include "domain/listen/rule_file.h"

#include <map>
#include <string>

#include "domain/listen/rule_parser.h"

namespace fr::domain {
namespace {

int CodePoints(std::string_view s) {
  int count = 0;
  for (char c : s) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

size_t SkipBlanks(std::string_view line, size_t pos) {
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  return pos;
}

}  // namespace

Result<std::vector<ListeningRule>> ParseRulesFile(std::string_view content, std::string_view file_name) {
  std::vector<ListeningRule> rules;
  std::map<std::string, int, std::less<>> first_line;
  int line_number = 0;
  for (size_t pos = 0; pos < content.size();) {
    const size_t newline = content.find('\n', pos);
    std::string_view line = content.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
    pos = newline == std::string_view::npos ? content.size() : newline + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    auto error = [&](size_t byte, const std::string& message) {
      return Status(Errc::kInvalidArgument, "bad_rules_file",
                    std::string(file_name) + ":" + std::to_string(line_number) + ":" +
                        std::to_string(CodePoints(line.substr(0, byte)) + 1) + ": " + message);
    };
    const size_t start = SkipBlanks(line, 0);
    if (start == line.size() || line[start] == '#') continue;
    const size_t colon = line.find(':', start);
    if (colon == std::string_view::npos) return error(start, "expected 'id: query'");
    size_t id_end = colon;
    while (id_end > start && (line[id_end - 1] == ' ' || line[id_end - 1] == '\t')) --id_end;
    const std::string id(line.substr(start, id_end - start));
    if (!IsValidRuleId(id)) {
      return error(start, "invalid rule id '" + id + "': use 1 to 64 letters, digits, '_', '.' or '-'");
    }
    if (const auto it = first_line.find(id); it != first_line.end()) {
      return error(start, "duplicate rule id '" + id + "' (first on line " + std::to_string(it->second) + ")");
    }
    first_line.emplace(id, line_number);
    const size_t query_start = SkipBlanks(line, colon + 1);
    const std::string_view query = line.substr(query_start);
    if (auto parsed = ParseRuleQuery(query); !parsed.ok()) {
      // "column N: message" from the parser, moved to the line's columns.
      const std::string message = parsed.status().message();
      int column = 1;
      std::string rest = message;
      if (message.starts_with("column ")) {
        const size_t colon_at = message.find(':');
        column = std::stoi(message.substr(7, colon_at - 7));
        rest = message.substr(colon_at + 2);
      }
      const int query_column = CodePoints(line.substr(0, query_start));
      return Status(Errc::kInvalidArgument, "bad_rules_file",
                    std::string(file_name) + ":" + std::to_string(line_number) + ":" +
                        std::to_string(query_column + column) + ": rule " + id + ": " + rest);
    }
    ListeningRule& rule = rules.emplace_back();
    rule.id = id;
    rule.query = std::string(query);
  }
  return rules;
}

}  // namespace fr::domain
