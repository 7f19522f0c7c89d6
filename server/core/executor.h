// A fixed pool of threads with a bounded queue, for blocking database work. gRPC's own threads only
// hand work to it; when the queue is full the call is refused at once (RESOURCE_EXHAUSTED) instead of
// piling up.
#ifndef KINERJA_SERVER_CORE_EXECUTOR_H_
#define KINERJA_SERVER_CORE_EXECUTOR_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kinerja::core {

class BoundedExecutor {
 public:
  // `on_thread_start` runs once in each worker before any task (e.g. the MySQL driver's threadInit);
  // `on_thread_end` once when it stops.
  BoundedExecutor(int threads, int queue_capacity, std::function<void()> on_thread_start = {},
                  std::function<void()> on_thread_end = {});
  ~BoundedExecutor();  // runs the queued tasks, then joins
  BoundedExecutor(const BoundedExecutor&) = delete;
  BoundedExecutor& operator=(const BoundedExecutor&) = delete;

  // Queues a task; false when the queue is full or the executor is stopping.
  bool TrySubmit(std::function<void()> task);

  // Stops taking tasks, finishes those queued, and joins the threads. Idempotent.
  void Shutdown();

  int queued() const;
  int busy() const;
  int threads() const { return static_cast<int>(threads_.size()); }

 private:
  void Loop();

  const int capacity_;
  std::function<void()> on_start_, on_end_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  int busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kinerja::core

#endif  // KINERJA_SERVER_CORE_EXECUTOR_H_
