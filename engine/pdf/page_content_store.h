#pragma once
// Where the pages' content streams wait for the document to be saved. Each page's content is compressed on
// the worker queue (core/worker_queue.h) while layout goes on with the next page (on a machine with a second
// core compression then costs no time), and the compressed bytes go to an unnamed temporary file, so that a
// long document holds neither its pages' content nor their compressed bytes in memory: what a page costs
// until the file is written is libharu's few objects for it. Where no temporary file can be made, the
// compressed bytes stay in memory (so do those of a page the file cannot take); where no thread can be
// started, pages are compressed as they are added.
//
// The bytes are exactly deflate()'s, whatever the timing, so the same document gives the same file.

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/unnamed_file.h"
#include "core/worker_queue.h"
#include "pdf/flate.h"
#include "pdf/hpdf_document.h"

namespace raingan::pdf {

class PageContentStore {
 public:
  PageContentStore() = default;
  PageContentStore(const PageContentStore&) = delete;
  PageContentStore& operator=(const PageContentStore&) = delete;
  // Stops the worker; the temporary file goes with the store.
  ~PageContentStore();

  // Takes a page's content to be compressed. The returned source (alive as long as the store) gives the
  // compressed bytes once finish() has returned. Rethrows a failure of an earlier page's compression.
  const StreamSource& add(std::string content);

  // Waits until every page added is compressed and stored. Throws std::runtime_error if compression failed.
  void finish();

  // Pages compressed but not yet stored wait in memory; past this many, add() waits for the worker.
  static constexpr std::size_t max_waiting = 8;

 private:
  class Slot final : public StreamSource {
   public:
    explicit Slot(const PageContentStore& store) : store_(store) {}
    std::size_t size() const noexcept override { return length; }
    bool read(std::size_t offset, std::span<unsigned char> out) const noexcept override;

    std::size_t length = 0;
    bool in_file = false;
    std::size_t offset = 0;  // where the bytes are in the temporary file
    std::string bytes;       // or the bytes themselves

   private:
    const PageContentStore& store_;
  };
  void start();
  // Compresses a page's content and puts the bytes where its slot says: a task of the queue.
  void store(Slot& slot, const std::string& content);

  std::deque<Slot> slots_;    // a deque: the sources handed out keep their addresses
  UnnamedFile file_;          // the temporary file (already unlinked), or none
  bool file_usable_ = false;  // whether pages still go to the file (only the queue's tasks change it)
  std::size_t file_size_ = 0;
  std::unique_ptr<Deflater> deflater_;  // the queue's tasks'
  std::string compressed_;
  std::optional<WorkerQueue>
      queue_;  // last: stopped before what its tasks use goes; started with the first page
};

}  // namespace raingan::pdf
