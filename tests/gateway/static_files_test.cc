// The console's files: loaded from a directory, served with their type and security headers.
#include "gateway/server/static_files.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::gateway {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Pair;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("web_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "assets");
    Write("index.html", "<!doctype html><title>Kinerja</title>");
    Write("assets/app.js", "console.log(1)");
    Write("api.html", "<style>p{}</style>");
    Write("openapi.json", "{}");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::string Header(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }
  std::filesystem::path dir_;
};

TEST_F(StaticFilesTest, ServesTheConsoleTheApiPageAndTheDocument) {
  auto files = StaticFiles::Load(dir_.string());
  ASSERT_TRUE(files.ok()) << files.status();
  const HttpResponse* index = files->Find("/");
  ASSERT_NE(index, nullptr);
  EXPECT_THAT(index->body, HasSubstr("Kinerja"));
  EXPECT_EQ(Header(*index, "content-type"), "text/html; charset=utf-8");
  EXPECT_THAT(Header(*index, "content-security-policy"), HasSubstr("default-src 'self'"));
  EXPECT_EQ(Header(*index, "x-frame-options"), "DENY");
  ASSERT_NE(files->Find("/index.html"), nullptr);
  const HttpResponse* js = files->Find("/assets/app.js");
  ASSERT_NE(js, nullptr);
  EXPECT_EQ(Header(*js, "content-type"), "text/javascript; charset=utf-8");
  EXPECT_THAT(js->headers, Contains(Pair("x-content-type-options", "nosniff")));
  const HttpResponse* api = files->Find("/api");
  ASSERT_NE(api, nullptr);
  EXPECT_THAT(Header(*api, "content-security-policy"), HasSubstr("style-src 'unsafe-inline'"));
  ASSERT_NE(files->Find("/openapi.json"), nullptr);
  EXPECT_EQ(Header(*files->Find("/openapi.json"), "content-type"), "application/json");
}

TEST_F(StaticFilesTest, NothingOutsideTheDirectory) {
  auto files = StaticFiles::Load(dir_.string());
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->Find("/../CMakeLists.txt"), nullptr);
  EXPECT_EQ(files->Find("/assets/../index.html"), nullptr);
  EXPECT_EQ(files->Find("/missing.js"), nullptr);
  EXPECT_EQ(files->size(), 6u);  // four files, and "/" and "/api"
}

TEST_F(StaticFilesTest, AMissingDirectoryIsAClearError) {
  auto files = StaticFiles::Load((dir_ / "nope").string());
  EXPECT_EQ(files.status().code(), absl::StatusCode::kNotFound);
}

TEST(StaticFilesTypesTest, ContentTypesByExtension) {
  EXPECT_EQ(StaticFiles::ContentType("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentType("a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::ContentType("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace kinerja::gateway
