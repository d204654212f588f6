// WebAssets: loading a built web app from disk, content types, ETags, cache rules, the
// single-page-app fallback and refusing paths that try to leave the root.
#include "api/web_assets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.h"

namespace fr::api {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"index.html", "<!doctype html><div id=root></div>"},    {"favicon.svg", "<svg/>"},
    {"assets/app-abc123.js", "console.log('קנטינה')"},       {"assets/app-abc123.css", "body{}"},
    {"assets/heebo-1f2e.woff2", std::string("wOF2\0\1", 6)},
};

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

WebAssets Built() { return std::move(WebAssets::FromFiles(kFiles)).value(); }

std::string BodyAt(const WebAssets& web, std::string_view path) {
  Result<const WebFile*> f = web.Find(path);
  EXPECT_TRUE(f.ok()) << path << ": " << f.status().ToString();
  return f.ok() ? (*f)->body : "";
}

TEST(WebAssetsTest, ServesFilesAndTheIndexAtTheRoot) {
  WebAssets web = Built();
  EXPECT_EQ(BodyAt(web, "/"), kFiles.at("index.html"));
  EXPECT_EQ(BodyAt(web, "/index.html"), kFiles.at("index.html"));
  EXPECT_EQ(BodyAt(web, "/assets/app-abc123.js"), kFiles.at("assets/app-abc123.js"));
  EXPECT_EQ(BodyAt(web, "/favicon.svg"), "<svg/>");
  EXPECT_EQ(web.file_count(), 5u);
}

TEST(WebAssetsTest, ClientSideRoutesGetTheIndexButMissingFilesAre404) {
  WebAssets web = Built();
  EXPECT_EQ(BodyAt(web, "/cases/12"), kFiles.at("index.html"));
  EXPECT_EQ(BodyAt(web, "/settings"), kFiles.at("index.html"));
  EXPECT_EQ(BodyAt(web, "/assets/"), kFiles.at("index.html"));
  for (std::string_view missing : {"/assets/nope.js", "/robots.txt", "/cases/12.json"}) {
    Result<const WebFile*> f = web.Find(missing);
    ASSERT_FALSE(f.ok()) << missing;
    EXPECT_EQ(f.status().code(), Errc::kNotFound) << missing;
    EXPECT_EQ(f.status().reason(), "not_found") << missing;
  }
}

TEST(WebAssetsTest, PathsThatTryToLeaveTheRootAre400) {
  WebAssets web = Built();
  // The server hands over decoded paths: %2e%2e arrives as "..", %5c as a backslash.
  for (std::string_view bad : std::initializer_list<std::string_view>{
           "/../etc/passwd", "/assets/../index.html", "/..", "/./index.html", "/assets/..\\x",
           "/a\\b", std::string_view("/index.html\0.js", 15), "/%2e%2e/etc/passwd", "/%2E%2e/x",
           "/assets/%2fetc", "/%5c..", "/x%00"}) {
    Result<const WebFile*> f = web.Find(bad);
    ASSERT_FALSE(f.ok()) << bad;
    EXPECT_EQ(f.status().code(), Errc::kInvalidArgument) << bad;
    EXPECT_EQ(f.status().reason(), "bad_path") << bad;
  }
  // Dots inside a name are no traversal: a missing file, not a bad path.
  EXPECT_EQ(web.Find("/assets/..app.js").status().reason(), "not_found");
}

TEST(WebAssetsTest, ContentTypesFollowTheExtension) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/app-1.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/app-1.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("logo.PNG"), "image/png");
  EXPECT_EQ(ContentTypeFor("assets/heebo.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("assets/heebo.woff"), "font/woff");
  EXPECT_EQ(ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(ContentTypeFor("manifest.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("assets/app-1.js.map"), "application/json");
  EXPECT_EQ(ContentTypeFor("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("LICENSE"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("archive.tar.gz"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor(".bashrc"), "application/octet-stream");
}

TEST(WebAssetsTest, HashedAssetsAreImmutableEverythingElseRevalidates) {
  WebAssets web = Built();
  EXPECT_EQ((*web.Find("/assets/app-abc123.js"))->cache_control,
            "public, max-age=31536000, immutable");
  EXPECT_EQ((*web.Find("/"))->cache_control, "no-cache");
  EXPECT_EQ((*web.Find("/cases/7"))->cache_control, "no-cache");
  EXPECT_EQ((*web.Find("/favicon.svg"))->cache_control, "no-cache");
}

TEST(WebAssetsTest, EtagsAreStrongAndFollowTheContent) {
  WebAssets web = Built();
  const std::string js = (*web.Find("/assets/app-abc123.js"))->etag;
  const std::string css = (*web.Find("/assets/app-abc123.css"))->etag;
  EXPECT_EQ(js.size(), 66u);  // quoted SHA-256 hex
  EXPECT_EQ(js.front(), '"');
  EXPECT_EQ(js.back(), '"');
  EXPECT_NE(js, css);
  std::map<std::string, std::string> changed = kFiles;
  changed["assets/app-abc123.js"] += ";";
  WebAssets rebuilt = std::move(WebAssets::FromFiles(changed)).value();
  EXPECT_NE((*rebuilt.Find("/assets/app-abc123.js"))->etag, js);
  EXPECT_EQ((*rebuilt.Find("/assets/app-abc123.css"))->etag, css);
}

TEST(WebAssetsTest, WithoutAnIndexTheAppIsNotBuilt) {
  Result<WebAssets> none = WebAssets::FromFiles({{"assets/app.js", "x"}});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().reason(), "web_not_built");
  fr::testing::TempDir dir;
  EXPECT_EQ(WebAssets::Load(dir.path()).status().reason(), "web_not_built");
  EXPECT_EQ(WebAssets::Load(dir.File("missing")).status().reason(), "web_not_built");
}

TEST(WebAssetsTest, LoadsADistDirectorySkippingHiddenFilesAndLinks) {
  fr::testing::TempDir dir;
  std::filesystem::create_directories(dir.File("assets"));
  std::filesystem::create_directories(dir.File(".git"));
  WriteFile(dir.File("index.html"), "<html>");
  WriteFile(dir.File("assets/app-1.js"), "js");
  WriteFile(dir.File("assets/empty.txt"), "");
  WriteFile(dir.File(".env"), "SECRET=1");
  WriteFile(dir.File(".git/config"), "[core]");
  fr::testing::TempDir outside;
  WriteFile(outside.File("passwd"), "root:x:0:0");
  ASSERT_EQ(symlink(outside.File("passwd").c_str(), dir.File("passwd.txt").c_str()), 0);

  Result<WebAssets> web = WebAssets::Load(dir.path());
  ASSERT_TRUE(web.ok()) << web.status().ToString();
  EXPECT_EQ(web->file_count(), 3u);
  EXPECT_EQ(web->total_bytes(), 8u);
  EXPECT_EQ(BodyAt(*web, "/assets/app-1.js"), "js");
  EXPECT_EQ(BodyAt(*web, "/assets/empty.txt"), "");
  EXPECT_EQ(BodyAt(*web, "/.env"), "<html>");  // not loaded; no extension: a client route
  EXPECT_EQ(web->Find("/passwd.txt").status().reason(), "not_found");
  EXPECT_EQ(BodyAt(*web, "/.git/config"), "<html>");  // no extension: a client route
}

}  // namespace
}  // namespace fr::api
