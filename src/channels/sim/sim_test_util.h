// Test-only helpers for the simulator tests: one configuration shared by the simulator and by
// Feedroom's own parsers (the ids of config/demo.toml, so the demo scenario plays against it),
// request builders, and the round trip of a webhook through XWebhookChannel /
// MetaWebhookChannel.
#pragma once

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "channels/meta/meta_config.h"
#include "channels/meta/meta_webhook.h"
#include "channels/sim/sim_platform.h"
#include "channels/x/x_config.h"
#include "channels/x/x_webhook.h"

namespace fr::channels::sim::testing {

inline constexpr UnixMillis kT0 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
inline constexpr UnixMillis kMinute = 60'000;
inline constexpr UnixMillis kHour = 60 * kMinute;
inline constexpr UnixMillis kDay = 24 * kHour;

inline constexpr char kBrandId[] = "1500000000000000001";  // @kantina_il
inline constexpr char kBrandToken[] = "x-token-kantina";
inline constexpr char kOtherBrandId[] = "1500000000000000002";  // @kantina_eilat
inline constexpr char kOtherBrandToken[] = "x-token-eilat";
inline constexpr char kPageId[] = "104000000000001";
inline constexpr char kInstagramId[] = "17841400000000001";
inline constexpr char kPageToken[] = "page-token-kantina";
inline constexpr char kOtherPageId[] = "104000000000002";
inline constexpr char kOtherPageToken[] = "page-token-eilat";

inline SimConfig TestSimConfig() {
  SimConfig c;
  c.x.consumer_secret = "sim-x-consumer-secret";
  c.x.accounts = {{kBrandId, "kantina_il", kBrandToken},
                  {kOtherBrandId, "kantina_eilat", kOtherBrandToken}};
  c.meta.app_secret = "sim-meta-app-secret";
  c.meta.app_id = "1517776481860111";
  c.meta.pages = {{kPageId, "קנטינה", kInstagramId, "kantina.il", kPageToken},
                  {kOtherPageId, "Kantina Eilat", "", "", kOtherPageToken}};
  return c;
}

// The parsers' view of the same accounts.
inline x::XConfig TestXConfig() {
  x::XConfig c;
  c.consumer_secret = TestSimConfig().x.consumer_secret;
  for (const SimXAccount& a : TestSimConfig().x.accounts) {
    x::XAccount account;
    account.user_id = a.user_id;
    account.handle = a.handle;
    c.accounts.push_back(account);
  }
  return c;
}

inline meta::MetaConfig TestMetaConfig() {
  meta::MetaConfig c;
  c.app_secret = TestSimConfig().meta.app_secret;
  c.verify_token = "sim-verify-token";
  for (const SimMetaPage& p : TestSimConfig().meta.pages) {
    meta::MetaPage page;
    page.page_id = p.page_id;
    page.name = p.name;
    page.instagram_user_id = p.instagram_user_id;
    c.pages.push_back(page);
  }
  return c;
}

// A request with a JSON (or any) body and, when `token` is not empty, a bearer token.
inline SimRequest Request(std::string method, std::string target, std::string body = "",
                          std::string_view token = "") {
  SimRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  if (!token.empty()) r.headers.Add("Authorization", "Bearer " + std::string(token));
  r.headers.Add("Content-Type", "application/json");
  return r;
}

inline boost::json::value Json(std::string_view body) {
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  EXPECT_FALSE(ec) << body;
  return v;
}

// The webhook as Feedroom's X / Meta channel receives it (signature checked, then parsed);
// fails the test when there is none.
inline domain::ParsedDelivery ReceiveX(const std::optional<OutgoingWebhook>& w) {
  EXPECT_TRUE(w.has_value());
  if (!w) return {};
  EXPECT_EQ(w->path, "/webhooks/x");
  auto parsed = x::XWebhookChannel(TestXConfig()).Receive(ToHttpHeaders(w->headers), w->body);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << w->body;
  return parsed.ok() ? *parsed : domain::ParsedDelivery{};
}

inline domain::ParsedDelivery ReceiveMeta(const std::optional<OutgoingWebhook>& w) {
  EXPECT_TRUE(w.has_value());
  if (!w) return {};
  EXPECT_EQ(w->path, "/webhooks/meta");
  auto parsed =
      meta::MetaWebhookChannel(TestMetaConfig()).Receive(ToHttpHeaders(w->headers), w->body);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << w->body;
  return parsed.ok() ? *parsed : domain::ParsedDelivery{};
}

// Customers used across the tests.
inline Customer XCustomer(std::string id = "1600000000000000101", std::string handle = "dana_levi",
                          std::string name = "דנה לוי") {
  return Customer{domain::Platform::kX,
                  Person{std::move(id), std::move(handle), std::move(name), 420, false}, ""};
}

inline Customer MetaCustomer(domain::Platform platform, std::string id, std::string name,
                             std::string handle = "", std::string psid = "") {
  return Customer{platform, Person{std::move(id), std::move(handle), std::move(name), 0, false},
                  std::move(psid)};
}

inline CustomerAction Action(CustomerActionKind kind, Customer customer, std::string text,
                             std::string target = "") {
  CustomerAction a;
  a.kind = kind;
  a.customer = std::move(customer);
  a.text = std::move(text);
  a.target_id = std::move(target);
  return a;
}

// Posts `action` and returns what it created; fails the test on an error.
inline PostedAction MustPost(SimPlatform& sim, const CustomerAction& action, UnixMillis at) {
  auto posted = sim.Post(action, at);
  EXPECT_TRUE(posted.ok()) << posted.status().ToString();
  return posted.ok() ? *posted : PostedAction{};
}

}  // namespace fr::channels::sim::testing
