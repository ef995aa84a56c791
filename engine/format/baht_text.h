#pragma once
// Amounts in Thai words, as Excel's BAHTTEXT writes them on cheques, notices and registers:
// 21 -> ยี่สิบเอ็ดบาทถ้วน, 101.25 -> หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์, 0.50 -> ห้าสิบสตางค์, -5 -> ลบห้าบาทถ้วน.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace raingan::format {

// How a final 1 is read. Thai writes เอ็ด for a 1 that ends a longer number (สิบเอ็ด, ร้อยเอ็ด, พันเอ็ด); the
// count before ล้าน and the part after it are numbers of their own (ห้าร้อยเอ็ดล้าน, หนึ่งล้านหนึ่ง).
enum class EtStyle {
  excel,  // เอ็ด after any higher digit of the same number: 101 -> หนึ่งร้อยเอ็ด (Excel, the Royal Institute)
  tens_only,  // เอ็ด only right after a tens digit: 101 -> หนึ่งร้อยหนึ่ง (LibreOffice 7's BAHTTEXT)
};

// The amount in words. Whole baht end in ถ้วน; an amount under one baht has no บาท part (ห้าสิบสตางค์);
// zero is ศูนย์บาทถ้วน; a negative amount starts with ลบ.
std::string baht_text(std::int64_t satang, EtStyle style = EtStyle::excel);

// Where a line may end inside an amount in words: between its groups, each a count with its magnitude, as a
// typesetter breaks one (สี่ล้าน|สี่แสน|เจ็ดหมื่น|ห้าพัน|ห้าร้อยบาท|ห้าสิบสตางค์); never inside a group, before
// the unit a group counts (ห้าร้อยบาท, หนึ่งร้อยล้าน) or before ถ้วน. The parts, in order; joined they are
// `words`.
std::vector<std::string_view> baht_text_parts(std::string_view words);

// A non-negative whole number in words, the same way (1001 -> หนึ่งพันเอ็ด, 0 -> ศูนย์).
std::string thai_number_words(std::uint64_t value, EtStyle style = EtStyle::excel);

}  // namespace raingan::format
