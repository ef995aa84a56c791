#pragma once
// Flate compression of PDF stream data, done by the exporter itself so that a page's content is held
// compressed from the moment the page is added. libdeflate compresses a whole buffer at once, about twice
// as fast as zlib's streaming deflate at the same level, and its zlib-wrapped output is what /FlateDecode
// reads.

#include <memory>
#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace raingan::pdf {

// The zlib stream of `data` (what /FlateDecode expects). Throws std::runtime_error if it cannot be made.
std::string deflate(std::string_view data);

// The same, for many streams: the compressor's tables are set up once rather than for each stream. The
// output is exactly deflate()'s.
class Deflater {
 public:
  // Level 6, as zlib's default.
  Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  ~Deflater();

  // Replaces `out` with the zlib stream of `data`. Throws std::runtime_error if it cannot be made.
  void deflate(std::string_view data, std::string& out);

 private:
  struct Free {
    void operator()(libdeflate_compressor* compressor) const noexcept;
  };
  std::unique_ptr<libdeflate_compressor, Free> compressor_;
};

}  // namespace raingan::pdf
