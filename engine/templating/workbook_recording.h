#pragma once
// A WorkbookSink that passes every call on to the sink after it and also records it, so that the calls can
// be made again, in the same order, on another sink without binding the template again: the formula stage's
// second pass (workbook_binder.cpp) replays what the first pass bound. Rows go to a RowSpool (on disk); the
// few other calls are kept in memory.
//
// Styles are recorded once each: the same style twice gives the same id here, as every sink does, and a
// replay gives each the id the replayed-to sink gives it, in cells and merged ranges alike.
//
// The calls are passed on, and the rows spooled, on a worker thread, rows_per_task at a time, so that the
// formula stage's storing of the first pass runs on a second core while the binder makes the next rows. A
// failure of the sink after (a formula that does not parse) comes back from a later call or from finish();
// a caller that fails itself meanwhile asks finish() first, since the sink's failure came from an earlier
// row.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <variant>
#include <vector>

#include "core/worker_queue.h"
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

  // Waits until the sink after has been given every call, and ends the worker. Rethrows its failure, or
  // one of spooling.
  void finish();

  // Makes the recorded calls on `sink`, in order, once finished. Once only: the rows are read back as they
  // are replayed.
  void replay(WorkbookSink& sink);

  static constexpr std::size_t rows_per_task = 64;

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

  // On the caller's thread: hands the queued rows, then `call` if any, to the worker.
  void post(std::function<void()> call = {});

  WorkbookSink& next_;
  std::vector<CellStyle> styles_;  // recorded id - 1 is the index
  std::vector<Event> events_;
  RowSpool rows_;                 // the worker's until finish()
  std::vector<SheetRow> queued_;  // for the worker, handed over rows_per_task at a time
  std::mutex spent_mutex_;
  std::vector<std::vector<SheetRow>> spent_;  // passed on by the worker, to be freed by the caller
  // Last: stopped before what its tasks use goes. Ended by finish(): a thread started later (the XLSX
  // writer's) then takes over its heap, with the room the first pass freed there.
  std::unique_ptr<WorkerQueue> worker_ = std::make_unique<WorkerQueue>(8);
};

}  // namespace raingan::templating
