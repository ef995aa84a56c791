#pragma once
// The workbook's cell styles, each registered once with libxlsxwriter as a format. A formula cell is written
// in a locked twin of an unlocked style, so a protected sheet guards every formula; each font name keeps one
// charset, which the styles.xml patch writes (styles_patch.h).

#include <xlsxwriter.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "templating/cell_style.h"

namespace raingan::xlsx {

class StyleTable {
 public:
  // `file` names the workbook in messages. `before_change` runs before the table grows: whatever reads the
  // table on another thread must be idle then.
  StyleTable(lxw_workbook* workbook, std::string file, std::function<void()> before_change);

  // The id of the same style added before, or of the new one. Throws InputError for a style libxlsxwriter
  // or Excel cannot take, or a font name given a second charset.
  templating::StyleId add(const templating::CellStyle& style);

  // The style whose format a cell of style `style` is written in: its locked twin (made when first needed)
  // for a formula in an unlocked style, else the style itself. Throws std::invalid_argument for an id add()
  // did not give.
  templating::StyleId format_style(templating::StyleId style, bool formula);

  const templating::CellStyle& style(templating::StyleId id) const { return styles_[id]; }
  lxw_format* format(templating::StyleId id) const { return formats_[id]; }
  std::size_t size() const noexcept { return styles_.size(); }
  // Font name -> charset, for the styles.xml patch.
  const std::map<std::string, int>& charsets() const noexcept { return charsets_; }

  // Throws InputError (naming `file`) for a style libxlsxwriter or Excel cannot take.
  static void check(const templating::CellStyle& style, const std::string& file);

 private:
  lxw_workbook* workbook_;
  std::string file_;
  std::function<void()> before_change_;
  std::vector<templating::CellStyle> styles_;
  std::vector<lxw_format*> formats_;  // owned by the workbook
  std::map<templating::StyleId, templating::StyleId> locked_twin_;
  std::map<std::string, int> charsets_;
};

}  // namespace raingan::xlsx
