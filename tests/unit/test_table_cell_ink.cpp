// Table cells on the samples' frames: the ink of every glyph in a ruled cell keeps the cell's padding from
// the rule's inner edge, even where a glyph reaches out of its advance (the head of โ, a tone mark at a
// line's end).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/diagram_text.h"
#include "sample_test_support.h"

namespace raingan::test {
namespace {

struct Clearance {
  double least = 1e9;
  std::string where;
};

// The smallest stroked rectangle (a cell's rules) holding `point`, or none.
const layout::Rectangle* cell_around(const std::vector<const layout::Rectangle*>& cells,
                                     layout::Point point) {
  const layout::Rectangle* found = nullptr;
  for (const auto* cell : cells) {
    const double right = cell->origin.x + cell->size.width, bottom = cell->origin.y + cell->size.height;
    if (point.x < cell->origin.x || point.x > right || point.y < cell->origin.y || point.y > bottom) continue;
    if (!found || cell->size.width * cell->size.height < found->size.width * found->size.height) found = cell;
  }
  return found;
}

// The least distance across between a glyph's ink and the inner edge of the rules of the cell holding it.
Clearance ink_to_rules(const LaidOutSample& sample) {
  Clearance clearance;
  for (std::size_t p = 0; p < sample.pages.size(); ++p) {
    std::vector<const layout::Rectangle*> cells;
    for (const auto& item : sample.pages[p].frame.items)
      if (const auto* box = std::get_if<layout::Rectangle>(&item); box && box->stroke) cells.push_back(box);
    for (const auto& item : sample.pages[p].frame.items) {
      const auto* line = std::get_if<layout::TextLine>(&item);
      if (!line) continue;
      for (const layout::Rect& ink : layout::glyph_inks(*line)) {
        const auto* cell = cell_around(cells, ink.center());
        if (!cell) continue;
        const double half_rule = cell->stroke->thickness / 2;
        const double gap = std::min(ink.x - (cell->origin.x + half_rule),
                                    cell->origin.x + cell->size.width - half_rule - ink.right());
        if (gap < clearance.least) {
          std::string text;
          for (const auto& span : line->spans) text += span.text;
          clearance = {gap, "page " + std::to_string(p + 1) + ": " + text};
        }
      }
    }
  }
  return clearance;
}

}  // namespace

TEST_CASE("table cells: glyph ink keeps the padding from the rules of its cell on the samples") {
  // These tables set 3 pt of padding across; a left-aligned line starting with โ put its head 1 pt from the
  // rule, and a header word fitted to its column reached 2 pt from it.
  const struct {
    const char* template_name;
    const char* dataset;
  } samples[] = {
      {"action-plan-progress.xml", "action-plan-progress-2569-6.json"},
      {"budget-allocation-notice.xml", "budget-allocation-2569.json"},
      {"transport-budget-adjustment.xml", "transport-allowance-2569-2.json"},
      {"transport-allocation-memo.xml", "transport-allowance-2569-2.json"},
      {"inspection-followup-report.xml", "inspection-followup-2569-1.json"},
  };
  for (const auto& sample : samples) {
    const Clearance clearance = ink_to_rules(lay_out_sample(sample.template_name, sample.dataset));
    const std::string name = sample.template_name;
    CAPTURE(name);
    CAPTURE(clearance.where);
    CHECK(clearance.least >= 2.9);
  }
}

}  // namespace raingan::test
