#include "core/signal_cleanup.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>

namespace raingan {
namespace {

// Fixed storage, so that the handler touches nothing but static memory and async-signal-safe calls.
constexpr std::size_t slot_count = 64;
constexpr std::size_t path_bytes = 4096;

struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled or emptied, 2 registered
  std::array<char, path_bytes> path{};
};

std::array<Slot, slot_count> slots;
constexpr std::array<int, 3> handled = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_and_resignal(int signal_number) {
  for (auto& slot : slots)
    if (slot.state.load(std::memory_order_acquire) == 2) ::unlink(slot.path.data());
  // The default action (the process ends "killed by signal"), as if nothing had been caught.
  std::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const int signal_number : handled) {
      struct sigaction current {};
      if (::sigaction(signal_number, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
      struct sigaction action {};
      action.sa_handler = remove_and_resignal;
      sigemptyset(&action.sa_mask);
      for (const int other : handled) sigaddset(&action.sa_mask, other);
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

}  // namespace

RemovedOnSignal::RemovedOnSignal(const std::filesystem::path& path) noexcept {
  const std::string& text = path.native();
  if (text.size() >= path_bytes) return;
  install_handlers();
  for (std::size_t i = 0; i < slot_count; ++i) {
    int free = 0;
    if (!slots[i].state.compare_exchange_strong(free, 1, std::memory_order_acq_rel)) continue;
    std::memcpy(slots[i].path.data(), text.c_str(), text.size() + 1);
    slots[i].state.store(2, std::memory_order_release);
    slot_ = static_cast<std::ptrdiff_t>(i);
    return;
  }
}

RemovedOnSignal::~RemovedOnSignal() {
  if (slot_ >= 0) slots[static_cast<std::size_t>(slot_)].state.store(0, std::memory_order_release);
}

}  // namespace raingan
