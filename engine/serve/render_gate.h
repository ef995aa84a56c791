#pragma once
// At most N renders at once. A request beyond N waits in a first-come queue of bounded length for a bounded
// time; a full queue or a wait that runs out is a refusal the server answers with 503, never a crash.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

namespace raingan::serve {

class RenderGate {
 public:
  enum class Admission { admitted, queue_full, timed_out, shutting_down };

  RenderGate(std::size_t slots, std::size_t queue_length, std::chrono::milliseconds max_wait);
  RenderGate(const RenderGate&) = delete;
  RenderGate& operator=(const RenderGate&) = delete;

  // A slot held until destroyed.
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Slot& operator=(Slot&& other) noexcept;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { release(); }
    explicit operator bool() const noexcept { return gate_ != nullptr; }
    void release() noexcept;

   private:
    friend class RenderGate;
    explicit Slot(RenderGate* gate) : gate_(gate) {}
    RenderGate* gate_ = nullptr;
  };

  // Waits for a slot. `patient` waiters (the manifest build, one at a time) are not counted against the
  // queue's length and wait as long as it takes.
  Admission enter(Slot& slot, bool patient = false);

  // Wakes every waiter with shutting_down; slots already held stay valid.
  void shut_down();

  struct Counts {
    std::size_t running = 0;
    std::size_t waiting = 0;
    std::size_t peak_running = 0;
    std::size_t peak_waiting = 0;
    std::uint64_t refused = 0;
  };
  Counts counts() const;
  std::size_t slots() const noexcept { return slots_; }
  std::size_t queue_length() const noexcept { return queue_length_; }
  std::chrono::milliseconds max_wait() const noexcept { return max_wait_; }

 private:
  void leave() noexcept;

  const std::size_t slots_;
  const std::size_t queue_length_;
  const std::chrono::milliseconds max_wait_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::uint64_t> queue_;  // tickets, first come first
  std::uint64_t next_ticket_ = 0;
  std::size_t impatient_waiting_ = 0;
  bool shutting_down_ = false;
  Counts counts_;
};

}  // namespace raingan::serve
