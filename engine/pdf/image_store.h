#pragma once
// The images of a document as PDF image objects, each source file embedded once however often it is drawn.

#include <map>
#include <string>

#include "layout/frame.h"
#include "pdf/hpdf_document.h"

namespace raingan::pdf {

class ImageStore {
 public:
  explicit ImageStore(HpdfDocument& document) : document_(document) {}

  // The image object for `image`, read and embedded on first use. Throws InputError naming the file when it
  // is missing, unreadable or damaged.
  HPDF_Image get(const layout::ImageData& image);

 private:
  HPDF_Image load(const layout::ImageData& image);
  HPDF_Image embed(const layout::ImageData& image);

  HpdfDocument& document_;
  std::map<std::string, HPDF_Image> embedded_;
};

}  // namespace raingan::pdf
