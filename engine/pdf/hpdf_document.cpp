#include "pdf/hpdf_document.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <string>

namespace raingan::pdf {
namespace {

// The meaning of the libharu errors this exporter can run into; others are reported by number only.
std::string_view describe(HPDF_STATUS error_number) {
  switch (error_number) {
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "out of memory";
    case HPDF_FILE_IO_ERROR:
      return "file write failed";
    case HPDF_FILE_OPEN_ERROR:
      return "cannot open file";
    case HPDF_INVALID_DOCUMENT:
      return "invalid document";
    case HPDF_INVALID_IMAGE:
      return "invalid image";
    case HPDF_INVALID_JPEG_DATA:
      return "invalid JPEG data";
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
      return "unsupported JPEG format";
    case HPDF_INVALID_PNG_IMAGE:
      return "invalid PNG image";
    case HPDF_LIBPNG_ERROR:
      return "libpng error";
    case HPDF_INVALID_OBJECT:
      return "invalid object";
    case HPDF_INVALID_PAGE:
      return "invalid page";
    case HPDF_INVALID_PARAMETER:
      return "invalid parameter";
    case HPDF_PAGE_INVALID_SIZE:
      return "invalid page size";
    case HPDF_REAL_OUT_OF_RANGE:
      return "number out of range";
    case HPDF_STRING_OUT_OF_RANGE:
      return "string too long";
    case HPDF_DICT_COUNT_ERR:
      return "too many dictionary entries";
    case HPDF_ARRAY_COUNT_ERR:
      return "too many array items";
    case HPDF_XREF_COUNT_ERR:
      return "too many objects";
    case HPDF_ZLIB_ERROR:
      return "zlib error";
    case HPDF_INVALID_DESTINATION:
      return "invalid destination";
    case HPDF_INVALID_OUTLINE:
      return "invalid outline";
    case HPDF_INVALID_ANNOTATION:
      return "invalid annotation";
    default:
      return {};
  }
}

std::string message(HPDF_STATUS error_number, HPDF_STATUS detail, std::string_view doing) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string text = "libharu error 0x";
  for (int shift = 12; shift >= 0; shift -= 4) text += digits[(error_number >> shift) & 0xF];
  const auto meaning = describe(error_number);
  if (!meaning.empty() || detail != 0) {
    text += " (";
    text += meaning;
    if (detail != 0) text += (meaning.empty() ? "detail " : ", detail ") + std::to_string(detail);
    text += ')';
  }
  text += " while ";
  text += doing;
  return text;
}

// The trailing entry of a stream dictionary whose data is already compressed (libharu would otherwise
// drop a hand-written /Filter from a stream it does not compress itself).
extern "C" HPDF_STATUS write_flate_filter_entry(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

// libharu's C callbacks: they must not throw, so they only record what happened.
extern "C" {
static void record_libharu_error(HPDF_STATUS error_number, HPDF_STATUS detail, void* user_data) {
  auto* record = static_cast<LibharuErrorRecord*>(user_data);
  if (record->error_number == HPDF_OK) *record = {error_number, detail};
}

// A StreamSource read by libharu as it saves the document: from the start, in blocks.
static HPDF_STATUS read_stream_source(HPDF_Stream stream, HPDF_BYTE* data, HPDF_UINT* size) {
  auto* cursor = static_cast<StreamSourceCursor*>(stream->attr);
  const std::size_t total = cursor->source->size();
  const std::size_t count = std::min<std::size_t>(*size, total - std::min(total, cursor->position));
  if (count > 0 && !cursor->source->read(cursor->position, {data, count})) {
    *size = 0;
    return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
  }
  cursor->position += count;
  *size = static_cast<HPDF_UINT>(count);
  return cursor->position >= total ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS seek_stream_source(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode) {
  auto* cursor = static_cast<StreamSourceCursor*>(stream->attr);
  const auto total = static_cast<long long>(cursor->source->size());
  long long target = position;
  if (mode == HPDF_SEEK_CUR) target += static_cast<long long>(cursor->position);
  if (mode == HPDF_SEEK_END) target += total;
  if (target < 0 || target > total) return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
  cursor->position = static_cast<std::size_t>(target);
  return HPDF_OK;
}

static HPDF_INT32 tell_stream_source(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<StreamSourceCursor*>(stream->attr)->position);
}

static HPDF_UINT32 size_of_stream_source(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<StreamSourceCursor*>(stream->attr)->source->size());
}

static HPDF_STATUS write_to_file_sink(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
  auto* sink = static_cast<FileSink*>(stream->attr);
  if (sink->error != 0) return HPDF_FILE_IO_ERROR;
  if (size > 0 && std::fwrite(data, 1, size, sink->file) != size) {
    sink->error = errno != 0 ? errno : EIO;
    return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, static_cast<HPDF_STATUS>(sink->error));
  }
  return HPDF_OK;
}
}

LibharuError::LibharuError(HPDF_STATUS error_number, HPDF_STATUS detail, std::string_view doing)
    : std::runtime_error(message(error_number, detail, doing)),
      error_number_(error_number),
      detail_(detail) {}

HpdfDocument::HpdfDocument() : errors_(std::make_unique<LibharuErrorRecord>()) {
  doc_.reset(HPDF_NewEx(record_libharu_error, nullptr, nullptr, 0, errors_.get()));
  if (!doc_) throw LibharuError(HPDF_FAILD_TO_ALLOC_MEM, 0, "creating the PDF document");
  doc_->pdf_version = HPDF_VER_15;
  check(HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_IMAGE | HPDF_COMP_METADATA) == HPDF_OK,
        "setting compression");
}

HpdfDocument::~HpdfDocument() = default;

void HpdfDocument::check(bool ok, std::string_view doing) {
  LibharuErrorRecord& recorded = *errors_;
  const HPDF_STATUS current = HPDF_GetError(doc_.get());
  if (ok && current == HPDF_OK && recorded.error_number == HPDF_OK) return;
  const bool from_callback = recorded.error_number != HPDF_OK;
  HPDF_STATUS error_number = from_callback ? recorded.error_number : current;
  const HPDF_STATUS detail = from_callback ? recorded.detail : HPDF_GetErrorDetail(doc_.get());
  if (error_number == HPDF_OK) error_number = HPDF_INVALID_OBJECT;  // a call failed without saying why
  recorded = {};
  HPDF_ResetError(doc_.get());
  throw LibharuError(error_number, detail, doing);
}

HPDF_Dict HpdfDocument::new_dict(std::string_view doing) { return require(HPDF_Dict_New(mmgr()), doing); }

HPDF_Dict HpdfDocument::new_indirect_dict(std::string_view doing) {
  HPDF_Dict dict = new_dict(doing);
  check(HPDF_Xref_Add(xref(), dict) == HPDF_OK, doing);
  return dict;
}

HPDF_Dict HpdfDocument::new_stream(std::string_view doing) {
  return require(HPDF_DictStream_New(mmgr(), xref()), doing);
}

HPDF_Array HpdfDocument::new_array(std::string_view doing) { return require(HPDF_Array_New(mmgr()), doing); }

HPDF_Binary HpdfDocument::new_byte_string(std::string_view bytes, std::string_view doing) {
  // libharu copies the bytes; its signature is merely not const-correct.
  auto* data = reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data()));
  return require(HPDF_Binary_New(mmgr(), data, static_cast<HPDF_UINT>(bytes.size())), doing);
}

void HpdfDocument::add(HPDF_Dict dict, const char* key, void* object, std::string_view doing) {
  check(object != nullptr && HPDF_Dict_Add(dict, key, object) == HPDF_OK, doing);
}

void HpdfDocument::add_name(HPDF_Dict dict, const char* key, const char* name, std::string_view doing) {
  check(HPDF_Dict_AddName(dict, key, name) == HPDF_OK, doing);
}

void HpdfDocument::add_integer(HPDF_Dict dict, const char* key, long long value, std::string_view doing) {
  check(HPDF_Dict_AddNumber(dict, key, static_cast<HPDF_INT32>(value)) == HPDF_OK, doing);
}

void HpdfDocument::add_real(HPDF_Dict dict, const char* key, double value, std::string_view doing) {
  check(HPDF_Dict_AddReal(dict, key, static_cast<HPDF_REAL>(value)) == HPDF_OK, doing);
}

void HpdfDocument::push(HPDF_Array array, void* object, std::string_view doing) {
  check(object != nullptr && HPDF_Array_Add(array, object) == HPDF_OK, doing);
}

void HpdfDocument::push_integer(HPDF_Array array, long long value, std::string_view doing) {
  check(HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(value)) == HPDF_OK, doing);
}

void HpdfDocument::push_real(HPDF_Array array, double value, std::string_view doing) {
  check(HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(value)) == HPDF_OK, doing);
}

void HpdfDocument::push_name(HPDF_Array array, const char* name, std::string_view doing) {
  check(HPDF_Array_AddName(array, name) == HPDF_OK, doing);
}

void HpdfDocument::write(HPDF_Dict stream, std::string_view bytes, std::string_view doing) {
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  check(stream->stream != nullptr &&
            HPDF_Stream_Write(stream->stream, data, static_cast<HPDF_UINT>(bytes.size())) == HPDF_OK,
        doing);
}

void HpdfDocument::set_flate_data(HPDF_Dict stream, std::string_view deflated, std::string_view doing) {
  // libharu's streams grow in 4 KB blocks; a page's content is final, so one block of its size is enough.
  HPDF_Stream data = require(
      HPDF_MemStream_New(mmgr(), static_cast<HPDF_UINT>(std::max<std::size_t>(deflated.size(), 1))), doing);
  const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(deflated.data());
  if (HPDF_Stream_Write(data, bytes, static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK) {
    HPDF_Stream_Free(data);
    check(false, doing);
  }
  if (stream->stream) HPDF_Stream_Free(stream->stream);
  stream->stream = data;
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter_entry;
}

void HpdfDocument::set_flate_source(HPDF_Dict stream, const StreamSource& source, std::string_view doing) {
  StreamSourceCursor& cursor = cursors_.emplace_back(StreamSourceCursor{&source, 0});
  HPDF_Stream data = HPDF_CallbackReader_New(mmgr(), read_stream_source, seek_stream_source,
                                             tell_stream_source, size_of_stream_source, &cursor);
  if (!data) {
    cursors_.pop_back();
    check(false, doing);
  }
  if (stream->stream) HPDF_Stream_Free(stream->stream);
  stream->stream = data;
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter_entry;
}

void HpdfDocument::compress_on_save(HPDF_Dict stream) { stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE; }

void HpdfDocument::save(FileSink& sink) {
  // libharu's own file writer ignores the result of fclose; writing through a callback lets every failed
  // write be seen, and the caller closes the file and checks that too.
  HPDF_Stream stream =
      require(HPDF_CallbackWriter_New(mmgr(), write_to_file_sink, &sink), "preparing output");
  if (doc_->stream) HPDF_Stream_Free(doc_->stream);
  doc_->stream = stream;
  const bool saved = HPDF_SaveToStream(doc_.get()) == HPDF_OK;
  if (sink.error != 0) {
    *errors_ = {};
    HPDF_ResetError(doc_.get());
    throw LibharuError(HPDF_FILE_IO_ERROR, static_cast<HPDF_STATUS>(sink.error), "writing the PDF file");
  }
  check(saved, "writing the PDF file");
}

}  // namespace raingan::pdf
