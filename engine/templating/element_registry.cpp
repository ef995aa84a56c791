#include "templating/element_registry.h"

#include <algorithm>

namespace raingan::templating {

void check_attributes(const BinderCore& core, const Element& element,
                      const std::vector<std::string_view>& accepted, const AttributeGroup* group) {
  for (const auto& attribute : element.attributes) {
    if (group && group->contains(attribute.name)) continue;
    if (std::find(accepted.begin(), accepted.end(), attribute.name) != accepted.end()) continue;
    std::string listed;
    for (auto name : accepted) listed += (listed.empty() ? "" : ", ") + std::string(name);
    if (group) listed += (listed.empty() ? "" : ", ") + ("and " + std::string(group->description));
    core.fail(attribute.line, "<" + element.name + "> has no attribute '" + attribute.name + "'" +
                                  (listed.empty() ? "" : " (it takes: " + listed + ")"));
  }
}

namespace {

// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: a swap is one slip (<tabel>).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string_view> nearest_name(std::string_view name,
                                             const std::vector<std::string_view>& names) {
  // Element names are short: a slip is a letter or two (<tabel>, <heder>); anything further is another word.
  constexpr std::size_t longest_name_compared = 64;
  if (name.size() > longest_name_compared) return std::nullopt;
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (auto candidate : names) {
    const std::size_t distance = edit_distance(name, candidate);
    // A slip in one letter of three: none in a one-letter name, one in <tabel>, two in <headre>.
    const std::size_t allowed = (std::max(name.size(), candidate.size()) + 1) / 3;
    if (distance <= allowed && (!best || distance < best_distance)) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string unknown_element_message(std::string_view place, std::string_view name,
                                    const std::vector<std::string_view>& expected) {
  std::string listed;
  for (auto candidate : expected) listed += (listed.empty() ? "" : ", ") + std::string(candidate);
  std::string message =
      "unknown element <" + std::string(name) + "> " + std::string(place) + " (expected one of " + listed;
  if (const auto nearest = nearest_name(name, expected))
    message += "; did you mean <" + std::string(*nearest) + ">?";
  return message + ")";
}

}  // namespace raingan::templating
