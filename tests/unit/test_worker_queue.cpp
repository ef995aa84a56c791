// The one worker queue of the engine (core/worker_queue.h): tasks run in order on a thread of their own,
// a failure comes back to the caller, the caller waits when too many tasks wait, and destruction drops
// what has not run.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "core/worker_queue.h"

using raingan::WorkerQueue;
using namespace std::chrono_literals;

TEST_CASE("WorkerQueue runs tasks in the order posted, on its own thread, and drain waits for them") {
  std::vector<int> seen;
  std::vector<std::thread::id> threads;
  WorkerQueue queue(2);
  REQUIRE(queue.threaded());
  for (int i = 0; i < 200; ++i)
    queue.post([&seen, &threads, i] {
      if (i % 20 == 0) std::this_thread::sleep_for(200us);  // the caller runs ahead and has to wait
      seen.push_back(i);
      threads.push_back(std::this_thread::get_id());
    });
  queue.drain();
  REQUIRE(seen.size() == 200);
  for (int i = 0; i < 200; ++i) CHECK(seen[static_cast<std::size_t>(i)] == i);
  for (const auto id : threads) CHECK(id != std::this_thread::get_id());
  for (const auto id : threads) CHECK(id == threads.front());  // one worker: the tasks never overlap

  // drain() waits for a task that is still running, and the queue takes more tasks after it.
  bool done = false;
  queue.post([&] {
    std::this_thread::sleep_for(20ms);
    done = true;
  });
  queue.drain();
  CHECK(done);
}

TEST_CASE("WorkerQueue in caller mode runs each task inside post()") {
  WorkerQueue queue(4, WorkerQueue::Mode::caller);
  CHECK_FALSE(queue.threaded());
  std::vector<int> seen;
  const std::thread::id caller = std::this_thread::get_id();
  for (int i = 0; i < 5; ++i) {
    queue.post([&seen, caller, i] {
      CHECK(std::this_thread::get_id() == caller);
      seen.push_back(i);
    });
    CHECK(seen.size() == static_cast<std::size_t>(i + 1));  // no drain() needed
  }
  queue.drain();
  CHECK(seen == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("WorkerQueue: a task's failure comes back to the caller, with its type, and stops what follows") {
  SUBCASE("on the worker thread") {
    std::atomic<int> ran = 0;
    WorkerQueue queue(4);
    queue.post([&] { ++ran; });
    queue.post([] { throw raingan::InputError("register.xlsx", "sheet 'ทะเบียน', cell C7", "bad text"); });
    queue.post([&] { ++ran; });
    CHECK_THROWS_AS(queue.drain(), raingan::InputError);
    CHECK(ran == 1);  // the task after the failure was dropped
    // Every later call says so again, and runs nothing.
    CHECK_THROWS_WITH_AS(queue.post([&] { ++ran; }), doctest::Contains("bad text"), raingan::InputError);
    CHECK_THROWS_AS(queue.drain(), raingan::InputError);
    CHECK(ran == 1);
  }
  SUBCASE("a failure is seen by the next post() without a drain()") {
    WorkerQueue queue(1);
    std::promise<void> failed;
    queue.post([&] {
      failed.set_value();
      throw std::runtime_error("deflate failed");
    });
    failed.get_future().wait();
    // The worker may still be recording the failure; post() waits for room, which comes with it.
    bool rethrown = false;
    for (int i = 0; i < 1000 && !rethrown; ++i) {
      try {
        queue.post([] {});
      } catch (const std::runtime_error& error) {
        CHECK(std::string(error.what()) == "deflate failed");
        rethrown = true;
      }
    }
    CHECK(rethrown);
  }
  SUBCASE("in caller mode") {
    int ran = 0;
    WorkerQueue queue(4, WorkerQueue::Mode::caller);
    CHECK_THROWS_WITH_AS(queue.post([] { throw std::runtime_error("page 3 failed"); }), "page 3 failed",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(queue.post([&] { ++ran; }), "page 3 failed", std::runtime_error);
    CHECK_THROWS_WITH_AS(queue.drain(), "page 3 failed", std::runtime_error);
    CHECK(ran == 0);
  }
}

TEST_CASE("WorkerQueue: post() waits while max_waiting tasks wait, so memory stays bounded") {
  constexpr std::size_t max_waiting = 3;
  WorkerQueue queue(max_waiting);
  std::promise<void> started, release;
  std::shared_future<void> gate = release.get_future().share();
  std::vector<int> seen;
  queue.post([&] {
    started.set_value();
    gate.wait();
    seen.push_back(0);
  });
  started.get_future().wait();  // task 0 runs (and blocks); it no longer waits in the queue
  for (int i = 1; i <= static_cast<int>(max_waiting); ++i) queue.post([&seen, i] { seen.push_back(i); });
  // The queue is full: one more post() must wait until the worker takes a task.
  std::atomic<bool> posted = false;
  std::thread poster([&] {
    queue.post([&seen] { seen.push_back(4); });
    posted = true;
  });
  std::this_thread::sleep_for(50ms);
  CHECK_FALSE(posted.load());
  release.set_value();
  poster.join();
  CHECK(posted.load());
  queue.drain();
  CHECK(seen == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("WorkerQueue: what a task holds is released before drain() returns") {
  auto held = std::make_shared<std::vector<char>>(1 << 20);
  WorkerQueue queue(2);
  queue.post([held] { CHECK(held->size() == (1U << 20)); });
  queue.drain();
  CHECK(held.use_count() == 1);
}

TEST_CASE(
    "WorkerQueue: destruction drops the tasks that wait, waits for the one running, and rethrows nothing") {
  std::atomic<int> ran_first = 0, ran_after = 0;
  std::promise<void> started, release;
  std::shared_future<void> gate = release.get_future().share();
  bool released_in_time = false;
  {
    WorkerQueue queue(16);
    queue.post([&] {
      started.set_value();
      // Opened when the waiting tasks are destroyed unrun (below); a queue that ran them instead would
      // never get to them while this one blocks.
      released_in_time = gate.wait_for(10s) == std::future_status::ready;
      ++ran_first;
    });
    started.get_future().wait();
    {
      // Shared by the waiting tasks: its deleter runs when the last of them is destroyed.
      const std::shared_ptr<void> token(nullptr, [&release](void*) { release.set_value(); });
      for (int i = 0; i < 10; ++i) queue.post([&ran_after, token] { ++ran_after; });
    }
    queue.post([] { throw std::runtime_error("never run, never rethrown"); });
  }
  CHECK(released_in_time);
  CHECK(ran_first == 1);
  CHECK(ran_after == 0);
}
