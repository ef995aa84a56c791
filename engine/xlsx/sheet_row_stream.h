#pragma once
// Where libxlsxwriter's constant-memory mode writes a sheet's rows. On its own it writes each finished row's
// XML to a temporary file, copies that file into the sheet's XML when the workbook is closed, and only then
// compresses it into the package: for a 100,000-row register 80 MB are written, read, written and read
// again, then deflated while nothing else runs. A SheetRowStream is the stdio FILE it writes the rows to
// instead: the rows are compressed on a worker thread as they come (background_deflate.h), and the FILE
// reads back as empty, so the package gets the sheet with an empty <sheetData>, into which splice() puts
// the compressed rows when the package is completed (zip_rewrite.h). The sheet's XML is exactly what
// libxlsxwriter would have written.

#include <cstdio>
#include <exception>
#include <optional>
#include <string>

#include "xlsx/background_deflate.h"
#include "xlsx/zip_rewrite.h"

namespace raingan::xlsx {

class SheetRowStream {
 public:
  // Throws std::runtime_error when the FILE cannot be made.
  SheetRowStream();
  SheetRowStream(const SheetRowStream&) = delete;
  SheetRowStream& operator=(const SheetRowStream&) = delete;
  // Closes the FILE unless libxlsxwriter has (it does when it assembles a sheet that has cells).
  ~SheetRowStream();

  // The FILE to give libxlsxwriter; valid until libxlsxwriter closes it or the stream is destroyed.
  std::FILE* file() const noexcept { return file_; }

  // The rows are complete (libxlsxwriter writes a sheet's last row when it closes the workbook): flushes
  // the FILE unless libxlsxwriter has closed it, and waits until the rows are compressed. Throws
  // std::runtime_error when they could not be written or compressed. Calling it again does nothing.
  void finish();

  // After finish(): the sheet's XML as libxlsxwriter wrote it (an empty <sheetData>) with the rows put in,
  // as compressed data for the package. nullopt when the sheet has no <sheetData> element to fill, which is
  // how libxlsxwriter writes a sheet without cells (whatever rows it wrote are then left out, as it does).
  // Throws std::runtime_error when the sheet's <sheetData> is not empty.
  std::optional<DeflatedMember> splice(const std::string& sheet_xml) const;

 private:
  static ssize_t on_write(void* cookie, const char* data, std::size_t size);
  static ssize_t on_read(void* cookie, char* data, std::size_t size);
  static int on_seek(void* cookie, off64_t* offset, int whence);
  static int on_close(void* cookie);

  BackgroundDeflate rows_;
  std::FILE* file_ = nullptr;
  bool closed_ = false;  // fclose() has been called on file_
  bool finished_ = false;
  std::exception_ptr failure_;  // of a write, kept for finish()
};

}  // namespace raingan::xlsx
