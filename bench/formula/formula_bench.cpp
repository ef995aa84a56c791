// The transport register's formulas at 100,000 students, evaluated by raingan::formula alone: what the
// integration of the evaluator into the workbook templates will add to a render (bench/formula/README.md).
//
//   formula_bench [STUDENTS]          (default 100000)
//
// The four sheets of templates/transport-allowance-register.xml as the template writes them: the rates sheet
// (3 bands, school days), the student sheet (eight constants and two formulas a row: the rate looked up with
// INDEX/COUNTIF on the rates sheet, the amount = rate × days), a summary row per merged-in school (COUNTIFS
// per band over the student sheet, SUM, SUMIF), a subtotal per host school, the totals, and the per-level
// sheet. Phases timed apart (CPU time of this process): storing the constants, parsing and setting the
// formulas (each row's formula text parsed, as the templates will give it), evaluating. Memory: the store's
// own count of bytes, and the process's peak RSS.
#include <sys/resource.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "formula/cell_address.h"
#include "formula/evaluate.h"
#include "formula/workbook.h"

namespace {

using namespace raingan::formula;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::uint64_t state = 20260115;
std::uint32_t next_random() {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<std::uint32_t>(state >> 33);
}

std::string r(std::uint32_t row) { return std::to_string(row + 1); }

}  // namespace

int main(int argc, char** argv) {
  const std::uint32_t students = argc > 1 ? static_cast<std::uint32_t>(std::stoul(argv[1])) : 100000;
  const std::uint32_t hosts = students / 330 + 1;
  const std::uint32_t merged = students / 110 + 1;
  const std::vector<std::string> levels = {"อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3",
                                           "ป.4", "ป.5", "ป.6", "ม.1", "ม.2", "ม.3"};
  const std::string detail = "'รายนักเรียน'!";
  const std::uint32_t first = 4, last = first + students - 1;  // rows 5 … 4 + students
  const std::string last_student = r(last);

  Workbook book;
  const SheetId summary = book.add_sheet("สรุป");
  const SheetId detail_sheet = book.add_sheet("รายนักเรียน");
  const SheetId by_level = book.add_sheet("ตามระดับชั้น");
  const SheetId rates = book.add_sheet("อัตรา");
  auto text = [&](SheetId s, std::uint32_t row, std::uint32_t column, std::string_view t) {
    book.set_value(s, {row, column}, Value::text(t));
  };
  auto number = [&](SheetId s, std::uint32_t row, std::uint32_t column, double n) {
    book.set_value(s, {row, column}, Value::number(n));
  };
  auto formula = [&](SheetId s, std::uint32_t row, std::uint32_t column, const std::string& f) {
    book.set_formula(s, {row, column}, book.add_formula(f, {row, column}));
  };

  // The students' texts are made before the clock starts: the templates make them in any case.
  struct Student {
    std::uint32_t merged;
    std::string id, host_code, host_name, merged_code, merged_name;
    const std::string* level;
    double km;
  };
  std::vector<Student> list(students);
  for (std::uint32_t i = 0; i < students; ++i) {
    const std::uint32_t m = next_random() % merged;
    list[i] = {m,
               "3" + std::to_string(1100000000000ULL + i),
               "10345" + std::to_string(10000 + m % hosts),
               "โรงเรียนบ้านหนองบัว " + std::to_string(m % hosts),
               "10346" + std::to_string(10000 + m),
               "โรงเรียนบ้านโคกสูง " + std::to_string(m),
               &levels[next_random() % levels.size()],
               static_cast<double>(next_random() % 250) / 10.0 + 0.5};
  }

  const double rss_before = peak_rss_mb();

  // Constants first: the rates, then every student (id, host, merged school, level, distance).
  const double start = cpu_seconds();
  const double bands[3][2] = {{3, 10}, {10, 15}, {0, 20}};
  for (std::uint32_t k = 0; k < 3; ++k) {
    number(rates, 4 + k, 0, k + 1);
    if (k < 2) number(rates, 4 + k, 2, bands[k][0]);
    number(rates, 4 + k, 4, bands[k][1]);
  }
  number(rates, 8, 4, 200);  // school days, E9
  for (std::uint32_t i = 0; i < students; ++i) {
    const std::uint32_t row = first + i;
    const Student& s = list[i];
    number(detail_sheet, row, 0, i + 1);
    text(detail_sheet, row, 1, s.id);
    text(detail_sheet, row, 2, s.host_code);
    text(detail_sheet, row, 3, s.host_name);
    text(detail_sheet, row, 4, s.merged_code);
    text(detail_sheet, row, 5, s.merged_name);
    text(detail_sheet, row, 6, *s.level);
    number(detail_sheet, row, 7, s.km);
  }
  const double constants_done = cpu_seconds();

  // The student sheet's two formulas a row, as the template writes them.
  for (std::uint32_t i = 0; i < students; ++i) {
    const std::uint32_t row = first + i;
    formula(detail_sheet, row, 8,
            "=INDEX('อัตรา'!$E$5:$E$7,COUNTIF('อัตรา'!$C$5:$C$6,\"<\"&H" + r(row) + ")+1)");
    formula(detail_sheet, row, 9, "=I" + r(row) + "*'อัตรา'!$E$9");
  }
  formula(detail_sheet, last + 1, 9, "=SUM(J5:J" + last_student + ")");
  const double student_formulas_done = cpu_seconds();

  // สรุป: a row per merged school, a subtotal per host (the merged schools m with m % hosts == h).
  const std::string band_criteria[3] = {"," + detail + "$H$5:$H$" + last_student + ",\"<=\"&'อัตรา'!$C$5",
                                        "," + detail + "$H$5:$H$" + last_student + ",\">\"&'อัตรา'!$C$5," +
                                            detail + "$H$5:$H$" + last_student + ",\"<=\"&'อัตรา'!$C$6",
                                        "," + detail + "$H$5:$H$" + last_student + ",\">\"&'อัตรา'!$C$6"};
  std::uint32_t row = 5;
  for (std::uint32_t h = 0; h < hosts; ++h) {
    const std::uint32_t block_first = row;
    for (std::uint32_t m = h; m < merged; m += hosts, ++row) {
      text(summary, row, 3, "10346" + std::to_string(10000 + m));
      text(summary, row, 6, "โรงเรียนมารวม");
      for (std::uint32_t k = 0; k < 3; ++k)
        formula(summary, row, 7 + k,
                "=COUNTIFS(" + detail + "$E$5:$E$" + last_student + ",$D" + r(row) + band_criteria[k] + ")");
      formula(summary, row, 10, "=SUM(H" + r(row) + ":J" + r(row) + ")");
      formula(summary, row, 11,
              "=SUMIF(" + detail + "$E$5:$E$" + last_student + ",$D" + r(row) + "," + detail + "$J$5:$J$" +
                  last_student + ")");
    }
    text(summary, row, 6, "รวมโรงเรียนหลัก");
    for (std::uint32_t c = 7; c <= 11; ++c) {
      const std::string col = column_name(c);
      formula(summary, row, c, "=SUM(" + col + r(block_first) + ":" + col + r(row - 1) + ")");
    }
    ++row;
  }
  const std::string last_summary = r(row - 1);
  for (std::uint32_t c = 7; c <= 11; ++c) {
    const std::string col = column_name(c);
    formula(summary, row, c,
            "=SUMIF($G$6:$G$" + last_summary + ",\"รวมโรงเรียนหลัก\"," + col + "$6:" + col + "$" +
                last_summary + ")");
  }
  for (std::uint32_t k = 0; k < 3; ++k)
    formula(rates, 4 + k, 5,
            "=SUMIF('สรุป'!$G$6:$G$" + last_summary + ",\"รวมโรงเรียนหลัก\",'สรุป'!" + column_name(7 + k) +
                "$6:" + column_name(7 + k) + "$" + last_summary + ")");
  // ตามระดับชั้น: a row per level.
  for (std::uint32_t l = 0; l < levels.size(); ++l) {
    const std::uint32_t level_row = 5 + l;
    text(by_level, level_row, 1, levels[l]);
    for (std::uint32_t k = 0; k < 3; ++k)
      formula(
          by_level, level_row, 2 + k,
          "=COUNTIFS(" + detail + "$G$5:$G$" + last_student + ",$B" + r(level_row) + band_criteria[k] + ")");
    formula(by_level, level_row, 5,
            "=COUNTIF(" + detail + "$G$5:$G$" + last_student + ",$B" + r(level_row) + ")");
    formula(by_level, level_row, 6,
            "=SUMIF(" + detail + "$G$5:$G$" + last_student + ",$B" + r(level_row) + "," + detail +
                "$J$5:$J$" + last_student + ")");
  }
  const double formulas_done = cpu_seconds();

  const auto problems = evaluate(book, {.today = {2026, 1, 15}});
  const double evaluated = cpu_seconds();
  for (const auto& p : problems) std::fprintf(stderr, "%s\n", describe(book, p).c_str());

  // A check that the numbers mean something: the total of the student sheet and of the summary agree.
  const double detail_total = book.value(detail_sheet, {last + 1, 9}).as_number();
  const double summary_total = book.value(summary, {row, 11}).as_number();
  std::printf("students %u, merged schools %u, host schools %u, distinct formulas %zu\n", students, merged,
              hosts, book.formula_count());
  std::printf("total %.2f baht (summary %.2f)%s\n", detail_total, summary_total,
              detail_total == summary_total ? "" : "  MISMATCH");
  std::printf("constants stored          %6.3f s CPU\n", constants_done - start);
  std::printf("student formulas set      %6.3f s CPU (parsed and interned, 2 per row)\n",
              student_formulas_done - constants_done);
  std::printf("summary formulas set      %6.3f s CPU\n", formulas_done - student_formulas_done);
  std::printf("evaluation                %6.3f s CPU\n", evaluated - formulas_done);
  std::printf("store                     %6.1f MB (cells, texts, formulas)\n",
              static_cast<double>(book.memory_bytes()) / 1048576.0);
  std::printf("peak RSS                  %6.1f MB (%.1f MB of it the benchmark's own student texts)\n",
              peak_rss_mb(), rss_before);
  return problems.empty() && detail_total == summary_total ? 0 : 1;
}
