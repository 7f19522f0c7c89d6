// StreamRange<T>: the answer of a list or a server stream, read one item at a time as the caller
// iterates. Each item is an absl::StatusOr<T>; a failure is the last item, and the range ends after
// it. Nothing is fetched before begin(); a paginated list fetches its next page only when the
// iterator moves past the last item of the current one, and a stream reads its next message only
// then. Destroying a range part-way stops the work behind it (a stream is cancelled cleanly).
//
//   for (const auto& employee : client.ListEmployees(request)) {
//     if (!employee.ok()) return employee.status();  // the range ends here
//     Use(*employee);
//   }
//
// An input range: it can be iterated once, by one thread at a time; begin() after iteration has
// started returns the current position. Moving a range invalidates its iterators.
#ifndef KINERJA_SDK_STREAM_RANGE_H_
#define KINERJA_SDK_STREAM_RANGE_H_

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/optional.h"

namespace kinerja::sdk {

// Where a range's items come from.
template <typename T>
class RangeSource {
 public:
  virtual ~RangeSource() = default;
  // The next item, or an error (the range ends after it), or absl::nullopt at a clean end.
  virtual absl::optional<absl::StatusOr<T>> Next() = 0;
};

template <typename T>
class StreamRange {
 public:
  using value_type = absl::StatusOr<T>;

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = absl::StatusOr<T>;
    using difference_type = std::ptrdiff_t;
    using pointer = value_type*;
    using reference = value_type&;

    iterator() = default;
    reference operator*() const { return *range_->current_; }
    pointer operator->() const { return &*range_->current_; }
    iterator& operator++() {
      range_->Advance();
      if (range_->done_) range_ = nullptr;
      return *this;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.range_ == b.range_; }
    friend bool operator!=(const iterator& a, const iterator& b) { return !(a == b); }

   private:
    friend class StreamRange;
    explicit iterator(StreamRange* range) : range_(range) {}
    StreamRange* range_ = nullptr;  // nullptr: the end
  };

  // An empty range.
  StreamRange() = default;
  explicit StreamRange(std::unique_ptr<RangeSource<T>> source) : source_(std::move(source)) {}
  StreamRange(StreamRange&&) noexcept = default;
  StreamRange& operator=(StreamRange&&) noexcept = default;
  StreamRange(const StreamRange&) = delete;
  StreamRange& operator=(const StreamRange&) = delete;

  // The first call reads the first item.
  iterator begin() {
    if (!started_) {
      started_ = true;
      Advance();
    }
    return done_ ? end() : iterator(this);
  }
  iterator end() { return iterator(); }

 private:
  void Advance() {
    if (done_) return;
    if (!source_ || (current_.has_value() && !current_->ok())) {
      Finish();
      return;
    }
    current_ = source_->Next();
    if (!current_.has_value()) Finish();
  }
  // Releases the source at once: a stream's call ends now, not when the range is destroyed.
  void Finish() {
    done_ = true;
    current_.reset();
    source_.reset();
  }

  std::unique_ptr<RangeSource<T>> source_;
  absl::optional<absl::StatusOr<T>> current_;
  bool started_ = false;
  bool done_ = false;
};

// A list answered page by page (page_size, page_token) has the same shape as a stream.
template <typename T>
using PaginatedRange = StreamRange<T>;

// A range over `items`, in order (ending after the first error among them). For fakes and mocks:
//   EXPECT_CALL(*mock, ListEmployees).WillOnce([](auto const&) {
//     return kinerja::sdk::MakeStreamRange<v1::Employee>({alice, bob});
//   });
template <typename T>
StreamRange<T> MakeStreamRange(std::vector<absl::StatusOr<T>> items) {
  class VectorSource final : public RangeSource<T> {
   public:
    explicit VectorSource(std::vector<absl::StatusOr<T>> items) : items_(std::move(items)) {}
    absl::optional<absl::StatusOr<T>> Next() override {
      if (next_ == items_.size()) return absl::nullopt;
      return std::move(items_[next_++]);
    }

   private:
    std::vector<absl::StatusOr<T>> items_;
    size_t next_ = 0;
  };
  return StreamRange<T>(std::make_unique<VectorSource>(std::move(items)));
}

// A range whose items come from `next` (absl::nullopt ends it).
template <typename T>
StreamRange<T> MakeStreamRange(std::function<absl::optional<absl::StatusOr<T>>()> next) {
  class FunctionSource final : public RangeSource<T> {
   public:
    explicit FunctionSource(std::function<absl::optional<absl::StatusOr<T>>()> next)
        : next_(std::move(next)) {}
    absl::optional<absl::StatusOr<T>> Next() override { return next_(); }

   private:
    std::function<absl::optional<absl::StatusOr<T>>()> next_;
  };
  return StreamRange<T>(std::make_unique<FunctionSource>(std::move(next)));
}

// Reads the rest of `range` into a vector: every item, or the first error.
template <typename T>
absl::StatusOr<std::vector<T>> ReadAll(StreamRange<T>& range) {
  std::vector<T> out;
  for (auto& item : range) {
    if (!item.ok()) return std::move(item).status();
    out.push_back(*std::move(item));
  }
  return out;
}
template <typename T>
absl::StatusOr<std::vector<T>> ReadAll(StreamRange<T>&& range) {
  return ReadAll(range);
}

}  // namespace kinerja::sdk

#endif  // KINERJA_SDK_STREAM_RANGE_H_
