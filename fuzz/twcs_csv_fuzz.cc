// libFuzzer entry point for the TWCS history reader (libcsv and our row checks) and the
// mapping of its rows to X messages: any bytes must come back as rows, row errors or a
// Status; results are ignored. Seed corpus: tests/golden/twcs.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "channels/x/twcs_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<fr::channels::x::TwcsRow> rows;
  (void)fr::channels::x::ReadTwcsCsv(
      in, [&](fr::channels::x::TwcsRow r) { rows.push_back(std::move(r)); },
      [](const fr::channels::x::TwcsRowError&) {});
  (void)fr::channels::x::ToInboundEvents(std::move(rows));
  return 0;
}
