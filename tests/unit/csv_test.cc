#include "server/domain/csv.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kinerja::domain {
namespace {

using ::testing::ElementsAre;

TEST(CsvTest, SplitsQuotedFieldsAndKeepsLineNumbers) {
  auto rows = ParseCsv("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\n\nmulti,\"line\nfield\"\nlast,1");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_THAT((*rows)[0].fields, ElementsAre("a", "b"));
  EXPECT_EQ((*rows)[0].line, 1);
  EXPECT_THAT((*rows)[1].fields, ElementsAre("x, y", "he said \"hi\""));
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_THAT((*rows)[2].fields, ElementsAre("multi", "line\nfield"));
  EXPECT_EQ((*rows)[2].line, 4);
  EXPECT_THAT((*rows)[3].fields, ElementsAre("last", "1"));
  EXPECT_EQ((*rows)[3].line, 6);
}

TEST(CsvTest, KeepsEmptyFields) {
  auto rows = ParseCsv("a,,c,\n");
  ASSERT_TRUE(rows.ok());
  EXPECT_THAT((*rows)[0].fields, ElementsAre("a", "", "c", ""));
}

TEST(CsvTest, RefusesBrokenQuoting) {
  EXPECT_THAT(std::string(ParseCsv("a,\"open\nb").status().message()),
              ::testing::HasSubstr("line 1: a quoted field is never closed"));
  EXPECT_THAT(std::string(ParseCsv("x\nab\"c\n").status().message()),
              ::testing::HasSubstr("line 2: a quote inside an unquoted field"));
  EXPECT_FALSE(ParseCsv("\"a\"b\n").ok());
}

}  // namespace
}  // namespace kinerja::domain
