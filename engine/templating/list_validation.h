#pragma once
// A drop-down of allowed values for input cells (a status column: รอดำเนินการ / กำลังดำเนินการ / เสร็จ).

#include <string>
#include <vector>

namespace raingan::templating {

struct ListValidation {
  std::vector<std::string> allowed{};  // Excel limits the joined list to 255 characters
  bool allow_blank = true;
  std::string error_title{};  // shown when a value outside the list is typed; Excel's default if empty
  std::string error_message{};
};

}  // namespace raingan::templating
