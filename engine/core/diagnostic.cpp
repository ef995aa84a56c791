#include "core/diagnostic.h"

namespace raingan {
namespace {

std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string text = file;
  if (!location.empty()) text += (text.empty() ? "" : ": ") + location;
  if (!text.empty()) text += ": ";
  return text + message;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(std::string file, std::string location, std::string message)
    : InputError(std::vector<Diagnostic>{{std::move(file), std::move(location), std::move(message)}}) {}

}  // namespace raingan
