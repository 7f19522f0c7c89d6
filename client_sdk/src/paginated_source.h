// The source of a PaginatedRange: fetches page after page (each fetch a retried call) as the
// range is read, following next_page_token until it is empty.
#ifndef KINERJA_CLIENT_SDK_SRC_PAGINATED_SOURCE_H_
#define KINERJA_CLIENT_SDK_SRC_PAGINATED_SOURCE_H_

#include <google/protobuf/repeated_field.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "kinerja/sdk/stream_range.h"

namespace kinerja::sdk::internal {

// Request has page_token; Response has next_page_token and a repeated field of T that `items`
// selects (e.g. &v1::ListEmployeesResponse::mutable_employees).
template <typename Request, typename Response, typename T>
class PaginatedSource final : public RangeSource<T> {
 public:
  using FetchPage = std::function<absl::StatusOr<Response>(const Request&)>;
  using Items = google::protobuf::RepeatedPtrField<T>* (Response::*)();

  PaginatedSource(Request request, FetchPage fetch, Items items)
      : request_(std::move(request)), fetch_(std::move(fetch)), items_of_(items) {}

  absl::optional<absl::StatusOr<T>> Next() override {
    while (true) {
      if (next_ < items_.size()) return absl::StatusOr<T>(std::move(items_[next_++]));
      if (!error_.ok()) return absl::StatusOr<T>(std::exchange(error_, absl::OkStatus()));
      if (last_page_) return absl::nullopt;
      absl::StatusOr<Response> page = fetch_(request_);
      if (!page.ok()) {
        last_page_ = true;
        return absl::StatusOr<T>(page.status());
      }
      items_.Clear();
      items_.Swap(((*page).*items_of_)());
      next_ = 0;
      const std::string& token = page->next_page_token();
      if (token.empty()) {
        last_page_ = true;
      } else if (token == request_.page_token()) {
        // The same page again would loop for ever: end after this page's items, with an error.
        last_page_ = true;
        error_ = absl::InternalError("the server returned the same page token twice");
      } else {
        request_.set_page_token(token);
      }
    }
  }

 private:
  Request request_;
  FetchPage fetch_;
  Items items_of_;
  google::protobuf::RepeatedPtrField<T> items_;
  int next_ = 0;
  bool last_page_ = false;
  absl::Status error_;  // reported after the current page's items
};

template <typename Request, typename Response, typename T>
PaginatedRange<T> MakePaginatedRange(
    Request request, typename PaginatedSource<Request, Response, T>::FetchPage fetch,
    google::protobuf::RepeatedPtrField<T>* (Response::*items)()) {
  return PaginatedRange<T>(std::make_unique<PaginatedSource<Request, Response, T>>(
      std::move(request), std::move(fetch), items));
}

}  // namespace kinerja::sdk::internal

#endif  // KINERJA_CLIENT_SDK_SRC_PAGINATED_SOURCE_H_
