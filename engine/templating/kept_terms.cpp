#include "templating/kept_terms.h"

#include "core/diagnostic.h"
#include "core/input_file.h"
#include "core/utf8.h"

namespace raingan::templating {
namespace {

std::string_view trimmed(std::string_view line) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!line.empty() && blank(line.front())) line.remove_prefix(1);
  while (!line.empty() && blank(line.back())) line.remove_suffix(1);
  return line;
}

}  // namespace

std::vector<std::string> parse_kept_terms(std::string_view source, const std::string& file_name) {
  std::vector<std::string> terms;
  std::size_t line_number = 0;
  while (!source.empty()) {
    ++line_number;
    const std::size_t end = source.find('\n');
    const std::string_view line = trimmed(source.substr(0, end));
    source = end == std::string_view::npos ? std::string_view() : source.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](const std::string& message) {
      throw InputError(file_name, "line " + std::to_string(line_number), message);
    };
    if (const auto bad = utf8::first_invalid_byte(line, utf8::Controls::refused))
      fail("expected a term in UTF-8 text, found byte " +
           std::to_string(static_cast<unsigned char>(line[*bad])) + " at column " + std::to_string(*bad + 1));
    std::size_t code_points = 0;
    for (std::size_t at = 0; at < line.size(); ++code_points) utf8::next(line, at);
    if (code_points > max_kept_term_code_points)
      fail("expected a term of at most " + std::to_string(max_kept_term_code_points) + " characters, found " +
           std::to_string(code_points) + ": list the parts of a longer name");
    if (terms.size() == max_kept_terms)
      fail("expected at most " + std::to_string(max_kept_terms) + " terms, found more");
    terms.emplace_back(line);
  }
  return terms;
}

std::vector<std::string> load_kept_terms(const std::filesystem::path& path, const ReadScope& reads) {
  constexpr std::uint64_t max_bytes = 256 * 1024;
  reads.require(path, "terms list");
  return parse_kept_terms(read_input_file(path, "terms list", max_bytes, "split the terms list"),
                          path.string());
}

}  // namespace raingan::templating
