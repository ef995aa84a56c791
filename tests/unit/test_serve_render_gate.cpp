// The render gate of raingan serve: at most N at once, first come first served, a bounded queue whose
// overflow and waits that run out are refusals, and a shutdown that wakes everyone waiting.

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "serve/auth.h"
#include "serve/dataset_store.h"
#include "serve/render_gate.h"

namespace raingan {
namespace {

using serve::RenderGate;
using namespace std::chrono_literals;

// Waits (briefly) until the gate counts `waiting` requests in its queue.
void wait_for_queue(const RenderGate& gate, std::size_t waiting) {
  for (int i = 0; i < 2000 && gate.counts().waiting != waiting; ++i) std::this_thread::sleep_for(1ms);
  REQUIRE(gate.counts().waiting == waiting);
}

TEST_CASE("render gate: N at once, the rest queued in arrival order, a full queue refused") {
  RenderGate gate(2, 3, 10s);
  RenderGate::Slot first, second;
  REQUIRE(gate.enter(first) == RenderGate::Admission::admitted);
  REQUIRE(gate.enter(second) == RenderGate::Admission::admitted);
  CHECK(gate.counts().running == 2);

  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 3; ++i) {
    waiters.emplace_back([&, i] {
      RenderGate::Slot slot;
      CHECK(gate.enter(slot) == RenderGate::Admission::admitted);
      std::lock_guard lock(order_mutex);
      order.push_back(i);
    });
    wait_for_queue(gate, static_cast<std::size_t>(i) + 1);  // they arrive one after another
  }
  RenderGate::Slot refused;
  CHECK(gate.enter(refused) == RenderGate::Admission::queue_full);
  CHECK_FALSE(refused);
  CHECK(gate.counts().refused == 1);

  // One slot comes free: the waiters go through it one at a time, each releasing it when done.
  first.release();
  for (auto& waiter : waiters) waiter.join();
  second.release();
  CHECK(order == std::vector<int>{0, 1, 2});
  CHECK(gate.counts().running == 0);
  CHECK(gate.counts().peak_running == 2);
  CHECK(gate.counts().peak_waiting == 3);
}

TEST_CASE("render gate: a wait that runs out is refused, a patient waiter is not counted against the queue") {
  RenderGate gate(1, 0, 20ms);
  RenderGate::Slot held;
  REQUIRE(gate.enter(held) == RenderGate::Admission::admitted);
  RenderGate::Slot slot;
  CHECK(gate.enter(slot) == RenderGate::Admission::queue_full);  // a queue of 0 takes no one

  RenderGate timed(1, 1, 20ms);
  RenderGate::Slot busy;
  REQUIRE(timed.enter(busy) == RenderGate::Admission::admitted);
  const auto started = std::chrono::steady_clock::now();
  CHECK(timed.enter(slot) == RenderGate::Admission::timed_out);
  CHECK(std::chrono::steady_clock::now() - started >= 20ms);

  std::atomic<bool> built{false};
  std::thread build([&] {
    RenderGate::Slot patient;
    CHECK(gate.enter(patient, /*patient=*/true) == RenderGate::Admission::admitted);
    built = true;
  });
  std::this_thread::sleep_for(60ms);  // longer than max_wait: the build still waits
  CHECK_FALSE(built);
  held.release();
  build.join();
  CHECK(built);
}

TEST_CASE("render gate: shutdown wakes the waiting, and slots held stay valid") {
  RenderGate gate(1, 4, 10s);
  RenderGate::Slot held;
  REQUIRE(gate.enter(held) == RenderGate::Admission::admitted);
  std::thread waiter([&] {
    RenderGate::Slot slot;
    CHECK(gate.enter(slot) == RenderGate::Admission::shutting_down);
  });
  wait_for_queue(gate, 1);
  gate.shut_down();
  waiter.join();
  CHECK(held);
  RenderGate::Slot late;
  CHECK(gate.enter(late) == RenderGate::Admission::shutting_down);
}

TEST_CASE("serve names: loopback hosts and new dataset names") {
  CHECK(serve::is_loopback_host("127.0.0.1"));
  CHECK(serve::is_loopback_host("127.1.2.3"));
  CHECK(serve::is_loopback_host("localhost"));
  CHECK(serve::is_loopback_host("::1"));
  CHECK_FALSE(serve::is_loopback_host("0.0.0.0"));
  CHECK_FALSE(serve::is_loopback_host("192.168.1.10"));
  CHECK_FALSE(serve::is_loopback_host("127.0.0.1.evil.example"));
  CHECK_FALSE(serve::is_loopback_host("localhost.evil.example"));

  CHECK(serve::DatasetStore::is_new_dataset_name("transport-2570-1"));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name(""));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name("../outside"));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name(".history"));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name("-x"));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name("Memo"));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name("memo.json"));
  CHECK_FALSE(serve::DatasetStore::is_new_dataset_name(std::string(65, 'a')));
}

}  // namespace
}  // namespace raingan
