#include "pdf/flate.h"

#include <libdeflate.h>

#include <stdexcept>

namespace raingan::pdf {
namespace {

constexpr int compression_level = 6;

}  // namespace

std::string deflate(std::string_view data) {
  Deflater deflater;
  std::string out;
  deflater.deflate(data, out);
  out.shrink_to_fit();
  return out;
}

void Deflater::Free::operator()(libdeflate_compressor* compressor) const noexcept {
  libdeflate_free_compressor(compressor);
}

Deflater::Deflater() : compressor_(libdeflate_alloc_compressor(compression_level)) {
  if (!compressor_) throw std::runtime_error("cannot set up Flate compression (out of memory)");
}

Deflater::~Deflater() = default;

void Deflater::deflate(std::string_view data, std::string& out) {
  // The bound leaves room for the whole stream, so one call always finishes it.
  out.resize(libdeflate_zlib_compress_bound(compressor_.get(), data.size()));
  const std::size_t size =
      libdeflate_zlib_compress(compressor_.get(), data.data(), data.size(), out.data(), out.size());
  if (size == 0) throw std::runtime_error("could not compress a PDF stream");
  out.resize(size);
}

}  // namespace raingan::pdf
