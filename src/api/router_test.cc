#include "api/router.h"

#include <gtest/gtest.h>

namespace fr::api {
namespace {

ApiResponse Call(const Router& r, std::string method, std::string path) {
  ApiRequest req;
  req.method = std::move(method);
  req.path = std::move(path);
  ApiResponse out;
  r.Dispatch(req, [&out](ApiResponse resp) { out = std::move(resp); });
  return out;
}

TEST(RouterTest, MatchesPlaceholdersAndReportsUnknownRoutesAsJson) {
  Router r;
  r.Add("GET", "/api/v1/cases/{id}", [](const ApiRequest& req, Responder respond) {
    respond(ApiResponse{200, "text/plain", "case " + req.Param("id"), {}, {}});
  });
  EXPECT_EQ(Call(r, "GET", "/api/v1/cases/42").body, "case 42");
  ApiResponse nf = Call(r, "GET", "/api/v1/cases/42/x");
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(nf.body, R"({"error":{"code":"not_found","message":"no such route"}})");
  ApiResponse na = Call(r, "DELETE", "/api/v1/cases/42");
  EXPECT_EQ(na.status, 405);
  EXPECT_NE(na.body.find("method_not_allowed"), std::string::npos);
}

TEST(RouterTest, FallbackTakesEveryRequestNoRouteMatches) {
  Router r;
  r.Add("GET", "/healthz", [](const ApiRequest&, Responder respond) {
    respond(ApiResponse{200, "text/plain", "ok", {}, {}});
  });
  r.SetFallback([](const ApiRequest& req, Responder respond) {
    respond(ApiResponse{418, "text/plain", req.method + " " + req.path, {}, {}});
  });
  EXPECT_EQ(Call(r, "GET", "/healthz").body, "ok");  // routes still win
  ApiResponse unknown_path = Call(r, "POST", "/2/tweets");
  EXPECT_EQ(unknown_path.status, 418);
  EXPECT_EQ(unknown_path.body, "POST /2/tweets");
  EXPECT_EQ(Call(r, "DELETE", "/healthz").body, "DELETE /healthz");  // no 405 either
}

TEST(RouterTest, NotFoundHandlerTakesUnknownPathsButKnownPathsKeep405) {
  Router r;
  r.Add("GET", "/healthz", [](const ApiRequest&, Responder respond) {
    respond(ApiResponse{200, "text/plain", "ok", {}, {}});
  });
  r.SetNotFound([](const ApiRequest& req, Responder respond) {
    respond(ApiResponse{200, "text/html", "app " + req.path, {}, {}});
  });
  EXPECT_EQ(Call(r, "GET", "/healthz").body, "ok");
  EXPECT_EQ(Call(r, "GET", "/cases/7").body, "app /cases/7");
  EXPECT_EQ(Call(r, "POST", "/healthz").status, 405);
}

}  // namespace
}  // namespace fr::api
