// Text into HTML for the API page: escaping, and description prose (proto comments and the
// generator's notes) with the little Markdown they use: `code`, **bold**, "- " list lines,
// paragraphs separated by blank lines.
#ifndef KINERJA_GATEWAY_OPENAPI_HTML_TEXT_H_
#define KINERJA_GATEWAY_OPENAPI_HTML_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kinerja::openapi {

// & < > " ' as entities: safe in element content and in quoted attribute values.
std::string HtmlEscape(absl::string_view text);

// One line of prose: escaped, then `x` as <code>x</code> and **x** as <strong>x</strong>.
std::string InlineHtml(absl::string_view text);

// Prose as <p> elements (and <ul> for "- " lines). Lines of a paragraph are joined with spaces,
// except that an indented line starts a new line, as in a hand-aligned list. "" for "".
std::string ProseHtml(absl::string_view text);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_HTML_TEXT_H_
