#pragma once
// What the differential test's generator shares (internal to tests/differential): the data columns and the
// words they hold, its random numbers, and random references to the data cells.

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "differential/formula_generator.h"
#include "formula/cell_address.h"

namespace raingan::test {

enum Column {
  numbers = 0,
  sorted = 1,
  words = 2,
  thai = 3,
  numeric_text = 4,
  codes = 5,
  flags = 6,
  dates = 7,
  errors = 8
};

inline const std::vector<std::string> english_words = {"apple", "Apple", "APPLE", "banana", "Cherry",
                                                       "kiwi",  "lemon", "Mango", "melon",  "peach",
                                                       "pear",  "plum",  "zebra", "alpha"};
inline const std::vector<std::string> thai_words = {"สิบ",      "ยี่สิบ",    "สามสิบ",   "โรงเรียนบ้านหนองบัว",
                                                    "ครู",      "นักเรียน", "ค่าพาหนะ", "เกินกำหนด",
                                                    "เสร็จแล้ว", "ป.๑",    "อ.2",     "กรุงเทพฯ"};
inline const std::vector<std::string> numeric_texts = {
    "12", " 7 ", "1,234.5", "50%", "-3.5", "1e3", "2024-01-31", "0012", "(5)", "$5", "abc12", "12abc"};
inline const std::vector<std::string> code_values = {"S01",        "S02",        "S03",
                                                     "1034560001", "1034560002", "1034560003"};
inline const std::vector<std::string> number_formats = {"#,##0.00",
                                                        "0.00",
                                                        "0",
                                                        "0%",
                                                        "0.0%",
                                                        "#,##0",
                                                        "#,##0;-#,##0;\"-\"",
                                                        "#,##0.00;[Red]-#,##0.00",
                                                        "[$-D00041E]#,##0.00",
                                                        "#,##0.0,"};
inline const std::vector<std::string> date_formats = {
    "[$-D07041E]d mmmm yyyy", "[$-D07041E]d mmm yy", "[$-D07041E]d/m/yyyy", "d/m/yyyy", "yyyy-mm-dd",
    "[$-107041E]d mmmm yyyy"};

// splitmix64: the same numbers from a seed everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int low, int high) { return low + below(high - low + 1); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

 private:
  std::uint64_t state_;
};

inline std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

inline std::string number_text(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

// Random references to data cells from a formula on sheet `current`: cells, ranges, whole columns, with or
// without $ and the sheet's name.
class Places {
 public:
  Places(Random& random, const std::vector<std::string>& sheets) : random_(random), sheets_(sheets) {}
  void set_current(int sheet) { sheet_ = sheet; }
  int current() const { return sheet_; }
  int whole_columns() const { return whole_columns_; }

  // The sheet of a reference: mostly the formula's own, often another (its name quoted: Thai, ', space).
  int pick_sheet() { return random_.chance(65) ? sheet_ : random_.below(3); }

  std::string prefix(int sheet) {
    if (sheet == sheet_ && random_.chance(85)) return "";
    return formula::quoted_sheet_name(sheets_[static_cast<std::size_t>(sheet)]) + "!";
  }

  std::string corner(int column, int row) {
    return std::string(random_.chance(30) ? "$" : "") +
           formula::column_name(static_cast<std::uint32_t>(column)) + (random_.chance(30) ? "$" : "") +
           std::to_string(row + 1);
  }

  std::string cell(int sheet, int column, int row) { return prefix(sheet) + corner(column, row); }

  std::string range(int sheet, int first_column, int last_column, int first_row, int last_row) {
    return prefix(sheet) + corner(first_column, first_row) + ":" + corner(last_column, last_row);
  }

  // A run of rows: the whole column part or a random stretch of it.
  std::pair<int, int> rows() {
    if (random_.chance(30)) return {0, data_rows - 1};
    const int first = random_.below(data_rows - 2);
    return {first, random_.between(first + 1, data_rows - 1)};
  }

  std::string column_range(int column) {
    if (whole_columns_ < 6 && random_.chance(5)) return whole_column(pick_sheet(), column);
    const auto [first, last] = rows();
    return range(pick_sheet(), column, column, first, last);
  }

  // A:A, reaching row 1,048,576. A few per workbook: LibreOffice takes its time over them.
  std::string whole_column(int sheet, int column) {
    ++whole_columns_;
    const std::string dollar = random_.chance(50) ? "$" : "";
    const std::string name = formula::column_name(static_cast<std::uint32_t>(column));
    return prefix(sheet) + dollar + name + ":" + dollar + name;
  }

 private:
  Random& random_;
  const std::vector<std::string>& sheets_;
  int sheet_ = 0;
  int whole_columns_ = 0;
};

// The data cells of every sheet (GeneratedWorkbook::constants, and the formulas of column I);
// amounts[sheet][row] is column A's value (0 for a blank).
void fill_data(GeneratedWorkbook& out, Random& random, double (&amounts)[3][data_rows]);

}  // namespace raingan::test
