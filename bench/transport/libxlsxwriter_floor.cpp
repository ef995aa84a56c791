// The transport-allowance register written by libxlsxwriter alone: the floor the writer itself puts under
// raingan's `render` of templates/transport-allowance-register.xml (bench/transport/README.md).
//
//   libxlsxwriter_floor DATASET.json OUT.xlsx
//
// Reads the dataset made by scripts/make-transport-dataset.py with nlohmann/json, keeps what the cells need
// and frees the rest, then writes, in libxlsxwriter's constant-memory mode and on one thread, the cells
// raingan's workbook has: the four sheets, rows in raingan's order, the same strings, numbers, blanks of
// merged ranges, formulas and cached values, styles, row heights, merged ranges and sheet setup. Each
// sheet's <sheetData> is byte for byte raingan's; only the column widths differ (fixed here, fitted by
// raingan). Cached values are computed here, as plainly as possible.
//
// Prints to stderr, on one line, the time (wall and CPU, monotonic clocks) of reading, of the write calls
// (libxlsxwriter turning cells into XML in its temporary files) and of workbook_close (copying the rows
// into the sheets' XML and deflating the package), the peak memory of reading, and the resident memory
// before writing and at its peak while writing: the peak is reset after reading through
// /proc/self/clear_refs where the kernel allows it, which also resets the peak the parent (time -v) sees.

#include <malloc.h>
#include <time.h>
#include <xlsxwriter.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "format/thai_digits.h"
#include "templating/column_names.h"

namespace {

using nlohmann::json;

double seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Stamp {
  double wall = seconds(CLOCK_MONOTONIC);
  double cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
};

// A line of /proc/self/status in MB ("VmRSS", "VmHWM"); -1 where it cannot be read.
double status_mb(const std::string& key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, key.size() + 1, key + ":") == 0)
      return std::strtod(line.c_str() + key.size() + 1, nullptr) / 1024;
  }
  return -1;
}

bool reset_peak_rss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

// Arabic digits as Thai digits, as the template's thai() writes numbers in prose.
std::string thai(const std::string& text) { return raingan::format::to_thai_digits(text); }
std::string thai(long number) { return thai(std::to_string(number)); }

// A number as the dataset writes it (3, 3.01), for labels.
std::string plain(double number) {
  std::ostringstream out;
  out << number;
  return out.str();
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(error));
}

struct Student {
  std::string id;
  std::string level;
  double km;
  int band;  // 0-based
};

struct Merged {
  std::string code, name, case_label;
  std::vector<Student> students;
};

struct Host {
  std::string code, name;
  std::vector<Merged> merged;
};

struct Data {
  std::string office, office_short, round_name, date_label;
  long year = 0;
  long days = 0;
  double ceiling = 0;
  std::vector<std::optional<double>> max_km;  // per band; none for the open last band
  std::vector<double> rate;
  std::vector<Host> hosts;
  std::vector<std::string> level_order;  // levels present, in the template's order
  std::size_t students = 0;
};

const char* const month_names[] = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                                   "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};

Data read(const char* path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(std::string("cannot read ") + path);
  const json doc = json::parse(file);
  Data data;
  data.office = doc["office"]["name"].get<std::string>();
  data.office_short = doc["office"]["short_name"].get<std::string>();
  data.round_name = doc["round"].get<std::string>();
  data.year = doc["academic_year"].get<long>();
  data.days = doc["school_days"].get<long>();
  data.ceiling = doc["ceiling_baht"].get<double>();
  if (doc.contains("date")) {  // YYYY-MM-DD as ๒๐ พฤศจิกายน ๒๕๖๙
    const std::string date = doc["date"].get<std::string>();
    data.date_label = thai(std::stol(date.substr(8, 2))) + " " +
                      month_names[std::stoi(date.substr(5, 2)) - 1] + " " +
                      thai(std::stol(date.substr(0, 4)) + 543);
  }
  for (const json& band : doc["rates"]) {
    data.max_km.push_back(band["max_km"].is_null() ? std::nullopt
                                                   : std::optional<double>(band["max_km"].get<double>()));
    data.rate.push_back(band["baht_per_day"].get<double>());
  }
  std::map<std::string, std::pair<std::size_t, std::size_t>> where;  // merged code -> (host, merged)
  for (const json& h : doc["schools"]) {
    Host host{h["code"].get<std::string>(), h["name"].get<std::string>(), {}};
    for (const json& m : h["merged"]) {
      where[m["code"].get<std::string>()] = {data.hosts.size(), host.merged.size()};
      host.merged.push_back({m["code"].get<std::string>(),
                             m["name"].get<std::string>(),
                             thai(m["case"].get<std::string>()),
                             {}});
    }
    data.hosts.push_back(std::move(host));
  }
  std::map<std::string, bool> levels;
  for (const json& s : doc["students"]) {
    const auto [hi, mi] = where.at(s["from_school"].get<std::string>());
    const double km = s["distance_km"].get<double>();
    int band = 0;
    while (data.max_km[static_cast<std::size_t>(band)] && km > *data.max_km[static_cast<std::size_t>(band)])
      ++band;
    Student student{s["id"].get<std::string>(), s["level"].get<std::string>(), km, band};
    levels[student.level] = true;
    data.hosts[hi].merged[mi].students.push_back(std::move(student));
    ++data.students;
  }
  for (const char* level :
       {"อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6", "ม.1", "ม.2", "ม.3"}) {
    if (levels.count(level)) data.level_order.emplace_back(level);
  }
  return data;
}

std::string col_name(lxw_col_t col) { return raingan::templating::column_letters(col); }

struct Formats {
  lxw_format *title, *subtitle, *head, *text, *center, *count, *km, *money, *sub, *sub_count, *sub_money,
      *total, *total_count, *total_money, *difference;
};

Formats make_formats(lxw_workbook* book) {
  auto base = [book](bool border, uint8_t border_style = LXW_BORDER_THIN) {
    lxw_format* f = workbook_add_format(book);
    format_set_font_name(f, "TH SarabunPSK");
    format_set_font_size(f, 16);
    format_set_font_charset(f, 222);
    if (border) format_set_border(f, border_style);
    return f;
  };
  auto with_number = [](lxw_format* f, const char* number_format) {
    format_set_num_format(f, number_format);
    return f;
  };
  auto filled = [](lxw_format* f, lxw_color_t color) {
    format_set_bold(f);
    format_set_bg_color(f, color);
    return f;
  };
  Formats f{};
  f.title = base(false);
  format_set_bold(f.title);
  format_set_font_size(f.title, 18);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  f.subtitle = base(false);
  format_set_align(f.subtitle, LXW_ALIGN_CENTER);
  f.head = filled(base(true), 0xDDEBF7);
  format_set_align(f.head, LXW_ALIGN_CENTER);
  format_set_align(f.head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f.head);
  f.text = base(true);
  f.center = base(true);
  format_set_align(f.center, LXW_ALIGN_CENTER);
  f.count = with_number(base(true), "#,##0");
  f.km = with_number(base(true), "#,##0.00");
  f.money = with_number(base(true), "#,##0.00");
  f.sub = filled(base(true), 0xF2F2F2);
  f.sub_count = with_number(filled(base(true), 0xF2F2F2), "#,##0");
  f.sub_money = with_number(filled(base(true), 0xF2F2F2), "#,##0.00");
  f.total = filled(base(true, LXW_BORDER_MEDIUM), 0xFFF2CC);
  f.total_count = with_number(filled(base(true, LXW_BORDER_MEDIUM), 0xFFF2CC), "#,##0");
  f.total_money = with_number(filled(base(true, LXW_BORDER_MEDIUM), 0xFFF2CC), "#,##0.00");
  f.difference = with_number(filled(base(true, LXW_BORDER_MEDIUM), 0xFFF2CC), "#,##0.00;[Red]-#,##0.00");
  return f;
}

// A sheet as the template sets it up, with its three title rows (merged across `cols` columns).
lxw_worksheet* begin_sheet(lxw_workbook* book, const Formats& f, const char* name, lxw_color_t tab,
                           const std::vector<double>& widths, const std::string& title,
                           const std::string& heading, const std::string& as_of, lxw_row_t header_rows) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name);
  if (!sheet) throw std::runtime_error("cannot add a sheet");
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_center_horizontally(sheet);
  worksheet_set_footer(sheet, "&Cหน้า &P / &N");
  worksheet_set_tab_color(sheet, tab);
  check(worksheet_repeat_rows(sheet, 0, 2 + header_rows), "repeat rows");
  worksheet_freeze_panes(sheet, 3 + header_rows, 0);
  lxw_protection protection{};
  protection.no_select_locked_cells = 0;
  protection.format_columns = 1;
  protection.autofilter = 1;
  worksheet_protect(sheet, nullptr, &protection);
  for (lxw_col_t c = 0; c < widths.size(); ++c)
    check(worksheet_set_column(sheet, c, c, widths[c], nullptr), "widths");
  const auto last = static_cast<lxw_col_t>(widths.size() - 1);
  check(worksheet_set_row(sheet, 0, 30, nullptr), "row");
  check(worksheet_merge_range(sheet, 0, 0, 0, last, title.c_str(), f.title), "title");
  check(worksheet_set_row(sheet, 1, 24, nullptr), "row");
  check(worksheet_merge_range(sheet, 1, 0, 1, last, heading.c_str(), f.subtitle), "heading");
  check(worksheet_set_row(sheet, 2, 24, nullptr), "row");
  check(worksheet_merge_range(sheet, 2, 0, 2, last, as_of.c_str(), f.subtitle), "as of");
  return sheet;
}

// A header cell spanning rows `row` and `row + 1`. In constant-memory mode libxlsxwriter can merge a range
// only once its last row is the current one (worksheet_merge_range writes blanks into every cell and
// leaves rows already written alone), so the text goes in the first row and the range is merged in the
// second, as raingan does.
void head_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const char* text, const Formats& f) {
  check(worksheet_write_string(sheet, row, col, text, f.head), "header");
}
void head_merge_down(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Formats& f) {
  check(worksheet_merge_range(sheet, row, col, row + 1, col, "", f.head), "header merged down");
}

// When the cells were all given and when workbook_close returned.
struct Written {
  Stamp closing, closed;
};

Written write(const Data& d, const char* output) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(output, &options);
  if (!book) throw std::runtime_error("cannot start the workbook");
  lxw_doc_properties properties{};
  std::string title = "ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน ปีการศึกษา " + std::to_string(d.year) +
                      " รอบเดือน" + d.round_name;
  std::string author = "กลุ่มนโยบายและแผน";
  properties.title = title.data();  // libxlsxwriter's fields are not const; it copies them
  properties.author = author.data();
  check(workbook_set_properties(book, &properties), "properties");
  const Formats f = make_formats(book);

  const std::size_t nb = d.rate.size();
  const auto bands = static_cast<lxw_col_t>(nb);
  const std::string heading = d.office + " ปีการศึกษา " + thai(d.year) + " รอบเดือน" + d.round_name;
  const std::string heading_short = d.office_short + " ปีการศึกษา " + thai(d.year) + " รอบเดือน" + d.round_name;
  const std::string as_of_short = d.date_label.empty() ? "" : "ข้อมูล ณ วันที่ " + d.date_label;
  const std::string as_of = "อัตราตามระยะทางจากบ้านถึงโรงเรียนหลัก " + thai(d.days) + " วันต่อคน" +
                            (d.date_label.empty() ? "" : "  " + as_of_short);
  std::vector<std::string> band_labels;
  for (std::size_t k = 0; k < nb; ++k) {
    if (k == 0)
      band_labels.push_back(d.max_km[0] ? "ไม่เกิน " + thai(plain(*d.max_km[0])) + " กม." : "ทุกระยะทาง");
    else if (!d.max_km[k])
      band_labels.push_back("เกิน " + thai(plain(*d.max_km[k - 1])) + " กม.");
    else
      band_labels.push_back("เกิน " + thai(plain(*d.max_km[k - 1])) + "–" + thai(plain(*d.max_km[k])) +
                            " กม.");
  }
  const long last_student = 4 + static_cast<long>(d.students);
  const long last_band = 4 + static_cast<long>(nb);
  const long days_row = last_band + 2;
  long summary_rows = 0;
  for (const Host& h : d.hosts) summary_rows += static_cast<long>(h.merged.size()) + 1;
  const long last_summary = 5 + summary_rows;
  const std::string students_range = "'รายนักเรียน'!$E$5:$E$" + std::to_string(last_student);
  const std::string levels_range = "'รายนักเรียน'!$G$5:$G$" + std::to_string(last_student);
  const std::string amounts_range = "'รายนักเรียน'!$J$5:$J$" + std::to_string(last_student);
  const std::string km_range = "'รายนักเรียน'!$H$5:$H$" + std::to_string(last_student);
  std::vector<std::string> band_criteria;
  for (std::size_t k = 0; k < nb; ++k) {
    std::string c;
    if (k > 0) c += "," + km_range + ",\">\"&'อัตรา'!$C$" + std::to_string(4 + k);
    if (d.max_km[k]) c += "," + km_range + ",\"<=\"&'อัตรา'!$C$" + std::to_string(5 + k);
    band_criteria.push_back(c);
  }

  // Per merged school and per level: students per band and amounts, the cached values of the summaries.
  std::map<std::string, std::vector<double>> level_count;
  std::map<std::string, double> level_money;
  std::vector<double> grand(nb + 2, 0);

  // สรุป
  {
    const lxw_col_t cols = 7 + bands + 2;
    std::vector<double> widths{5, 11, 30, 13, 30, 6, 16};
    for (std::size_t k = 0; k < nb; ++k) widths.push_back(13);
    widths.push_back(9);
    widths.push_back(16);
    lxw_worksheet* sheet =
        begin_sheet(book, f, "สรุป", 0x2F5597, widths,
                    "ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน (สรุปรายโรงเรียน)", heading, as_of, 2);
    check(worksheet_autofilter(sheet, 4, 0, static_cast<lxw_row_t>(last_summary - 1), cols - 1), "filter");
    check(worksheet_set_row(sheet, 3, 24, nullptr), "row");
    const char* heads[] = {"ที่",   "รหัสโรงเรียนหลัก", "โรงเรียนหลัก", "รหัสโรงเรียนมารวม", "โรงเรียนมารวม",
                           "กรณี", "รายการ"};
    for (lxw_col_t c = 0; c < 7; ++c) head_text(sheet, 3, c, heads[c], f);
    check(worksheet_merge_range(sheet, 3, 7, 3, 7 + bands, "จำนวนนักเรียน (คน)", f.head), "header");
    head_text(sheet, 3, cols - 1, "จำนวนเงิน (บาท)", f);
    check(worksheet_set_row(sheet, 4, 24, nullptr), "row");
    for (lxw_col_t c = 0; c < 7; ++c) head_merge_down(sheet, 3, c, f);
    head_merge_down(sheet, 3, cols - 1, f);
    for (lxw_col_t k = 0; k < bands; ++k)
      check(worksheet_write_string(sheet, 4, 7 + k, band_labels[k].c_str(), f.head), "head");
    check(worksheet_write_string(sheet, 4, 7 + bands, "รวม", f.head), "head");
    lxw_row_t row = 5;
    long number = 1;
    for (const Host& h : d.hosts) {
      const lxw_row_t block_first = row;
      std::vector<double> subtotal(nb + 2, 0);
      for (const Merged& m : h.merged) {
        std::vector<double> counts(nb, 0);
        double money = 0;
        for (const Student& s : m.students) {
          counts[static_cast<std::size_t>(s.band)] += 1;
          money += d.rate[static_cast<std::size_t>(s.band)] * static_cast<double>(d.days);
          auto& lc = level_count[s.level];
          lc.resize(nb, 0);
          lc[static_cast<std::size_t>(s.band)] += 1;
          level_money[s.level] += d.rate[static_cast<std::size_t>(s.band)] * static_cast<double>(d.days);
        }
        const std::string r = std::to_string(row + 1);
        check(worksheet_set_row(sheet, row, 24, nullptr), "row");
        check(worksheet_write_number(sheet, row, 0, static_cast<double>(number++), f.center), "cell");
        check(worksheet_write_string(sheet, row, 1, h.code.c_str(), f.center), "cell");
        check(worksheet_write_string(sheet, row, 2, h.name.c_str(), f.text), "cell");
        check(worksheet_write_string(sheet, row, 3, m.code.c_str(), f.center), "cell");
        check(worksheet_write_string(sheet, row, 4, m.name.c_str(), f.text), "cell");
        check(worksheet_write_string(sheet, row, 5, m.case_label.c_str(), f.center), "cell");
        check(worksheet_write_string(sheet, row, 6, "โรงเรียนมารวม", f.text), "cell");
        double all = 0;
        for (std::size_t k = 0; k < nb; ++k) {
          const std::string formula = "=COUNTIFS(" + students_range + ",$D" + r + band_criteria[k] + ")";
          check(worksheet_write_formula_num(sheet, row, 7 + static_cast<lxw_col_t>(k), formula.c_str(),
                                            f.count, counts[k]),
                "cell");
          all += counts[k];
          subtotal[k] += counts[k];
        }
        subtotal[nb] += all;
        subtotal[nb + 1] += money;
        const std::string sum = "=SUM(H" + r + ":" + col_name(6 + bands) + r + ")";
        check(worksheet_write_formula_num(sheet, row, 7 + bands, sum.c_str(), f.count, all), "cell");
        const std::string sumif = "=SUMIF(" + students_range + ",$D" + r + "," + amounts_range + ")";
        check(worksheet_write_formula_num(sheet, row, cols - 1, sumif.c_str(), f.money, money), "cell");
        ++row;
      }
      check(worksheet_set_row(sheet, row, 24, nullptr), "row");
      check(worksheet_write_blank(sheet, row, 0, f.sub), "cell");
      check(worksheet_write_string(sheet, row, 1, h.code.c_str(), f.sub), "cell");
      const std::string label =
          "รวม " + h.name + " (" + thai(static_cast<long>(h.merged.size())) + " โรงเรียนมารวม)";
      check(worksheet_merge_range(sheet, row, 2, row, 4, label.c_str(), f.sub), "cell");
      check(worksheet_write_blank(sheet, row, 5, f.sub), "cell");
      check(worksheet_write_string(sheet, row, 6, "รวมโรงเรียนหลัก", f.sub), "cell");
      for (std::size_t k = 0; k < nb + 2; ++k) {
        const lxw_col_t c = 7 + static_cast<lxw_col_t>(k);
        const std::string formula = "=SUM(" + col_name(c) + std::to_string(block_first + 1) + ":" +
                                    col_name(c) + std::to_string(row) + ")";
        check(worksheet_write_formula_num(sheet, row, c, formula.c_str(),
                                          k == nb + 1 ? f.sub_money : f.sub_count, subtotal[k]),
              "cell");
        grand[k] += subtotal[k];
      }
      ++row;
    }
    check(worksheet_set_row(sheet, row, 24, nullptr), "row");
    long merged_count = 0;
    for (const Host& h : d.hosts) merged_count += static_cast<long>(h.merged.size());
    const std::string total_label = "รวมทั้งสิ้น " + thai(static_cast<long>(d.hosts.size())) + " โรงเรียนหลัก " +
                                    thai(merged_count) + " โรงเรียนมารวม";
    check(worksheet_merge_range(sheet, row, 0, row, 6, total_label.c_str(), f.total), "cell");
    const std::string items = "$G$6:$G$" + std::to_string(last_summary);
    for (std::size_t k = 0; k < nb + 2; ++k) {
      const std::string c = col_name(7 + static_cast<lxw_col_t>(k));
      const std::string formula = "=SUMIF(" + items + ",\"รวมโรงเรียนหลัก\"," + c + "$6:" + c + "$" +
                                  std::to_string(last_summary) + ")";
      check(worksheet_write_formula_num(sheet, row, 7 + static_cast<lxw_col_t>(k), formula.c_str(),
                                        k == nb + 1 ? f.total_money : f.total_count, grand[k]),
            "cell");
    }
    const lxw_row_t total_row = row++;
    check(worksheet_set_row(sheet, row, 24, nullptr), "row");
    check(worksheet_merge_range(sheet, row, 0, row, cols - 2, "วงเงินที่ได้รับจัดสรรจาก สพฐ.", f.total), "cell");
    check(worksheet_write_number(sheet, row, cols - 1, d.ceiling, f.total_money), "cell");
    ++row;
    check(worksheet_set_row(sheet, row, 24, nullptr), "row");
    const double difference = d.ceiling - grand[nb + 1];
    const std::string money_col = col_name(cols - 1);
    const std::string verdict =
        difference >= 0 ? "ผลต่าง: งบประมาณคงเหลือ ส่งคืน สพฐ." : "ผลต่าง: งบประมาณไม่เพียงพอ ขอรับการจัดสรรเพิ่มเติม";
    check(worksheet_merge_range(sheet, row, 0, row, cols - 2, "", f.total), "cell");
    const std::string test =
        "=IF(" + money_col + std::to_string(row + 1) +
        ">=0,\"ผลต่าง: งบประมาณคงเหลือ ส่งคืน สพฐ.\",\"ผลต่าง: งบประมาณไม่เพียงพอ ขอรับการจัดสรรเพิ่มเติม\")";
    check(worksheet_write_formula_str(sheet, row, 0, test.c_str(), f.total, verdict.c_str()), "cell");
    const std::string minus =
        "=" + money_col + std::to_string(total_row + 2) + "-" + money_col + std::to_string(total_row + 1);
    check(worksheet_write_formula_num(sheet, row, cols - 1, minus.c_str(), f.difference, difference), "cell");
  }

  // รายนักเรียน: the 100,000 rows.
  {
    lxw_worksheet* sheet =
        begin_sheet(book, f, "รายนักเรียน", 0x548235, {7.3, 11.3, 14, 34.7, 15.7, 35.3, 4, 12.7, 13.4, 14.4},
                    "ทะเบียนจัดสรรงบประมาณรายการค่าพาหนะรับ-ส่งนักเรียน (รายนักเรียน)", heading, as_of, 1);
    check(worksheet_autofilter(sheet, 3, 0, static_cast<lxw_row_t>(last_student - 1), 9), "filter");
    check(worksheet_set_row(sheet, 3, 24, nullptr), "row");
    const char* heads[] = {
        "ที่",  "เลขประจำตัว",    "รหัสโรงเรียนหลัก", "โรงเรียนหลัก",    "รหัสโรงเรียนมารวม", "โรงเรียนมารวม",
        "ชั้น", "ระยะทาง (กม.)", "อัตรา (บาท/วัน)", "จำนวนเงิน (บาท)"};
    for (lxw_col_t c = 0; c < 10; ++c) check(worksheet_write_string(sheet, 3, c, heads[c], f.head), "head");
    const std::string rate_lookup = "=INDEX('อัตรา'!$E$5:$E$" + std::to_string(last_band) +
                                    ",COUNTIF('อัตรา'!$C$5:$C$" + std::to_string(last_band - 1) + ",\"<\"&H";
    const std::string days_cell = "*'อัตรา'!$E$" + std::to_string(days_row);
    lxw_row_t row = 4;
    double total = 0;
    std::string formula;
    for (const Host& h : d.hosts) {
      for (const Merged& m : h.merged) {
        for (const Student& s : m.students) {
          const std::string r = std::to_string(row + 1);
          const double rate = d.rate[static_cast<std::size_t>(s.band)];
          check(worksheet_set_row(sheet, row, 24, nullptr), "row");
          check(worksheet_write_number(sheet, row, 0, static_cast<double>(row - 3), f.center), "cell");
          check(worksheet_write_string(sheet, row, 1, s.id.c_str(), f.center), "cell");
          check(worksheet_write_string(sheet, row, 2, h.code.c_str(), f.center), "cell");
          check(worksheet_write_string(sheet, row, 3, h.name.c_str(), f.text), "cell");
          check(worksheet_write_string(sheet, row, 4, m.code.c_str(), f.center), "cell");
          check(worksheet_write_string(sheet, row, 5, m.name.c_str(), f.text), "cell");
          check(worksheet_write_string(sheet, row, 6, s.level.c_str(), f.center), "cell");
          check(worksheet_write_number(sheet, row, 7, s.km, f.km), "cell");
          formula.assign(rate_lookup).append(r).append(")+1)");
          check(worksheet_write_formula_num(sheet, row, 8, formula.c_str(), f.money, rate), "cell");
          formula.assign("=I").append(r).append(days_cell);
          check(worksheet_write_formula_num(sheet, row, 9, formula.c_str(), f.money,
                                            rate * static_cast<double>(d.days)),
                "cell");
          total += rate * static_cast<double>(d.days);
          ++row;
        }
      }
    }
    check(worksheet_set_row(sheet, row, 24, nullptr), "row");
    const std::string label = "รวมทั้งสิ้น " + thai(static_cast<long>(d.students)) + " คน";
    check(worksheet_merge_range(sheet, row, 0, row, 6, label.c_str(), f.total), "cell");
    check(worksheet_write_blank(sheet, row, 7, f.total), "cell");
    check(worksheet_write_blank(sheet, row, 8, f.total), "cell");
    const std::string sum = "=SUM(J5:J" + std::to_string(last_student) + ")";
    check(worksheet_write_formula_num(sheet, row, 9, sum.c_str(), f.total_money, total), "cell");
  }

  // ตามระดับชั้น
  {
    const lxw_col_t cols = 2 + bands + 2;
    std::vector<double> widths{5, 10};
    for (std::size_t k = 0; k < nb + 2; ++k) widths.push_back(13);
    lxw_worksheet* sheet = begin_sheet(book, f, "ตามระดับชั้น", 0xBF8F00, widths,
                                       "ค่าพาหนะรับ-ส่งนักเรียน จำแนกตามระดับชั้น", heading_short, as_of_short, 2);
    check(worksheet_set_row(sheet, 3, 24, nullptr), "row");
    head_text(sheet, 3, 0, "ที่", f);
    head_text(sheet, 3, 1, "ระดับชั้น", f);
    check(worksheet_merge_range(sheet, 3, 2, 3, 2 + bands, "จำนวนนักเรียน (คน)", f.head), "header");
    head_text(sheet, 3, cols - 1, "จำนวนเงิน (บาท)", f);
    check(worksheet_set_row(sheet, 4, 24, nullptr), "row");
    for (const lxw_col_t c : {lxw_col_t{0}, lxw_col_t{1}, static_cast<lxw_col_t>(cols - 1)})
      head_merge_down(sheet, 3, c, f);
    for (lxw_col_t k = 0; k < bands; ++k)
      check(worksheet_write_string(sheet, 4, 2 + k, band_labels[k].c_str(), f.head), "head");
    check(worksheet_write_string(sheet, 4, 2 + bands, "รวม", f.head), "head");
    lxw_row_t row = 5;
    std::vector<double> totals(nb + 2, 0);
    for (const std::string& level : d.level_order) {
      const std::string r = std::to_string(row + 1);
      std::vector<double>& counts = level_count[level];
      counts.resize(nb, 0);
      check(worksheet_set_row(sheet, row, 24, nullptr), "row");
      check(worksheet_write_number(sheet, row, 0, static_cast<double>(row - 4), f.center), "cell");
      check(worksheet_write_string(sheet, row, 1, level.c_str(), f.center), "cell");
      double all = 0;
      for (std::size_t k = 0; k < nb; ++k) {
        const std::string formula = "=COUNTIFS(" + levels_range + ",$B" + r + band_criteria[k] + ")";
        check(worksheet_write_formula_num(sheet, row, 2 + static_cast<lxw_col_t>(k), formula.c_str(), f.count,
                                          counts[k]),
              "cell");
        all += counts[k];
        totals[k] += counts[k];
      }
      totals[nb] += all;
      totals[nb + 1] += level_money[level];
      const std::string countif = "=COUNTIF(" + levels_range + ",$B" + r + ")";
      check(worksheet_write_formula_num(sheet, row, 2 + bands, countif.c_str(), f.count, all), "cell");
      const std::string sumif = "=SUMIF(" + levels_range + ",$B" + r + "," + amounts_range + ")";
      check(worksheet_write_formula_num(sheet, row, cols - 1, sumif.c_str(), f.money, level_money[level]),
            "cell");
      ++row;
    }
    check(worksheet_set_row(sheet, row, 24, nullptr), "row");
    check(worksheet_merge_range(sheet, row, 0, row, 1, "รวม", f.total), "cell");
    for (std::size_t k = 0; k < nb + 2; ++k) {
      const std::string c = col_name(2 + static_cast<lxw_col_t>(k));
      const std::string formula = "=SUM(" + c + "6:" + c + std::to_string(row) + ")";
      check(worksheet_write_formula_num(sheet, row, 2 + static_cast<lxw_col_t>(k), formula.c_str(),
                                        k == nb + 1 ? f.total_money : f.total_count, totals[k]),
            "cell");
    }
  }

  // อัตรา
  {
    lxw_worksheet* sheet =
        begin_sheet(book, f, "อัตรา", 0x7F7F7F, {5, 16, 10, 13, 15, 11},
                    "อัตราค่าพาหนะรับ-ส่งนักเรียน ตามระยะทางจากบ้านถึงโรงเรียนหลัก", heading_short, as_of_short, 1);
    check(worksheet_set_row(sheet, 3, 24, nullptr), "row");
    const char* heads[] = {"ที่",          "ระยะทางมากกว่า (กม.)", "ไม่เกิน (กม.)",
                           "ช่วงระยะทาง", "อัตรา (บาท/คน/วัน)",    "นักเรียน (คน)"};
    for (lxw_col_t c = 0; c < 6; ++c) check(worksheet_write_string(sheet, 3, c, heads[c], f.head), "head");
    for (std::size_t k = 0; k < nb; ++k) {
      const auto row = static_cast<lxw_row_t>(4 + k);
      check(worksheet_set_row(sheet, row, 24, nullptr), "row");
      check(worksheet_write_number(sheet, row, 0, static_cast<double>(k + 1), f.center), "cell");
      check(worksheet_write_number(sheet, row, 1, k == 0 ? 0 : d.max_km[k - 1].value_or(0), f.km), "cell");
      if (d.max_km[k])
        check(worksheet_write_number(sheet, row, 2, *d.max_km[k], f.km), "cell");
      else
        check(worksheet_write_blank(sheet, row, 2, f.km), "cell");
      check(worksheet_write_string(sheet, row, 3, band_labels[k].c_str(), f.center), "cell");
      check(worksheet_write_number(sheet, row, 4, d.rate[k], f.money), "cell");
      const std::string c = col_name(7 + static_cast<lxw_col_t>(k));
      const std::string formula = "=SUMIF('สรุป'!$G$6:$G$" + std::to_string(last_summary) +
                                  ",\"รวมโรงเรียนหลัก\",'สรุป'!" + c + "$6:" + c + "$" +
                                  std::to_string(last_summary) + ")";
      check(worksheet_write_formula_num(sheet, row, 5, formula.c_str(), f.count, grand[k]), "cell");
    }
    const auto row = static_cast<lxw_row_t>(days_row - 1);
    check(worksheet_set_row(sheet, row, 24, nullptr), "row");
    check(worksheet_merge_range(sheet, row, 0, row, 3, "จำนวนวันที่จ่าย (วัน/คน/ปีการศึกษา)", f.sub), "cell");
    check(worksheet_write_number(sheet, row, 4, static_cast<double>(d.days), f.sub_count), "cell");
  }

  Written written;
  check(workbook_close(book), "closing the workbook");
  written.closed = Stamp();
  return written;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATASET.json OUT.xlsx\n", argv[0]);
    return 2;
  }
  try {
    const Stamp start;
    const Data data = read(argv[1]);
    malloc_trim(0);
    const double read_peak = status_mb("VmHWM");
    const double rss_before = status_mb("VmRSS");
    const bool peak_reset = reset_peak_rss();
    const Stamp writing;
    const Written w = write(data, argv[2]);
    std::fprintf(stderr,
                 "read %.2f s (peak %.1f MB); write %.2f s wall %.2f s CPU (cells %.2f s wall %.2f s CPU, "
                 "close %.2f s wall %.2f s "
                 "CPU); RSS %.1f MB before writing, peak %.1f MB%s\n",
                 writing.wall - start.wall, read_peak, w.closed.wall - writing.wall,
                 w.closed.cpu - writing.cpu, w.closing.wall - writing.wall, w.closing.cpu - writing.cpu,
                 w.closed.wall - w.closing.wall, w.closed.cpu - w.closing.cpu, rss_before, status_mb("VmHWM"),
                 peak_reset ? " while writing" : " in the whole run");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "\nlibxlsxwriter_floor: %s\n", e.what());
    return 1;
  }
  return 0;
}
