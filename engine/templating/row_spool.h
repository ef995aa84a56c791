#pragma once
// The rows of a <workbook> template kept between the formula stage's two looks at them (workbook_binder.cpp):
// the first pass binds the template once, storing each row here as compact bytes in an unnamed temporary
// file, and the second reads them back in order instead of binding the template again. Memory stays flat as
// rows grow: a buffer of spool_piece bytes is held, not the rows. Where no temporary file can be made the
// bytes stay in memory.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/unnamed_file.h"
#include "templating/workbook_sink.h"

namespace raingan::templating {

class RowSpool {
 public:
  RowSpool();
  RowSpool(const RowSpool&) = delete;
  RowSpool& operator=(const RowSpool&) = delete;

  // Adds a row after those added before. Throws std::runtime_error when the file cannot take it.
  void append(const SheetRow& row);
  // The next row, in the order added; the first call ends the adding. Throws std::runtime_error when the
  // file cannot be read back or has fewer rows than were added.
  SheetRow next();

  std::uint64_t rows() const noexcept { return rows_; }

  static constexpr std::size_t spool_piece = 256 * 1024;

 private:
  void flush();
  void start_reading();
  // Makes `size` bytes readable at buffer_[read_at_].
  void need(std::size_t size);

  UnnamedFile file_;             // empty when the bytes stay in buffer_
  std::string buffer_;           // bytes not yet written to the file, then bytes read back
  std::uint64_t stored_ = 0;     // bytes in the file
  std::uint64_t file_read_ = 0;  // bytes read back from it
  std::size_t read_at_ = 0;      // the next byte of buffer_ to decode
  std::uint64_t rows_ = 0;
  bool reading_ = false;
};

}  // namespace raingan::templating
