#pragma once
// Spans of text a line must not end inside (DOMAIN.md, Typography): a reader takes them in as one thing.
//   - a person's title, given name and surname: นาย สมชาย ใจดี, ว่าที่ ร.ต. สมชาย ใจดี, ผศ.ดร.สมหญิง ศรีสุข (a
//     title only when it is a whole word by the dictionary's boundaries and not the start of a longer word
//     a dictionary knows: นายก, นายอำเภอ are no titles);
//   - a number with its unit or classifier ending the Thai word (๗ คน, ๑๐ กิโลเมตร, ๓–๑๐ กิโลเมตร, ๐๙.๓๐ น.),
//     or after its counting word (ข้อ ๔, ครั้งที่ ๒, ปีการศึกษา ๒๕๖๘, ร้อยละ ๘๕.๕๐); numbers in Thai or
//     Arabic digits with , . : / inside and dash ranges;
//   - a date: day month [พ.ศ.] year, or month year, with วันที่ / ลงวันที่ before it;
//   - a document number: [ที่] ศธ ๐๔๑๖๑/ว ๕๑๒๐;
//   - a short parenthesised expression that holds a digit or '=': (๗ คน), (x̄ = ๔.๕๖);
//   - the rank ending a position: ชำนาญการพิเศษ, ชำนาญการ, เชี่ยวชาญ, ปฏิบัติการ …;
//   - a number nothing counts with the word after it, its classifier (อย่างน้อย ๑ เครือข่าย, ๑๒ ประการ);
//   - a telephone number with its groups and extension (โทร. ๐ ๕๕๒๖ ๗๐๐๐ ต่อ ๑๐๕);
//   - a date with the deadline before it (ภายในวันที่ …), a time after เวลา, a postcode with its province.
// Found on the code points and the dictionary boundaries (break_allowed) of text/line_breaks.h.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "text/code_points.h"

namespace raingan::text {

class CompoundWords;

struct ProtectedSpan {
  std::size_t begin = 0, end = 0;  // code points [begin, end)
};

// Appends the spans found, in order, overlapping ones merged. `flags` is LineBreakFinder's, per byte offset.
void find_protected_spans(const CodePoints& text, const std::vector<std::uint8_t>& flags,
                          const CompoundWords& words, std::vector<ProtectedSpan>& out);

}  // namespace raingan::text
