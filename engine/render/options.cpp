#include "render/options.h"

#include <chrono>
#include <cstdlib>

#include "format/value_error.h"

namespace raingan::render {

format::Date default_today() {
  if (const char* fixed = std::getenv("RAINGAN_TODAY")) {
    try {
      return format::parse_iso_date(fixed);
    } catch (const format::ValueError& error) {
      throw InputError("RAINGAN_TODAY", "", error.what());
    }
  }
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{today};
  return {static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
          static_cast<unsigned>(date.day())};
}

}  // namespace raingan::render
