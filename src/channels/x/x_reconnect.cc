#include "channels/x/x_reconnect.h"

#include <algorithm>

namespace fr::channels::x {
namespace {

using std::chrono::milliseconds;

// first * 2^(attempt-1), at most `cap`.
milliseconds Doubling(milliseconds first, int attempt, milliseconds cap) {
  milliseconds wait = first;
  for (int i = 1; i < attempt && wait < cap; ++i) wait *= 2;
  return std::min(wait, cap);
}

}  // namespace

milliseconds XReconnectBackoff::Next(Failure failure) {
  attempts_ = failure == last_ ? attempts_ + 1 : 1;
  last_ = failure;
  switch (failure) {
    case Failure::kNetwork:
      return std::min(milliseconds(250) * attempts_, milliseconds(16'000));
    case Failure::kHttp:
      return Doubling(milliseconds(5'000), attempts_, milliseconds(320'000));
    case Failure::kRateLimited:
      return Doubling(milliseconds(60'000), attempts_, milliseconds(960'000));
  }
  return milliseconds(16'000);
}

void XReconnectBackoff::Reset() { attempts_ = 0; }

}  // namespace fr::channels::x
