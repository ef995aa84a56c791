#include "formula/workbook.h"

#include <stdexcept>

#include "formula/coercion.h"
#include "formula/workbook_data.h"

namespace raingan::formula {
namespace {

void check_cell(CellAddress cell) {
  if (cell.row >= max_rows || cell.column >= max_columns)
    throw std::out_of_range("cell row " + std::to_string(cell.row + 1) + ", column " +
                            std::to_string(cell.column + 1) + " is beyond the sheet's last cell XFD1048576");
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

void Column::set_pending(std::uint32_t row, bool on) {
  if (pending.size() <= row / 64) pending.resize(row / 64 + 1, 0);
  const std::uint64_t bit = std::uint64_t{1} << (row % 64);
  if (((pending[row / 64] & bit) != 0) == on) return;
  pending[row / 64] ^= bit;
  if (on) {
    ++pending_count;
  } else {
    --pending_count;
  }
}

std::uint32_t Column::next_pending(std::uint32_t from, std::uint32_t to) const {
  if (pending_count == 0) return to + 1;
  std::size_t word = from / 64;
  if (word >= pending.size()) return to + 1;
  std::uint64_t bits = pending[word] & (~std::uint64_t{0} << (from % 64));
  while (true) {
    if (bits != 0) {
      const std::uint64_t row = word * 64 + static_cast<std::uint64_t>(std::countr_zero(bits));
      return row <= to ? static_cast<std::uint32_t>(row) : to + 1;
    }
    if (++word >= pending.size() || word * 64 > to) return to + 1;
    bits = pending[word];
  }
}

Column& Workbook::Data::column(SheetId sheet, std::uint32_t column) {
  SheetData& s = sheets.at(sheet);
  if (s.columns.size() <= column) s.columns.resize(column + 1);
  return s.columns[column];
}

void Workbook::Data::store(SheetId sheet, std::uint32_t row, std::uint32_t column_index, const Value& value,
                           std::uint8_t flags) {
  Column& c = column(sheet, column_index);
  if (c.kinds.size() <= row) {
    c.kinds.resize(row + 1, 0);
    c.payloads.resize(row + 1, 0);
  }
  std::uint64_t payload = 0;
  CellKind kind = CellKind::blank;
  switch (value.kind()) {
    case ValueKind::blank:
      break;
    case ValueKind::number:
      kind = CellKind::number;
      payload = std::bit_cast<std::uint64_t>(value.as_number());
      break;
    case ValueKind::text:
      kind = CellKind::text;
      payload = texts.intern(value.as_text());
      break;
    case ValueKind::boolean:
      kind = CellKind::boolean;
      payload = value.as_boolean() ? 1 : 0;
      break;
    case ValueKind::error:
      kind = CellKind::error;
      payload = static_cast<std::uint64_t>(value.as_error());
      break;
  }
  c.kinds[row] = static_cast<std::uint8_t>(static_cast<std::uint8_t>(kind) | flags);
  c.payloads[row] = payload;
}

Workbook::Workbook() : data_(std::make_unique<Data>()) {}
Workbook::~Workbook() = default;
Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;

SheetId Workbook::add_sheet(std::string_view name) {
  if (name.empty()) throw std::invalid_argument("a sheet needs a name");
  if (utf8_length(name) > 31)
    throw std::invalid_argument("sheet name '" + std::string(name) + "' is longer than 31 characters");
  if (name.find_first_of(":\\/?*[]") != std::string_view::npos)
    throw std::invalid_argument("sheet name '" + std::string(name) + "' has one of : \\ / ? * [ ]");
  if (name.front() == '\'' || name.back() == '\'')
    throw std::invalid_argument("sheet name '" + std::string(name) + "' starts or ends with '");
  if (find_sheet(name))
    throw std::invalid_argument("there is already a sheet named '" + std::string(name) + "'");
  data_->sheets.emplace_back().name = std::string(name);
  return static_cast<SheetId>(data_->sheets.size() - 1);
}

std::optional<SheetId> Workbook::find_sheet(std::string_view name) const {
  for (std::size_t i = 0; i < data_->sheets.size(); ++i)
    if (equal_text(data_->sheets[i].name, name)) return static_cast<SheetId>(i);
  return std::nullopt;
}

std::string_view Workbook::sheet_name(SheetId sheet) const { return data_->sheets.at(sheet).name; }
std::size_t Workbook::sheet_count() const { return data_->sheets.size(); }

void Workbook::set_value(SheetId sheet, CellAddress cell, const Value& value) {
  check_cell(cell);
  SheetData& s = data_->sheets.at(sheet);
  Column& column = data_->column(sheet, cell.column);
  if (column.kind(cell.row) == CellKind::pending) {
    s.formulas[column.payloads[cell.row]].state = FormulaState::replaced;
    column.set_pending(cell.row, false);
  }
  data_->store(sheet, cell.row, cell.column, value, 0);
  s.rows = std::max(s.rows, cell.row + 1);
  s.column_count = std::max(s.column_count, cell.column + 1);
}

FormulaId Workbook::add_formula(std::string_view text, CellAddress anchor) {
  Formula::parse_into(data_->scratch, text, anchor);
  return add_formula(data_->scratch);
}

FormulaId Workbook::add_formula(const Formula& formula) {
  const std::size_t hash = formula.hash();
  const auto [first, last] = data_->formula_index.equal_range(hash);
  for (auto it = first; it != last; ++it)
    if (data_->formulas[it->second] == formula) return it->second;
  const FormulaId id = static_cast<FormulaId>(data_->formulas.size());
  data_->formulas.push_back(formula);
  data_->formula_index.emplace(hash, id);
  return id;
}

const Formula& Workbook::formula(FormulaId id) const { return data_->formulas.at(id); }
std::size_t Workbook::formula_count() const { return data_->formulas.size(); }

void Workbook::set_formula(SheetId sheet, CellAddress cell, FormulaId id) {
  check_cell(cell);
  if (id >= data_->formulas.size()) throw std::out_of_range("no formula with id " + std::to_string(id));
  set_value(sheet, cell, Value{});
  SheetData& s = data_->sheets[sheet];
  Column& column = data_->column(sheet, cell.column);
  s.formulas.push_back(FormulaCell{.formula = id});
  data_->waiting.push_back(WaitingCell{sheet, cell});
  column.kinds[cell.row] = static_cast<std::uint8_t>(CellKind::pending) | formula_flag;
  column.payloads[cell.row] = s.formulas.size() - 1;
  column.set_pending(cell.row, true);
}

void Workbook::compact(SheetId sheet) {
  for (Column& column : data_->sheets.at(sheet).columns) {
    column.kinds.shrink_to_fit();
    column.payloads.shrink_to_fit();
  }
}

CellAddress Workbook::extent(SheetId sheet) const {
  const SheetData& s = data_->sheets.at(sheet);
  return {s.rows, s.column_count};
}

Value Workbook::value(SheetId sheet, CellAddress cell) const {
  const SheetData& s = data_->sheets.at(sheet);
  if (cell.column >= s.columns.size()) return Value{};
  return s.columns[cell.column].value(cell.row, data_->texts);
}

std::size_t Workbook::memory_bytes() const {
  std::size_t bytes = data_->texts.bytes_reserved();
  for (const SheetData& s : data_->sheets) {
    bytes += s.formulas.capacity() * sizeof(FormulaCell);
    for (const Column& c : s.columns)
      bytes += c.kinds.capacity() + c.payloads.capacity() * 8 + c.pending.capacity() * 8 + sizeof(Column);
  }
  for (const Formula& f : data_->formulas)
    bytes += sizeof(Formula) + f.nodes().capacity() * sizeof(Node) +
             f.references().capacity() * sizeof(Reference) + f.numbers().capacity() * 8;
  return bytes;
}

}  // namespace raingan::formula
