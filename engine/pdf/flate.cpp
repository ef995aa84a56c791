#include "pdf/flate.h"

#include <stdexcept>

namespace raingan::pdf {
namespace {

[[noreturn]] void fail(int result) {
  throw std::runtime_error("zlib could not compress a PDF stream (error " + std::to_string(result) + ")");
}

}  // namespace

std::string deflate(std::string_view data) {
  Deflater deflater;
  std::string out;
  deflater.deflate(data, out);
  out.shrink_to_fit();
  return out;
}

Deflater::Deflater() {
  if (const int result = deflateInit(&stream_, Z_DEFAULT_COMPRESSION); result != Z_OK) fail(result);
}

Deflater::~Deflater() { deflateEnd(&stream_); }

void Deflater::deflate(std::string_view data, std::string& out) {
  if (const int result = deflateReset(&stream_); result != Z_OK) fail(result);
  out.resize(deflateBound(&stream_, static_cast<uLong>(data.size())));
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream_.avail_in = static_cast<uInt>(data.size());
  stream_.next_out = reinterpret_cast<Bytef*>(out.data());
  stream_.avail_out = static_cast<uInt>(out.size());
  // deflateBound leaves room for the whole stream, so one call finishes it.
  if (const int result = ::deflate(&stream_, Z_FINISH); result != Z_STREAM_END) fail(result);
  out.resize(stream_.total_out);
}

}  // namespace raingan::pdf
