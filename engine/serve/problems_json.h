#pragma once
// Problems as the API answers them: [{"path": "students[17].distance_km", "message": "expected …"}], with
// "file" only when the problem is in a project file (a template) rather than in the dataset sent.

#include <nlohmann/json.hpp>
#include <vector>

#include "core/diagnostic.h"

namespace raingan::serve {

nlohmann::json problems_json(const std::vector<Diagnostic>& problems);

}  // namespace raingan::serve
