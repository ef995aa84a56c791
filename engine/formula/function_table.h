#pragma once
// The functions a formula may call: names, how many arguments each takes, and the code computing it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::formula {

class CallContext;
class Operand;

using FunctionId = std::uint16_t;
using FunctionCode = Operand (*)(CallContext& context, std::span<const Operand> arguments);

struct FunctionInfo {
  std::string_view name;
  std::uint8_t min_arguments = 0;
  std::uint8_t max_arguments = 0;  // 255: any number
  FunctionCode code = nullptr;     // nullptr for IF, IFERROR and IFNA, which the evaluator runs lazily
};

inline constexpr std::uint8_t any_number = 255;

// The function of a name as a formula writes it (case-insensitive; an "_xlfn." prefix is ignored).
std::optional<FunctionId> find_function(std::string_view name);
const FunctionInfo& function_info(FunctionId id);
// The known name nearest to an unknown one (SUMM -> SUM), or empty when none is close.
std::string nearest_function_name(std::string_view name);
// Every supported name, in alphabetical order.
std::vector<std::string_view> function_names();

// The functions the evaluator runs itself, evaluating only the arguments it needs.
namespace lazy {
FunctionId if_function();
FunctionId iferror_function();
FunctionId ifna_function();
}  // namespace lazy

}  // namespace raingan::formula
