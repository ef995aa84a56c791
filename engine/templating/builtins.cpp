#include "templating/builtins.h"

namespace raingan::templating {

Value number_value(Number n) { return Value::of(n); }
Value text_value(std::string text) { return Value::of(std::move(text)); }

format::Digits digits_arg(Call& call, std::size_t index) {
  if (!call.has(index)) return format::Digits::thai;
  const std::string which = call.text(index);
  if (which == "thai") return format::Digits::thai;
  if (which == "arabic") return format::Digits::arabic;
  call.fail("digits should be 'thai' or 'arabic', found '" + which + "'");
}

const Builtin* find_builtin(std::string_view name) {
  static const BuiltinTable table = [] {
    BuiltinTable t;
    add_format_builtins(t);
    add_date_builtins(t);
    add_list_builtins(t);
    return t;
  }();
  const auto found = table.find(name);
  return found == table.end() ? nullptr : &found->second;
}

}  // namespace raingan::templating
