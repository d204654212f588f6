// RateWindow: a fixed-window request counter, the way X's per-user limits behave ("100 requests
// per 15 minutes"): the window opens with the first request, and when it ends the count starts
// over. Used by the simulator to answer 429 and to fill the x-rate-limit-* headers. A value;
// not thread-safe (SimPlatform serialises access).
#pragma once

#include "base/clock.h"

namespace fr::channels::sim {

class RateWindow {
 public:
  // REQUIRES: limit > 0, length_ms > 0.
  RateWindow(int limit, UnixMillis length_ms) : limit_(limit), length_ms_(length_ms) {}

  // Counts one request at `now` and returns true if the window had room; returns false, and
  // counts nothing, once `limit` requests were taken in the current window.
  bool TryTake(UnixMillis now);

  int limit() const { return limit_; }
  // Requests left in the window current at `now`.
  int Remaining(UnixMillis now) const;
  // When the window current at `now` ends (a window not yet opened would end at now + length).
  UnixMillis ResetAt(UnixMillis now) const;

 private:
  bool Expired(UnixMillis now) const { return used_ == 0 || now >= start_ + length_ms_; }

  int limit_;
  UnixMillis length_ms_;
  UnixMillis start_ = 0;
  int used_ = 0;
};

}  // namespace fr::channels::sim
