#include "pdf/image_files.h"

#include <png.h>
// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "core/diagnostic.h"
#include "core/input_file.h"

namespace raingan::pdf {
namespace {

void require_readable_file(const std::string& path) { require_regular_file(path, "image"); }

struct PngImageDeleter {
  void operator()(png_image* image) const noexcept { png_image_free(image); }
};

// libjpeg reports errors by calling error_exit, which must not return: it jumps back to check_jpeg_file.
struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
  char first_warning[JMSG_LENGTH_MAX];
};

extern "C" void on_jpeg_error(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->jump, 1);
}

extern "C" void on_jpeg_message(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  if (errors->first_warning[0] == '\0') (*info->err->format_message)(info, errors->first_warning);
}

// Decodes the whole file (scaled down, which still reads every entropy-coded byte) and fills `problem` when
// libjpeg finds an error or a warning such as "Premature end of JPEG file". Only plain C objects live here,
// so the longjmp skips no destructor.
bool check_jpeg_file(std::FILE* file, char* problem) {
  jpeg_decompress_struct info;
  JpegErrors errors;
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = on_jpeg_error;
  errors.manager.output_message = on_jpeg_message;
  errors.message[0] = '\0';
  errors.first_warning[0] = '\0';
  if (setjmp(errors.jump) != 0) {
    std::memcpy(problem, errors.message, JMSG_LENGTH_MAX);
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_stdio_src(&info, file);
  jpeg_read_header(&info, TRUE);
  info.scale_num = 1;
  info.scale_denom = 8;
  jpeg_start_decompress(&info);
  JSAMPARRAY row =
      (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                info.output_width * static_cast<JDIMENSION>(info.output_components), 1);
  while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, 1);
  jpeg_finish_decompress(&info);
  const bool clean = errors.manager.num_warnings == 0;
  if (!clean) std::memcpy(problem, errors.first_warning, JMSG_LENGTH_MAX);
  jpeg_destroy_decompress(&info);
  return clean;
}

}  // namespace

DecodedImage decode_png(const std::string& path) {
  require_readable_file(path);
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  auto fail = [&path](const png_image& failed) {
    return InputError(path, "", std::string("not a valid PNG image: ") + failed.message);
  };
  if (!png_image_begin_read_from_file(&image, path.c_str())) throw fail(image);
  std::unique_ptr<png_image, PngImageDeleter> guard(&image);

  DecodedImage decoded;
  decoded.width = image.width;
  decoded.height = image.height;
  decoded.gray = (image.format & PNG_FORMAT_FLAG_COLOR) == 0;
  const bool has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  const unsigned channels = (decoded.gray ? 1 : 3) + (has_alpha ? 1 : 0);
  image.format = decoded.gray ? (has_alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY)
                              : (has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB);
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) throw fail(image);

  const std::size_t count = static_cast<std::size_t>(decoded.width) * decoded.height;
  if (!has_alpha) {
    decoded.color = std::move(pixels);
    return decoded;
  }
  const unsigned color_channels = channels - 1;
  decoded.color.resize(count * color_channels);
  decoded.alpha.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::memcpy(&decoded.color[i * color_channels], &pixels[i * channels], color_channels);
    decoded.alpha[i] = pixels[i * channels + color_channels];
  }
  return decoded;
}

void check_jpeg(const std::string& path) {
  require_readable_file(path);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) throw InputError(path, "", std::string("cannot read image: ") + std::strerror(errno));
  char problem[JMSG_LENGTH_MAX] = {};
  if (!check_jpeg_file(file.get(), problem))
    throw InputError(path, "", std::string("not a valid JPEG image: ") + problem);
}

}  // namespace raingan::pdf
