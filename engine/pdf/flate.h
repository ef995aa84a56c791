#pragma once
// zlib (Flate) compression of PDF stream data, done by the exporter itself so that a page's content is
// held compressed from the moment the page is added.

#include <zlib.h>

#include <string>
#include <string_view>

namespace raingan::pdf {

// The zlib stream of `data` (what /FlateDecode expects). Throws std::runtime_error if zlib fails.
std::string deflate(std::string_view data);

// The same, for many streams: one zlib state (some 270 KB of tables) is set up once and reset between
// streams rather than allocated and cleared for each. The output is exactly deflate()'s.
class Deflater {
 public:
  Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  ~Deflater();

  // Replaces `out` with the zlib stream of `data`. Throws std::runtime_error if zlib fails.
  void deflate(std::string_view data, std::string& out);

 private:
  z_stream stream_{};
};

}  // namespace raingan::pdf
