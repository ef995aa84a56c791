// Fitted column widths of large registers: when a style's digits share one advance, texts that differ only in
// their digits are measured once, and the widths come out as if every text had been measured.
#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <string>

#include "xlsx/column_fit.h"
#include "xlsx/workbook_writer.h"
#include "xlsx_support.h"

namespace fs = std::filesystem;
using namespace raingan::templating;
using namespace raingan::xlsx;

namespace {

// A measure whose widths are known: each character has an advance, and every call is counted.
struct CountingMeasure {
  std::map<char, double> advance;  // others: 6 points
  std::shared_ptr<int> calls = std::make_shared<int>(0);
  double operator()(std::string_view text, const CellStyle& style) const {
    ++*calls;
    double width = 0;
    for (const char c : text) width += advance.count(c) ? advance.at(c) : 6.0;
    return width * style.font_size / 16;
  }
};

// The stored widths of columns A and B of the first sheet of a register of ids and amounts.
std::pair<double, double> write_ids(const fs::path& path, const CountingMeasure& measure, int rows) {
  WorkbookWriter writer(path, {}, measure);
  const StyleId money = writer.add_style({.number_format = "#,##0.00"});
  writer.begin_sheet({.name = "ids"});
  raingan::test::PlacedRows placed(writer);
  for (int row = 0; row < rows; ++row) {
    char id[16];
    std::snprintf(id, sizeof id, "S%06d", row + 1);
    const std::array cells{Cell{std::string(id)}, Cell{(row % 97) * 1000.5, money}};
    placed.write(static_cast<std::uint32_t>(row), cells);
  }
  writer.end_sheet();
  writer.finish();
  const std::string sheet = raingan::test::read_zip_member(path, "xl/worksheets/sheet1.xml");
  auto width = [&](int col) {
    std::smatch match;
    const std::regex pattern("<col min=\"" + std::to_string(col) + "\" max=\"" + std::to_string(col) +
                             "\" width=\"([0-9.]+)\"");
    REQUIRE(std::regex_search(sheet, match, pattern));
    return std::stod(match[1]);
  };
  return {width(1), width(2)};
}

struct Scratch {
  fs::path folder = fs::temp_directory_path() / ("raingan-measure-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(folder); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
};

}  // namespace

TEST_CASE("xlsx writer: with tabular digits, ids and amounts are measured once per shape") {
  Scratch scratch;
  CountingMeasure measure;  // every digit 6 points wide: tabular
  const auto [ids, amounts] = write_ids(scratch.folder / "tabular.xlsx", measure, 5000);
  // 5,000 different ids and 97 different amounts, yet only a handful of shapes (S000000; 0.00, 0,000.00,
  // 00,000.00, …) plus the digits checked once per style and for the width unit.
  CHECK(*measure.calls < 60);
  const int mdw = max_digit_width_pixels(measure, CellStyle{});
  CHECK(ids ==
        doctest::Approx(
            std::floor((std::round(libxlsxwriter_width(stored_width_from_points(7 * 6.0, mdw)) * 7) + 5) / 7 *
                       256) /
            256));
  CHECK(amounts > ids);
}

TEST_CASE("xlsx writer: digits of different widths are measured text by text, and the widest wins") {
  Scratch scratch;
  CountingMeasure proportional;
  proportional.advance['1'] = 3;
  proportional.advance['8'] = 9;  // S000008 is wider than S000001, and S000888 wider still
  const auto [ids, amounts] = write_ids(scratch.folder / "proportional.xlsx", proportional, 1000);
  CHECK(*proportional.calls > 1000);
  const int mdw = max_digit_width_pixels(proportional, CellStyle{});
  const double widest = proportional("S000888", CellStyle{});  // the widest id up to 1,000
  CHECK(ids ==
        doctest::Approx(
            std::floor((std::round(libxlsxwriter_width(stored_width_from_points(widest, mdw)) * 7) + 5) / 7 *
                       256) /
            256));
  (void)amounts;
}
