#pragma once
// Images a document draws (PNG, JPEG): found, recognised by their bytes and measured before layout, so a
// missing or broken file is reported with the template line that asked for it and not halfway through a PDF.
// Each file is loaded once however often it is drawn.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "core/read_scope.h"
#include "geometry/image_data.h"

namespace raingan::document {

class ImageSource {
 public:
  // `max_pixels` guards memory: an image larger than this is refused (--max-image-megapixels).
  // `scope` is where images may be read from (symlinks resolved); a file outside it is refused.
  explicit ImageSource(std::uint64_t max_pixels = 50'000'000, ReadScope scope = {})
      : max_pixels_(max_pixels), scope_(std::move(scope)) {}

  // Throws InputError (file = the image, message saying what is wrong and the limit flag when it applies).
  // `requested_in` and `line` name the template line that asks for it, for problems found later (a damaged
  // file is only found out when the PDF embeds it).
  std::shared_ptr<const geometry::ImageData> load(const std::filesystem::path& path,
                                                  const std::string& requested_in = {}, int line = 0);

 private:
  std::uint64_t max_pixels_;
  ReadScope scope_;
  std::map<std::filesystem::path, std::shared_ptr<const geometry::ImageData>> loaded_;
};

}  // namespace raingan::document
