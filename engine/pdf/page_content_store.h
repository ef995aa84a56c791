#pragma once
// Where the pages' content streams wait for the document to be saved. Each page's content is compressed on
// a worker thread while layout goes on with the next page (on a machine with a second core compression
// then costs no time), and the compressed bytes go to an unnamed temporary file, so that a long document
// holds neither its pages' content nor their compressed bytes in memory: what a page costs until the file
// is written is libharu's few objects for it. Where no temporary file can be made, the compressed bytes
// stay in memory (so do those of a page the file cannot take); where no thread can be started, pages are
// compressed as they are added.
//
// The bytes are exactly deflate()'s, whatever the timing, so the same document gives the same file.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>

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
  struct Job {
    Slot* slot = nullptr;
    std::string content;
  };

  void start();
  void work();
  // Compresses a job's content and puts the bytes where its slot says; on the worker (or the caller).
  void store(Job& job, Deflater& deflater, std::string& compressed);
  void rethrow_failure();

  std::deque<Slot> slots_;    // a deque: the sources handed out keep their addresses
  int file_ = -1;             // the temporary file (already unlinked), -1 for none
  bool file_usable_ = false;  // whether pages still go to the file (only the storing thread changes it)
  std::size_t file_size_ = 0;
  bool started_ = false;
  bool threaded_ = false;

  std::mutex mutex_;
  std::condition_variable work_ready_;  // a job waits, or the store is closing
  std::condition_variable job_done_;
  std::deque<Job> jobs_;
  std::size_t unfinished_ = 0;  // jobs queued or being compressed
  bool closing_ = false;
  std::exception_ptr failure_;
  std::unique_ptr<Deflater> caller_deflater_;  // without a worker
  std::string caller_buffer_;
  std::thread worker_;  // last: started after, and joined before, everything it uses
};

}  // namespace raingan::pdf
