// Clock: the only source of "now" in Feedroom. Production code receives a Clock; tests pass a
// ManualClock and advance it, so no test sleeps or reads the wall clock.
// Thread safety: SystemClock is stateless; ManualClock is safe for concurrent use.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace fr {

// Milliseconds since the Unix epoch, UTC. The one time type of the domain.
using UnixMillis = std::int64_t;

// `t` written by strftime's `format` in UTC, the C locale's names ("%Y-%m-%dT%H:%M:%SZ" →
// "2027-01-16T12:00:00Z"); at most 63 bytes. Thread-safe.
std::string FormatUtc(UnixMillis t, const char* format);

class Clock {
 public:
  virtual ~Clock() = default;
  // Returns the current time in UTC milliseconds. Not guaranteed to be monotonic.
  virtual UnixMillis NowMillis() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixMillis NowMillis() const override;
};

// A clock that only moves when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixMillis start) : now_(start) {}
  UnixMillis NowMillis() const override { return now_.load(); }
  void Set(UnixMillis t) { now_.store(t); }
  void Advance(UnixMillis delta) { now_.fetch_add(delta); }

 private:
  std::atomic<UnixMillis> now_;
};

}  // namespace fr
