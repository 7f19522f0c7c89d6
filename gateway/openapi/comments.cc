#include "gateway/openapi/comments.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kinerja::openapi {

std::string CleanComment(absl::string_view raw) {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(raw, '\n')) {
    absl::ConsumePrefix(&line, " ");
    lines.emplace_back(absl::StripTrailingAsciiWhitespace(line));
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  return absl::StrJoin(lines.begin() + static_cast<std::ptrdiff_t>(first), lines.end(), "\n");
}

std::string JoinParagraphs(absl::string_view a, absl::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return absl::StrCat(a, "\n\n", b);
}

std::string JoinComments(absl::string_view leading, absl::string_view trailing) {
  return JoinParagraphs(CleanComment(leading), CleanComment(trailing));
}

std::string FirstSentence(absl::string_view text) {
  const size_t paragraph_end = text.find("\n\n");
  absl::string_view paragraph = text.substr(0, paragraph_end);
  std::string flat = absl::StrJoin(absl::StrSplit(paragraph, '\n'), " ");
  const size_t stop = flat.find(". ");
  if (stop != std::string::npos) flat.resize(stop + 1);
  return std::string(absl::StripAsciiWhitespace(flat));
}

}  // namespace kinerja::openapi
