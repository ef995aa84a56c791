#include "serve/render_gate.h"

#include <algorithm>

namespace raingan::serve {

RenderGate::RenderGate(std::size_t slots, std::size_t queue_length, std::chrono::milliseconds max_wait)
    : slots_(std::max<std::size_t>(slots, 1)), queue_length_(queue_length), max_wait_(max_wait) {}

RenderGate::Slot& RenderGate::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    release();
    gate_ = other.gate_;
    other.gate_ = nullptr;
  }
  return *this;
}

void RenderGate::Slot::release() noexcept {
  if (gate_) gate_->leave();
  gate_ = nullptr;
}

RenderGate::Admission RenderGate::enter(Slot& slot, bool patient) {
  std::unique_lock lock(mutex_);
  if (shutting_down_) return Admission::shutting_down;
  if (queue_.empty() && counts_.running < slots_) {
    ++counts_.running;
    counts_.peak_running = std::max(counts_.peak_running, counts_.running);
    slot = Slot(this);
    return Admission::admitted;
  }
  if (!patient && impatient_waiting_ >= queue_length_) {
    ++counts_.refused;
    return Admission::queue_full;
  }
  const std::uint64_t ticket = next_ticket_++;
  queue_.push_back(ticket);
  if (!patient) ++impatient_waiting_;
  counts_.waiting = queue_.size();
  counts_.peak_waiting = std::max(counts_.peak_waiting, counts_.waiting);
  const auto deadline = std::chrono::steady_clock::now() + max_wait_;
  const auto my_turn = [&] {
    return shutting_down_ || (queue_.front() == ticket && counts_.running < slots_);
  };
  const bool turn =
      patient ? (changed_.wait(lock, my_turn), true) : changed_.wait_until(lock, deadline, my_turn);
  queue_.erase(std::find(queue_.begin(), queue_.end(), ticket));
  if (!patient) --impatient_waiting_;
  counts_.waiting = queue_.size();
  // The next in line may be able to go now (a slot is free) or must learn that it is the front.
  changed_.notify_all();
  if (shutting_down_) return Admission::shutting_down;
  if (!turn) {
    ++counts_.refused;
    return Admission::timed_out;
  }
  ++counts_.running;
  counts_.peak_running = std::max(counts_.peak_running, counts_.running);
  slot = Slot(this);
  return Admission::admitted;
}

void RenderGate::leave() noexcept {
  {
    std::lock_guard lock(mutex_);
    --counts_.running;
  }
  changed_.notify_all();
}

void RenderGate::shut_down() {
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
  }
  changed_.notify_all();
}

RenderGate::Counts RenderGate::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

}  // namespace raingan::serve
