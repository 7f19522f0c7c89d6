#include "gateway/openapi/html_text.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kinerja::openapi {
namespace {

// Replaces each pair of `marker` in already-escaped `html` by <tag>...</tag>; an unpaired marker
// stays as it is.
std::string Pairs(const std::string& html, absl::string_view marker, absl::string_view tag) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = html.find(marker.data(), pos, marker.size());
    if (open == std::string::npos) break;
    const size_t close = html.find(marker.data(), open + marker.size(), marker.size());
    if (close == std::string::npos || close == open + marker.size()) break;
    absl::StrAppend(&out, absl::string_view(html).substr(pos, open - pos), "<", tag, ">",
                    absl::string_view(html).substr(open + marker.size(), close - open - marker.size()),
                    "</", tag, ">");
    pos = close + marker.size();
  }
  absl::StrAppend(&out, absl::string_view(html).substr(pos));
  return out;
}

}  // namespace

std::string HtmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string InlineHtml(absl::string_view text) {
  return Pairs(Pairs(HtmlEscape(text), "`", "code"), "**", "strong");
}

std::string ProseHtml(absl::string_view text) {
  std::string out;
  for (absl::string_view paragraph : absl::StrSplit(text, "\n\n", absl::SkipWhitespace())) {
    std::string body;
    bool in_list = false;
    for (absl::string_view line : absl::StrSplit(paragraph, '\n')) {
      if (absl::StartsWith(line, "- ")) {
        absl::StrAppend(&body, in_list ? "" : "</p><ul>", "<li>", InlineHtml(line.substr(2)), "</li>");
        in_list = true;
        continue;
      }
      if (in_list) {
        absl::StrAppend(&body, "</ul><p>");
        in_list = false;
      }
      const bool indented = absl::StartsWith(line, " ");
      if (!body.empty() && !absl::EndsWith(body, "<p>")) absl::StrAppend(&body, indented ? "<br>" : " ");
      absl::StrAppend(&body, InlineHtml(indented ? absl::StripLeadingAsciiWhitespace(line) : line));
    }
    if (in_list) absl::StrAppend(&body, "</ul><p>");
    std::string html = absl::StrCat("<p>", body, "</p>");
    // A list at the start or the end of a paragraph leaves an empty <p></p> beside it.
    constexpr absl::string_view kEmpty = "<p></p>";
    for (size_t at; (at = html.find(kEmpty.data(), 0, kEmpty.size())) != std::string::npos;) {
      html.erase(at, kEmpty.size());
    }
    absl::StrAppend(&out, html, "\n");
  }
  return out;
}

}  // namespace kinerja::openapi
