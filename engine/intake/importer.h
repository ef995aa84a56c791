#pragma once
// The mapping itself: a workbook read into the dataset of an import plan (the values sheet, --set values,
// one array per sheet, child sheets into the records of their parent, columns whose titles come from the
// dataset), then checked by the validator and every problem said about the cell it came from.

#include <string>

#include "intake/import_plan.h"
#include "intake/intake.h"
#include "intake/sheet_table.h"

namespace raingan::intake {

ImportResult map_workbook(const dataset::Schema& schema, const ImportPlan& plan, const Workbook& workbook,
                          const std::string& file_label, const ImportOptions& options);

}  // namespace raingan::intake
