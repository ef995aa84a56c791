#pragma once
// Document properties (File > Properties in Excel and LibreOffice): who made the register and what it is.

#include <ctime>
#include <optional>
#include <string>

namespace raingan::xlsx {

struct Properties {
  std::string title{}, subject{}, author{}, manager{}, company{}, category{}, keywords{}, comments{};
  // Creation time written into docProps/core.xml; now when absent. Fixing it makes output reproducible.
  std::optional<std::time_t> created{};
};

}  // namespace raingan::xlsx
