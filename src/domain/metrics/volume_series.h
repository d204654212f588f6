// The message-count series the spike detector watches (docs/spikes.md): one per brand
// account ("account:<platform>:<account id>") and one per listening rule ("rule:<rule id>"),
// counted per UTC minute of the messages' own time. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "domain/platform.h"

namespace fr::domain::metrics {

// The series a customer's message counts in: its account's, then one per rule it matched.
std::vector<std::string> VolumeSeriesOf(Platform platform, std::string_view account_id,
                                        const std::vector<std::string>& rules);

// What a series name counts: one brand account's messages, or one listening rule's.
struct VolumeSeriesRef {
  Platform platform = Platform::kX;  // kAccount only
  std::string account_id;            // kAccount only
  std::string rule_id;               // kRule only
  bool is_rule = false;
  bool operator==(const VolumeSeriesRef&) const = default;
};

// The inverse of VolumeSeriesOf for one name; nullopt for a name it never makes.
std::optional<VolumeSeriesRef> ParseVolumeSeries(std::string_view series);

// The start of the UTC minute holding `t`.
UnixMillis MinuteOf(UnixMillis t);

}  // namespace fr::domain::metrics
