#include "templating/column_names.h"

#include <stdexcept>

#include "templating/element_registry.h"

namespace raingan::templating {
namespace {

constexpr std::uint32_t max_columns = 16384;  // XFD
constexpr std::int64_t max_row = 1048576;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// 'sheet name'!, the quotes inside doubled, as a formula writes a sheet.
std::string sheet_prefix(const std::string& sheet) {
  std::string out = "'";
  for (char c : sheet) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'!";
}

std::int64_t whole_number(Call& call, std::size_t index, std::int64_t low, std::int64_t high,
                          const char* what) {
  std::int64_t n = 0;
  if (!call.number(index).scaled(0, n) || n < low || n > high)
    call.fail("expected " + std::string(what) + " from " + std::to_string(low) + " to " +
              std::to_string(high) + " as argument " + std::to_string(index + 1));
  return n;
}

}  // namespace

std::string column_letters(std::uint32_t index) {
  std::string letters;
  for (std::uint32_t n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

SheetColumnNames SheetColumnNames::parse(std::string_view text) {
  SheetColumnNames names;
  names.text_ = std::string(text);
  std::uint32_t column = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    if (j == i) break;
    std::string word(text.substr(i, j - i));
    i = j;
    ColumnSpan span{column, 1, false};
    if (const auto star = word.find('*'); star != std::string::npos) {
      const std::string count = word.substr(star + 1);
      word.resize(star);
      if (count.empty() || count.size() > 5 || count.find_first_not_of("0123456789") != std::string::npos)
        throw std::invalid_argument("'" + word + "*" + count + "': expected a number of columns after '*'");
      span.width = static_cast<std::uint32_t>(std::stoul(count));
      span.group = true;
    }
    if (word.empty() || word.find_first_of("!'*") != std::string::npos)
      throw std::invalid_argument(
          "'" + word +
          "' cannot name a column (a name has no spaces, !, ' or *; '-' leaves a column "
          "without one)");
    if (column + span.width > max_columns)
      throw std::invalid_argument("more than " + std::to_string(max_columns) + " columns");
    column += span.width;
    if (word == "-") continue;
    if (const ColumnSpan* earlier = names.find(word))
      throw std::invalid_argument("'" + word + "' names two columns, " + column_letters(earlier->first) +
                                  " and " + column_letters(span.first));
    names.names_.emplace_back(std::move(word), span);
  }
  if (names.names_.empty()) throw std::invalid_argument("no column is named");
  return names;
}

const ColumnSpan* SheetColumnNames::find(std::string_view name) const {
  for (const auto& [known, span] : names_)
    if (known == name) return &span;
  return nullptr;
}

std::optional<std::string_view> SheetColumnNames::nearest(std::string_view name) const {
  std::vector<std::string_view> known;
  known.reserve(names_.size());
  for (const auto& entry : names_) known.push_back(entry.first);
  return nearest_name(name, known);
}

void ColumnNameFunctions::begin_sheet(std::string name, const Element& sheet) {
  if (!read_ahead_.contains(name)) sheets_.erase(name);
  current_ = std::move(name);
  current_element_ = &sheet;
}

void ColumnNameFunctions::name_columns(const std::string& text, int line) {
  SheetColumnNames names;
  try {
    names = SheetColumnNames::parse(text);
  } catch (const std::invalid_argument& error) {
    core_.fail(line, std::string("<columns names>: ") + error.what());
  }
  if (auto ahead = read_ahead_.find(current_); ahead != read_ahead_.end()) {
    read_ahead_.erase(ahead);
    const std::string& earlier = sheets_.at(current_).text();
    if (earlier != text)
      core_.fail(line, "<columns names> of sheet '" + current_ + "' reads \"" + text + "\" here, but \"" +
                           earlier +
                           "\" where a formula before the sheet read it: name its columns from what the "
                           "workbook knows before its first sheet");
    return;
  }
  sheets_.insert_or_assign(current_, std::move(names));
}

bool ColumnNameFunctions::has(std::string_view name) const {
  return name == "col" || name == "col_number" || name == "cell" || name == "cells" || name == "abs_cell" ||
         name == "abs_cells";
}

const Element* ColumnNameFunctions::sheet_element(const std::string& name, std::vector<std::string>& seen) {
  for (const Node& node : core_.file().root->children) {
    if (!node.element || node.element->name != "sheet") continue;
    const Attribute* a = node.element->attribute("name");
    if (!a) continue;
    std::string sheet = core_.text(*a);
    if (sheet == name) return node.element.get();
    seen.push_back(std::move(sheet));
  }
  return nullptr;
}

const SheetColumnNames& ColumnNameFunctions::names_of(Call& call, const std::string& sheet,
                                                      const Element* element) {
  if (auto found = sheets_.find(sheet); found != sheets_.end()) return found->second;
  // A sheet not bound yet (or this one before its <columns>): its names read ahead.
  std::vector<std::string> seen;
  if (!element) element = sheet_element(sheet, seen);
  if (!element) {
    std::string message = "the workbook has no sheet named '" + sheet + "'";
    std::vector<std::string_view> candidates(seen.begin(), seen.end());
    if (const auto nearest = nearest_name(sheet, candidates))
      message += " (did you mean '" + std::string(*nearest) + "'?)";
    call.fail(message);
  }
  for (const Node& node : element->children) {
    if (!node.element || node.element->name != "columns") continue;
    const Attribute* names = node.element->attribute("names");
    if (!names) continue;
    const std::string text = core_.text(*names);
    try {
      auto [entry, added] = sheets_.insert_or_assign(sheet, SheetColumnNames::parse(text));
      read_ahead_.insert(sheet);
      return entry->second;
    } catch (const std::invalid_argument& error) {
      core_.fail(names->line, std::string("<columns names>: ") + error.what());
    }
  }
  call.fail("sheet '" + sheet + "' names no columns: give it <columns names=\"…\">");
}

ColumnNameFunctions::Reference ColumnNameFunctions::resolve(Call& call, std::size_t index) {
  Reference ref;
  const std::string written = call.text(index);
  const auto bang = written.rfind('!');
  if (bang == std::string::npos) {
    if (!current_element_)
      call.fail("outside a <sheet>, write the sheet too: '" + written + "' as 'sheet!name'");
    ref.sheet = current_;
    ref.name = written;
  } else {
    ref.sheet = written.substr(0, bang);
    ref.name = written.substr(bang + 1);
    ref.qualified = true;
  }
  const bool own = !ref.qualified || (current_element_ && ref.sheet == current_);
  const SheetColumnNames& names = names_of(call, ref.sheet, own ? current_element_ : nullptr);
  const ColumnSpan* span = names.find(ref.name);
  if (!span) {
    std::string message = "sheet '" + ref.sheet + "' has no column named '" + ref.name +
                          "' (its <columns names=\"" + names.text() + "\">";
    if (const auto nearest = names.nearest(ref.name))
      message += "; did you mean '" + std::string(*nearest) + "'?";
    call.fail(message + ")");
  }
  ref.span = *span;
  return ref;
}

Value ColumnNameFunctions::call(std::string_view name, Call& call) {
  const bool ranges = name == "cells" || name == "abs_cells";
  const std::string dollar = name.starts_with("abs_") ? "$" : "";
  call.expect_count(ranges ? 3 : 1, ranges ? 4 : 2);
  const Reference ref = resolve(call, 0);
  const ColumnSpan& span = ref.span;
  const std::string prefix = ref.qualified ? sheet_prefix(ref.sheet) : std::string();
  if (name == "col" || name == "col_number") {
    // The letters for a formula, or the column's number from A = 1 for a colspan that reaches it.
    auto column = [&](std::uint32_t index) {
      return name == "col" ? Value::of(column_letters(index))
                           : Value::of(Number::from_int(static_cast<std::int64_t>(index) + 1));
    };
    if (call.has(1)) {
      const auto k = whole_number(call, 1, 1, span.width, ("a column of '" + ref.name + "'").c_str());
      return column(span.first + static_cast<std::uint32_t>(k) - 1);
    }
    if (span.group)
      call.fail("'" + ref.name + "' names " + std::to_string(span.width) + " columns: say which, " +
                std::string(name) + "('" + ref.name + "', 1)");
    return column(span.first);
  }
  if (!ranges) {
    if (span.group)
      call.fail("'" + ref.name + "' names " + std::to_string(span.width) + " columns: write col('" +
                ref.name + "', k) and the row");
    std::int64_t row = 0;
    if (call.has(1)) {
      row = whole_number(call, 1, 1, max_row, "a row");
    } else {
      const Binding* current = core_.scope().find("row_number");
      if (!current || current->current().kind() != Value::Kind::number ||
          !current->current().number().scaled(0, row))
        call.fail("outside a <row>, give the row too: " + std::string(name) + "('" + ref.name + "', 7)");
    }
    return Value::of(prefix + dollar + column_letters(span.first) + dollar + std::to_string(row));
  }
  // cells(name, first, last): the column, or the whole group; cells(name, k, first, last): a group's k-th.
  std::uint32_t from = span.first;
  std::uint32_t to = span.first + span.width - 1;
  std::size_t rows = 1;
  if (call.count() == 4) {
    const auto k = whole_number(call, 1, 1, span.width, ("a column of '" + ref.name + "'").c_str());
    from = to = span.first + static_cast<std::uint32_t>(k) - 1;
    rows = 2;
  } else if (span.width == 0) {
    call.fail("'" + ref.name + "' names no column here");
  }
  const auto first = whole_number(call, rows, 1, max_row, "a row");
  const auto last = whole_number(call, rows + 1, 1, max_row, "a row");
  return Value::of(prefix + dollar + column_letters(from) + dollar + std::to_string(first) + ":" + dollar +
                   column_letters(to) + dollar + std::to_string(last));
}

}  // namespace raingan::templating
