#include "server/storage/skp_cache.h"

#include <utility>

#include "absl/strings/strip.h"

namespace kinerja::storage {
namespace {

// "employees/{nip}/skps/{id}" -> nip; "positions/{code}" -> code; else "".
std::string NipOf(const v1::Skp& skp) {
  absl::string_view name = skp.name();
  if (!absl::ConsumePrefix(&name, "employees/")) return "";
  return std::string(name.substr(0, name.find('/')));
}
std::string PositionCodeOf(const v1::Skp& skp) {
  absl::string_view position = skp.position();
  if (!absl::ConsumePrefix(&position, "positions/")) return "";
  return std::string(position);
}

// Records that the feed saw `key` at `version`; a version not seen before is a change seen at `at`.
template <typename Map, typename Key>
void NoteSeen(Map& seen, const Key& key, int64_t version, absl::Time at) {
  auto [it, inserted] = seen.try_emplace(key, typename Map::mapped_type{version, at});
  if (!inserted && it->second.version < version) it->second = {version, at};
}

template <typename Map>
void EraseOlderThan(Map& map, absl::Time cutoff) {
  for (auto it = map.begin(); it != map.end();) {
    if (it->second.at < cutoff) {
      map.erase(it++);
    } else {
      ++it;
    }
  }
}

}  // namespace

void SkpCache::Invalidate(int64_t id) {
  absl::MutexLock lock(&mu_);
  const absl::Time now = absl::Now();
  written_[id] = {generation_.fetch_add(1, std::memory_order_acq_rel) + 1, now};
  EraseLocked(id);
  if (written_.size() > 4096) EraseOlderThan(written_, now - kFeedWindow);  // without a feed
}

void SkpCache::InvalidateAll() {
  absl::MutexLock lock(&mu_);
  all_written_ = generation_.fetch_add(1, std::memory_order_acq_rel) + 1;
}

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

bool SkpCache::ServableLocked(const Entry& e, absl::Time now, uint64_t directory_generation) const {
  const Stamp& own = e.confirmed;
  if (own.generation < all_written_) return false;
  // A change of what the plan shows from the directory, seen by a poll that ended after this
  // plan was read.
  auto changed = [&own](const auto& seen, const std::string& key) {
    auto it = seen.find(key);
    return it != seen.end() && it->second.at >= own.at;
  };
  if (changed(seen_employees_, e.nip) || changed(seen_positions_, e.position_code)) return false;
  const Stamp* by = &own;
  if (feed_.valid && feed_.stamp.at > own.at && now - own.at < kFeedWindow / 2) {
    by = &feed_.stamp;  // every write since the plan was read would have been seen by the feed
  }
  return by->directory_generation == directory_generation && now - by->at < recent_for_;
}

std::shared_ptr<const v1::Skp> SkpCache::GetRecent(int64_t id, absl::Time now,
                                                   uint64_t directory_generation) {
  if (recent_for_ <= absl::ZeroDuration()) return nullptr;
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(id);
  if (it == entries_.end() || !ServableLocked(it->second, now, directory_generation)) return nullptr;
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
  if (absl::Now() - stamp.at >= kFeedWindow / 2) return;  // older than what the feed keeps
  std::string nip = NipOf(skp);
  std::string position_code = PositionCodeOf(skp);
  auto stored = std::make_shared<const v1::Skp>(std::move(skp));
  absl::MutexLock lock(&mu_);
  if (auto w = written_.find(id); w != written_.end() && stamp.generation < w->second.generation) {
    return;  // read before a write through this replica
  }
  if (auto s = seen_skps_.find(id); s != seen_skps_.end() && version < s->second.version) {
    return;  // the feed saw a newer version
  }
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
  if (entries_.size() >= capacity_) EraseLocked(recency_.back());
  recency_.push_front(id);
  entries_.emplace(id, Entry{version, std::move(stored), recency_.begin(), stamp, std::move(nip),
                             std::move(position_code)});
}

void SkpCache::ApplyFeed(const Changes& changes, const Stamp& stamp, absl::Time done) {
  absl::MutexLock lock(&mu_);
  for (const auto& [id, version] : changes.skps) {
    NoteSeen(seen_skps_, id, version, done);
    auto it = entries_.find(id);
    if (it != entries_.end() && it->second.version < version) EraseLocked(id);
  }
  for (const auto& [nip, version] : changes.employees) NoteSeen(seen_employees_, nip, version, done);
  for (const auto& [code, version] : changes.positions) {
    NoteSeen(seen_positions_, code, version, done);
  }
  feed_.valid = true;
  if (stamp.at > feed_.stamp.at) feed_.stamp = stamp;
  PruneLocked(done);
}

void SkpCache::EraseLocked(int64_t id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  recency_.erase(it->second.recency);
  entries_.erase(it);
}

void SkpCache::PruneLocked(absl::Time now) {
  // A key leaves the feed's window kFeedWindow after its write, which no poll saw earlier than
  // the write; a read older than kFeedWindow / 2 is never stored (Put).
  EraseOlderThan(seen_skps_, now - 2 * kFeedWindow);
  EraseOlderThan(seen_employees_, now - 2 * kFeedWindow);
  EraseOlderThan(seen_positions_, now - 2 * kFeedWindow);
  EraseOlderThan(written_, now - kFeedWindow);
}

size_t SkpCache::size() const {
  absl::MutexLock lock(&mu_);
  return entries_.size();
}

}  // namespace kinerja::storage
