// kinerja_openapi_gen --descriptor_set=PATH --openapi_out=PATH --html_out=PATH
//
// Writes the gateway's OpenAPI document and HTML API page from a descriptor set written by protoc
// with --include_imports --include_source_info (${KINERJA_DESCRIPTOR_SET}), the same one the
// gateway can route by. Each file is written beside its target and renamed into place, so a failed
// run leaves no half-written file. Exits 2 on bad arguments, 1 on any other error.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/openapi/api_model.h"
#include "gateway/openapi/html_writer.h"
#include "gateway/openapi/openapi_writer.h"
#include "gateway/openapi/policy_access.h"
#include "gateway/transcoder/route_table.h"

namespace {

constexpr char kUsage[] =
    "usage: kinerja_openapi_gen --descriptor_set=PATH --openapi_out=PATH --html_out=PATH\n";

absl::Status WriteFile(const std::string& path, const std::string& content) {
  std::error_code ec;
  const std::filesystem::path target(path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot create ", target.parent_path().string(), ": ", ec.message()));
  const std::string temp = absl::StrCat(path, ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) return absl::InternalError(absl::StrCat("cannot write ", temp));
  }
  std::filesystem::rename(temp, target, ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot rename ", temp, " to ", path, ": ", ec.message()));
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags = {{"--descriptor_set", ""}, {"--openapi_out", ""}, {"--html_out", ""}};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    auto it = flags.find(arg.substr(0, eq));
    if (eq == std::string::npos || it == flags.end()) {
      std::fprintf(stderr, "kinerja_openapi_gen: unknown argument '%s'\n%s", arg.c_str(), kUsage);
      return 2;
    }
    it->second = arg.substr(eq + 1);
  }
  for (const auto& [name, value] : flags) {
    if (value.empty()) {
      std::fprintf(stderr, "kinerja_openapi_gen: %s=PATH is required\n%s", name.c_str(), kUsage);
      return 2;
    }
  }

  auto routes = kinerja::transcoder::RouteTable::FromDescriptorSetFile(flags["--descriptor_set"]);
  if (!routes.ok()) {
    std::fprintf(stderr, "kinerja_openapi_gen: %s\n", routes.status().ToString().c_str());
    return 1;
  }
  auto model = kinerja::openapi::BuildApiModel(*routes, kinerja::openapi::PolicyTableAccess());
  if (!model.ok()) {
    std::fprintf(stderr, "kinerja_openapi_gen: %s\n", model.status().ToString().c_str());
    return 1;
  }
  for (const std::string& skipped : model->skipped) {
    std::fprintf(stderr, "kinerja_openapi_gen: warning: left out %s\n", skipped.c_str());
  }
  const kinerja::openapi::ApiInfo info = kinerja::openapi::KinerjaApiInfo();
  for (const auto& [flag, content] :
       {std::pair{"--openapi_out", kinerja::openapi::WriteOpenApiJson(*model, info)},
        std::pair{"--html_out", kinerja::openapi::WriteApiHtml(*model, info)}}) {
    if (absl::Status st = WriteFile(flags[flag], content); !st.ok()) {
      std::fprintf(stderr, "kinerja_openapi_gen: %s\n", st.ToString().c_str());
      return 1;
    }
  }
  return 0;
}
