#include "formula/function_table.h"

#include <algorithm>
#include <array>

#include "formula/coercion.h"
#include "formula/functions.h"

namespace raingan::formula {
namespace {

namespace f = functions;

// Alphabetical; aliases (STDEV.S) share the code of the name they stand for.
constexpr std::array<FunctionInfo, 53> table = {{
    {"ABS", 1, 1, f::abs},
    {"AND", 1, any_number, f::and_},
    {"AVERAGE", 1, any_number, f::average},
    {"AVERAGEIF", 2, 3, f::averageif},
    {"AVERAGEIFS", 3, any_number, f::averageifs},
    {"BAHTTEXT", 1, 1, f::bahttext},
    {"CONCATENATE", 1, any_number, f::concatenate},
    {"COUNT", 1, any_number, f::count},
    {"COUNTA", 1, any_number, f::counta},
    {"COUNTBLANK", 1, 1, f::countblank},
    {"COUNTIF", 2, 2, f::countif},
    {"COUNTIFS", 2, any_number, f::countifs},
    {"DATE", 3, 3, f::date},
    {"DAY", 1, 1, f::day},
    {"FALSE", 0, 0, f::false_},
    {"HLOOKUP", 3, 4, f::hlookup},
    {"IF", 1, 3, nullptr},
    {"IFERROR", 2, 2, nullptr},
    {"IFNA", 2, 2, nullptr},
    {"INDEX", 2, 3, f::index},
    {"INT", 1, 1, f::int_},
    {"ISBLANK", 1, 1, f::isblank},
    {"ISERROR", 1, 1, f::iserror},
    {"ISNA", 1, 1, f::isna},
    {"ISNUMBER", 1, 1, f::isnumber},
    {"ISTEXT", 1, 1, f::istext},
    {"LEFT", 1, 2, f::left},
    {"LEN", 1, 1, f::len},
    {"LOOKUP", 2, 3, f::lookup},
    {"MATCH", 2, 3, f::match},
    {"MAX", 1, any_number, f::max},
    {"MIN", 1, any_number, f::min},
    {"MOD", 2, 2, f::mod},
    {"MONTH", 1, 1, f::month},
    {"NA", 0, 0, f::na},
    {"NOT", 1, 1, f::not_},
    {"OR", 1, any_number, f::or_},
    {"RIGHT", 1, 2, f::right},
    {"ROUND", 2, 2, f::round},
    {"ROUNDDOWN", 2, 2, f::rounddown},
    {"ROUNDUP", 2, 2, f::roundup},
    {"STDEV", 1, any_number, f::stdev},
    {"STDEV.S", 1, any_number, f::stdev},
    {"SUM", 1, any_number, f::sum},
    {"SUMIF", 2, 3, f::sumif},
    {"SUMIFS", 3, any_number, f::sumifs},
    {"SUMPRODUCT", 1, any_number, f::sumproduct},
    {"TEXT", 2, 2, f::text},
    {"TODAY", 0, 0, f::today},
    {"TRUE", 0, 0, f::true_},
    {"VALUE", 1, 1, f::value},
    {"VLOOKUP", 3, 4, f::vlookup},
    {"YEAR", 1, 1, f::year},
}};

FunctionId id_of(std::string_view name) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i].name == name) return static_cast<FunctionId>(i);
  return 0;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = (a[i - 1] & ~0x20) == (b[j - 1] & ~0x20);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<FunctionId> find_function(std::string_view name) {
  if (name.size() > 6 && equal_text(name.substr(0, 6), "_xlfn.")) name.remove_prefix(6);
  for (std::size_t i = 0; i < table.size(); ++i)
    if (equal_text(table[i].name, name)) return static_cast<FunctionId>(i);
  return std::nullopt;
}

const FunctionInfo& function_info(FunctionId id) { return table.at(id); }

std::string nearest_function_name(std::string_view name) {
  std::string_view best;
  std::size_t best_distance = name.size() / 2 + 1;  // at most about half the letters changed
  for (const FunctionInfo& info : table) {
    const std::size_t d = edit_distance(name, info.name);
    if (d < best_distance) {
      best_distance = d;
      best = info.name;
    }
  }
  return std::string(best);
}

std::vector<std::string_view> function_names() {
  std::vector<std::string_view> names;
  for (const FunctionInfo& info : table) names.push_back(info.name);
  return names;
}

namespace lazy {
FunctionId if_function() {
  static const FunctionId id = id_of("IF");
  return id;
}
FunctionId iferror_function() {
  static const FunctionId id = id_of("IFERROR");
  return id;
}
FunctionId ifna_function() {
  static const FunctionId id = id_of("IFNA");
  return id;
}
}  // namespace lazy

}  // namespace raingan::formula
