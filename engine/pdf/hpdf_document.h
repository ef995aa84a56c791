#pragma once
// The one place that owns a libharu document. libharu reports errors through a C callback; here that
// callback only records the error (nothing may be thrown through libharu's C frames), and every call the
// exporter makes is checked afterwards, turning a failure into a LibharuError that says what was being done.

#include <hpdf.h>

#include <cstddef>
#include <cstdio>
#include <deque>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace raingan::pdf {

class LibharuError : public std::runtime_error {
 public:
  LibharuError(HPDF_STATUS error_number, HPDF_STATUS detail, std::string_view doing);
  HPDF_STATUS error_number() const noexcept { return error_number_; }
  HPDF_STATUS detail() const noexcept { return detail_; }

 private:
  HPDF_STATUS error_number_;
  HPDF_STATUS detail_;
};

// The first error libharu reported through its callback since the last check.
struct LibharuErrorRecord {
  HPDF_STATUS error_number = HPDF_OK;
  HPDF_STATUS detail = 0;
};

// Where a saved document goes: an open file, and the errno of the first write that failed.
struct FileSink {
  std::FILE* file = nullptr;
  int error = 0;
};

// Where a stream's data comes from when the document is saved, for data its owner keeps outside libharu
// (a page's compressed content in a temporary file).
class StreamSource {
 public:
  virtual ~StreamSource() = default;
  virtual std::size_t size() const noexcept = 0;
  // Copies out.size() bytes from `offset`; false if they cannot be read.
  virtual bool read(std::size_t offset, std::span<unsigned char> out) const noexcept = 0;
};

// A StreamSource as libharu reads it: the source and how far it has been read.
struct StreamSourceCursor {
  const StreamSource* source = nullptr;
  std::size_t position = 0;
};

class HpdfDocument {
 public:
  // A PDF 1.5 document (ActualText needs 1.5) whose images and metadata libharu compresses.
  HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;
  ~HpdfDocument();

  HPDF_Doc get() const noexcept { return doc_.get(); }
  HPDF_MMgr mmgr() const noexcept { return doc_->mmgr; }
  HPDF_Xref xref() const noexcept { return doc_->xref; }
  HPDF_Dict catalog() const noexcept { return doc_->catalog; }

  // Throws LibharuError when `ok` is false or libharu recorded an error; `doing` completes
  // "libharu error 0x1017 (…) while …".
  void check(bool ok, std::string_view doing);
  template <typename T>
  T require(T object, std::string_view doing) {
    check(object != nullptr, doing);
    return object;
  }

  // Objects. "indirect" ones are registered in the cross-reference table, so every use refers to them.
  HPDF_Dict new_dict(std::string_view doing);
  HPDF_Dict new_indirect_dict(std::string_view doing);
  HPDF_Dict new_stream(std::string_view doing);  // streams are always indirect
  HPDF_Array new_array(std::string_view doing);
  // A byte string written in hex; used for UTF-16BE text strings, which libharu's strings cannot hold.
  HPDF_Binary new_byte_string(std::string_view bytes, std::string_view doing);

  void add(HPDF_Dict dict, const char* key, void* object, std::string_view doing);
  void add_name(HPDF_Dict dict, const char* key, const char* name, std::string_view doing);
  void add_integer(HPDF_Dict dict, const char* key, long long value, std::string_view doing);
  void add_real(HPDF_Dict dict, const char* key, double value, std::string_view doing);
  void push(HPDF_Array array, void* object, std::string_view doing);
  void push_integer(HPDF_Array array, long long value, std::string_view doing);
  void push_real(HPDF_Array array, double value, std::string_view doing);
  void push_name(HPDF_Array array, const char* name, std::string_view doing);

  // Appends bytes to a stream object's data.
  void write(HPDF_Dict stream, std::string_view bytes, std::string_view doing);
  // Makes `deflated` (zlib data) the stream's whole data, held in one block of exactly its size; libharu
  // writes it as is, under /Filter /FlateDecode.
  void set_flate_data(HPDF_Dict stream, std::string_view deflated, std::string_view doing);
  // Makes `source` (zlib data) the stream's whole data, read when the document is saved and written as is,
  // under /Filter /FlateDecode. The source must be complete by then and outlive the document.
  void set_flate_source(HPDF_Dict stream, const StreamSource& source, std::string_view doing);
  // libharu compresses the stream's data when it writes the file.
  void compress_on_save(HPDF_Dict stream);

  // Writes the document to `sink`. A failed write leaves its errno in sink.error and throws.
  void save(FileSink& sink);

 private:
  struct DocDeleter {
    void operator()(HPDF_Doc doc) const noexcept { HPDF_Free(doc); }
  };

  // Heap-allocated so the address handed to libharu as callback data stays valid.
  std::unique_ptr<LibharuErrorRecord> errors_;
  std::deque<StreamSourceCursor> cursors_;  // a deque: the addresses handed to libharu stay valid
  std::unique_ptr<HPDF_Doc_Rec, DocDeleter> doc_;
};

}  // namespace raingan::pdf
