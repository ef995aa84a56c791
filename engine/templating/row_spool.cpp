#include "templating/row_spool.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace raingan::templating {
namespace {

// What a cell holds, as the byte before its value.
enum class Kind : std::uint8_t { empty, text, number, boolean, formula, date };
// What a formula's cached or expected value is.
enum class ResultKind : std::uint8_t { number, text, boolean, absent };

class Encoder {
 public:
  explicit Encoder(std::string& out) : out_(out) {}

  template <class T>
  requires std::is_trivially_copyable_v<T>
  void put(const T& value) {
    const std::size_t at = out_.size();
    out_.resize(at + sizeof(T));
    std::memcpy(out_.data() + at, &value, sizeof(T));
  }
  void put_text(const std::string& text) {
    put(static_cast<std::uint32_t>(text.size()));
    out_.append(text);
  }
  void put_result(const Formula::Result& result) {
    if (const auto* number = std::get_if<double>(&result)) {
      put(ResultKind::number);
      put(*number);
    } else if (const auto* text = std::get_if<std::string>(&result)) {
      put(ResultKind::text);
      put_text(*text);
    } else {
      put(ResultKind::boolean);
      put(std::get<bool>(result));
    }
  }
  void put_merge(const MergedRange& merge) {  // field by field: CellRange has padding
    put(merge.range.first_row);
    put(merge.range.first_col);
    put(merge.range.last_row);
    put(merge.range.last_col);
    put(merge.style);
  }

 private:
  std::string& out_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}

  template <class T>
  requires std::is_trivially_copyable_v<T> T get() {
    T value;
    std::memcpy(&value, take(sizeof(T)).data(), sizeof(T));
    return value;
  }
  std::string get_text() { return std::string(take(get<std::uint32_t>())); }
  Formula::Result get_result(ResultKind kind) {
    switch (kind) {
      case ResultKind::number:
        return get<double>();
      case ResultKind::text:
        return get_text();
      default:
        return get<bool>();
    }
  }
  MergedRange get_merge() {
    MergedRange merge;
    merge.range.first_row = get<std::uint32_t>();
    merge.range.first_col = get<std::uint16_t>();
    merge.range.last_row = get<std::uint32_t>();
    merge.range.last_col = get<std::uint16_t>();
    merge.style = get<StyleId>();
    return merge;
  }
  std::size_t used() const noexcept { return used_; }

 private:
  std::string_view take(std::size_t size) {
    if (in_.size() - used_ < size) throw std::runtime_error("a spooled row ends early");
    const std::string_view bytes = in_.substr(used_, size);
    used_ += size;
    return bytes;
  }

  std::string_view in_;
  std::size_t used_ = 0;
};

void encode(const SheetRow& row, std::string& out) {
  Encoder e(out);
  const std::size_t length_at = out.size();
  e.put(std::uint32_t{0});  // the row's length, set below
  e.put(row.index);
  e.put(row.height.has_value());
  if (row.height) e.put(*row.height);
  e.put(static_cast<std::uint32_t>(row.merges.covered.size()));
  for (const auto& blank : row.merges.covered) {
    e.put(blank.col);
    e.put(blank.style);
  }
  e.put(static_cast<std::uint32_t>(row.merges.starting.size()));
  for (const auto& merge : row.merges.starting) e.put_merge(merge);
  e.put(static_cast<std::uint32_t>(row.merges.finishing.size()));
  for (const auto& merge : row.merges.finishing) e.put_merge(merge);
  e.put(static_cast<std::uint32_t>(row.cells.size()));
  for (const Cell& cell : row.cells) {
    e.put(cell.style);
    e.put(cell.colspan);
    e.put(cell.rowspan);
    e.put(cell.col);
    if (const auto* text = std::get_if<std::string>(&cell.value)) {
      e.put(Kind::text);
      e.put_text(*text);
    } else if (const auto* number = std::get_if<double>(&cell.value)) {
      e.put(Kind::number);
      e.put(*number);
    } else if (const auto* boolean = std::get_if<bool>(&cell.value)) {
      e.put(Kind::boolean);
      e.put(*boolean);
    } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
      e.put(Kind::formula);
      e.put_text(formula->text);
      e.put_result(formula->cached);
      if (formula->expected)
        e.put_result(*formula->expected);
      else
        e.put(ResultKind::absent);
      e.put(formula->line);
    } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
      e.put(Kind::date);
      e.put(*date);
    } else {
      e.put(Kind::empty);
    }
  }
  const auto length = static_cast<std::uint32_t>(out.size() - length_at);
  std::memcpy(out.data() + length_at, &length, sizeof length);
}

SheetRow decode(std::string_view bytes) {
  Decoder d(bytes);
  (void)d.get<std::uint32_t>();  // the length, known to the caller
  SheetRow row;
  row.index = d.get<std::uint32_t>();
  if (d.get<bool>()) row.height = d.get<double>();
  row.merges.covered.resize(d.get<std::uint32_t>());
  for (auto& blank : row.merges.covered) {
    blank.col = d.get<std::uint16_t>();
    blank.style = d.get<StyleId>();
  }
  row.merges.starting.resize(d.get<std::uint32_t>());
  for (auto& merge : row.merges.starting) merge = d.get_merge();
  row.merges.finishing.resize(d.get<std::uint32_t>());
  for (auto& merge : row.merges.finishing) merge = d.get_merge();
  row.cells.resize(d.get<std::uint32_t>());
  for (Cell& cell : row.cells) {
    cell.style = d.get<StyleId>();
    cell.colspan = d.get<std::uint16_t>();
    cell.rowspan = d.get<std::uint32_t>();
    cell.col = d.get<std::uint16_t>();
    switch (d.get<Kind>()) {
      case Kind::text:
        cell.value = d.get_text();
        break;
      case Kind::number:
        cell.value = d.get<double>();
        break;
      case Kind::boolean:
        cell.value = d.get<bool>();
        break;
      case Kind::formula: {
        Formula formula;
        formula.text = d.get_text();
        formula.cached = d.get_result(d.get<ResultKind>());
        if (const auto kind = d.get<ResultKind>(); kind != ResultKind::absent)
          formula.expected = d.get_result(kind);
        formula.line = d.get<int>();
        cell.value = std::move(formula);
        break;
      }
      case Kind::date:
        cell.value = d.get<CellDate>();
        break;
      case Kind::empty:
        break;
    }
  }
  if (d.used() != bytes.size()) throw std::runtime_error("a spooled row has bytes left over");
  return row;
}

}  // namespace

RowSpool::RowSpool() : file_(open_unnamed_file("raingan-rows")) { buffer_.reserve(spool_piece); }

void RowSpool::append(const SheetRow& row) {
  if (reading_) throw std::logic_error("RowSpool::append after next()");
  encode(row, buffer_);
  ++rows_;
  if (file_ && buffer_.size() >= spool_piece) flush();
}

void RowSpool::flush() {
  if (!write_all(file_.descriptor(), buffer_))
    throw std::runtime_error(std::string("cannot write a temporary file: ") + std::strerror(errno));
  stored_ += buffer_.size();
  buffer_.clear();
}

void RowSpool::start_reading() {
  reading_ = true;
  if (!file_) return;  // buffer_ holds every row
  if (!buffer_.empty()) flush();
  buffer_.clear();
}

void RowSpool::need(std::size_t size) {
  if (buffer_.size() - read_at_ >= size) return;
  if (!file_) throw std::runtime_error("the row spool ends early");
  buffer_.erase(0, read_at_);
  read_at_ = 0;
  while (buffer_.size() < size) {
    const std::uint64_t left = stored_ - file_read_;
    if (left == 0) throw std::runtime_error("the row spool ends early");
    const std::size_t have = buffer_.size();
    const auto wanted =
        static_cast<std::size_t>(std::min<std::uint64_t>(std::max(size - have, spool_piece), left));
    buffer_.resize(have + wanted);
    const ssize_t got =
        ::pread(file_.descriptor(), buffer_.data() + have, wanted, static_cast<off_t>(file_read_));
    buffer_.resize(have + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) throw std::runtime_error("cannot read back a temporary file");
    file_read_ += static_cast<std::uint64_t>(got);
  }
}

SheetRow RowSpool::next() {
  if (!reading_) start_reading();
  need(sizeof(std::uint32_t));
  std::uint32_t length = 0;
  std::memcpy(&length, buffer_.data() + read_at_, sizeof length);
  need(length);
  SheetRow row = decode(std::string_view(buffer_).substr(read_at_, length));
  read_at_ += length;
  return row;
}

}  // namespace raingan::templating
