#pragma once
// Reads a CSV file (RFC 4180: quoted fields with "" for a quote, line breaks inside quotes, CRLF or LF) as a
// one-sheet workbook named after the file. The encoding is UTF-8 with or without a byte-order mark, UTF-16
// with one (Excel's "Unicode text"), or, when the bytes are not UTF-8, the Thai Windows code page 874
// (TIS-620), converted with ICU; the separator is ',', ';' or tab, whichever splits the first lines into
// the same number of fields (or as a first line "sep=;" says). Each assumption is a note of the workbook.

#include <string>
#include <string_view>

#include "intake/intake.h"
#include "intake/sheet_table.h"

namespace raingan::intake {

// Throws InputError naming the file (and line) when it cannot be read.
Workbook read_csv(std::string_view bytes, const std::string& file_label, std::string sheet_name,
                  const Limits& limits);

// The text as UTF-8, and the name of the encoding it was read as ("UTF-8", "Windows-874 (TIS-620)", …).
struct DecodedText {
  std::string text;
  std::string encoding;
  bool assumed = false;  // the encoding was a guess (not UTF-8, no byte-order mark)
};
DecodedText decode_text(std::string_view bytes, const std::string& file_label);

}  // namespace raingan::intake
