#pragma once
// Runs tasks one after another, in the order they are given, on a thread of its own while the caller goes
// on: page contents and sheet rows are compressed, and rows handed to libxlsxwriter, on a second core while
// the first makes the next ones. The work is the same whatever the timing, so the same input gives the same
// file.
//
// Memory is bounded: post() waits while `max_waiting` tasks wait to run. A task that throws ends the running
// of tasks (those after it are dropped unrun); its exception comes back to the caller from the next post()
// or drain(), and from every one after. Where no thread can be started, post() runs the task itself, and a
// task's exception comes straight back from it.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace raingan {

class WorkerQueue {
 public:
  enum class Mode { worker_thread, caller };  // caller: every task runs inside post(), as without a thread

  explicit WorkerQueue(std::size_t max_waiting, Mode mode = Mode::worker_thread);
  WorkerQueue(const WorkerQueue&) = delete;
  WorkerQueue& operator=(const WorkerQueue&) = delete;
  // Drops the tasks not yet run and waits for the one running; a failure not yet rethrown is forgotten.
  ~WorkerQueue();

  // Queues a task. Rethrows the failure of an earlier task.
  void post(std::function<void()> task);
  // Waits until every task posted has run; after it, until the next post(), the caller may touch what the
  // tasks touch. Rethrows the failure of a task.
  void drain();

  // Whether tasks run on a thread of their own (false when none could be started, or Mode::caller).
  bool threaded() const noexcept { return threaded_; }

 private:
  void work();
  void rethrow_failure();

  const std::size_t max_waiting_;
  bool threaded_ = false;
  std::mutex mutex_;
  std::condition_variable task_ready_;  // a task waits, or the queue is closing
  std::condition_variable task_done_;
  std::deque<std::function<void()>> tasks_;
  std::size_t unfinished_ = 0;  // tasks queued or running
  bool closing_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started after, and joined before, everything it uses
};

}  // namespace raingan
