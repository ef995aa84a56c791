#include "pdf/image_store.h"

#include "core/diagnostic.h"
#include "pdf/image_files.h"

namespace raingan::pdf {

HPDF_Image ImageStore::get(const layout::ImageData& image) {
  if (const auto it = embedded_.find(image.source_path); it != embedded_.end()) return it->second;
  HPDF_Image loaded = load(image);
  embedded_.emplace(image.source_path, loaded);
  return loaded;
}

HPDF_Image ImageStore::load(const layout::ImageData& image) {
  try {
    return embed(image);
  } catch (const InputError& error) {
    // Damage is found only now, long after the template asked for the image: name that template line.
    if (image.requested_in.empty()) throw;
    throw InputError(image.requested_in, "line " + std::to_string(image.requested_on_line),
                     "<image>: " + error.diagnostics().front().to_string());
  }
}

HPDF_Image ImageStore::embed(const layout::ImageData& image) {
  const std::string& path = image.source_path;
  const std::string doing = "embedding image " + path;
  try {
    if (image.format == layout::ImageData::Format::jpeg) {
      check_jpeg(path);
      return document_.require(HPDF_LoadJpegImageFromFile(document_.get(), path.c_str()), doing);
    }
    const DecodedImage decoded = decode_png(path);
    const auto space = decoded.gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB;
    HPDF_Image color = document_.require(HPDF_LoadRawImageFromMem(document_.get(), decoded.color.data(),
                                                                  decoded.width, decoded.height, space, 8),
                                         doing);
    if (!decoded.alpha.empty()) {
      HPDF_Image mask =
          document_.require(HPDF_LoadRawImageFromMem(document_.get(), decoded.alpha.data(), decoded.width,
                                                     decoded.height, HPDF_CS_DEVICE_GRAY, 8),
                            doing);
      document_.check(HPDF_Image_AddSMask(color, mask) == HPDF_OK, doing);
    }
    return color;
  } catch (const LibharuError& error) {
    // libharu rejected a file the decoders accepted (an unusual JPEG variant, for one).
    throw InputError(path, "", std::string("cannot embed image: ") + error.what());
  }
}

}  // namespace raingan::pdf
