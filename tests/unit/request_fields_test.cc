#include "server/services/request_fields.h"

#include "gtest/gtest.h"
#include "server/core/status_details.h"
#include "server/storage/migrations.h"

namespace kinerja {
namespace {

TEST(RequestFieldsTest, PageTokensRoundTripAndRefuseForgeries) {
  auto key = services::DecodePageToken(services::EncodePageToken("198507122010011003"));
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, "198507122010011003");
  EXPECT_EQ(*services::DecodePageToken(""), "");
  EXPECT_FALSE(services::DecodePageToken("garbage!").ok());
  EXPECT_FALSE(services::DecodePageToken("aGVsbG8").ok());  // "hello": no version prefix
}

TEST(RequestFieldsTest, NamesAndPageSizes) {
  EXPECT_EQ(*services::CodeFromName("opds/DINKES", "opds/", "name"), "DINKES");
  EXPECT_FALSE(services::CodeFromName("units/DINKES", "opds/", "name").ok());
  EXPECT_EQ(*services::NipFromName("employees/198507122010011003", "name"), "198507122010011003");
  EXPECT_EQ(*services::NipFromName("198507122010011003", "name"), "198507122010011003");
  EXPECT_FALSE(services::NipFromName("employees/1985", "name").ok());
  EXPECT_EQ(*services::PageSize(0, 50, 1000), 50);
  EXPECT_EQ(*services::PageSize(5000, 50, 1000), 1000);
  EXPECT_FALSE(services::PageSize(-1, 50, 1000).ok());
  EXPECT_TRUE(services::CheckRequestId("").ok());
  EXPECT_TRUE(services::CheckRequestId("abc-123_x.y").ok());
  EXPECT_FALSE(services::CheckRequestId("has space").ok());
}

TEST(StatusDetailsTest, ViolationsTravelToGrpcDetails) {
  absl::Status st = core::InvalidArgumentWithViolations(
      "bad", {{"a", "one"}, {"b", "two"}, {"c", "three"}, {"d", "four"}});
  EXPECT_EQ(st.message(), "bad: a: one; b: two; c: three; and 1 more");
  EXPECT_EQ(core::ViolationsOf(st).size(), 4u);
  grpc::Status g = core::ToGrpcStatus(st);
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(g.error_details().empty());
  EXPECT_TRUE(core::ToGrpcStatus(absl::NotFoundError("x")).error_details().empty());
}

TEST(MigrationsTest, SplitsStatementsAndChecksums) {
  auto stmts = storage::SplitSqlStatements(
      "-- comment\nCREATE TABLE a (\n  x INT\n);\n\nINSERT INTO a VALUES (1);\n");
  ASSERT_EQ(stmts.size(), 2u);
  EXPECT_EQ(stmts[0], "CREATE TABLE a (\n  x INT\n)");
  EXPECT_EQ(stmts[1], "INSERT INTO a VALUES (1)");
  EXPECT_EQ(storage::MigrationChecksum("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const auto& embedded = storage::EmbeddedMigrations();
  ASSERT_FALSE(embedded.empty());
  for (size_t i = 0; i < embedded.size(); ++i) EXPECT_EQ(embedded[i].version, static_cast<int>(i + 1));
}

}  // namespace
}  // namespace kinerja
