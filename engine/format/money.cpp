#include "format/money.h"

#include <cstdlib>

#include "format/decimal.h"
#include "format/value_error.h"

namespace raingan::format {
namespace {

std::string quoted(std::string_view text) {
  constexpr std::size_t limit = 40;
  return "\"" + std::string(text.substr(0, limit)) + (text.size() > limit ? "…\"" : "\"");
}

// Removes thousands separators after checking they sit every three digits of the integer part.
std::string without_grouping(std::string_view text) {
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos) return std::string(text);
  std::size_t start = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
  std::size_t end = text.find_first_of(".eE", start);
  if (end == std::string_view::npos) end = text.size();
  if (comma > end)
    throw ValueError("expected commas only between thousands in the baht part, found " + quoted(text));
  const std::string_view integer = text.substr(start, end - start);
  std::size_t group = 0;
  bool first_group = true;
  for (std::size_t i = 0; i <= integer.size(); ++i) {
    if (i == integer.size() || integer[i] == ',') {
      if ((first_group && (group < 1 || group > 3)) || (!first_group && group != 3))
        throw ValueError("expected commas every three digits such as 1,234,567.50, found " + quoted(text));
      first_group = false;
      group = 0;
    } else {
      ++group;
    }
  }
  std::string plain;
  for (const char c : text)
    if (c != ',') plain += c;
  return plain;
}

// Inserts a comma every three digits of a run of ASCII digits.
std::string grouped(std::string_view digits) {
  std::string out;
  const std::size_t length = digits.size();
  for (std::size_t i = 0; i < length; ++i) {
    if (i > 0 && (length - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string magnitude_text(std::int64_t value) {
  // Through unsigned so that the most negative int64 has a magnitude too.
  const std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  return std::to_string(magnitude);
}

}  // namespace

std::int64_t parse_satang(std::string_view baht_text) {
  const Decimal amount = Decimal::parse(without_grouping(baht_text));
  if (amount.decimal_places() > 2)
    throw ValueError("expected an amount in baht with at most two decimals (satang), found " +
                     quoted(baht_text));
  const auto satang = amount.scaled(2);
  if (!satang)
    throw ValueError("expected an amount within ±92,233,720,368,547,758.07 baht, found " + quoted(baht_text));
  return *satang;
}

std::string format_money(std::int64_t satang, Digits digits) {
  std::string magnitude = magnitude_text(satang);
  if (magnitude.size() < 3) magnitude.insert(0, 3 - magnitude.size(), '0');
  const std::string_view baht = std::string_view(magnitude).substr(0, magnitude.size() - 2);
  const std::string_view cents = std::string_view(magnitude).substr(magnitude.size() - 2);
  std::string out = (satang < 0 ? "-" : "") + grouped(baht) + "." + std::string(cents);
  return with_digits(out, digits);
}

std::string group_thousands(std::int64_t value, Digits digits) {
  return with_digits((value < 0 ? "-" : "") + grouped(magnitude_text(value)), digits);
}

}  // namespace raingan::format
