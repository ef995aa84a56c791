#pragma once
// The cells of an import sheet: a dataset value written as the import reads it back (dates as dates, amounts
// as numbers, codes as text, lists one item per line, yes/no in Thai), in the styles of the sheet, and the
// Thai explanation of what a column takes.

#include <string>

#include "dataset/json_value.h"
#include "intake/import_plan.h"
#include "templating/workbook_sink.h"

namespace raingan::intake {

class CellStyles {
 public:
  explicit CellStyles(templating::WorkbookSink& sink);

  templating::StyleId header() const { return header_; }
  templating::StyleId label(bool required) const { return required ? label_required_ : label_; }
  templating::StyleId hint() const { return hint_; }
  templating::StyleId row_number() const { return row_number_; }

  // The value in the column's style.
  templating::Cell cell(const ColumnPlan& column, const dataset::Value& value) const;
  // An empty cell in the column's style (so that what is typed there is kept as the import wants it).
  templating::Cell empty(const ColumnPlan& column) const;

 private:
  templating::StyleId style_of(const ColumnPlan& column) const;

  templating::StyleId header_, label_, label_required_, hint_, row_number_;
  templating::StyleId text_, wrapped_, date_, money_, integer_, number_;
};

// "จำนวนเงิน (บาท) ไม่น้อยกว่า 0", "เลือก: อ.1, อ.2, …", "วันที่ เช่น 20/11/2569 …"
std::string thai_hint(const ColumnPlan& column);

}  // namespace raingan::intake
