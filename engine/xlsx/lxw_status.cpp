#include "xlsx/lxw_status.h"

#include "core/diagnostic.h"

namespace raingan::xlsx {

void check_lxw(lxw_error status, const std::string& file, const std::string& location,
               std::string_view action) {
  if (status == LXW_NO_ERROR) return;
  throw InputError(file, location, std::string(action) + ": " + lxw_strerror(status));
}

}  // namespace raingan::xlsx
