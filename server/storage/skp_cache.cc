#include "server/storage/skp_cache.h"

#include <utility>

namespace kinerja::storage {

std::shared_ptr<const v1::Skp> SkpCache::Get(int64_t id, int64_t version) {
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.version != version) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  recency_.splice(recency_.begin(), recency_, it->second.recency);
  hits_.fetch_add(1, std::memory_order_relaxed);
  return it->second.skp;
}

std::shared_ptr<const v1::Skp> SkpCache::GetRecent(int64_t id, absl::Time now,
                                                   uint64_t directory_generation) {
  if (recent_for_ <= absl::ZeroDuration()) return nullptr;
  const uint64_t generation = generation_.load(std::memory_order_acquire);
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return nullptr;
  const Stamp& c = it->second.confirmed;
  if (c.generation != generation || c.directory_generation != directory_generation ||
      now - c.at >= recent_for_) {
    return nullptr;
  }
  recency_.splice(recency_.begin(), recency_, it->second.recency);
  recent_hits_.fetch_add(1, std::memory_order_relaxed);
  return it->second.skp;
}

void SkpCache::Confirm(int64_t id, int64_t version, const Stamp& stamp) {
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.version != version) return;
  if (stamp.generation >= it->second.confirmed.generation && stamp.at > it->second.confirmed.at) {
    it->second.confirmed = stamp;
  }
}

void SkpCache::Put(int64_t id, int64_t version, v1::Skp skp, const Stamp& stamp) {
  auto stored = std::make_shared<const v1::Skp>(std::move(skp));
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(id);
  if (it != entries_.end()) {
    if (it->second.version > version) return;  // a slower read of an older version
    it->second.version = version;
    it->second.skp = std::move(stored);
    it->second.confirmed = stamp;
    recency_.splice(recency_.begin(), recency_, it->second.recency);
    return;
  }
  if (capacity_ == 0) return;
  if (entries_.size() >= capacity_) {
    entries_.erase(recency_.back());
    recency_.pop_back();
  }
  recency_.push_front(id);
  entries_.emplace(id, Entry{version, std::move(stored), recency_.begin(), stamp});
}

size_t SkpCache::size() const {
  absl::MutexLock lock(&mu_);
  return entries_.size();
}

}  // namespace kinerja::storage
