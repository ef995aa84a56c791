#pragma once
// Reading the image files a document embeds, before libharu sees them: libharu's PNG loader aborts the
// process on a damaged file and fails on harmless libpng warnings, and its JPEG loader reads only the
// header. Here PNGs are decoded with libpng (its simplified API never longjmps through our frames) and JPEGs
// are decoded once with libjpeg to prove the data is whole.

#include <cstdint>
#include <string>
#include <vector>

namespace raingan::pdf {

// 8-bit samples, rows top to bottom: colour (RGB or gray) and, if the image has transparency, a separate
// alpha plane of one byte per pixel.
struct DecodedImage {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  bool gray = false;
  std::vector<std::uint8_t> color;
  std::vector<std::uint8_t> alpha;  // empty when opaque
};

// Throws InputError naming the file when it is missing, unreadable or not a valid PNG.
DecodedImage decode_png(const std::string& path);

// Throws InputError naming the file when it is missing, unreadable or not a whole, valid JPEG.
void check_jpeg(const std::string& path);

}  // namespace raingan::pdf
