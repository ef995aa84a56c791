#include "pdf/flate.h"

#include <zlib.h>

#include <stdexcept>

namespace raingan::pdf {

std::string deflate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  const int result =
      compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), Z_DEFAULT_COMPRESSION);
  if (result != Z_OK)
    throw std::runtime_error("zlib could not compress a PDF stream (error " + std::to_string(result) + ")");
  out.resize(size);
  out.shrink_to_fit();
  return out;
}

}  // namespace raingan::pdf
