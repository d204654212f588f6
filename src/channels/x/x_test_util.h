// Test-only helpers for the X channel tests: the fixed configuration the golden payloads in
// tests/golden/x were written for, and paths to the golden and shared fixture folders.
#pragma once

#include <string>

#include "channels/x/x_config.h"

namespace fr::channels::x::testing {

inline constexpr char kTestSecret[] = "feedroom-test-consumer-secret";
inline constexpr char kBrandId[] = "3805104374";             // @AcmeCare
inline constexpr char kSecondBrandId[] = "1198361234567890001";  // @AcmeAirIL

inline XConfig TestConfig() {
  XConfig c;
  c.consumer_secret = kTestSecret;
  c.accounts = {{kBrandId, "AcmeCare"}, {kSecondBrandId, "AcmeAirIL"}};
  return c;
}

inline std::string GoldenDir() { return std::string(FR_SOURCE_DIR) + "/tests/golden/x"; }
inline std::string FixtureDir() { return std::string(FR_SHARED_DIR) + "/fixtures/twitter"; }

}  // namespace fr::channels::x::testing
