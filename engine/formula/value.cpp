#include "formula/value.h"

#include <array>

namespace raingan::formula {
namespace {

constexpr std::array<std::string_view, 7> error_names = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!",
                                                         "#NAME?", "#NUM!",   "#N/A"};

bool same_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::string_view error_text(ErrorCode code) { return error_names[static_cast<std::size_t>(code)]; }

std::optional<ErrorCode> parse_error_text(std::string_view text) {
  for (std::size_t i = 0; i < error_names.size(); ++i)
    if (same_ignoring_ascii_case(text, error_names[i])) return static_cast<ErrorCode>(i);
  return std::nullopt;
}

bool operator==(const Value& a, const Value& b) noexcept {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case ValueKind::blank:
      return true;
    case ValueKind::number:
    case ValueKind::boolean:
      return a.number_ == b.number_;
    case ValueKind::text:
      return a.text_ == b.text_;
    case ValueKind::error:
      return a.error_ == b.error_;
  }
  return false;
}

}  // namespace raingan::formula
