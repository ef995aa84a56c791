#include "templating/workbook_recording.h"

#include <stdexcept>

namespace raingan::templating {

StyleId WorkbookRecording::add_style(const CellStyle& style) {
  // A handful of styles, asked for cell after cell: a walk from the last one added finds most at once.
  for (std::size_t i = styles_.size(); i-- > 0;)
    if (styles_[i] == style) return i + 1;
  next_.add_style(style);
  styles_.push_back(style);
  events_.emplace_back(NewStyle{styles_.size() - 1});
  return styles_.size();
}

void WorkbookRecording::begin_sheet(const SheetSetup& setup) {
  events_.emplace_back(setup);
  next_.begin_sheet(setup);
}

void WorkbookRecording::write_row(SheetRow&& row) {
  rows_.append(row);
  if (events_.empty() || !std::holds_alternative<Rows>(events_.back())) events_.emplace_back(Rows{0});
  ++std::get<Rows>(events_.back()).count;
  next_.write_row(std::move(row));
}

void WorkbookRecording::set_autofilter(const CellRange& range) {
  events_.emplace_back(range);
  next_.set_autofilter(range);
}

void WorkbookRecording::add_conditional_format(const CellRange& range, const ConditionalRule& rule) {
  events_.emplace_back(std::pair{range, rule});
  next_.add_conditional_format(range, rule);
}

void WorkbookRecording::add_list_validation(const CellRange& range, const ListValidation& validation) {
  events_.emplace_back(std::pair{range, validation});
  next_.add_list_validation(range, validation);
}

void WorkbookRecording::end_sheet() {
  events_.emplace_back(EndSheet{});
  next_.end_sheet();
}

void WorkbookRecording::replay(WorkbookSink& sink) {
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
