#include "intake/import_sheet_cells.h"

#include <cstdlib>

#include "format/thai_date.h"
#include "format/value_error.h"
#include "intake/cell_text.h"
#include "xlsx/number_formats.h"

namespace raingan::intake {
namespace {

templating::CellStyle bordered() {
  templating::CellStyle style;
  style.border = templating::CellStyle::Border::thin;
  style.locked = false;
  style.v_align = templating::CellStyle::VAlign::top;
  return style;
}

// A number's text as a double, when the double shows it exactly (at most 15 significant digits).
std::optional<double> exact_double(std::string_view text) {
  const auto plain = plain_number(text);
  if (!plain) return std::nullopt;
  std::size_t digits = 0;
  bool leading = true;
  for (const char c : *plain) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  if (digits > 15 || plain->find('e') != std::string::npos) return std::nullopt;
  return std::strtod(plain->c_str(), nullptr);
}

std::string bound_text(const format::Decimal& bound) {
  return bound.to_fixed(static_cast<int>(bound.decimal_places()));
}

}  // namespace

CellStyles::CellStyles(templating::WorkbookSink& writer) {
  templating::CellStyle header;
  header.bold = true;
  header.fill_rgb = 0xDDEBF7;
  header.border = templating::CellStyle::Border::thin;
  header.h_align = templating::CellStyle::HAlign::center;
  header.wrap = true;
  header_ = writer.add_style(header);

  templating::CellStyle label = bordered();
  label.locked = true;
  label.fill_rgb = 0xF2F2F2;
  label_ = writer.add_style(label);
  label.bold = true;
  label_required_ = writer.add_style(label);

  templating::CellStyle hint;
  hint.font_rgb = 0x595959;
  hint.v_align = templating::CellStyle::VAlign::top;
  hint.wrap = true;
  hint_ = writer.add_style(hint);

  templating::CellStyle row_number = bordered();
  row_number.h_align = templating::CellStyle::HAlign::center;
  row_number.fill_rgb = 0xF2F2F2;
  row_number_ = writer.add_style(row_number);

  templating::CellStyle text = bordered();
  text.number_format = "@";  // typed digits stay text: school codes and ids keep their leading zeros
  text.wrap = true;
  text_ = writer.add_style(text);
  wrapped_ = text_;
  templating::CellStyle date = bordered();
  date.number_format = "[$-D07041E]d mmm yyyy";
  date.h_align = templating::CellStyle::HAlign::left;
  date_ = writer.add_style(date);
  templating::CellStyle number = bordered();
  number.number_format = std::string(xlsx::number_formats::money);
  money_ = writer.add_style(number);
  number.number_format = "0";
  integer_ = writer.add_style(number);
  number.number_format = "General";
  number_ = writer.add_style(number);
}

templating::StyleId CellStyles::style_of(const ColumnPlan& column) const {
  const Facets& facets = column.facets;
  if (column.shape == ColumnPlan::Shape::list) return wrapped_;
  if (facets.date) return date_;
  if (facets.enum_values != nullptr) return text_;
  if (facets.allows(dataset::type_number | dataset::type_integer) && facets.types != 0 &&
      !facets.allows(dataset::type_string)) {
    if (facets.money) return money_;
    return (facets.types & dataset::type_number) == 0 ? integer_ : number_;
  }
  return text_;
}

templating::Cell CellStyles::empty(const ColumnPlan& column) const {
  return {std::monostate{}, style_of(column)};
}

templating::Cell CellStyles::cell(const ColumnPlan& column, const dataset::Value& value) const {
  const templating::StyleId style = style_of(column);
  const auto scalar = [&](const dataset::Value& item) -> templating::CellValue {
    switch (item.kind()) {
      case dataset::ValueKind::null:
        return std::monostate{};
      case dataset::ValueKind::boolean:
        return std::string(item.as_bool() ? "ใช่" : "ไม่ใช่");
      case dataset::ValueKind::number:
        if (style != text_ && style != wrapped_)
          if (const auto number = exact_double(item.number_text())) return *number;
        return std::string(item.number_text());
      case dataset::ValueKind::string:
        if (column.facets.date && column.shape != ColumnPlan::Shape::list) {
          try {
            const format::Date date = format::parse_iso_date(item.as_string());
            if (date.year >= 1901)
              return templating::CellDate{date.year, static_cast<int>(date.month),
                                          static_cast<int>(date.day)};
          } catch (const format::ValueError&) {
          }
        }
        return std::string(item.as_string());
      default:
        return dataset::describe(item);
    }
  };
  if (value.is_array() && column.shape == ColumnPlan::Shape::list) {
    std::string lines;
    for (const auto& item : value.items()) {
      const templating::CellValue one = scalar(item);
      const std::string text = item.is_number()                           ? std::string(item.number_text())
                               : item.is_string()                         ? std::string(item.as_string())
                               : std::holds_alternative<std::string>(one) ? std::get<std::string>(one)
                                                                          : std::string();
      lines += (lines.empty() ? "" : "\n") + text;
    }
    return {lines.empty() ? templating::CellValue{} : templating::CellValue{lines}, style};
  }
  templating::CellValue content = scalar(value);
  // A date before 1901 is written as its text (the serial of early 1900 differs between spreadsheets).
  return {std::move(content), std::holds_alternative<std::string>(content) && style == date_ ? text_ : style};
}

std::string thai_hint(const ColumnPlan& column) {
  const Facets& facets = column.facets;
  std::string hint;
  if (facets.enum_values != nullptr) {
    hint = "เลือก: ";
    for (std::size_t i = 0; i < facets.enum_values->size(); ++i) {
      const auto& value = (*facets.enum_values)[i];
      hint += (i == 0 ? "" : ", ") +
              (value.is_string() ? std::string(value.as_string()) : dataset::describe(value));
    }
  } else if (facets.date) {
    hint = "วันที่ เช่น 20/11/2569 หรือ 20 พ.ย. 2569";
  } else if (facets.types != 0 && (facets.types & (dataset::type_number | dataset::type_integer)) != 0 &&
             (facets.types & dataset::type_string) == 0) {
    hint = facets.money ? "จำนวนเงิน (บาท) ทศนิยมไม่เกิน 2 ตำแหน่ง"
           : (facets.types & dataset::type_number) == 0 ? "จำนวนเต็ม"
                                                        : "ตัวเลข";
    if (facets.minimum) hint += " ไม่น้อยกว่า " + bound_text(*facets.minimum);
    if (facets.exclusive_minimum) hint += " มากกว่า " + bound_text(*facets.exclusive_minimum);
    if (facets.maximum) hint += " ไม่เกิน " + bound_text(*facets.maximum);
    if (facets.exclusive_maximum) hint += " น้อยกว่า " + bound_text(*facets.exclusive_maximum);
    if (column.nullable) hint += " (เว้นว่างได้)";
  } else if (facets.types == dataset::type_boolean) {
    hint = "ใช่ หรือ ไม่ใช่";
  } else {
    hint = "ข้อความ";
  }
  if (column.shape == ColumnPlan::Shape::list)
    hint = "หลายรายการได้ บรรทัดละหนึ่งรายการ (Alt+Enter ขึ้นบรรทัดใหม่); " + hint;
  return hint;
}

}  // namespace raingan::intake
