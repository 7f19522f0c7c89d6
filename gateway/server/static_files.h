// The console's built assets, the OpenAPI document and the API page (the build writes them to
// <build>/gateway/web), read into memory at start-up and served with their content type and the
// browser security headers. "/" is index.html and "/api" is api.html.
#ifndef KINERJA_GATEWAY_SERVER_STATIC_FILES_H_
#define KINERJA_GATEWAY_SERVER_STATIC_FILES_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/server/http_server.h"

namespace kinerja::gateway {

class StaticFiles {
 public:
  // Every regular file under `dir` (at most 64 MiB in all). NOT_FOUND when `dir` is not a directory.
  static absl::StatusOr<StaticFiles> Load(const std::string& dir);

  // The response for GET `path` (no query), or nullptr.
  const HttpResponse* Find(absl::string_view path) const;

  size_t size() const { return files_.size(); }

  // "text/html; charset=utf-8" and so on, by file extension; "application/octet-stream" otherwise.
  static std::string ContentType(absl::string_view file_name);

 private:
  std::map<std::string, HttpResponse, std::less<>> files_;
};

}  // namespace kinerja::gateway

#endif  // KINERJA_GATEWAY_SERVER_STATIC_FILES_H_
