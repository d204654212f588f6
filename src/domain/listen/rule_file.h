// Rules files: listening rules as text, one rule per line, `id: query` (docs/listening.md).
// Blank lines are skipped, and so are lines whose first non-blank character is '#' (comments;
// a '#' later in a line is a hashtag term). Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/listen/listening_rule.h"

namespace fr::domain {

// Parses the rules file `content`, named `file_name` in messages. Every rule is enabled, with
// action kTag. Each query is parsed (rule_parser.h) so that errors point into the file. Returns
// kInvalidArgument (reason "bad_rules_file") with "FILE:LINE:COLUMN: message" (columns in code
// points, 1-based) for the first bad line: no ':', an invalid or duplicate id, a bad query.
Result<std::vector<ListeningRule>> ParseRulesFile(std::string_view content, std::string_view file_name);

}  // namespace fr::domain
