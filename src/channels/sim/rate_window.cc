#include "channels/sim/rate_window.h"

namespace fr::channels::sim {

bool RateWindow::TryTake(UnixMillis now) {
  if (Expired(now)) {
    start_ = now;
    used_ = 0;
  }
  if (used_ >= limit_) return false;
  ++used_;
  return true;
}

int RateWindow::Remaining(UnixMillis now) const { return Expired(now) ? limit_ : limit_ - used_; }

UnixMillis RateWindow::ResetAt(UnixMillis now) const {
  return Expired(now) ? now + length_ms_ : start_ + length_ms_;
}

}  // namespace fr::channels::sim
