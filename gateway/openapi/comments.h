// Proto comments as description text. They come from the source info that protoc writes with
// --include_source_info (${KINERJA_DESCRIPTOR_SET} has it); descriptors without it have none.
#ifndef KINERJA_GATEWAY_OPENAPI_COMMENTS_H_
#define KINERJA_GATEWAY_OPENAPI_COMMENTS_H_

#include <string>

#include <google/protobuf/descriptor.h>

#include "absl/strings/string_view.h"

namespace kinerja::openapi {

// Leading and trailing comment blocks as CommentOf joins them.
std::string JoinComments(absl::string_view leading, absl::string_view trailing);

// The leading comment, then the trailing one, as text: the comment's one leading space per line
// and surrounding blank lines dropped, line breaks kept, the two joined by a blank line. "" when
// the element has neither (or the pool has no source info).
template <typename DescriptorT>
std::string CommentOf(const DescriptorT* d) {
  google::protobuf::SourceLocation loc;
  if (d == nullptr || !d->GetSourceLocation(&loc)) return "";
  return JoinComments(loc.leading_comments, loc.trailing_comments);
}

// Trims one comment block as CommentOf does.
std::string CleanComment(absl::string_view raw);

// The first sentence of the first paragraph (up to and including the first ". " or the paragraph's
// end), on one line: an operation's summary.
std::string FirstSentence(absl::string_view text);

// `a` and `b` joined by a blank line, either may be empty.
std::string JoinParagraphs(absl::string_view a, absl::string_view b);

}  // namespace kinerja::openapi

#endif  // KINERJA_GATEWAY_OPENAPI_COMMENTS_H_
