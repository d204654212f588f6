// libFuzzer entry point for the Meta webhook parser: any byte string must yield either a
// ParsedDelivery or an error Status, never a crash, hang or sanitizer report. Seeds:
// tests/golden/meta (our payloads) and, when available, ../shared/fixtures/{facebook,
// messenger,instagram}.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/log.h"
#include "channels/meta/meta_parse.h"

namespace {

// The accounts the seed payloads use, so fuzzed inputs get past the account check.
const fr::channels::meta::MetaConfig& FuzzConfig() {
  static const auto* config = [] {
    auto* c = new fr::channels::meta::MetaConfig();
    c->app_secret = "fuzz-secret";
    c->verify_token = "fuzz-token";
    c->pages = {{"1234567890321", "restfb", "17841452691600098"},
                {"12345654332", "restfb messenger", ""},
                {"104395612345678", "demo il", "17841400000000001"},
                {"104395698765432", "demo us", ""},
                {"0", "dashboard test", "0"}};
    return c;
  }();
  return *config;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fr::log::SetLevel("error");  // skipped-event debug lines would drown the fuzzer's output
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto parsed = fr::channels::meta::ParseMetaDelivery(body, FuzzConfig());
  if (parsed.ok()) {
    // Touch every event so a dangling view into the parser's buffer would be caught by ASan.
    std::size_t total = 0;
    for (const auto& e : parsed->events) {
      total += e.message.external_id.size() + e.message.text.size() + e.message.author.id.size();
      for (const auto& a : e.message.attachments) total += a.type.size() + a.url.size();
    }
    for (const auto& s : parsed->skipped) total += s.size();
    (void)total;
  }
  return 0;
}
