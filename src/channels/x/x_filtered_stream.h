// XFilteredStream: X's filtered stream (GET /2/tweets/search/stream) as a listening source
// (docs/sources.md, PROTOCOLS.md §1.6). On its own thread it
//   1. makes X's stream rules exactly the configured ones (once per start, and again after X
//      refused them), then
//   2. holds the stream open: each post line is stored as one delivery of channel "x_stream"
//      (HeardDelivery: overheard unless addressed to the brand), keep-alive lines reset the
//      heartbeat timeout, an in-band "operational-disconnect" ends the connection;
//   3. reconnects after XReconnectBackoff's wait, asking X to backfill the gap when
//      configured.
// A post whose delivery cannot be stored ends the connection, so the gap is asked for again.
// Thread safety: Start and Stop from one thread; ParseStored from any.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/metrics.h"
#include "base/pacer.h"
#include "channels/x/x_listen_config.h"
#include "channels/x/x_reconnect.h"
#include "ports/listening_source.h"

namespace fr::channels::x {

inline constexpr std::string_view kStreamChannel = "x_stream";

class XFilteredStream final : public ports::ListeningSource {
 public:
  // REQUIRES: config.stream. `metrics` must outlive this.
  XFilteredStream(XListenConfig config, ports::HeardSink sink, metrics::Registry& metrics);
  ~XFilteredStream() override;  // Stop()

  std::string_view channel() const override { return kStreamChannel; }
  // `raw` is one stream line. Errors: as ParseStreamLine.
  Result<domain::ParsedDelivery> ParseStored(std::string_view raw) const override;
  void Start() override;
  void Stop() override;

 private:
  enum class LineVerdict { kGoOn, kReconnect };
  // One connection from rule sync to its end; returns the wait before the next.
  std::chrono::milliseconds Session();
  Status SyncRules();
  LineVerdict OnLine(std::string_view line);
  // Splits the bytes received into lines, handing each complete one to OnLine.
  bool OnBytes(std::string_view bytes);
  void Count(std::string_view event);

  const XListenConfig config_;
  const ports::HeardSink sink_;
  metrics::Registry& metrics_;
  XReconnectBackoff backoff_;  // used by the pacer's thread only
  bool rules_synced_ = false;  // likewise
  bool had_connection_ = false;  // likewise: a later connection may ask for a backfill
  std::string partial_;          // likewise: bytes of a line not yet complete
  Pacer pacer_;
};

}  // namespace fr::channels::x
