#pragma once
// A WorkbookSink that passes every call on to the sink after it and also records it, so that the calls can
// be made again, in the same order, on another sink without binding the template again: the formula stage's
// second pass (workbook_binder.cpp) replays what the first pass bound. Rows go to a RowSpool (on disk); the
// few other calls are kept in memory.
//
// Styles are recorded once each: the same style twice gives the same id here, as every sink does, and a
// replay gives each the id the replayed-to sink gives it, in cells and merged ranges alike.

#include <cstddef>
#include <utility>
#include <variant>
#include <vector>

#include "templating/row_spool.h"
#include "templating/workbook_sink.h"

namespace raingan::templating {

class WorkbookRecording final : public WorkbookSink {
 public:
  explicit WorkbookRecording(WorkbookSink& next) : next_(next) {}

  StyleId add_style(const CellStyle& style) override;
  void begin_sheet(const SheetSetup& setup) override;
  void write_row(SheetRow&& row) override;
  void set_autofilter(const CellRange& range) override;
  void add_conditional_format(const CellRange& range, const ConditionalRule& rule) override;
  void add_list_validation(const CellRange& range, const ListValidation& validation) override;
  void end_sheet() override;

  // Makes the recorded calls on `sink`, in order. Once only: the rows are read back as they are replayed.
  void replay(WorkbookSink& sink);

 private:
  struct NewStyle {
    std::size_t index;  // into styles_
  };
  struct Rows {
    std::size_t count;  // rows from the spool, one after another
  };
  struct EndSheet {};
  using Event = std::variant<NewStyle, SheetSetup, Rows, CellRange, std::pair<CellRange, ConditionalRule>,
                             std::pair<CellRange, ListValidation>, EndSheet>;

  WorkbookSink& next_;
  std::vector<CellStyle> styles_;  // recorded id - 1 is the index
  std::vector<Event> events_;
  RowSpool rows_;
};

}  // namespace raingan::templating
