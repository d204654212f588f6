// `feedroom listen test`: tries listening rules on posts from the command line, so rules can be
// written and checked before they go live (docs/listening.md). Not thread-safe: one run owns
// its streams.
#pragma once

#include <iosfwd>
#include <string>

namespace fr::server {

// Reads the rules file `rules_path` (domain/listen/rule_file.h), then posts as JSON lines from
// `in` ({"text": ..., optional "platform", "lang", "kind", "author", "followers"}), and writes
// one line to `out` per input line: {"matches":["id",...]} (ids in rules-file order), or
// {"error":"line N: ..."} for a line that is not such a post (also reported on `err`).
// Returns 0 when every line was matched, 1 when some lines were bad, 2 (nothing read from
// `in`) when the rules file cannot be read or has an error, reported on `err` as
// "FILE:LINE:COLUMN: message".
int RunListenTest(const std::string& rules_path, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace fr::server
