#include "formula/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "formula/date_serial.h"

namespace raingan::formula {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Adds one to the last of `count` leading digits; returns true when that carries out of the first digit
// (999 -> 1000).
bool increment_prefix(std::string& digits, std::size_t count) {
  for (std::size_t i = count; i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return false;
    }
    digits[i] = '0';
  }
  return true;
}

double from_digits(bool negative, std::string_view digits, int exponent_of_last) {
  std::string text(negative ? "-" : "");
  text.append(digits);
  text += 'e';
  text += std::to_string(exponent_of_last);
  return std::strtod(text.c_str(), nullptr);
}

// Reads unsigned digits with optional thousands groups, a decimal part and an exponent at text[i...];
// advances i. Returns nullopt when malformed.
std::optional<double> read_plain_number(std::string_view text, std::size_t& i) {
  std::string clean;
  const std::size_t start = i;
  std::size_t group = 0;  // digits since the last comma
  bool had_comma = false;
  while (i < text.size() && (is_digit(text[i]) || text[i] == ',')) {
    if (text[i] == ',') {
      if (i == start || (had_comma && group != 3) || (!had_comma && group > 3)) return std::nullopt;
      had_comma = true;
      group = 0;
    } else {
      clean += text[i];
      ++group;
    }
    ++i;
  }
  if (had_comma && group != 3) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    clean += '.';
    ++i;
    while (i < text.size() && is_digit(text[i])) clean += text[i++];
  }
  if (clean.empty() || clean == ".") return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    std::string exponent = "e";
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) exponent += text[j++];
    const std::size_t digits_start = j;
    while (j < text.size() && is_digit(text[j])) exponent += text[j++];
    if (j == digits_start) return std::nullopt;
    clean += exponent;
    i = j;
  }
  return std::strtod(clean.c_str(), nullptr);
}

std::optional<double> parse_iso_date(std::string_view t) {
  // yyyy-mm-dd
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (const std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(t[k])) return std::nullopt;
  const int year = std::atoi(std::string(t.substr(0, 4)).c_str());
  const int month = std::atoi(std::string(t.substr(5, 2)).c_str());
  const int day = std::atoi(std::string(t.substr(8, 2)).c_str());
  if (!is_real_date(year, month, day)) return std::nullopt;
  return date_serial(year, month, day);
}

std::optional<double> parse_time(std::string_view t) {
  // h:mm or h:mm:ss (hours up to 9999, as Excel reads durations).
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (count < 3) {
    const std::size_t start = i;
    int value = 0;
    while (i < t.size() && is_digit(t[i]) && i - start < 4) value = value * 10 + (t[i++] - '0');
    if (i == start) return std::nullopt;
    parts[count++] = value;
    if (i == t.size()) break;
    if (t[i] != ':') return std::nullopt;
    ++i;
  }
  if (i != t.size() || count < 2 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return (parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]) / 86400.0;
}

constexpr double powers_of_ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

// Most numbers in registers are short decimals (amounts in satang, distances in tenths): the double nearest
// to n / 10^k with n below 10^15. Those are their own 15-digit form, found without printing: the fast path of
// the functions below. Returns n and k (k as small as it can be), or false.
bool short_decimal(double value, std::int64_t& n, int& k) {
  const double magnitude = std::fabs(value);
  if (!(magnitude < 1e15) || magnitude == 0) return false;
  for (k = 0; k < 10; ++k) {
    const double scaled = value * powers_of_ten[k];
    if (std::fabs(scaled) >= 1e15) return false;
    const double whole = std::nearbyint(scaled);
    // Division of two exact integers is correctly rounded: equal to value only if value is the double
    // nearest to whole / 10^k.
    if (whole / powers_of_ten[k] == value) {
      n = static_cast<std::int64_t>(whole);
      return true;
    }
  }
  return false;
}

}  // namespace

DecimalDigits decimal_digits(double value) {
  DecimalDigits d;
  if (value == 0 || !std::isfinite(value)) {
    d.digits = "000000000000000";
    return d;
  }
  std::int64_t n = 0;
  int k = 0;
  if (short_decimal(value, n, k)) {
    d.negative = n < 0;
    d.digits = std::to_string(n < 0 ? -n : n);
    d.exponent = static_cast<int>(d.digits.size()) - k;
    d.digits.resize(15, '0');
    return d;
  }
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.14e", value);  // "-d.dddddddddddddde+XX"
  const char* p = buffer;
  if (*p == '-') {
    d.negative = true;
    ++p;
  }
  d.digits.reserve(15);
  d.digits += *p++;
  ++p;  // '.'
  while (is_digit(*p)) d.digits += *p++;
  ++p;  // 'e'
  d.exponent = std::atoi(p) + 1;
  return d;
}

double round_to_15_digits(double value) {
  if (value == 0 || !std::isfinite(value)) return value;
  std::int64_t n = 0;
  int k = 0;
  if (short_decimal(value, n, k)) return value;
  const DecimalDigits d = decimal_digits(value);
  return from_digits(d.negative, d.digits, d.exponent - 15);
}

double round_decimal(double value, int places, Rounding mode) {
  if (value == 0 || !std::isfinite(value)) return value;
  DecimalDigits d = decimal_digits(value);
  // Digits kept: those with place value >= 10^-places.
  const long kept = static_cast<long>(d.exponent) + places;
  if (kept >= 15) return from_digits(d.negative, d.digits, d.exponent - 15);
  bool up = false;
  if (kept >= 0) {
    const std::size_t k = static_cast<std::size_t>(kept);
    bool dropped_nonzero = false;
    for (std::size_t i = k; i < 15; ++i) dropped_nonzero |= d.digits[i] != '0';
    switch (mode) {
      case Rounding::half_away_from_zero:
        up = d.digits[k] >= '5';
        break;
      case Rounding::away_from_zero:
        up = dropped_nonzero;
        break;
      case Rounding::toward_zero:
        up = false;
        break;
    }
    if (k == 0) return up ? from_digits(d.negative, "1", -places) : 0.0;
    std::string digits = d.digits.substr(0, k);
    if (up && increment_prefix(digits, k)) digits.insert(digits.begin(), '1');
    return from_digits(d.negative, digits, -places);
  }
  // Every digit is below the rounding place: only ROUNDUP moves away from zero.
  if (mode == Rounding::away_from_zero) return from_digits(d.negative, "1", -places);
  return 0.0;
}

std::string fixed_digits(double value, int places) {
  const DecimalDigits d = decimal_digits(std::fabs(value));
  // The digits of the value scaled to `places` decimals, rounded half away from zero.
  const long kept = static_cast<long>(d.exponent) + places;
  std::string digits;
  if (kept >= 15) {
    digits = d.digits + std::string(static_cast<std::size_t>(kept - 15), '0');
  } else if (kept >= 0) {
    const std::size_t k = static_cast<std::size_t>(kept);
    digits = d.digits.substr(0, k);
    if (d.digits[k] >= '5') {
      if (digits.empty()) {
        digits = "1";
      } else if (increment_prefix(digits, k)) {
        digits.insert(digits.begin(), '1');
      }
    }
  }
  if (value == 0) digits.clear();
  // Place the decimal point `places` digits from the right, with at least one integer digit.
  if (digits.size() < static_cast<std::size_t>(places) + 1)
    digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
  if (places > 0) digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
  return digits;
}

std::string general_text(double value) {
  if (value == 0 || !std::isfinite(value)) return "0";
  const DecimalDigits d = decimal_digits(value);
  std::string digits = d.digits;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string text = d.negative ? "-" : "";
  const int e = d.exponent;  // value = 0.digits × 10^e
  if (e > 15 || e < -8) {
    // Scientific: d.ddd E±XX with at least two exponent digits.
    text += digits[0];
    if (digits.size() > 1) text += "." + digits.substr(1);
    const int shown = e - 1;
    text += shown < 0 ? "E-" : "E+";
    const int magnitude = shown < 0 ? -shown : shown;
    if (magnitude < 10) text += '0';
    text += std::to_string(magnitude);
    return text;
  }
  if (e <= 0) {
    text += "0." + std::string(static_cast<std::size_t>(-e), '0') + digits;
  } else if (static_cast<std::size_t>(e) >= digits.size()) {
    text += digits + std::string(static_cast<std::size_t>(e) - digits.size(), '0');
  } else {
    text += digits.substr(0, static_cast<std::size_t>(e)) + "." + digits.substr(static_cast<std::size_t>(e));
  }
  return text;
}

std::optional<double> parse_number_text(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.size() == 10 && text[4] == '-') return parse_iso_date(text);
  if (text.find(':') != std::string_view::npos) return parse_time(text);
  std::size_t i = 0;
  bool negative = false;
  bool parenthesised = false;
  if (text[i] == '+' || text[i] == '-') negative = text[i++] == '-';
  if (i < text.size() && text[i] == '(' && text.back() == ')' && !negative) {
    parenthesised = true;
    ++i;
    text.remove_suffix(1);
  }
  if (i < text.size() && text[i] == '$') ++i;
  const std::optional<double> number = read_plain_number(text, i);
  if (!number) return std::nullopt;
  double result = *number;
  if (i < text.size() && text[i] == '%') {
    result /= 100;
    ++i;
  }
  if (i != text.size() || !std::isfinite(result)) return std::nullopt;
  return negative || parenthesised ? -result : result;
}

}  // namespace raingan::formula
