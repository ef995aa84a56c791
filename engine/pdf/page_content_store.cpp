#include "pdf/page_content_store.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/unnamed_file.h"

namespace raingan::pdf {

PageContentStore::~PageContentStore() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  work_ready_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (file_ >= 0) ::close(file_);
}

bool PageContentStore::Slot::read(std::size_t from, std::span<unsigned char> out) const noexcept {
  if (from > length || out.size() > length - from) return false;
  if (!in_file) {
    std::memcpy(out.data(), bytes.data() + from, out.size());
    return true;
  }
  for (std::size_t done = 0; done < out.size();) {
    const ssize_t got =
        ::pread(store_.file_, out.data() + done, out.size() - done, static_cast<off_t>(offset + from + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::size_t>(got);
  }
  return true;
}

void PageContentStore::start() {
  started_ = true;
  file_ = open_unnamed_file("raingan-pages");
  file_usable_ = file_ >= 0;
  try {
    worker_ = std::thread([this] { work(); });
    threaded_ = true;
  } catch (const std::system_error&) {
    threaded_ = false;  // add() compresses each page itself
  }
}

const StreamSource& PageContentStore::add(std::string content) {
  if (!started_) start();
  if (!threaded_) {
    if (!caller_deflater_) caller_deflater_ = std::make_unique<Deflater>();
    Job job{&slots_.emplace_back(*this), std::move(content)};
    store(job, *caller_deflater_, caller_buffer_);
    return *job.slot;
  }
  std::unique_lock lock(mutex_);
  job_done_.wait(lock, [&] { return jobs_.size() < max_waiting || failure_; });
  rethrow_failure();
  Slot& slot = slots_.emplace_back(*this);
  jobs_.push_back(Job{&slot, std::move(content)});
  ++unfinished_;
  lock.unlock();
  work_ready_.notify_one();
  return slot;
}

void PageContentStore::finish() {
  if (!threaded_) return;  // every page was stored as it came
  std::unique_lock lock(mutex_);
  job_done_.wait(lock, [&] { return unfinished_ == 0; });
  rethrow_failure();
}

void PageContentStore::work() {
  std::unique_ptr<Deflater> deflater;
  std::string compressed;
  std::unique_lock lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
    if (closing_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    std::exception_ptr failed;
    try {
      if (!deflater) deflater = std::make_unique<Deflater>();
      store(job, *deflater, compressed);
    } catch (...) {
      failed = std::current_exception();
    }
    job.content = std::string();
    lock.lock();
    if (failed && !failure_) failure_ = failed;
    --unfinished_;
    job_done_.notify_all();
  }
}

void PageContentStore::store(Job& job, Deflater& deflater, std::string& compressed) {
  deflater.deflate(job.content, compressed);
  Slot& slot = *job.slot;
  slot.length = compressed.size();
  if (file_usable_) {
    if (write_all(file_, compressed)) {
      slot.in_file = true;
      slot.offset = file_size_;
      file_size_ += compressed.size();
      return;
    }
    // A failed write (a full disk, say) leaves the file's end unknown: the pages stored so far stay there,
    // this one and the rest go to memory.
    file_usable_ = false;
  }
  slot.bytes = compressed;
}

void PageContentStore::rethrow_failure() {
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace raingan::pdf
