#include "pdf/page_content_store.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/unnamed_file.h"

namespace raingan::pdf {

PageContentStore::~PageContentStore() = default;

bool PageContentStore::Slot::read(std::size_t from, std::span<unsigned char> out) const noexcept {
  if (from > length || out.size() > length - from) return false;
  if (!in_file) {
    std::memcpy(out.data(), bytes.data() + from, out.size());
    return true;
  }
  for (std::size_t done = 0; done < out.size();) {
    const ssize_t got = ::pread(store_.file_.descriptor(), out.data() + done, out.size() - done,
                                static_cast<off_t>(offset + from + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::size_t>(got);
  }
  return true;
}

void PageContentStore::start() {
  file_ = open_unnamed_file("raingan-pages");
  file_usable_ = static_cast<bool>(file_);
  queue_.emplace(max_waiting);
}

const StreamSource& PageContentStore::add(std::string content) {
  if (!queue_) start();
  Slot& slot = slots_.emplace_back(*this);
  try {
    queue_->post([this, &slot, content = std::move(content)] { store(slot, content); });
  } catch (...) {
    slots_.pop_back();
    throw;
  }
  return slot;
}

void PageContentStore::finish() {
  if (queue_) queue_->drain();
}

void PageContentStore::store(Slot& slot, const std::string& content) {
  if (!deflater_) deflater_ = std::make_unique<Deflater>();
  deflater_->deflate(content, compressed_);
  slot.length = compressed_.size();
  if (file_usable_) {
    if (write_all(file_.descriptor(), compressed_)) {
      slot.in_file = true;
      slot.offset = file_size_;
      file_size_ += compressed_.size();
      return;
    }
    // A failed write (a full disk, say) leaves the file's end unknown: the pages stored so far stay there,
    // this one and the rest go to memory.
    file_usable_ = false;
  }
  slot.bytes = compressed_;
}

}  // namespace raingan::pdf
