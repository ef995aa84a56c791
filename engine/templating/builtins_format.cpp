// Formatters: how numbers and texts are printed in official documents.
#include <cmath>

#include "format/baht_text.h"
#include "format/money.h"
#include "format/percent.h"
#include "format/thai_digits.h"
#include "format/value_error.h"
#include "templating/builtins.h"

namespace raingan::templating {
namespace {

std::int64_t satang_of(Call& call, const Number& baht) {
  // Amounts are rounded half away from zero to the satang (BAHTTEXT and #,##0.00 do the same).
  const format::Decimal rounded = format::Decimal::parse(baht.to_decimal().to_fixed(2));
  const auto satang = rounded.scaled(2);
  if (!satang) call.fail("the amount " + baht.to_string() + " is too large");
  return *satang;
}

int places_arg(Call& call, std::size_t index, int fallback) {
  if (!call.has(index)) return fallback;
  std::int64_t places = 0;
  if (!call.number(index).scaled(0, places) || places < 0 || places > 12)
    call.fail("the number of decimals should be a whole number from 0 to 12");
  return static_cast<int>(places);
}

// thai(x): the text of x with Thai digits ๐–๙.
Value thai(Call& call) {
  call.expect_count(1, 1);
  return text_value(format::to_thai_digits(call.text(0)));
}

// arabic(x): Thai digits back to 0–9 (for codes that must stay Arabic).
Value arabic(Call& call) {
  call.expect_count(1, 1);
  const std::string text = call.text(0);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE0 &&
        static_cast<unsigned char>(text[i + 1]) == 0xB9 && static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return text_value(out);
}

// number(x, places = as written, digits = 'thai'): 1234567.5 -> ๑,๒๓๔,๕๖๗.๕
Value number(Call& call) {
  call.expect_count(1, 3);
  const Number n = call.number(0);
  std::string plain;
  if (call.has(1)) {
    plain = n.to_decimal().to_fixed(places_arg(call, 1, 0));
  } else {
    plain = n.to_string();
  }
  const bool negative = !plain.empty() && plain[0] == '-';
  if (negative) plain.erase(0, 1);
  const auto point = plain.find('.');
  std::string whole = plain.substr(0, point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  if (point != std::string::npos) grouped += plain.substr(point);
  return text_value(format::with_digits((negative ? "-" : "") + grouped, digits_arg(call, 2)));
}

// money(baht, digits = 'thai'): 1250000 -> ๑,๒๕๐,๐๐๐.๐๐ (always two decimals)
Value money(Call& call) {
  call.expect_count(1, 2);
  return text_value(format::format_money(satang_of(call, call.number(0)), digits_arg(call, 1)));
}

// money_satang(satang, digits = 'thai'): 125000050 -> ๑,๒๕๐,๐๐๐.๕๐
Value money_satang(Call& call) {
  call.expect_count(1, 2);
  std::int64_t satang = 0;
  if (!call.number(0).scaled(0, satang)) call.fail("satang should be a whole number");
  return text_value(format::format_money(satang, digits_arg(call, 1)));
}

// baht_text(baht): 101.25 -> หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์ (as Excel's BAHTTEXT)
Value baht_text(Call& call) {
  call.expect_count(1, 1);
  return text_value(format::baht_text(satang_of(call, call.number(0))));
}

// baht_text_satang(satang)
Value baht_text_satang(Call& call) {
  call.expect_count(1, 1);
  std::int64_t satang = 0;
  if (!call.number(0).scaled(0, satang)) call.fail("satang should be a whole number");
  return text_value(format::baht_text(satang));
}

// satang(baht) -> the whole number of satang; baht(satang) -> the amount in baht.
Value satang(Call& call) {
  call.expect_count(1, 1);
  return number_value(Number::from_int(satang_of(call, call.number(0))));
}
Value baht(Call& call) {
  call.expect_count(1, 1);
  return number_value(call.number(0) / Number::from_int(100));
}

// percent(part, whole, places = 2, digits = 'thai'): 1, 3 -> ๓๓.๓๓ (no % sign; the template writes it)
Value percent(Call& call) {
  call.expect_count(2, 4);
  const Number part = call.number(0), whole = call.number(1);
  if (whole.is_zero()) call.fail("the whole is 0, so there is no percentage");
  const Number ratio = part * Number::from_int(100) / whole;
  return text_value(
      format::with_digits(ratio.to_decimal().to_fixed(places_arg(call, 2, 2)), digits_arg(call, 3)));
}

// fixed(x, places, digits = 'thai'): rounded half away from zero on the exact value: 2.675, 2 -> ๒.๖๘
Value fixed(Call& call) {
  call.expect_count(2, 3);
  return text_value(
      format::with_digits(call.number(0).to_decimal().to_fixed(places_arg(call, 1, 0)), digits_arg(call, 2)));
}

// round(x, places = 0): the number rounded half away from zero.
Value round(Call& call) {
  call.expect_count(1, 2);
  return number_value(Number::parse(call.number(0).to_decimal().to_fixed(places_arg(call, 1, 0))));
}

// words(n): a whole number in Thai words: 2569 -> สองพันห้าร้อยหกสิบเก้า
Value words(Call& call) {
  call.expect_count(1, 1);
  std::int64_t n = 0;
  if (!call.number(0).scaled(0, n) || n < 0) call.fail("expected a whole number of 0 or more");
  return text_value(format::thai_number_words(static_cast<std::uint64_t>(n)));
}

Value text(Call& call) {
  call.expect_count(1, 1);
  return text_value(call.text(0));
}

Value to_number(Call& call) {
  call.expect_count(1, 1);
  return number_value(call.number(0));
}

Value abs_value(Call& call) {
  call.expect_count(1, 1);
  const Number n = call.number(0);
  return number_value(n.negative() ? -n : n);
}

Value sqrt_value(Call& call) {
  call.expect_count(1, 1);
  const double x = call.number(0).to_double();
  if (x < 0) call.fail("cannot take the square root of a negative number");
  return number_value(Number::from_double(std::sqrt(x)));
}

// if(condition, then, else): only the chosen branch is evaluated.
Value if_value(Call& call) {
  call.expect_count(2, 3);
  if (call.arg(0).truthy()) return call.arg(1);
  return call.has(2) ? call.arg(2) : Value();
}

// concat(a, b, …): the texts joined.
Value concat(Call& call) {
  std::string out;
  for (std::size_t i = 0; i < call.count(); ++i) out += call.text(i);
  return text_value(out);
}

// column_letter(n): 1 -> A, 28 -> AB (spreadsheet columns)
Value column_letter(Call& call) {
  call.expect_count(1, 1);
  std::int64_t n = 0;
  if (!call.number(0).scaled(0, n) || n < 1 || n > 16384)
    call.fail("expected a column number from 1 to 16384");
  std::string letters;
  while (n > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return text_value(letters);
}

}  // namespace

void add_format_builtins(BuiltinTable& table) {
  table["thai"] = thai;
  table["digits"] = thai;
  table["arabic"] = arabic;
  table["number"] = number;
  table["money"] = money;
  table["money_satang"] = money_satang;
  table["baht_text"] = baht_text;
  table["baht_text_satang"] = baht_text_satang;
  table["satang"] = satang;
  table["baht"] = baht;
  table["percent"] = percent;
  table["fixed"] = fixed;
  table["round"] = round;
  table["words"] = words;
  table["text"] = text;
  table["to_number"] = to_number;
  table["abs"] = abs_value;
  table["sqrt"] = sqrt_value;
  table["if"] = if_value;
  table["concat"] = concat;
  table["column_letter"] = column_letter;
}

}  // namespace raingan::templating
