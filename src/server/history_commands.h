// `feedroom import twcs` and `feedroom metrics rebuild` (docs/import.md, docs/metrics.md): the
// commands that fill the store with past conversations and recompute what the metrics sum.
// Each returns a process exit code (0 done, 1 failed, 2 bad input) and writes a message a
// person can act on to `err`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "server/config.h"

namespace fr::server {

// Imports the Customer Support on Twitter CSV at `csv_path` (channels/x/twcs_csv.h) into the
// store of `config`, understood by its models and rules, with the original times and threads
// (engine/ingest/history_import.h). Each refused row is reported on `err` as
// "FILE:LINE: reason" and skipped; the summary is one JSON line on `out`: {"rows",
// "bad_rows", "without_brand", "stored", "duplicates", "cases", "seconds", "rows_per_s"}.
// Exit 2 when the file cannot be read as TWCS or any row was refused (the others are
// imported), 1 when the store or the models fail.
// `brands`: handles that are brands besides the authors of outbound tweets (a file of
// customers' tweets only names none).
int RunTwcsImport(const ServerConfig& config, const std::string& csv_path,
                  const std::vector<std::string>& brands, std::ostream& out, std::ostream& err);

// Recomputes every case's facts and every metric rollup from the cases (MetricsKeeper::
// Rebuild) and prints {"cases": N, "seconds": S} on `out`.
int RunMetricsRebuild(const ServerConfig& config, std::ostream& out, std::ostream& err);

}  // namespace fr::server
