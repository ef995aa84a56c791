#include "document/image_source.h"

#include <array>
#include <fstream>
#include <vector>

#include "core/diagnostic.h"
#include "core/input_file.h"

namespace raingan::document {
namespace {

std::uint32_t big_endian(const unsigned char* p, int bytes) {
  std::uint32_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | p[i];
  return value;
}

bool read_png_size(const std::vector<unsigned char>& head, std::uint32_t& width, std::uint32_t& height) {
  static constexpr std::array<unsigned char, 8> signature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (head.size() < 24 || !std::equal(signature.begin(), signature.end(), head.begin())) return false;
  if (head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') return false;
  width = big_endian(&head[16], 4);
  height = big_endian(&head[20], 4);
  return true;
}

// Walks the JPEG markers to the frame header (SOFn), which holds the size.
bool read_jpeg_size(std::ifstream& in, std::uint32_t& width, std::uint32_t& height) {
  in.seekg(2);
  for (int guard = 0; guard < 10000; ++guard) {
    unsigned char marker[4];
    if (!in.read(reinterpret_cast<char*>(marker), 2)) return false;
    if (marker[0] != 0xFF) return false;
    while (marker[1] == 0xFF)
      if (!in.read(reinterpret_cast<char*>(&marker[1]), 1)) return false;
    const unsigned char type = marker[1];
    if (type == 0xD8 || (type >= 0xD0 && type <= 0xD7) || type == 0x01) continue;
    if (!in.read(reinterpret_cast<char*>(marker + 2), 2)) return false;
    const std::uint32_t length = big_endian(marker + 2, 2);
    if (length < 2) return false;
    const bool frame = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
    if (frame) {
      unsigned char header[5];
      if (!in.read(reinterpret_cast<char*>(header), 5)) return false;
      height = big_endian(header + 1, 2);
      width = big_endian(header + 3, 2);
      return true;
    }
    in.seekg(length - 2, std::ios::cur);
  }
  return false;
}

}  // namespace

std::shared_ptr<const geometry::ImageData> ImageSource::load(const std::filesystem::path& path,
                                                             const std::string& requested_in, int line) {
  if (auto found = loaded_.find(path); found != loaded_.end()) return found->second;
  scope_.require(path, "image");
  // Checked before opening: a pipe would block the open, a device would feed the reader without end.
  require_regular_file(path, "image");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "", "cannot open the image");
  std::vector<unsigned char> head(32);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();

  auto data = std::make_shared<geometry::ImageData>();
  data->source_path = path.string();
  data->requested_in = requested_in;
  data->requested_on_line = line;
  std::uint32_t width = 0, height = 0;
  if (read_png_size(head, width, height)) {
    data->format = geometry::ImageData::Format::png;
  } else if (head.size() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) {
    data->format = geometry::ImageData::Format::jpeg;
    if (!read_jpeg_size(in, width, height))
      throw InputError(path.string(), "", "broken JPEG image: no frame header with the image size");
  } else {
    throw InputError(path.string(), "", "not a PNG or JPEG image (the file starts with other bytes)");
  }
  if (width == 0 || height == 0)
    throw InputError(path.string(), "", "broken image: it says it is 0 pixels wide or tall");
  const std::uint64_t pixels = std::uint64_t{width} * height;
  if (pixels > max_pixels_)
    throw InputError(path.string(), "",
                     "image is " + std::to_string(width) + " x " + std::to_string(height) +
                         " pixels, more than the " + std::to_string(max_pixels_ / 1'000'000) +
                         " megapixel limit; shrink it or raise --max-image-megapixels");
  data->pixel_width = width;
  data->pixel_height = height;
  loaded_[path] = data;
  return data;
}

}  // namespace raingan::document
