#pragma once
// What an action's InputError says, for tests of messages.

#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace raingan::test {

// "location: message" of the first problem the action's InputError carries, or "" when it throws none.
template <typename Action>
std::string first_problem(Action&& action) {
  try {
    action();
  } catch (const InputError& error) {
    if (error.diagnostics().empty()) return "(an error without problems)";
    return error.diagnostics().front().location + ": " + error.diagnostics().front().message;
  }
  return "";
}

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace raingan::test
