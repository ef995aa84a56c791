// Writes sample transport-allowance registers for the XLSX tests and measurements:
//   xlsx_sample good OUT.xlsx          every formula carries the value a spreadsheet computes
//   xlsx_sample wrong OUT.xlsx         the same, with wrong cached values in H4 and C5 of sheet นักเรียน
//   xlsx_sample bench OUT.xlsx ROWS [--no-shaping]
//                                      ROWS rows x 8 columns (text, numbers, dates, a VLOOKUP per row);
//                                      --no-shaping measures text by its length, to time the writer alone
// Cached values are computed here the way the engine does: money in integer satang.
#include <array>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "xlsx/number_formats.h"
#include "xlsx/workbook_writer.h"
#include "xlsx_support.h"

namespace {

using namespace raingan::templating;
using namespace raingan::xlsx;

struct School {
  const char* code;
  const char* name;
};
constexpr std::array<School, 4> schools = {{{"S01", "โรงเรียนบ้านหนองบัว"},
                                            {"S02", "โรงเรียนบ้านโคกสูง (ประชาสามัคคี)"},
                                            {"S03", "โรงเรียนวัดศรีสุทธาวาส"},
                                            {"S04", "โรงเรียนบ้านนาคำ"}}};
constexpr std::array<const char*, 6> given_names = {"เด็กชายกิตติพัฒน์", "เด็กหญิงญาณิศา", "เด็กชายธนกฤต",
                                                    "เด็กหญิงปุณยวีร์",  "เด็กชายณัฐวุฒิ",  "เด็กหญิงฐิติมา"};

std::int64_t baht_per_day(int tenths_km) { return tenths_km <= 30 ? 10 : tenths_km <= 100 ? 15 : 20; }

struct Styles {
  StyleId title, header, text, number, money, date, input, flag;
};

Styles add_styles(WorkbookWriter& writer) {
  using B = CellStyle::Border;
  using H = CellStyle::HAlign;
  Styles s{};
  s.title = writer.add_style({.font_size = 18, .bold = true, .h_align = H::center});
  s.header = writer.add_style(
      {.bold = true, .h_align = H::center, .wrap = true, .border = B::thin, .fill_rgb = 0xD9E1F2});
  s.text = writer.add_style({.border = B::thin});
  s.number = writer.add_style({.number_format = "0.0", .border = B::thin});
  s.money = writer.add_style({.number_format = std::string(number_formats::money), .border = B::thin});
  s.date =
      writer.add_style({.number_format = std::string(number_formats::thai_date_long), .border = B::thin});
  s.input =
      writer.add_style({.number_format = "0.0", .border = B::thin, .fill_rgb = 0xFFF2CC, .locked = false});
  s.flag = writer.add_style({.h_align = H::center, .border = B::thin});
  return s;
}

void write_schools(WorkbookWriter& writer, const Styles& s) {
  writer.begin_sheet({.name = "โรงเรียน", .freeze_rows = 1});
  raingan::test::PlacedRows rows(writer);
  rows.write(0, std::array{Cell{"รหัส", s.header}, Cell{"ชื่อโรงเรียน", s.header}});
  std::uint32_t row = 1;
  for (const auto& school : schools)
    rows.write(row++, std::array{Cell{school.code, s.text}, Cell{school.name, s.text}});
  rows.end();
  writer.end_sheet();
}

int write_register(const std::string& path, bool wrong) {
  raingan::test::LaksamanMeasure measure;
  WorkbookWriter writer(path,
                        {.properties = {.title = "ทะเบียนค่าพาหนะรับ-ส่งนักเรียน",
                                        .author = "กลุ่มนโยบายและแผน",
                                        .company = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา"}},
                        measure);
  const Styles s = add_styles(writer);
  write_schools(writer, s);

  constexpr int students = 60;  // enough for three printed pages, to see the header rows repeat
  SheetSetup setup{.name = "นักเรียน", .freeze_rows = 2};
  setup.autofilter = CellRange{1, 0, students + 1, 9};
  setup.print.landscape = true;
  setup.print.repeat_rows_first = 0;
  setup.print.repeat_rows_last = 1;
  writer.begin_sheet(setup);
  raingan::test::PlacedRows rows(writer);
  rows.write(0, std::array{Cell{"ทะเบียนค่าพาหนะรับ-ส่งนักเรียน ภาคเรียนที่ ๑/๒๕๖๗", s.title, 10}});
  rows.write(1, std::array{Cell{"ที่", s.header}, Cell{"รหัส", s.header}, Cell{"โรงเรียน", s.header},
                           Cell{"ชื่อ-สกุล", s.header}, Cell{"ระยะทาง (กม.)", s.header},
                           Cell{"บาท/วัน", s.header}, Cell{"วัน", s.header}, Cell{"รวมเงิน (บาท)", s.header},
                           Cell{"วันที่อนุมัติ", s.header}, Cell{"เกิน ๓ กม.", s.header}});
  std::int64_t total_satang = 0;
  int over_three = 0;
  for (int i = 0; i < students; ++i) {
    const std::uint32_t row = static_cast<std::uint32_t>(i) + 2;
    const std::string r = std::to_string(row + 1);
    const School& school = schools[static_cast<std::size_t>(i) % schools.size()];
    const int tenths_km = 8 + (i * 37) % 160;  // 0.8 .. 16.7 km
    const std::int64_t satang = baht_per_day(tenths_km) * 200 * 100;
    total_satang += satang;
    over_three += tenths_km > 30 ? 1 : 0;
    std::string school_name = school.name;
    double amount = baht_from_satang(satang);
    if (wrong && row == 3) amount += 1;                   // H4
    if (wrong && row == 4) school_name = "โรงเรียนบ้านผิด";  // C5
    rows.write(
        row,
        std::array{
            Cell{static_cast<double>(i + 1), s.flag}, Cell{school.code, s.text},
            Cell{Formula{"VLOOKUP(B" + r + ",'โรงเรียน'!$A$2:$B$5,2,FALSE)", school_name}, s.text},
            Cell{std::string(given_names[static_cast<std::size_t>(i) % given_names.size()]) + " ใจดี", s.text},
            Cell{tenths_km / 10.0, s.input},
            Cell{Formula{"IF(E" + r + "<=3,10,IF(E" + r + "<=10,15,20))",
                         static_cast<double>(baht_per_day(tenths_km))},
                 s.number},
            Cell{200.0, s.number}, Cell{Formula{"F" + r + "*G" + r, amount}, s.money},
            Cell{CellDate{2024, 5, 16 + i % 10}, s.date},
            Cell{Formula{"E" + r + ">3", tenths_km > 30}, s.flag}});
  }
  const std::uint32_t total_row = students + 2;
  const std::string last = std::to_string(students + 2);
  rows.write(
      total_row,
      std::array{Cell{"รวมทั้งสิ้น", s.header, 7},
                 Cell{Formula{"SUM(H3:H" + last + ")", baht_from_satang(total_satang)}, s.money},
                 Cell{Formula{"DATE(2024,5,31)", 45443.0}, s.date},
                 Cell{Formula{"COUNTIF(J3:J" + last + ",TRUE)", static_cast<double>(over_three)}, s.flag}});
  rows.write(total_row + 1, std::array{Cell{Formula{"\"นักเรียน \"&COUNTA(D3:D" + last + ")&\" คน\"",
                                                    "นักเรียน " + std::to_string(students) + " คน"},
                                            s.text, 4}});
  rows.end();
  writer.end_sheet();
  writer.finish();
  return 0;
}

int write_bench(const std::string& path, std::uint32_t rows, bool shaping) {
  raingan::test::LaksamanMeasure laksaman;
  TextMeasure measure = laksaman;
  if (!shaping)
    measure = [](std::string_view text, const CellStyle&) { return 3.0 * static_cast<double>(text.size()); };
  WorkbookWriter writer(path, {.properties = {.title = "bench"}, .constant_memory = true}, measure);
  const Styles s = add_styles(writer);
  write_schools(writer, s);
  SheetSetup setup{.name = "นักเรียน", .freeze_rows = 1};
  setup.autofilter = CellRange{0, 0, rows, 7};
  setup.print.repeat_rows_first = 0;
  setup.print.repeat_rows_last = 0;
  writer.begin_sheet(setup);
  raingan::test::PlacedRows placed(writer);
  placed.write(0, std::array{Cell{"ที่", s.header}, Cell{"รหัส", s.header}, Cell{"โรงเรียน", s.header},
                             Cell{"ชื่อ-สกุล", s.header}, Cell{"ระยะทาง", s.header}, Cell{"วันที่", s.header},
                             Cell{"รวมเงิน", s.header}, Cell{"หมายเหตุ", s.header}});
  for (std::uint32_t row = 1; row <= rows; ++row) {
    const std::string r = std::to_string(row + 1);
    const School& school = schools[row % schools.size()];
    const int tenths_km = static_cast<int>(row * 37 % 160) + 8;
    placed.write(
        row,
        std::array{
            Cell{static_cast<double>(row), s.flag}, Cell{school.code, s.text},
            Cell{Formula{"VLOOKUP(B" + r + ",'โรงเรียน'!$A$2:$B$5,2,FALSE)", school.name}, s.text},
            Cell{std::string(given_names[row % given_names.size()]) + " ใจดี " + std::to_string(row), s.text},
            Cell{tenths_km / 10.0, s.input}, Cell{CellDate{2024, 5, 1 + static_cast<int>(row % 28)}, s.date},
            Cell{baht_from_satang(baht_per_day(tenths_km) * 20000), s.money},
            Cell{row % 10 == 0 ? "ย้ายโรงเรียน" : "", s.text}});
  }
  placed.end();
  writer.end_sheet();
  writer.finish();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && (args[0] == "good" || args[0] == "wrong"))
      return write_register(args[1], args[0] == "wrong");
    if ((args.size() == 3 || (args.size() == 4 && args[3] == "--no-shaping")) && args[0] == "bench")
      return write_bench(args[1], static_cast<std::uint32_t>(std::stoul(args[2])), args.size() == 3);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "xlsx_sample: %s\n", error.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: xlsx_sample good|wrong OUT.xlsx | xlsx_sample bench OUT.xlsx ROWS [--no-shaping]\n");
  return 2;
}
