#include "serve/problems_json.h"

namespace raingan::serve {

nlohmann::json problems_json(const std::vector<Diagnostic>& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& problem : problems) {
    nlohmann::json item = {{"path", problem.location}, {"message", problem.message}};
    if (!problem.file.empty()) item["file"] = problem.file;
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace raingan::serve
