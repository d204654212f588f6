// WebAssets: the built web app (Vite's output, web/dist: index.html, assets/*.js|css|woff2
// with content hashes in their names, icons) held in memory, and the rules that map a request
// path onto it. The bundle is small (a few hundred KiB), so every file is read once at startup
// with its Content-Type, strong ETag and Cache-Control worked out then; a rebuilt web app is
// served only after a restart.
//
// Lookup, for the path of a GET or HEAD that is no API, webhook or operations route:
//   * a path with "..", "." segments, a backslash, a NUL, or a percent-encoded dot, slash,
//     backslash or NUL left after decoding is refused (kInvalidArgument "bad_path");
//   * an existing file is served ("/" is index.html);
//   * a path whose last segment has no extension and matches no file is a client-side route
//     of the single-page app (/cases/12): index.html;
//   * any other path is kNotFound "not_found" (a missing /assets/app-1234.js must not be
//     answered with HTML).
// Files under assets/ are immutable (their names change with their content); everything else
// must be revalidated (Cache-Control: no-cache), so a new index.html is picked up at once.
//
// Thread safety: immutable after Load; Find may be called from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fr::api {

struct WebFile {
  std::string body;
  std::string content_type;   // e.g. "text/javascript; charset=utf-8"
  std::string etag;           // strong, quoted: "\"<hex of the content's SHA-256>\""
  std::string cache_control;  // "public, max-age=31536000, immutable" or "no-cache"
};

class WebAssets {
 public:
  // Reads every regular file under the directory `root` (relative paths resolve against the
  // working directory), skipping symbolic links and names starting with '.'.
  // Errors: kNotFound "web_not_built" when `root` is not a directory or has no index.html;
  // kInvalidArgument "web_too_large" beyond kMaxTotalBytes; kUnavailable "web_unreadable"
  // when a file cannot be read. Each message names the path.
  static Result<WebAssets> Load(const std::string& root);

  // The same from files given in memory: relative path ("index.html", "assets/app.js") to
  // content. Errors: kNotFound "web_not_built" without an "index.html".
  static Result<WebAssets> FromFiles(const std::map<std::string, std::string>& files);

  // The file answering the decoded request path `path` (it starts with '/'), by the rules
  // above. The pointer is valid as long as this object. Errors: kInvalidArgument "bad_path",
  // kNotFound "not_found".
  Result<const WebFile*> Find(std::string_view path) const;

  std::size_t file_count() const { return files_.size(); }
  std::size_t total_bytes() const { return total_bytes_; }

  // A larger "bundle" is not a built web app (a wrong root pointing at a home directory).
  static constexpr std::size_t kMaxTotalBytes = 64u << 20;

 private:
  WebAssets() = default;
  void Add(const std::string& relative_path, std::string body);

  std::map<std::string, WebFile, std::less<>> files_;  // by path relative to the root
  std::size_t total_bytes_ = 0;
};

// The Content-Type for a file name by its extension (html, js, css, svg, png, woff2, woff,
// ico, json, map, txt, webmanifest); "application/octet-stream" for any other.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace fr::api
