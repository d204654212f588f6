#include "base/metrics.h"

#include <gtest/gtest.h>

namespace fr::metrics {
namespace {

TEST(MetricsTest, RendersCountersWithLabelsAndHistograms) {
  Registry r;
  r.GetCounter("fr_webhooks_total", "Webhooks.", {{"platform", "x"}})->Add(3);
  EXPECT_EQ(r.GetCounter("fr_webhooks_total", "Webhooks.", {{"platform", "x"}})->Value(), 3u);
  Histogram* h = r.GetHistogram("fr_latency_seconds", "Latency.", {0.01, 0.1});
  h->Observe(0.005);
  h->Observe(0.05);
  h->Observe(5);
  r.GetGauge("fr_backlog", "Backlog.")->Set(7);
  std::string text = r.RenderText();
  EXPECT_NE(text.find("# TYPE fr_backlog gauge\nfr_backlog 7\n"), std::string::npos);
  EXPECT_NE(text.find("fr_webhooks_total{platform=\"x\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("fr_latency_seconds_bucket{le=\"0.01\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("fr_latency_seconds_bucket{le=\"0.1\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("fr_latency_seconds_bucket{le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("fr_latency_seconds_count 3\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE fr_latency_seconds histogram"), std::string::npos);
}

}  // namespace
}  // namespace fr::metrics
