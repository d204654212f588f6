// libFuzzer entry point for the X channel parsers: the Account Activity envelope (with and
// without a known account), the v2 post / DM parsers and the stream-line framing. Any input
// must come back as a value or a Status; results are ignored. Seed corpus: tests/golden/x.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/x/x_account_activity.h"
#include "channels/x/x_config.h"
#include "channels/x/x_v2_tweets.h"

namespace {

const fr::channels::x::XConfig& Config() {
  // The accounts the golden payloads were written for, so seeds reach the event parsers.
  static const auto* config = new fr::channels::x::XConfig{
      "fuzz-secret", "https://api.x.com",
      {{"3805104374", "AcmeCare"}, {"1198361234567890001", "AcmeAirIL"}, {"123", "vector"}}};
  return *config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto& config = Config();
  (void)fr::channels::x::ParseAccountActivity(body, config);
  (void)fr::channels::x::ParseV2Tweets(body, config.accounts[0]);
  (void)fr::channels::x::ParseV2DmEvents(body, config.accounts[0]);
  (void)fr::channels::x::ParseV2Errors(body);
  (void)fr::channels::x::ParseStreamLine(body, config.accounts[0]);
  return 0;
}
