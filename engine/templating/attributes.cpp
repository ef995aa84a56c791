#include "templating/attributes.h"

#include <charconv>
#include <cmath>

#include "core/diagnostic.h"
#include "core/units.h"

namespace raingan::templating {
namespace {

[[noreturn]] void fail(const AttributeSource& where, const std::string& expected, std::string_view found) {
  throw InputError(where.file, "line " + std::to_string(where.line),
                   "attribute " + std::string(where.name) + ": expected " + expected + ", found \"" +
                       std::string(found) + "\"");
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
    text.remove_suffix(1);
  return text;
}

bool read_double(std::string_view text, double& value) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

double parse_length(std::string_view text, const AttributeSource& where) {
  text = trim(text);
  struct Unit {
    std::string_view suffix;
    double points;
  };
  static constexpr Unit units[] = {{"cm", units::cm(1)}, {"mm", units::mm(1)}, {"pt", 1.0}, {"in", 72.0}};
  for (const auto& unit : units) {
    if (text.size() > unit.suffix.size() && text.ends_with(unit.suffix)) {
      double value = 0;
      if (read_double(text.substr(0, text.size() - unit.suffix.size()), value)) return value * unit.points;
    }
  }
  double value = 0;
  if (read_double(text, value)) return value;
  fail(where, "a length such as 2.5cm, 10mm, 12pt or 1in", text);
}

double parse_font_size(std::string_view text, const AttributeSource& where) {
  constexpr double smallest = 4, largest = 144;
  const double size = parse_length(text, where);
  if (size < smallest || size > largest) fail(where, "a font size from 4pt to 144pt", trim(text));
  return size;
}

std::vector<double> parse_lengths(std::string_view text, const AttributeSource& where) {
  std::vector<double> values;
  text = trim(text);
  while (!text.empty()) {
    const auto space = text.find(' ');
    values.push_back(parse_length(text.substr(0, space), where));
    if (space == std::string_view::npos) break;
    text = trim(text.substr(space));
  }
  if (values.empty() || values.size() > 4) fail(where, "one to four lengths", text);
  return values;
}

geometry::Color parse_color(std::string_view text, const AttributeSource& where) {
  text = trim(text);
  struct Named {
    std::string_view name;
    geometry::Color color;
  };
  static constexpr Named names[] = {
      {"black", {0, 0, 0}}, {"white", {255, 255, 255}}, {"gray", {128, 128, 128}}, {"grey", {128, 128, 128}},
      {"red", {192, 0, 0}}, {"green", {0, 128, 0}},     {"blue", {0, 70, 160}},    {"navy", {31, 78, 121}}};
  for (const auto& named : names)
    if (text == named.name) return named.color;
  if (text.size() == 7 && text[0] == '#') {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data() + 1, text.data() + 7, value, 16);
    if (error == std::errc{} && end == text.data() + 7)
      return {static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
              static_cast<std::uint8_t>(value)};
  }
  fail(where, "a colour such as #1F4E79 or black", text);
}

bool parse_flag(std::string_view text, const AttributeSource& where) {
  text = trim(text);
  if (text == "true" || text == "yes") return true;
  if (text == "false" || text == "no") return false;
  fail(where, "true or false", text);
}

double parse_number(std::string_view text, const AttributeSource& where) {
  text = trim(text);
  double value = 0;
  if (read_double(text, value)) return value;
  fail(where, "a number", text);
}

int parse_integer(std::string_view text, const AttributeSource& where, int minimum, int maximum) {
  text = trim(text);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum)
    fail(where, "a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum), text);
  return value;
}

std::string parse_choice(std::string_view text, const std::vector<std::string_view>& choices,
                         const AttributeSource& where) {
  text = trim(text);
  std::string listed;
  for (auto choice : choices) {
    if (text == choice) return std::string(choice);
    listed += (listed.empty() ? "" : ", ") + std::string(choice);
  }
  fail(where, "one of " + listed, text);
}

}  // namespace raingan::templating
