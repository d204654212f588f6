// Test-only helpers shared by the reply gateways' tests (channels/x, channels/meta): the bytes
// of a shared fixture and hand-built platform answers. Include only from fr_test targets
// (they define FR_SHARED_DIR).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "channels/common/http_client.h"

namespace fr::channels::testing {

// The bytes of ../shared/fixtures/<relative>; a test failure if it cannot be read.
inline std::string ReadFixture(const std::string& relative) {
  std::ifstream in(std::string(FR_SHARED_DIR) + "/fixtures/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// An HTTP answer as a platform would give it.
inline HttpResponse Answer(int status, std::string body,
                           std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  for (auto& [n, v] : headers) r.headers.Add(std::move(n), std::move(v));
  return r;
}

}  // namespace fr::channels::testing
