#pragma once
// A template's terms list (<document terms="terms.txt">): the office's names and terms that no dictionary
// holds (สำนักงานเขตพื้นที่การศึกษา, กลุ่มนโยบายและแผน, ตัวชี้วัด), one per line, which layout keeps on one
// line when it can, as it does a compound word. Blank lines and lines starting with # are skipped.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/read_scope.h"

namespace raingan::templating {

inline constexpr std::size_t max_kept_terms = 2000;
inline constexpr std::size_t max_kept_term_code_points = 60;

// Throws InputError naming the file and line for a line that is not UTF-8, holds a control character, is
// longer than max_kept_term_code_points or one term too many.
std::vector<std::string> parse_kept_terms(std::string_view source, const std::string& file_name);

// Reads and parses the list at `path`, which `reads` must admit; at most 256 KB.
std::vector<std::string> load_kept_terms(const std::filesystem::path& path, const ReadScope& reads);

}  // namespace raingan::templating
