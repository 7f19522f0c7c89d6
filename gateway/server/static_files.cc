#include "gateway/server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kinerja::gateway {
namespace {

constexpr size_t kMaxTotalBytes = 64u << 20;

// The console runs no inline script and loads nothing from elsewhere. The API page is one file with
// its own <style>, hence 'unsafe-inline' for styles only.
constexpr char kConsolePolicy[] =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
constexpr char kInlineStylePolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

}  // namespace

std::string StaticFiles::ContentType(absl::string_view name) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},     {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},       {".json", "application/json"},
      {".svg", "image/svg+xml"},                 {".png", "image/png"},
      {".ico", "image/x-icon"},                  {".woff2", "font/woff2"},
      {".map", "application/json"},              {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [ext, type] : kTypes) {
    if (absl::EndsWith(name, ext)) return type;
  }
  return "application/octet-stream";
}

absl::StatusOr<StaticFiles> StaticFiles::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return absl::NotFoundError(absl::StrCat(dir, " is not a directory"));
  StaticFiles files;
  size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string relative = fs::relative(it->path(), dir).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in.good() && !in.eof()) return absl::UnavailableError(absl::StrCat("cannot read ", relative));
    HttpResponse r;
    r.body = body.str();
    total += r.body.size();
    if (total > kMaxTotalBytes) return absl::ResourceExhaustedError(absl::StrCat(dir, " holds over 64 MiB"));
    const bool html = absl::EndsWith(relative, ".html");
    r.headers = {{"content-type", ContentType(relative)},
                 {"cache-control", "no-cache"},
                 {"x-content-type-options", "nosniff"},
                 {"referrer-policy", "no-referrer"}};
    if (html) {
      r.headers.push_back({"content-security-policy",
                           relative == "api.html" ? kInlineStylePolicy : kConsolePolicy});
      r.headers.push_back({"x-frame-options", "DENY"});
    }
    std::string path = absl::StrCat("/", relative);
    if (relative == "index.html") files.files_.emplace("/", r);
    if (relative == "api.html") files.files_.emplace("/api", r);
    files.files_.emplace(std::move(path), std::move(r));
  }
  if (ec) return absl::UnavailableError(absl::StrCat("cannot list ", dir, ": ", ec.message()));
  return files;
}

const HttpResponse* StaticFiles::Find(absl::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace kinerja::gateway
