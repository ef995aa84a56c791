#include "differential/formula_generator.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "differential/generator_support.h"
#include "format/baht_text.h"
#include "formula/cell_address.h"

namespace raingan::test {
namespace {

enum class Kind { number, text, boolean };

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : random_(seed), places_(random_, out_.sheets) {}

  GeneratedWorkbook run(int formulas_per_sheet) {
    out_.sheets = {"ข้อมูล", "อัตรา", "ครู'ใหญ่ ป.1"};
    fill_data(out_, random_, amount_);
    // Formula slots in a random order, so formulas read cells above, below and on other sheets.
    std::vector<std::pair<int, int>> slots;
    for (int sheet = 0; sheet < 3; ++sheet)
      for (int row = 0; row < data_rows; ++row)
        for (int column = 0; column < formula_columns; ++column)
          slots.emplace_back(sheet, row * 100 + column);
    for (std::size_t i = slots.size(); i > 1; --i)
      std::swap(slots[i - 1], slots[static_cast<std::size_t>(random_.below(static_cast<int>(i)))]);
    slots.resize(std::min<std::size_t>(slots.size(), static_cast<std::size_t>(formulas_per_sheet) * 3));
    for (const auto& [sheet, place] : slots) {
      places_.set_current(sheet);
      not_compared_.clear();
      const int choice = random_.below(100);
      const Kind kind = choice < 50 ? Kind::number : choice < 78 ? Kind::text : Kind::boolean;
      const std::string text = "=" + (kind == Kind::number ? number(0)
                                      : kind == Kind::text ? text_value(0)
                                                           : boolean(0));
      const int row = place / 100, column = first_formula_column + place % 100;
      out_.formulas.push_back({sheet, row, column, text, not_compared_});
      // A formula not compared is not read by later ones, which are.
      if (not_compared_.empty()) made_.push_back({sheet, row, column, kind});
    }
    return std::move(out_);
  }

 private:
  struct Made {
    int sheet, row, column;
    Kind kind;
  };

  std::string call(const std::string& name, std::initializer_list<std::string> arguments) {
    out_.functions.insert(name);
    std::string text = name == "IFNA" || name == "STDEV.S" ? "_xlfn." + name : name;
    text += "(";
    bool first = true;
    for (const std::string& a : arguments) {
      text += (first ? "" : ",") + a;
      first = false;
    }
    return text + ")";
  }

  const Made* earlier(Kind kind) {
    std::vector<const Made*> candidates;
    for (const Made& m : made_)
      if (m.kind == kind) candidates.push_back(&m);
    if (candidates.empty()) return nullptr;
    return random_.pick(candidates);
  }

  std::string number_literal() {
    switch (random_.below(4)) {
      case 0:
        return std::to_string(random_.between(0, 20));
      case 1:
        return number_text(random_.between(-99999, 99999) / 100.0);
      case 2:
        return number_text(random_.between(1, 9) / 4.0);
      default:
        return std::to_string(random_.between(100, 5000));
    }
  }

  // Ranges whose numbers SUM-like functions read. Never G: LibreOffice stores TRUE in a cell as the number 1
  // and adds it, where Excel skips booleans in references. Never the formula columns: a boolean formula
  // result would be read the same way.
  std::string numeric_range() {
    static const std::vector<int> columns = {numbers, sorted, dates, numeric_text, errors};
    if (random_.chance(15)) {
      const auto [first, last] = places_.rows();
      return places_.range(places_.pick_sheet(), numbers, sorted, first, last);
    }
    return places_.column_range(random_.pick(columns));
  }

  std::string number(int depth) {
    const int choice = depth >= 3 ? random_.below(3) : random_.below(40);
    if (choice == 0) return number_literal();
    if (choice == 1) {
      static const std::vector<int> columns = {numbers, numbers, sorted, dates, numeric_text, errors};
      return places_.cell(places_.pick_sheet(), random_.pick(columns), random_.below(data_rows));
    }
    if (choice == 2) {
      if (const Made* m = earlier(Kind::number)) return places_.cell(m->sheet, m->column, m->row);
      return number_literal();
    }
    const int d = depth + 1;
    switch (choice % 20) {
      case 3:
        return "(" + number(d) + random_.pick(std::vector<std::string>{"+", "-", "*", "/"}) + number(d) + ")";
      case 4:
        return number(d) + random_.pick(std::vector<std::string>{"+", "-", "*"}) + number(d);
      // A base written as a literal above 0, or a power of at least 1: 0^0 is #NUM! in Excel and 1 in
      // LibreOffice.
      case 5:
        return "(" + number(d) + ")^" + std::to_string(random_.between(1, 3));
      case 6:
        return random_.chance(50) ? "-" + number(d) : number(d) + "%";
      case 7:
        return call(random_.pick(std::vector<std::string>{"SUM", "AVERAGE", "MIN", "MAX", "COUNT", "COUNTA"}),
                    {numeric_range()});
      // Beside other arguments, a range without errors: given an error in an argument before a range holding
      // another, LibreOffice's SUM returns the range's error, Excel (and LibreOffice's MAX and MIN) the
      // first.
      case 8:
        return call(random_.pick(std::vector<std::string>{"SUM", "MAX", "MIN"}),
                    {number(d), places_.column_range(random_.pick(std::vector<int>{numbers, sorted, dates})),
                     number(d)});
      case 9:
        return call(random_.pick(std::vector<std::string>{"ROUND", "ROUNDUP", "ROUNDDOWN"}),
                    {number(d), std::to_string(random_.between(-2, 3))});
      case 10:
        return call(random_.pick(std::vector<std::string>{"INT", "ABS"}), {number(d)});
      case 11:
        return call("MOD", {number(d), number_literal() + "+0.5"});
      case 12:
        return conditional(d);
      case 13:
        return lookup_number(d);
      case 14:
        return date_number(d);
      case 15:
        return call("IF", {boolean(d), number(d), number(d)});
      // IFNA's fallback a literal: LibreOffice evaluates it even when the value is not #N/A, and returns its
      // error.
      case 16:
        return random_.chance(70) ? call("IFERROR", {number(d), number(d)})
                                  : call("IFNA", {number(d), number_literal()});
      case 17:
        return call("LEN", {text_value(d)});
      case 18: {
        const auto [first, last] = places_.rows();
        const int sheet = places_.pick_sheet();
        return call("SUMPRODUCT", {places_.range(sheet, numbers, numbers, first, last),
                                   places_.range(sheet, sorted, sorted, first, last)});
      }
      default:
        switch (random_.below(5)) {
          case 0:
            return call(random_.chance(50) ? "STDEV" : "STDEV.S", {numeric_range()});
          case 1:
            return call("COUNTBLANK", {places_.column_range(random_.below(9))});
          case 2:
            return call("COUNTA", {places_.column_range(random_.below(9))});
          case 3:
            return call("VALUE",
                        {places_.cell(places_.pick_sheet(), numeric_text, random_.below(data_rows))});
          // Values given directly: Excel's SUM reads the text "12" as 12 and COUNT counts it; LibreOffice's
          // SUM gives #VALUE!.
          default:
            if (random_.chance(75))
              return call("VALUE",
                          {places_.cell(places_.pick_sheet(), numeric_text, random_.below(data_rows))});
            not_compared_ =
                "a number written as text given directly to SUM or COUNT: Excel reads it as the number, "
                "LibreOffice's SUM gives #VALUE!";
            return call(random_.chance(50) ? "SUM" : "COUNT",
                        {quoted(random_.pick(std::vector<std::string>{"12", "1,234.5", "50%", " 7 "})),
                         "TRUE", number(d)});
        }
    }
  }

  std::string date_number(int d) {
    switch (random_.below(3)) {
      case 0:
        return call(random_.pick(std::vector<std::string>{"YEAR", "MONTH", "DAY"}),
                    {places_.cell(places_.pick_sheet(), dates, random_.below(data_rows))});
      // Years from 1900 on: LibreOffice reads DATE(24, …) with its two-digit-year window (2024), Excel as
      // 1924.
      case 1:
        return call("DATE", {std::to_string(random_.between(2000, 2030)),
                             std::to_string(random_.between(0, 14)), std::to_string(random_.between(0, 31))});
      default:
        return places_.cell(places_.pick_sheet(), dates, random_.below(data_rows)) + "-" + number(d);
    }
  }

  // A criterion suited to a column. Number criteria (a number, or a cell holding one) only on columns of
  // numbers: LibreOffice's number criterion skips texts that read as the number ("1"), Excel's matches them.
  // Boolean criteria never: LibreOffice matches TRUE with 1.
  std::string criterion(int column, int) {
    switch (column) {
      case words: {
        static const std::vector<std::string> c = {"apple",  "APPLE", "a*",  "?e*",
                                                   "<>kiwi", "<m",    ">=b", "*an*"};
        return random_.chance(75) ? quoted(random_.pick(c))
                                  : places_.cell(places_.pick_sheet(), words, random_.below(data_rows));
      }
      case thai: {
        static const std::vector<std::string> c = {"ครู", "*เรียน*", "<>สิบ", "สิบ", "ป.?"};
        return random_.chance(75) ? quoted(random_.pick(c))
                                  : places_.cell(places_.pick_sheet(), thai, random_.below(data_rows));
      }
      case numeric_text: {
        static const std::vector<std::string> c = {"12", ">5", "<>12", "abc*", "0012", "=50%"};
        const std::string& chosen = random_.pick(c);
        // Under a criterion that reads as a number, Excel reads texts that do too as numbers ("0012" and "
        // 12" match "12"); LibreOffice compares them as texts.
        if (chosen != ">5" && chosen != "abc*")
          not_compared_ =
              "a numeric criterion over numbers written as text: Excel compares them as numbers, "
              "LibreOffice as texts";
        return quoted(chosen);
      }
      case codes: {
        static const std::vector<std::string> c = {"S01", "1034560001", "S0?", "<>S02", "1034560002"};
        return random_.chance(70) ? quoted(random_.pick(c))
                                  : places_.cell(places_.pick_sheet(), codes, random_.below(data_rows));
      }
      // Criteria from constants only: given an error as its criterion, LibreOffice's COUNTIF returns it where
      // Excel's counts the cells holding that error.
      default:
        switch (random_.below(6)) {
          case 0:
            return number_literal();
          case 1:
            return "\">=\"&" + places_.cell(places_.pick_sheet(), random_.chance(50) ? numbers : sorted,
                                            random_.below(data_rows));
          case 2:
            return quoted(random_.pick(std::vector<std::string>{"<>0", "<10.5", ">100", "=0", "", "<>"}));
          case 3:
            return places_.cell(places_.pick_sheet(), numbers, random_.below(data_rows));
          case 4:
            return "\"<\"&" + places_.cell(places_.pick_sheet(), sorted, random_.below(data_rows));
          default:
            return "\">\"&" + number_literal();
        }
    }
  }

  std::string conditional(int d) {
    static const std::vector<int> criteria_columns = {numbers,      sorted, words, thai,
                                                      numeric_text, codes,  dates};
    static const std::vector<int> sum_columns = {numbers, sorted, dates};
    const int column = random_.pick(criteria_columns);
    const int other = random_.pick(criteria_columns);
    const auto [first, last] = places_.rows();
    const int sheet = places_.pick_sheet();
    const int sum_sheet = random_.chance(80) ? sheet : random_.below(3);
    const std::string criteria_range = places_.range(sheet, column, column, first, last);
    const std::string other_range = places_.range(sheet, other, other, first, last);
    const int sum_column = random_.pick(sum_columns);
    const std::string sum_range = places_.range(sum_sheet, sum_column, sum_column, first, last);
    switch (random_.below(6)) {
      case 0:
        if (places_.whole_columns() < 6 && random_.chance(15))
          return call("COUNTIF", {places_.whole_column(sheet, column), criterion(column, d)});
        return call("COUNTIF", {criteria_range, criterion(column, d)});
      case 1:
        if (random_.chance(30)) return call("SUMIF", {criteria_range, criterion(column, d)});
        // Only the top-left cell of the sum range written: it grows to the criteria range's size.
        if (random_.chance(20))
          return call("SUMIF",
                      {criteria_range, criterion(column, d), places_.cell(sum_sheet, sum_column, first)});
        return call("SUMIF", {criteria_range, criterion(column, d), sum_range});
      case 2:
        return call("COUNTIFS", {criteria_range, criterion(column, d), other_range, criterion(other, d)});
      case 3:
        return call("SUMIFS",
                    {sum_range, criteria_range, criterion(column, d), other_range, criterion(other, d)});
      case 4:
        return call("AVERAGEIF", {criteria_range, criterion(column, d), sum_range});
      default:
        return call("AVERAGEIFS", {sum_range, criteria_range, criterion(column, d)});
    }
  }

  // A value that exists in a column (in any case), or one that does not.
  std::string lookup_key(int column, int sheet, int row) {
    if (column == words) return quoted(random_.chance(80) ? random_.pick(english_words) : "fig");
    if (column == thai) return quoted(random_.chance(80) ? random_.pick(thai_words) : "ไม่มี");
    if (column == codes) return quoted(random_.chance(85) ? random_.pick(code_values) : "S99");
    return random_.chance(80) ? places_.cell(sheet, numbers, row) : number_literal();
  }

  std::string lookup_number(int d) {
    const int sheet = places_.pick_sheet();
    const auto [first, last] = places_.rows();
    switch (random_.below(7)) {
      case 0: {
        const int row = random_.between(1, last - first + 2);
        // Beyond its area INDEX is #REF! in Excel and #VALUE! in LibreOffice.
        if (row > last - first + 1)
          not_compared_ = "INDEX beyond its area: #REF! in Excel, #VALUE! in LibreOffice";
        return call("INDEX", {places_.range(sheet, numbers, dates, first, last), std::to_string(row),
                              std::to_string(random_.between(1, 2))});
      }
      case 1: {
        static const std::vector<int> columns = {numbers, words, thai, codes};
        const int column = random_.pick(columns);
        std::string key = lookup_key(column, sheet, random_.between(first, last));
        if (column == words && random_.chance(30))
          key = quoted(random_.pick(std::vector<std::string>{"a*", "?e*", "*an*", "m~*"}));
        return call("MATCH", {key, places_.range(sheet, column, column, first, last), "0"});
      }
      // Approximate matches on column B, which is sorted: on unsorted data the answer depends on each
      // program's search order.
      case 2:
        return call("MATCH", {number(d) + "+" + std::to_string(first * 5),
                              places_.range(sheet, sorted, sorted, first, last)});
      case 3:
        return call("VLOOKUP", {number(d) + "+" + std::to_string(first * 5),
                                places_.range(sheet, sorted, dates, first, last), "7", "TRUE"});
      case 4:
        return call("VLOOKUP", {lookup_key(codes, sheet, 0), places_.range(sheet, codes, dates, first, last),
                                "3", "FALSE"});
      case 5:
        return call("LOOKUP", {number(d) + "+" + std::to_string(first * 5),
                               places_.range(sheet, sorted, sorted, first, last),
                               places_.range(sheet, dates, dates, first, last)});
      default: {
        const int row = random_.below(data_rows - 3);
        // Rows without G: LibreOffice finds 1 in a cell holding TRUE.
        return call("HLOOKUP", {lookup_key(numbers, sheet, row),
                                places_.range(sheet, numbers, codes, row, row + 2), "3", "FALSE"});
      }
    }
  }

  // A number as text for & and CONCATENATE: rounded to 2 places, so that its General text is plain in both
  // programs (LibreOffice writes 1.23456789012346E+017 and 1000000000000000 where Excel writes
  // 1.23456789012346E+17 and 1E+15).
  std::string number_as_text_operand(int d) { return call("ROUND", {number(d), "2"}); }

  std::string text_value(int depth) {
    const int choice = depth >= 3 ? random_.below(3) : random_.below(26);
    switch (choice) {
      case 0: {
        if (random_.chance(15)) return quoted("say \"hi\"");
        return quoted(random_.chance(50) ? random_.pick(english_words) : random_.pick(thai_words));
      }
      case 1: {
        static const std::vector<int> columns = {words, thai, codes};
        return places_.cell(places_.pick_sheet(), random_.pick(columns), random_.below(data_rows));
      }
      case 2:
        if (const Made* m = earlier(Kind::text)) return places_.cell(m->sheet, m->column, m->row);
        return quoted("ว่าง");
      default:
        break;
    }
    const int d = depth + 1;
    switch (choice % 10) {
      case 3:
        return text_value(d) + "&" + text_value(d);
      case 4:
        return text_value(d) + "&" + number_as_text_operand(d);
      case 5:
        return call(random_.chance(50) ? "LEFT" : "RIGHT",
                    {text_value(d), std::to_string(random_.between(0, 4))});
      case 6:
        if (random_.chance(50)) return call("TEXT", {number(d), quoted(random_.pick(number_formats))});
        return call("TEXT", {places_.cell(places_.pick_sheet(), dates, random_.below(data_rows)),
                             quoted(random_.pick(date_formats))});
      case 7:
        return bahttext();
      case 8:
        return call("CONCATENATE", {text_value(d), number_as_text_operand(d), text_value(d)});
      default:
        switch (random_.below(5)) {
          case 0:
            return call("IF", {boolean(d), text_value(d), text_value(d)});
          case 1:
            return call("IFERROR", {text_value(d), quoted("-")});
          case 2: {
            const auto [first, last] = places_.rows();
            return call("INDEX", {places_.range(places_.pick_sheet(), words, thai, first, last),
                                  std::to_string(random_.between(1, last - first + 1)),
                                  std::to_string(random_.between(1, 2))});
          }
          case 3: {
            const int sheet = places_.pick_sheet();
            const auto [first, last] = places_.rows();
            return call("VLOOKUP", {lookup_key(words, sheet, 0),
                                    places_.range(sheet, words, thai, first, last), "2", "FALSE"});
          }
          default: {
            const int sheet = places_.pick_sheet();
            return call("LOOKUP", {number(d), places_.range(sheet, sorted, words, 0, data_rows - 1)});
          }
        }
    }
  }

  // BAHTTEXT of an amount known here. LibreOffice 7 reads a final 1 after a zero tens digit as หนึ่ง
  // (หนึ่งร้อยหนึ่ง) where Excel reads เอ็ด: such amounts are written but not compared. The name carries
  // "_xlfn.", the only spelling LibreOffice 7.4 reads BAHTTEXT by in an XLSX file.
  std::string bahttext() {
    double amount = 0;
    std::string argument;
    if (random_.chance(50)) {
      const int row = random_.below(data_rows);
      argument = places_.cell(places_.current(), numbers, row);
      amount = amount_[places_.current()][row];
      if (argument.find('!') != std::string::npos) argument = places_.corner(numbers, row);
    } else {
      amount = random_.between(-2000000, 20000000) / 100.0;
      if (random_.chance(30))
        amount = random_.pick(std::vector<double>{101, 1001, 21, 11, 100001, 0.01, 1000000});
      argument = number_text(amount);
    }
    out_.functions.insert("BAHTTEXT");
    const auto satang = static_cast<std::int64_t>(std::llround(amount * 100));
    if (format::baht_text(satang, format::EtStyle::excel) !=
        format::baht_text(satang, format::EtStyle::tens_only))
      not_compared_ = "BAHTTEXT: LibreOffice 7 reads a final 1 after a zero tens digit as หนึ่ง, Excel as เอ็ด";
    return "_xlfn.BAHTTEXT(" + argument + ")";
  }

  std::string ascii_text(int d) {
    if (random_.chance(50)) return quoted(random_.pick(english_words));
    if (random_.chance(70) || d >= 3)
      return places_.cell(places_.pick_sheet(), words, random_.below(data_rows));
    return call("LEFT", {places_.cell(places_.pick_sheet(), words, random_.below(data_rows)),
                         std::to_string(random_.between(1, 3))});
  }

  std::string boolean(int depth) {
    const int choice = depth >= 3 ? 0 : random_.below(10);
    const int d = depth + 1;
    static const std::vector<std::string> comparisons = {"=", "<>", "<", "<=", ">", ">="};
    switch (choice) {
      case 0:
        return number(d) + random_.pick(comparisons) + number(d);
      case 1:
        return text_value(d) + random_.pick(std::vector<std::string>{"=", "<>"}) + text_value(d);
      // Ordering of texts only for English words: LibreOffice orders by its collation (Thai leading vowels,
      // punctuation), Excel by its own; both agree on letters and digits.
      case 2:
        return ascii_text(d) + random_.pick(comparisons) + ascii_text(d);
      case 3:
        return call(random_.chance(50) ? "AND" : "OR", {boolean(d), boolean(d)});
      case 4:
        return call("NOT", {boolean(d)});
      case 5: {
        // Not G: LibreOffice's TRUE in a cell is a number to ISNUMBER.
        static const std::vector<int> columns = {numbers,      sorted, words, thai,
                                                 numeric_text, codes,  dates, errors};
        const int column = random_.pick(columns);
        return call(
            random_.pick(std::vector<std::string>{"ISNUMBER", "ISTEXT", "ISBLANK", "ISERROR", "ISNA"}),
            {places_.cell(places_.pick_sheet(), column, random_.below(data_rows))});
      }
      case 6:
        return call(random_.chance(50) ? "AND" : "OR", {places_.column_range(flags)});
      case 7: {
        if (const Made* m = earlier(Kind::boolean)) return places_.cell(m->sheet, m->column, m->row);
        return places_.cell(places_.pick_sheet(), flags, random_.below(data_rows));
      }
      case 8:
        return call(random_.pick(std::vector<std::string>{"ISERROR", "ISNA"}), {number(d)});
      // Blank cells (A) and empty texts (I) against "" and 0.
      default:
        return places_.cell(places_.pick_sheet(), random_.chance(50) ? numbers : errors,
                            random_.below(data_rows)) +
               random_.pick(std::vector<std::string>{"=\"\"", "=0", "<>\"\"", "<1"});
    }
  }

  Random random_;
  GeneratedWorkbook out_;
  Places places_;
  std::vector<Made> made_;
  double amount_[3][data_rows] = {};
  std::string not_compared_;
};

}  // namespace

GeneratedWorkbook generate_workbook(std::uint64_t seed, int formulas_per_sheet) {
  return Generator(seed).run(formulas_per_sheet);
}

}  // namespace raingan::test
