// XReconnectBackoff: how long the filtered stream waits before reconnecting, as X prescribes
// (PROTOCOLS.md §1.6): after a network error (refused, reset, silent for the heartbeat
// timeout, closed by X) 250 ms more each time up to 16 s; after an HTTP error 5 s doubling up
// to 320 s; after 429 one minute doubling (capped at 16 min). A stream that delivered data
// starts over from the shortest wait. Not thread-safe: one per stream.
#pragma once

#include <chrono>

namespace fr::channels::x {

class XReconnectBackoff {
 public:
  enum class Failure { kNetwork, kHttp, kRateLimited };

  // The wait before the next attempt after `failure`; each call in a row of the same kind
  // waits longer. A different kind starts its own sequence.
  std::chrono::milliseconds Next(Failure failure);
  // The connection worked (data arrived): the next failure waits the shortest time again.
  void Reset();

 private:
  Failure last_ = Failure::kNetwork;
  int attempts_ = 0;  // consecutive failures of kind last_
};

}  // namespace fr::channels::x
