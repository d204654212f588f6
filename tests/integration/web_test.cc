// End-to-end: `feedroom serve --web DIR` serves a built web app next to the API: files with
// their content types, caching and ETags, client-side routes, JSON errors, refused traversal,
// the security headers on every answer; and a clear 503 when the app is not built.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/server_process.h"
#include "tests/support/temp_dir.h"

namespace fr::testing {
namespace {

constexpr char kConfig[] = R"(
[x]
consumer_secret = "web-test-secret"
[[x.accounts]]
user_id = "900000000000000001"
)";

constexpr char kIndex[] =
    "<!doctype html><html lang=\"he\" dir=\"rtl\"><script type=\"module\" "
    "src=\"/assets/app-abc123.js\"></script></html>";
constexpr char kScript[] = "console.log(\"קנטינה\");";

void ExpectSecurityHeaders(const HttpResult& r, const std::string& what) {
  EXPECT_EQ(r.Header("Content-Security-Policy"),
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
      << what;
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff") << what;
  EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer") << what;
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY") << what;
  EXPECT_EQ(r.Header("Cross-Origin-Opener-Policy"), "same-origin") << what;
}

std::string ErrorCode(const HttpResult& r) {
  const std::string key = "\"code\":\"";
  std::size_t at = r.body.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return r.body.substr(at, r.body.find('"', at) - at);
}

class WebTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.File("feedroom.toml");
    data_ = dir_.File("data");
    web_ = dir_.File("dist");
    std::filesystem::create_directories(web_ + "/assets");
    WriteFile(web_ + "/index.html", kIndex);
    WriteFile(web_ + "/assets/app-abc123.js", kScript);
  }

  TempDir dir_;
  std::string config_;
  std::string data_;
  std::string web_;
};

TEST_F(WebTest, ServesTheBuiltAppNextToTheApi) {
  WriteFile(config_, kConfig);
  FeedroomProcess server(
      {"serve", "--config", config_, "--data", data_, "--listen", "127.0.0.1:0", "--web", web_});
  const std::uint16_t port = server.port();

  HttpResult index = HttpCall(port, "GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, kIndex);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("Cache-Control"), "no-cache");
  ExpectSecurityHeaders(index, "/");
  const std::string index_tag = index.Header("ETag");
  ASSERT_FALSE(index_tag.empty());
  EXPECT_EQ(HttpCall(port, "GET", "/", {{"If-None-Match", index_tag}}).status, 304);

  HttpResult route = HttpCall(port, "GET", "/cases/7");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, kIndex);  // the app's router takes it from here
  EXPECT_EQ(route.Header("Cache-Control"), "no-cache");
  ExpectSecurityHeaders(route, "/cases/7");

  HttpResult script = HttpCall(port, "GET", "/assets/app-abc123.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, kScript);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script.Header("Cache-Control"), "public, max-age=31536000, immutable");
  HttpResult again =
      HttpCall(port, "GET", "/assets/app-abc123.js", {{"If-None-Match", script.Header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  ExpectSecurityHeaders(again, "304");

  HttpResult head = HttpCall(port, "HEAD", "/assets/app-abc123.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(std::string(kScript).size()));

  HttpResult missing = HttpCall(port, "GET", "/assets/nope.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, "application/json");
  EXPECT_EQ(ErrorCode(missing), "not_found") << missing.body;
  ExpectSecurityHeaders(missing, "404");

  for (const std::string target : {"/%2e%2e/etc/passwd", "/assets/%2E%2E/%2e%2e/etc/passwd",
                                   "/assets/..%5c..%5cetc", "/index.html%00.js"}) {
    HttpResult traversal = HttpCall(port, "GET", target);
    EXPECT_EQ(traversal.status, 400) << target;
    EXPECT_EQ(ErrorCode(traversal), "bad_path") << target << ": " << traversal.body;
    EXPECT_EQ(traversal.body.find("root:"), std::string::npos);
  }

  // The API is untouched, and carries the security headers too.
  HttpResult health = HttpCall(port, "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  ExpectSecurityHeaders(health, "/healthz");
  HttpResult unknown_api = HttpCall(port, "GET", "/api/v1/nope");
  EXPECT_EQ(unknown_api.status, 404);
  EXPECT_EQ(unknown_api.content_type, "application/json");
  EXPECT_EQ(HttpCall(port, "GET", "/api/v1/cases").status, 401);
}

TEST_F(WebTest, WithoutABuiltAppTheServerStartsAndSaysHowToBuildIt) {
  WriteFile(config_, std::string(kConfig) + "\n[web]\nroot = \"" + dir_.File("not-built") + "\"\n");
  ServerProcess server(config_, data_);
  HttpResult index = HttpCall(server.port(), "GET", "/");
  EXPECT_EQ(index.status, 503);
  EXPECT_EQ(ErrorCode(index), "web_not_built") << index.body;
  EXPECT_NE(index.body.find("npm run build"), std::string::npos) << index.body;
  ExpectSecurityHeaders(index, "503");
  EXPECT_EQ(HttpCall(server.port(), "GET", "/healthz").status, 200);
}

}  // namespace
}  // namespace fr::testing
