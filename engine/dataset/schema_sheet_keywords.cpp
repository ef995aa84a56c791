#include "dataset/schema_sheet_keywords.h"

#include "dataset/json_path.h"
#include "format/value_error.h"

namespace raingan::dataset {
namespace {

// A title, or a non-empty list of titles: the first is the one written, the others are accepted too.
bool read_titles(std::vector<std::string>& titles, const Value& value, const std::string& at,
                 std::vector<std::pair<std::string, std::string>>& problems) {
  const auto plain = [](const Value& title) {
    return title.is_string() && title.as_string().find_first_not_of(" \t\r\n") != std::string_view::npos;
  };
  if (plain(value)) {
    titles.assign(1, std::string(value.as_string()));
    return true;
  }
  if (value.is_array() && !value.items().empty()) {
    std::vector<std::string> read;
    for (std::size_t i = 0; i < value.items().size(); ++i) {
      const Value& title = value.items()[i];
      if (!plain(title)) {
        problems.emplace_back(append_index(at, i),
                              "expected a title (a non-blank string), found " + describe(title));
        return false;
      }
      read.emplace_back(title.as_string());
    }
    titles = std::move(read);
    return true;
  }
  problems.emplace_back(
      at,
      "expected a title or an array of titles (the first one written, the others accepted), "
      "found " +
          describe(value));
  return false;
}

}  // namespace

bool read_sheet_keyword(SheetHints& hints, std::string_view key, const Value& value, const std::string& at,
                        std::vector<std::pair<std::string, std::string>>& problems) {
  if (key == "x-sheet") {
    if (value.is_boolean() && value.as_bool())
      hints.sheet_from_title = true;
    else
      read_titles(hints.sheet_names, value, at, problems);
  } else if (key == "x-column") {
    read_titles(hints.column_titles, value, at, problems);
  } else if (key == "x-columns") {
    if (!value.is_array())
      problems.emplace_back(at, "expected an array with one column title per item, found " + describe(value));
    else
      read_titles(hints.spread_titles, value, at, problems);
  } else if (key == "x-columns-from") {
    if (!value.is_string()) {
      problems.emplace_back(at, "expected a path such as aspects[*].items[*].no, found " + describe(value));
    } else {
      try {
        hints.spread_from = PathPattern::parse(value.as_string());
      } catch (const format::ValueError& error) {
        problems.emplace_back(at, error.what());
      }
    }
  } else if (key == "x-parent-column") {
    read_titles(hints.parent_column, value, at, problems);
  } else if (key == "x-aliases") {
    if (!value.is_object()) {
      problems.emplace_back(
          at,
          "expected an object from what a cell may say to the value it stands for, found " + describe(value));
    } else {
      for (const auto& member : value.members()) {
        if (member.value.is_array() || member.value.is_object())
          problems.emplace_back(
              append_key(at, member.key()),
              "expected a single value (a string, number or true/false), found " + describe(member.value));
        else
          hints.aliases.emplace_back(std::string(member.key()), member.value);
      }
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace raingan::dataset
