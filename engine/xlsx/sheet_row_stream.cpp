#include "xlsx/sheet_row_stream.h"

#include <stdexcept>
#include <string_view>

namespace raingan::xlsx {
namespace {

constexpr std::string_view open_tag = "<sheetData>";
constexpr std::string_view close_tag = "</sheetData>";

}  // namespace

SheetRowStream::SheetRowStream() {
  cookie_io_functions_t functions{};
  functions.read = &SheetRowStream::on_read;
  functions.write = &SheetRowStream::on_write;
  functions.seek = &SheetRowStream::on_seek;
  functions.close = &SheetRowStream::on_close;
  file_ = fopencookie(this, "w+", functions);
  if (!file_) throw std::runtime_error("cannot make a stream for a sheet's rows (out of memory?)");
  // Rows arrive as many small writes; a larger buffer hands them over in fewer, larger pieces.
  std::setvbuf(file_, nullptr, _IOFBF, 64 * 1024);
}

SheetRowStream::~SheetRowStream() {
  if (!closed_) std::fclose(file_);
}

void SheetRowStream::finish() {
  if (finished_) return;
  // Once libxlsxwriter has closed the FILE, everything it wrote has come through on_write.
  if (!closed_ && std::fflush(file_) != 0 && !failure_)
    failure_ = std::make_exception_ptr(std::runtime_error("cannot write a sheet's rows"));
  finished_ = true;
  if (failure_) std::rethrow_exception(failure_);
  rows_.finish();
}

std::optional<DeflatedMember> SheetRowStream::splice(const std::string& sheet_xml) const {
  if (failure_) std::rethrow_exception(failure_);
  if (!finished_) throw std::logic_error("SheetRowStream::splice before finish");
  const std::size_t open = sheet_xml.find(open_tag);
  if (open == std::string::npos) return std::nullopt;
  const std::size_t rows_at = open + open_tag.size();
  if (sheet_xml.compare(rows_at, close_tag.size(), close_tag) != 0)
    throw std::runtime_error("the sheet's <sheetData> already has rows");
  const std::string_view head = std::string_view(sheet_xml).substr(0, rows_at);
  const std::string_view tail = std::string_view(sheet_xml).substr(rows_at);
  DeflatedMember member;
  member.size = head.size() + rows_.size() + tail.size();
  member.crc =
      zip_crc_combine(zip_crc_combine(zip_crc(head), rows_.crc(), rows_.size()), zip_crc(tail), tail.size());
  // Three runs of deflate blocks, the first two ended by a sync flush, make one deflate stream.
  member.write = [this, head_deflated = deflate_raw(head, false), tail_deflated = deflate_raw(tail, true)](
                     const std::function<void(std::string_view)>& sink) {
    sink(head_deflated);
    rows_.read_compressed(sink);
    sink(tail_deflated);
  };
  return member;
}

// The callbacks run inside stdio calls made by libxlsxwriter's C code: nothing may be thrown through them.
ssize_t SheetRowStream::on_write(void* cookie, const char* data, std::size_t size) {
  auto& stream = *static_cast<SheetRowStream*>(cookie);
  try {
    stream.rows_.write(std::string_view(data, size));
    return static_cast<ssize_t>(size);
  } catch (...) {
    if (!stream.failure_) stream.failure_ = std::current_exception();
    return 0;
  }
}

// libxlsxwriter copies what it wrote back into the sheet's XML; it finds nothing, and the rows are spliced
// in later.
ssize_t SheetRowStream::on_read(void*, char*, std::size_t) { return 0; }

int SheetRowStream::on_seek(void*, off64_t* offset, int) {
  *offset = 0;
  return 0;
}

int SheetRowStream::on_close(void* cookie) {
  static_cast<SheetRowStream*>(cookie)->closed_ = true;
  return 0;
}

}  // namespace raingan::xlsx
