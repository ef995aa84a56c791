#include "xlsx/sheet_setup.h"

#include "core/diagnostic.h"
#include "core/utf8.h"

namespace raingan::xlsx {

void validate_sheet_name(const std::string& name, const std::string& workbook_path) {
  const std::string location = "sheet '" + name + "'";
  auto fail = [&](const std::string& message) { throw InputError(workbook_path, location, message); };
  if (name.empty()) fail("a sheet name must not be empty");
  if (const auto bad = utf8::first_invalid_byte(name))
    fail("sheet name is not valid UTF-8 at byte " + std::to_string(*bad));
  std::size_t characters = 0;
  for (std::size_t offset = 0; offset < name.size(); ++characters) {
    const char32_t c = utf8::next(name, offset);
    if (c < 0x20) fail("a sheet name must not contain control characters");
    for (const char forbidden : std::string_view("[]:*?/\\"))
      if (c == static_cast<unsigned char>(forbidden))
        fail(std::string("a sheet name must not contain '") + forbidden + "' (none of []:*?/\\ is allowed)");
  }
  // Excel counts UTF-16 code units; every Thai and Latin character is one.
  if (characters > 31) fail("a sheet name has at most 31 characters, found " + std::to_string(characters));
  if (name.front() == '\'' || name.back() == '\'')
    fail("a sheet name must not start or end with an apostrophe");
  if (name == "History" || name == "history") fail("'History' is reserved by Excel");
}

}  // namespace raingan::xlsx
