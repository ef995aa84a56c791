#include "templating/workbook_recording.h"

#include <stdexcept>

namespace raingan::templating {

StyleId WorkbookRecording::add_style(const CellStyle& style) {
  // A handful of styles, asked for cell after cell: a walk from the last one added finds most at once.
  for (std::size_t i = styles_.size(); i-- > 0;)
    if (styles_[i] == style) return i + 1;
  styles_.push_back(style);
  events_.emplace_back(NewStyle{styles_.size() - 1});
  post([this, style] { next_.add_style(style); });  // its id is the replayed-to sink's business
  return styles_.size();
}

void WorkbookRecording::begin_sheet(const SheetSetup& setup) {
  events_.emplace_back(setup);
  post([this, setup] { next_.begin_sheet(setup); });
}

void WorkbookRecording::write_row(SheetRow&& row) {
  if (events_.empty() || !std::holds_alternative<Rows>(events_.back())) events_.emplace_back(Rows{0});
  ++std::get<Rows>(events_.back()).count;
  queued_.push_back(std::move(row));
  if (queued_.size() >= rows_per_task) post();
}

void WorkbookRecording::set_autofilter(const CellRange& range) {
  events_.emplace_back(range);
  post([this, range] { next_.set_autofilter(range); });
}

void WorkbookRecording::add_conditional_format(const CellRange& range, const ConditionalRule& rule) {
  events_.emplace_back(std::pair{range, rule});
  post([this, range, rule] { next_.add_conditional_format(range, rule); });
}

void WorkbookRecording::add_list_validation(const CellRange& range, const ListValidation& validation) {
  events_.emplace_back(std::pair{range, validation});
  post([this, range, validation] { next_.add_list_validation(range, validation); });
}

void WorkbookRecording::end_sheet() {
  events_.emplace_back(EndSheet{});
  post([this] { next_.end_sheet(); });
}

void WorkbookRecording::post(std::function<void()> call) {
  if (!worker_) throw std::logic_error("a call recorded after WorkbookRecording::finish()");
  // Rows the worker has passed on are freed here, where their memory was taken: freeing it on the worker
  // would hand each block back to this thread's heap under its lock, row after row.
  std::vector<std::vector<SheetRow>> spent;
  {
    const std::lock_guard lock(spent_mutex_);
    spent.swap(spent_);
  }
  spent.clear();
  if (!queued_.empty()) {
    std::vector<SheetRow> rows = std::move(queued_);
    queued_ = {};
    queued_.reserve(rows_per_task);
    worker_->post([this, rows = std::move(rows)]() mutable {
      for (SheetRow& row : rows) {
        rows_.append(row);
        next_.write_row(std::move(row));  // what it leaves of the row is freed with the batch
      }
      const std::lock_guard lock(spent_mutex_);
      spent_.push_back(std::move(rows));
    });
  }
  if (call) worker_->post(std::move(call));
}

void WorkbookRecording::finish() {
  if (!worker_) return;
  post();
  worker_->drain();
  worker_.reset();
  spent_.clear();
}

void WorkbookRecording::replay(WorkbookSink& sink) {
  finish();
  // Recorded id → the sink's id; 0, the normal style, is the same in both.
  std::vector<StyleId> ids(styles_.size() + 1, 0);
  auto id = [&](StyleId recorded) {
    if (recorded >= ids.size()) throw std::logic_error("a recorded row has a style never added");
    return ids[recorded];
  };
  for (Event& event : events_) {
    if (const auto* style = std::get_if<NewStyle>(&event)) {
      ids[style->index + 1] = sink.add_style(styles_[style->index]);
    } else if (const auto* rows = std::get_if<Rows>(&event)) {
      for (std::size_t i = 0; i < rows->count; ++i) {
        SheetRow row = rows_.next();
        for (Cell& cell : row.cells) cell.style = id(cell.style);
        for (auto& blank : row.merges.covered) blank.style = id(blank.style);
        for (auto& merge : row.merges.starting) merge.style = id(merge.style);
        for (auto& merge : row.merges.finishing) merge.style = id(merge.style);
        sink.write_row(std::move(row));
      }
    } else if (const auto* setup = std::get_if<SheetSetup>(&event)) {
      sink.begin_sheet(*setup);
    } else if (const auto* range = std::get_if<CellRange>(&event)) {
      sink.set_autofilter(*range);
    } else if (const auto* format = std::get_if<std::pair<CellRange, ConditionalRule>>(&event)) {
      sink.add_conditional_format(format->first, format->second);
    } else if (const auto* validation = std::get_if<std::pair<CellRange, ListValidation>>(&event)) {
      sink.add_list_validation(validation->first, validation->second);
    } else {
      sink.end_sheet();
    }
  }
}

}  // namespace raingan::templating
