#pragma once
// How a problem with a template's formula is said: "cell สรุป!K5: formula =SUMM(E5:J5: <what is wrong>",
// after the template's file and line.

#include <string>
#include <string_view>

#include "formula/cell_address.h"

namespace raingan::templating {

inline std::string formula_message(std::string_view sheet, formula::CellAddress cell, std::string_view text,
                                   std::string_view problem) {
  std::string message = "cell ";
  message += sheet;
  message += '!';
  message += formula::cell_name(cell);
  message += ": formula ";
  if (!text.starts_with('=')) message += '=';
  message += text;
  message += ": ";
  message += problem;
  return message;
}

}  // namespace raingan::templating
