#pragma once
// Raw deflate (as zip members hold it) of a stream of bytes, compressed on a worker thread as the bytes come,
// into an unnamed temporary file: a 100,000-row sheet (80 MB of XML) is compressed while the rows are still
// being made, on a machine with a second core at no cost in time, and neither the XML nor its compressed
// bytes are held in memory. Where no thread can be started the caller compresses; where no temporary file
// can be made the compressed bytes stay in memory.
//
// The data ends with a sync flush, not a final block, so that more deflate data may follow it in the same
// zip member (see deflate_raw), and the bytes are exactly zlib's at its default level whatever the timing.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/unnamed_file.h"
#include "core/worker_queue.h"

namespace raingan::xlsx {

class RawDeflater;  // a zlib raw deflate stream

// `data` as raw deflate at zlib's default level: the final block when `last`, otherwise ended with a sync
// flush (byte-aligned) so that other raw deflate data can follow it. Throws std::runtime_error on failure.
std::string deflate_raw(std::string_view data, bool last);

// CRC-32 of `data`, as zip entries record it.
std::uint32_t zip_crc(std::string_view data);
// The CRC-32 of a+b from those of a and b and b's length.
std::uint32_t zip_crc_combine(std::uint32_t a, std::uint32_t b, std::uint64_t b_length);

class BackgroundDeflate {
 public:
  BackgroundDeflate();
  BackgroundDeflate(const BackgroundDeflate&) = delete;
  BackgroundDeflate& operator=(const BackgroundDeflate&) = delete;
  // Stops the worker, whether or not finish() was called; the temporary file goes with the object.
  ~BackgroundDeflate();

  // Takes more bytes. Waits when the worker is max_waiting pieces behind. Throws std::runtime_error when
  // compressing failed, or after finish().
  void write(std::string_view bytes);
  // Ends the data (with a sync flush) and waits until all of it is compressed. Throws std::runtime_error
  // when compressing or storing failed. Calling it again does nothing.
  void finish();

  // After finish(): the data's CRC-32 and length, and the compressed bytes in order.
  std::uint32_t crc() const noexcept { return crc_; }
  std::uint64_t size() const noexcept { return size_; }
  std::uint64_t compressed_size() const noexcept { return compressed_size_; }
  // Passes the compressed bytes to `sink` piece by piece. Throws std::runtime_error when they cannot be read.
  void read_compressed(const std::function<void(std::string_view)>& sink) const;

  static constexpr std::size_t piece_size = 256 * 1024;
  static constexpr std::size_t max_waiting = 4;

 private:
  void hand_over(bool last);
  void compress(const std::string& piece, bool last);  // a task of the queue
  void store(std::string_view compressed);

  std::unique_ptr<RawDeflater> compressor_;
  std::string filling_;  // bytes not yet handed over
  bool finished_ = false;
  UnnamedFile file_;       // empty when the bytes stay in memory
  std::string in_memory_;  // the compressed bytes when there is no file
  std::uint32_t crc_ = 0;  // the queue's until finish()
  std::uint64_t size_ = 0;
  std::uint64_t compressed_size_ = 0;
  WorkerQueue queue_{max_waiting};  // last: stopped before what its tasks use goes
};

}  // namespace raingan::xlsx
