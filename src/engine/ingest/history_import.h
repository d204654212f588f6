// ImportHistory: files past conversations (an export of another tool, a public data set) into
// the store as if they were arriving now, with their own timestamps, so the metrics cover the
// imported period (docs/import.md). Messages are deduplicated by (platform, external id) as
// ingest does, so importing a file twice adds nothing. Imported messages have no delivery:
// their source is the file. The cases they open are history, not work: at the end every case
// the import left active is closed (at its last activity, with no status event, so it counts
// as opened and answered but not as resolved) and none gets SLA clocks unless the store's
// case-write hook makes them.
#pragma once

#include <cstdint>
#include <span>

#include "base/status.h"
#include "domain/inbound_event.h"
#include "engine/thread/threader.h"
#include "ports/store.h"

namespace fr::engine {

struct HistoryImportReport {
  std::int64_t stored = 0;      // new messages
  std::int64_t duplicates = 0;  // already stored
  std::int64_t other = 0;       // revisions and orphan changes
  std::int64_t cases = 0;       // cases the new messages were filed on
  std::int64_t cases_closed = 0;
};

// Files `events` (oldest first) through `threader`, `batch_size` events per write batch (one
// unit each; a batch reaches stable storage at the latest with the final one), then closes the
// cases as above. An event the threader refuses fails the import with its error, as does the
// store; what committed before stays (a rerun skips it). REQUIRES: batch_size >= 1.
Result<HistoryImportReport> ImportHistory(ports::Store& store, const Threader& threader,
                                          std::span<const domain::InboundEvent> events,
                                          int batch_size = 500);

}  // namespace fr::engine
