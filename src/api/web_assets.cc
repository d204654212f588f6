#include "api/web_assets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <utility>

#include "base/crypto.h"

namespace fr::api {
namespace {

namespace fs = std::filesystem;

constexpr char kIndex[] = "index.html";
constexpr char kImmutable[] = "public, max-age=31536000, immutable";
constexpr char kRevalidate[] = "no-cache";

Status BadPath() {
  return Status(Errc::kInvalidArgument, "bad_path", "the path must not leave the web app");
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// True when the decoded `path` could address something outside the root: a "." or ".."
// segment, a backslash (a separator on other systems), a NUL, or an escape that was encoded
// twice (%252e decodes to %2e, which a second decoder would turn into a dot).
bool EscapesRoot(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return true;
  }
  for (std::size_t at = path.find('%'); at != std::string_view::npos; at = path.find('%', at + 1)) {
    std::string_view escape = path.substr(at, 3);
    for (std::string_view bad : {"%2e", "%2f", "%5c", "%00"}) {
      if (EqualsIgnoreCase(escape, bad)) return true;
    }
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

// The extension of the last segment of `path` ("js" for "assets/app-1.js"), or empty.
std::string_view Extension(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);  // npos + 1 == 0
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot + 1);
}

// True for a name any segment of which starts with '.' (.git, .DS_Store, .env).
bool IsHidden(std::string_view relative) {
  return relative.starts_with('.') || relative.find("/.") != std::string_view::npos;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kTypes = {{
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},  // RFC 9239
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"ico", "image/x-icon"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"txt", "text/plain; charset=utf-8"},
      {"webmanifest", "application/manifest+json"},
  }};
  std::string_view ext = Extension(file_name);
  for (const auto& [known, type] : kTypes) {
    if (EqualsIgnoreCase(ext, known)) return type;
  }
  return "application/octet-stream";
}

void WebAssets::Add(const std::string& relative_path, std::string body) {
  WebFile file;
  file.content_type = std::string(ContentTypeFor(relative_path));
  file.etag = "\"" + crypto::Hex(crypto::Sha256(body)) + "\"";
  file.cache_control = relative_path.starts_with("assets/") ? kImmutable : kRevalidate;
  total_bytes_ += body.size();
  file.body = std::move(body);
  files_.insert_or_assign(relative_path, std::move(file));
}

Result<WebAssets> WebAssets::FromFiles(const std::map<std::string, std::string>& files) {
  if (!files.count(kIndex)) {
    return Status(Errc::kNotFound, "web_not_built", "the web app has no index.html");
  }
  WebAssets out;
  for (const auto& [path, body] : files) out.Add(path, body);
  return out;
}

Result<WebAssets> WebAssets::Load(const std::string& root) {
  std::error_code ec;
  const fs::path dir = fs::absolute(root, ec);
  if (ec || !fs::is_directory(dir, ec) || !fs::is_regular_file(dir / kIndex, ec)) {
    return Status(Errc::kNotFound, "web_not_built",
                  "no built web app in " + dir.string() +
                      " (no index.html): run `npm ci && npm run build` in web/");
  }
  WebAssets out;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    const std::string relative = fs::relative(entry.path(), dir, ec).generic_string();
    if (ec) break;
    // Links could reach outside the root; Vite writes none.
    if (entry.is_symlink(ec) || IsHidden(relative)) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    const auto size = static_cast<std::size_t>(entry.file_size(ec));
    if (ec) break;
    if (out.total_bytes_ + size > kMaxTotalBytes) {
      return Status(Errc::kInvalidArgument, "web_too_large",
                    dir.string() + " holds more than " + std::to_string(kMaxTotalBytes >> 20) +
                        " MiB: is it the built web app (web/dist)?");
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::string body(size, '\0');
    if (!in || !in.read(body.data(), static_cast<std::streamsize>(size))) {
      return Status(Errc::kUnavailable, "web_unreadable", "cannot read " + entry.path().string());
    }
    out.Add(relative, std::move(body));
  }
  if (ec) {
    return Status(Errc::kUnavailable, "web_unreadable",
                  "cannot list " + dir.string() + ": " + ec.message());
  }
  if (!out.files_.count(kIndex)) {  // a link, skipped above
    return Status(Errc::kNotFound, "web_not_built", "no regular index.html in " + dir.string());
  }
  return out;
}

Result<const WebFile*> WebAssets::Find(std::string_view path) const {
  if (EscapesRoot(path)) return BadPath();
  std::string_view relative = path;
  while (relative.starts_with('/')) relative.remove_prefix(1);
  if (relative.empty()) relative = kIndex;
  if (auto it = files_.find(relative); it != files_.end()) return &it->second;
  if (!Extension(relative).empty()) {
    return Status(Errc::kNotFound, "not_found", "the web app has no such file");
  }
  return &files_.find(kIndex)->second;  // a client-side route of the single-page app
}

}  // namespace fr::api
