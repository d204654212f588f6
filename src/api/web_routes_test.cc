// The web app's route behind the API router: files with their headers, 304s, the
// single-page-app fallback, JSON errors, and the server's own paths left alone.
#include "api/web_routes.h"

#include <gtest/gtest.h>

#include "api/security_headers.h"

namespace fr::api {
namespace {

std::string HeaderOf(const ApiResponse& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

class WebRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    assets_ = std::make_unique<WebAssets>(
        std::move(WebAssets::FromFiles({
                      {"index.html", "<!doctype html><title>Feedroom</title>"},
                      {"assets/app-abc123.js", "export{}"},
                  }))
            .value());
    router_.Add("GET", "/healthz", [](const ApiRequest&, Responder respond) {
      respond(ApiResponse{200, "application/json", "{\"status\":\"ok\"}", {}, {}});
    });
    AddWebRoutes(router_, assets_.get(), metrics_);
  }

  ApiResponse Call(std::string method, std::string path,
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    return CallOn(router_, std::move(method), std::move(path), std::move(headers));
  }

  static ApiResponse CallOn(const Router& router, std::string method, std::string path,
                            std::vector<std::pair<std::string, std::string>> headers = {}) {
    ApiRequest req;
    req.method = std::move(method);
    req.path = std::move(path);
    req.client_address = "192.0.2.1";
    for (auto& [k, v] : headers) req.headers.Add(k, v);
    ApiResponse out;
    router.Dispatch(req, [&out](ApiResponse r) { out = std::move(r); });
    return out;
  }

  void ExpectSecurityHeaders(const ApiResponse& r) {
    for (const auto& [name, value] : SecurityHeaders()) {
      EXPECT_EQ(HeaderOf(r, name), value) << name << " on " << r.status;
    }
  }

  std::uint64_t Count(const std::string& outcome) {
    return metrics_.GetCounter("feedroom_web_responses_total", "", {{"outcome", outcome}})->Value();
  }

  metrics::Registry metrics_;
  std::unique_ptr<WebAssets> assets_;
  Router router_;
};

TEST_F(WebRoutesTest, ServesTheAppWithItsHeaders) {
  ApiResponse index = Call("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>Feedroom</title>");
  EXPECT_EQ(HeaderOf(index, "Cache-Control"), "no-cache");
  EXPECT_FALSE(HeaderOf(index, "ETag").empty());
  ExpectSecurityHeaders(index);
  EXPECT_NE(HeaderOf(index, "Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);

  ApiResponse js = Call("GET", "/assets/app-abc123.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(js, "Cache-Control"), "public, max-age=31536000, immutable");
  ExpectSecurityHeaders(js);

  ApiResponse route = Call("GET", "/cases/7");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, index.body);
  EXPECT_EQ(Call("HEAD", "/cases/7").status, 200);
  EXPECT_EQ(Count("served"), 4u);
}

TEST_F(WebRoutesTest, AMatchingIfNoneMatchGets304WithoutABody) {
  const std::string etag = HeaderOf(Call("GET", "/assets/app-abc123.js"), "ETag");
  for (const std::string& header : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    ApiResponse r = Call("GET", "/assets/app-abc123.js", {{"If-None-Match", header}});
    EXPECT_EQ(r.status, 304) << header;
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(HeaderOf(r, "ETag"), etag);
    EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=31536000, immutable");
    ExpectSecurityHeaders(r);
  }
  EXPECT_EQ(Call("GET", "/assets/app-abc123.js", {{"If-None-Match", "\"stale\""}}).status, 200);
  // The index's tag differs: a rebuilt app is fetched again.
  EXPECT_EQ(Call("GET", "/", {{"If-None-Match", etag}}).status, 200);
  EXPECT_EQ(Count("not_modified"), 4u);
}

TEST_F(WebRoutesTest, ErrorsAreJsonWithTheSecurityHeaders) {
  ApiResponse missing = Call("GET", "/assets/nope.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, "application/json");
  EXPECT_NE(missing.body.find("\"code\":\"not_found\""), std::string::npos) << missing.body;
  ExpectSecurityHeaders(missing);

  ApiResponse traversal = Call("GET", "/../etc/passwd");
  EXPECT_EQ(traversal.status, 400);
  EXPECT_NE(traversal.body.find("\"code\":\"bad_path\""), std::string::npos) << traversal.body;
  ExpectSecurityHeaders(traversal);

  ApiResponse post = Call("POST", "/cases/7");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(HeaderOf(post, "Allow"), "GET, HEAD");
  EXPECT_EQ(Count("not_found"), 1u);
  EXPECT_EQ(Count("bad_path"), 1u);
  EXPECT_EQ(Count("bad_method"), 1u);
}

TEST_F(WebRoutesTest, TheServersOwnPathsAreNeverTheApp) {
  EXPECT_EQ(Call("GET", "/healthz").body, "{\"status\":\"ok\"}");
  EXPECT_EQ(Call("DELETE", "/healthz").status, 405);
  for (std::string path :
       {"/api", "/api/v1/nope", "/webhooks/tiktok", "/healthz/x", "/readyz", "/metrics/x"}) {
    ApiResponse r = Call("GET", path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_NE(r.body.find("no such route"), std::string::npos) << path << ": " << r.body;
  }
  EXPECT_EQ(Call("GET", "/apiary").status, 200);  // a client route that merely starts alike
  EXPECT_TRUE(IsServerPath("/webhooks"));
  EXPECT_FALSE(IsServerPath("/metricsboard"));
}

TEST_F(WebRoutesTest, WithoutABuiltAppEveryWebPathIs503) {
  Router router;
  AddWebRoutes(router, nullptr, metrics_);
  for (std::string path : {"/", "/cases/7", "/assets/app-abc123.js"}) {
    ApiResponse r = CallOn(router, "GET", path);
    EXPECT_EQ(r.status, 503) << path;
    EXPECT_NE(r.body.find("\"code\":\"web_not_built\""), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("npm run build"), std::string::npos) << r.body;
    ExpectSecurityHeaders(r);
  }
  EXPECT_EQ(CallOn(router, "GET", "/api/v1/cases").status, 404);
  EXPECT_EQ(Count("not_built"), 3u);
}

TEST(IfNoneMatchTest, ComparesWeaklyAcrossAList) {
  EXPECT_TRUE(IfNoneMatchHits("\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchHits("W/\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchHits("\"x\" ,\t\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchHits("*", "\"a\""));
  EXPECT_FALSE(IfNoneMatchHits("\"ab\"", "\"a\""));
  EXPECT_FALSE(IfNoneMatchHits("a", "\"a\""));
  EXPECT_FALSE(IfNoneMatchHits("", "\"a\""));
}

}  // namespace
}  // namespace fr::api
