#include "xlsx/background_deflate.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "core/unnamed_file.h"

namespace raingan::xlsx {

// One raw deflate stream (no zlib header, as in a zip member), freed with the object.
class RawDeflater {
 public:
  RawDeflater() {
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("cannot start compressing (out of memory?)");
  }
  RawDeflater(const RawDeflater&) = delete;
  RawDeflater& operator=(const RawDeflater&) = delete;
  ~RawDeflater() { deflateEnd(&stream); }

  // Compresses `data` and passes what comes out to `emit`; `flush` is Z_NO_FLUSH, Z_SYNC_FLUSH or Z_FINISH.
  template <class Emit>
  void run(std::string_view data, int flush, Emit&& emit) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    do {
      stream.next_out = reinterpret_cast<Bytef*>(out.data());
      stream.avail_out = static_cast<uInt>(out.size());
      const int status = deflate(&stream, flush);
      if (status == Z_STREAM_ERROR) throw std::runtime_error("cannot compress (zlib stream error)");
      emit(std::string_view(out.data(), out.size() - stream.avail_out));
    } while (stream.avail_out == 0);
    if (stream.avail_in != 0) throw std::runtime_error("cannot compress (zlib left input behind)");
  }

 private:
  z_stream stream{};
  std::vector<char> out = std::vector<char>(64 * 1024);
};

std::string deflate_raw(std::string_view data, bool last) {
  // The compressor is made for the call: this serves the few kilobytes around a sheet's rows.
  RawDeflater compressor;
  std::string out;
  compressor.run(data, last ? Z_FINISH : Z_SYNC_FLUSH, [&](std::string_view piece) { out.append(piece); });
  return out;
}

std::uint32_t zip_crc(std::string_view data) {
  return static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(data.data()), data.size()));
}

std::uint32_t zip_crc_combine(std::uint32_t a, std::uint32_t b, std::uint64_t b_length) {
  return static_cast<std::uint32_t>(crc32_combine(a, b, static_cast<z_off_t>(b_length)));
}

BackgroundDeflate::BackgroundDeflate()
    : compressor_(std::make_unique<RawDeflater>()), file_(open_unnamed_file("raingan-sheet")) {}

BackgroundDeflate::~BackgroundDeflate() = default;

void BackgroundDeflate::write(std::string_view bytes) {
  if (finished_) throw std::runtime_error("data written after the end of the stream");
  while (!bytes.empty()) {
    if (filling_.capacity() < piece_size) filling_.reserve(piece_size);
    const std::size_t room = piece_size - filling_.size();
    const std::size_t taken = std::min(room, bytes.size());
    filling_.append(bytes.substr(0, taken));
    bytes.remove_prefix(taken);
    if (filling_.size() == piece_size) hand_over(false);
  }
}

void BackgroundDeflate::finish() {
  if (finished_) return;
  finished_ = true;
  hand_over(true);
  queue_.drain();
}

void BackgroundDeflate::hand_over(bool last) {
  queue_.post([this, piece = std::move(filling_), last] { compress(piece, last); });
  filling_ = std::string();
}

void BackgroundDeflate::compress(const std::string& piece, bool last) {
  crc_ =
      static_cast<std::uint32_t>(crc32_z(crc_, reinterpret_cast<const Bytef*>(piece.data()), piece.size()));
  size_ += piece.size();
  compressor_->run(piece, last ? Z_SYNC_FLUSH : Z_NO_FLUSH,
                   [&](std::string_view compressed) { store(compressed); });
}

void BackgroundDeflate::store(std::string_view compressed) {
  if (compressed.empty()) return;
  if (file_) {
    if (!write_all(file_.descriptor(), compressed))
      throw std::runtime_error(std::string("cannot write a temporary file: ") + std::strerror(errno));
  } else {
    in_memory_.append(compressed);
  }
  compressed_size_ += compressed.size();
}

void BackgroundDeflate::read_compressed(const std::function<void(std::string_view)>& sink) const {
  if (!file_) {
    for (std::size_t at = 0; at < in_memory_.size(); at += piece_size)
      sink(std::string_view(in_memory_).substr(at, piece_size));
    return;
  }
  std::vector<char> buffer(piece_size);
  for (std::uint64_t at = 0; at < compressed_size_;) {
    const std::size_t wanted =
        static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), compressed_size_ - at));
    const ssize_t got = ::pread(file_.descriptor(), buffer.data(), wanted, static_cast<off_t>(at));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) throw std::runtime_error("cannot read back a temporary file");
    sink(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    at += static_cast<std::uint64_t>(got);
  }
}

}  // namespace raingan::xlsx
