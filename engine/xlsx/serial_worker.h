#pragma once
// Runs tasks one after another, in the order they are given, on a thread of its own while the caller goes
// on: a workbook's rows are turned into XML by libxlsxwriter on the worker while the template makes the next
// ones. A task that throws ends the running of tasks; the exception comes back from the caller's next
// post() or drain(). Where no thread can be started, post() runs the task itself.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace raingan::xlsx {

class SerialWorker {
 public:
  // post() waits while `max_waiting` tasks wait to run.
  explicit SerialWorker(std::size_t max_waiting);
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;
  // Drops the tasks not yet run and waits for the one running.
  ~SerialWorker();

  // Queues a task. Rethrows the failure of an earlier task.
  void post(std::function<void()> task);
  // Waits until every task posted has run; after it, until the next post(), the caller may touch what the
  // tasks touch. Rethrows the failure of a task.
  void drain();

 private:
  void work();
  void rethrow_failure();

  const std::size_t max_waiting_;
  bool threaded_ = false;
  std::mutex mutex_;
  std::condition_variable task_ready_;  // a task waits, or the worker is closing
  std::condition_variable task_done_;
  std::deque<std::function<void()>> tasks_;
  std::size_t unfinished_ = 0;  // tasks queued or running
  bool closing_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started after, and joined before, everything it uses
};

}  // namespace raingan::xlsx
