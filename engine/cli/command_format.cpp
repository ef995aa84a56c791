// raingan format FORM VALUE...: prints values the way documents print them, one line per value:
// baht 101.25 -> หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์, date 2026-11-22 -> ๒๒ พฤศจิกายน ๒๕๖๙, digits 2569 -> ๒๕๖๙.
// Several values in one call are checked first and printed only if all are good.
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "core/diagnostic.h"
#include "format/baht_text.h"
#include "format/fiscal_year.h"
#include "format/money.h"
#include "format/percent.h"
#include "format/thai_date.h"
#include "format/thai_digits.h"
#include "format/value_error.h"

namespace raingan::cli {
namespace {

using format::Digits;

constexpr std::string_view forms = "baht, money, digits, date, date-short, month-year, fiscal-year, percent";

struct FormatRequest {
  std::string form;
  std::vector<std::string> values;
  Digits date_digits = Digits::thai;
  Digits money_digits = Digits::arabic;
  format::EtStyle et = format::EtStyle::excel;
  int places = 2;
};

FormatRequest parse_arguments(const Arguments& arguments) {
  FormatRequest request;
  bool only_values = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    // A negative amount ("-0.50") is a value, not an option.
    const bool is_option = !only_values && argument.starts_with("--");
    if (!is_option) {
      if (request.form.empty())
        request.form = argument;
      else
        request.values.push_back(argument);
    } else if (argument == "--") {
      only_values = true;
    } else if (argument == "--arabic") {
      request.date_digits = Digits::arabic;
    } else if (argument == "--thai-digits") {
      request.money_digits = Digits::thai;
    } else if (argument == "--et" || argument.starts_with("--et=")) {
      const std::string style =
          argument == "--et" ? (i + 1 < arguments.size() ? arguments[++i] : "") : argument.substr(5);
      if (style == "excel")
        request.et = format::EtStyle::excel;
      else if (style == "tens-only")
        request.et = format::EtStyle::tens_only;
      else
        throw UsageError("--et expects excel or tens-only, found '" + style + "'");
    } else if (argument == "--places" || argument.starts_with("--places=")) {
      const std::string text =
          argument == "--places" ? (i + 1 < arguments.size() ? arguments[++i] : "") : argument.substr(9);
      int places = -1;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), places);
      if (error != std::errc{} || end != text.data() + text.size() || places < 0 || places > 6)
        throw UsageError("--places expects a whole number from 0 to 6, found '" + text + "'");
      request.places = places;
    } else {
      throw UsageError("unknown option " + argument + " (options: --arabic, --thai-digits, --et, --places)");
    }
  }
  if (request.form.empty()) throw UsageError("format needs a form (" + std::string(forms) + ") and a value");
  if (request.values.empty()) throw UsageError("format " + request.form + " needs a value");
  return request;
}

std::string digits_only(const std::string& value) {
  bool has_digit = false;
  for (const char c : value) {
    if (c >= '0' && c <= '9') {
      has_digit = true;
    } else if (std::string_view(" ,.-+/:").find(c) == std::string_view::npos) {
      throw format::ValueError(
          "expected a number written with the digits 0-9 such as 2569 or 1,234.50, found \"" + value + "\"");
    }
  }
  if (!has_digit) throw format::ValueError("expected digits 0-9, found \"" + value + "\"");
  return format::to_thai_digits(value);
}

std::int64_t whole_number(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size())
    throw format::ValueError("expected a whole number such as 42, found \"" + text + "\"");
  return value;
}

std::string format_one(const FormatRequest& request, const std::string& value) {
  const std::string& form = request.form;
  if (form == "baht") return format::baht_text(format::parse_satang(value), request.et);
  if (form == "money") return format::format_money(format::parse_satang(value), request.money_digits);
  if (form == "digits") return digits_only(value);
  if (form == "date") return format::format_thai_date(format::parse_iso_date(value), request.date_digits);
  if (form == "date-short")
    return format::format_thai_date_short(format::parse_iso_date(value), request.date_digits);
  if (form == "month-year")
    return format::format_thai_month_year(format::parse_iso_date(value), request.date_digits);
  if (form == "fiscal-year")
    return format::with_digits(std::to_string(format::fiscal_year(format::parse_iso_date(value))),
                               request.date_digits);
  throw UsageError("unknown form '" + form + "' (forms: " + std::string(forms) + ")");
}

}  // namespace

int run_format(const Arguments& arguments) {
  const FormatRequest request = parse_arguments(arguments);
  std::vector<std::string> lines;
  std::vector<Diagnostic> problems;
  const std::string label = "format " + request.form;
  if (request.form == "percent") {
    if (request.values.size() != 2)
      throw UsageError("format percent needs PART and WHOLE, e.g. format percent 1 3");
    try {
      lines.push_back(format::format_percent(whole_number(request.values[0]), whole_number(request.values[1]),
                                             request.places, request.money_digits));
    } catch (const format::ValueError& error) {
      problems.push_back({label, "", error.what()});
    }
  } else {
    for (std::size_t i = 0; i < request.values.size(); ++i) {
      try {
        lines.push_back(format_one(request, request.values[i]));
      } catch (const format::ValueError& error) {
        const std::string where = request.values.size() > 1 ? "value " + std::to_string(i + 1) : "";
        problems.push_back({label, where, error.what()});
      }
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  for (const auto& line : lines) std::printf("%s\n", line.c_str());
  return 0;
}

}  // namespace raingan::cli
