#include "text/font_mapping.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "core/diagnostic.h"
#include "core/input_file.h"
#include "text/font_folder.h"

namespace raingan::text {
namespace {

using nlohmann::json;

std::string quoted_key(const std::string& key) { return "[\"" + key + "\"]"; }

class MappingReader {
 public:
  explicit MappingReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& location, const std::string& message) const {
    throw InputError(file_, location, message);
  }

  const std::string& string(const json& value, const std::string& location) const {
    if (!value.is_string()) fail(location, std::string("expected a string, found ") + value.type_name());
    const auto& text = value.get_ref<const std::string&>();
    if (text.empty()) fail(location, "expected a non-empty string");
    return text;
  }

  const json& object(const json& value, const std::string& location) const {
    if (!value.is_object()) fail(location, std::string("expected an object, found ") + value.type_name());
    return value;
  }

  FontMapping read(const json& root) const {
    FontMapping mapping;
    object(root, "");
    for (const auto& [key, value] : root.items()) {
      if (key == "default_family") {
        mapping.default_family = string(value, key);
      } else if (key == "fallback_families") {
        if (!value.is_array())
          fail(key, std::string("expected an array of family names, found ") + value.type_name());
        mapping.fallback_families.clear();
        for (std::size_t i = 0; i < value.size(); ++i)
          mapping.fallback_families.push_back(string(value[i], key + "[" + std::to_string(i) + "]"));
      } else if (key == "families") {
        for (const auto& [family, styles] : object(value, key).items()) {
          const std::string where = key + quoted_key(family);
          auto& files = mapping.family_files[family];
          for (const auto& [style_name, file] : object(styles, where).items()) {
            const std::string file_where = where + "." + style_name;
            bool known = false;
            for (const FontStyle style : {FontStyle{false, false}, FontStyle{true, false},
                                          FontStyle{false, true}, FontStyle{true, true}}) {
              if (style_key(style) != style_name) continue;
              files[style] = std::filesystem::path(string(file, file_where));
              known = true;
            }
            if (!known) fail(file_where, "expected one of regular, bold, italic, bold_italic");
          }
        }
      } else if (key == "substitutes") {
        for (const auto& [family, substitute] : object(value, key).items())
          mapping.substitutes[family] = string(substitute, key + quoted_key(family));
      } else {
        fail(key, "unknown key; expected default_family, fallback_families, families or substitutes");
      }
    }
    return mapping;
  }

 private:
  std::string file_;
};

}  // namespace

const std::map<FontStyle, std::filesystem::path>* FontMapping::files_of(std::string_view family) const {
  for (const auto& [name, files] : family_files)
    if (same_family(name, family)) return &files;
  return nullptr;
}

const std::string* FontMapping::substitute_of(std::string_view family) const {
  for (const auto& [name, substitute] : substitutes)
    if (same_family(name, family)) return &substitute;
  return nullptr;
}

FontMapping read_font_mapping(const std::filesystem::path& json_file) {
  std::error_code ec;
  if (!std::filesystem::exists(json_file, ec)) return FontMapping{};
  const std::string content = read_input_file(json_file, "font mapping", 1024 * 1024, "");
  json root;
  try {
    root = json::parse(content);
  } catch (const json::parse_error& error) {
    throw InputError(json_file.string(), "byte " + std::to_string(error.byte), "not valid JSON");
  }
  return MappingReader(json_file.string()).read(root);
}

}  // namespace raingan::text
