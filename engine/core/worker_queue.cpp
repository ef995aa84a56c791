#include "core/worker_queue.h"

#include <system_error>

namespace raingan {

WorkerQueue::WorkerQueue(std::size_t max_waiting, Mode mode)
    : max_waiting_(max_waiting == 0 ? 1 : max_waiting) {
  if (mode == Mode::caller) return;
  try {
    thread_ = std::thread([this] { work(); });
    threaded_ = true;
  } catch (const std::system_error&) {
    threaded_ = false;  // post() runs each task itself
  }
}

WorkerQueue::~WorkerQueue() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
    tasks_.clear();
  }
  task_ready_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WorkerQueue::post(std::function<void()> task) {
  if (!threaded_) {
    rethrow_failure();
    try {
      task();
    } catch (...) {
      failure_ = std::current_exception();
      throw;
    }
    return;
  }
  std::unique_lock lock(mutex_);
  task_done_.wait(lock, [&] { return tasks_.size() < max_waiting_ || failure_; });
  rethrow_failure();
  tasks_.push_back(std::move(task));
  ++unfinished_;
  lock.unlock();
  task_ready_.notify_one();
}

void WorkerQueue::drain() {
  if (threaded_) {
    std::unique_lock lock(mutex_);
    task_done_.wait(lock, [&] { return unfinished_ == 0; });
  }
  rethrow_failure();
}

void WorkerQueue::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    task_ready_.wait(lock, [&] { return closing_ || !tasks_.empty(); });
    if (closing_) return;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    const bool failed_before = failure_ != nullptr;
    lock.unlock();
    std::exception_ptr failed;
    if (!failed_before) {
      try {
        task();
      } catch (...) {
        failed = std::current_exception();
      }
    }
    task = nullptr;  // what the task holds goes before the caller hears it is done
    lock.lock();
    if (failed && !failure_) failure_ = failed;
    --unfinished_;
    task_done_.notify_all();
  }
}

void WorkerQueue::rethrow_failure() {
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace raingan
