#include "layout/paginate.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/diagnostic.h"
#include "core/units.h"
#include "format/thai_digits.h"
#include "layout/block_layout.h"
#include "layout/continuation_cue.h"
#include "layout/page_marks.h"
#include "layout/paragraph.h"
#include "layout/table_layout.h"

namespace raingan::layout {
namespace {

// Thai consonants used to number front matter, in dictionary order without the obsolete ฃ and ฅ.
constexpr const char* thai_letters[] = {"ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ", "ฎ", "ฏ", "ฐ", "ฑ",
                                        "ฒ", "ณ", "ด", "ต", "ถ", "ท", "ธ", "น", "บ", "ป", "ผ", "ฝ", "พ", "ฟ",
                                        "ภ", "ม", "ย", "ร", "ล", "ว", "ศ", "ษ", "ส", "ห", "ฬ", "อ", "ฮ"};

struct Placed {
  FlowItem source;  // as it came from block layout, to put back if the page end moves above it; a line's
                    // frame is drawn from here
  Frame frame;      // a table part as drawn, origin at its top-left (x = 0: content area's left edge)
  double y = 0;
  double height = 0;
  double space_after = 0;
  double shrink = 0;  // of a flexible spacer: the height it may still give up
  bool break_before = true;
  std::vector<HeadingMark> marks;
  TableProgress progress_before;  // for a table part: where the table stood when the part began
};

// Receives the pages of one section with their headings.
struct SectionOutput {
  std::vector<LaidOutHeading> headings;
  std::size_t pages = 0;
};

class SectionPaginator {
 public:
  SectionPaginator(const document::Section& section, document::BlockSource& body,
                   LayoutEnvironment& environment, int first_number, const std::string& page_count,
                   const std::function<void(Page&&)>& emit)
      : section_(section),
        body_(body),
        environment_(environment),
        emit_(emit),
        number_(first_number),
        page_count_(page_count),
        layouter_(environment),
        content_width_(section.page.size.width - section.page.margin_left - section.page.margin_right) {
    measure_bands();
  }

  SectionOutput run() {
    while (std::optional<FlowItem> item = next_item()) place(std::move(*item));
    if (!placed_.empty() || output_.pages == 0) finish_page();
    if (held_) emit_(std::move(*held_));  // the last page: no cue
    return std::move(output_);
  }

  int next_number() const { return number_; }

 private:
  std::optional<FlowItem> next_item() {
    while (pending_.empty() && read_block()) {
    }
    if (pending_.empty()) return std::nullopt;
    FlowItem item = std::move(pending_.front());
    pending_.pop_front();
    return item;
  }

  // Lays out the next block of the body into the queue; false at the end of the body.
  bool read_block() {
    const document::Block* block = body_.next();
    if (!block) return false;
    items_.clear();
    environment_.page_content_height = std::min(
        content_height(), section_.page.size.height - std::max(section_.page.margin_top, header_bottom_) -
                              std::max(section_.page.margin_bottom, footer_height_));
    layouter_.layout(*block, content_width_, 0, items_);
    for (auto& item : items_) pending_.push_back(std::move(item));
    return true;
  }

  static bool is_kept_line(const FlowItem& item) {
    const auto* line = std::get_if<FlowLine>(&item);
    return line && line->height > 0;
  }

  // `current` does not fit and the page would end before it. If a strip that keeps lines before it (a
  // closing) follows within fewer lines than it keeps, the page may not end there: the lines it keeps come
  // from this page, and `current` goes with them.
  void keep_lines_ahead(FlowItem& current) {
    constexpr int most_kept = 10;  // what keep-with-previous-lines accepts
    int lines_ahead = is_kept_line(current) ? 1 : 0;
    for (std::size_t k = 0; lines_ahead < most_kept; ++k) {
      while (k >= pending_.size())
        if (!read_block()) return;
      FlowItem& ahead = pending_[k];
      if (std::holds_alternative<FlowTable>(ahead) || force_break_of(ahead)) return;
      if (const int kept = keep_with_previous_lines_of(ahead); kept > 0) {
        if (lines_ahead < kept) {
          break_before_of(current) = false;
          keep_lines_before(kept - lines_ahead);
        }
        return;
      }
      if (is_kept_line(ahead)) ++lines_ahead;
    }
  }

  bool has_bands() const { return output_.pages > 0 || section_.header_on_first_page; }
  double top_margin() const {
    const double margin = output_.pages == 0
                              ? section_.page.first_page_margin_top.value_or(section_.page.margin_top)
                              : section_.page.margin_top;
    return has_bands() ? std::max(margin, header_bottom_) : margin;
  }
  double bottom_margin() const {
    return has_bands() ? std::max(section_.page.margin_bottom, footer_height_) : section_.page.margin_bottom;
  }
  double content_height() const { return section_.page.size.height - top_margin() - bottom_margin(); }

  // A header taller than the margin above the body pushes the body down rather than cover it, as a word
  // processor does, and a tall footer pushes it up; measured once, with page numbers of the widest digits.
  // Bands that leave no room for the body are an error at the header's template line.
  void measure_bands() {
    if (section_.header.empty() && section_.footer.empty()) return;
    PageFields fields{"๘๘๘๘", "๘๘๘๘", running_title_};
    const PageFields* saved = environment_.fields;
    environment_.fields = &fields;
    BlockLayouter layouter(environment_);
    double header = 0, footer = 0;
    for (const auto& line : layouter.layout_strips(section_.header, content_width_)) header += line.height;
    for (const auto& line : layouter.layout_strips(section_.footer, content_width_)) footer += line.height;
    environment_.fields = saved;
    // A line box holds its own leading, so the body may start where the header's last line ends.
    if (header > 0) header_bottom_ = section_.page.header_offset + header;
    if (footer > 0) footer_height_ = section_.page.footer_offset + footer;
    constexpr double least_body = units::cm(3);
    const double body = section_.page.size.height - std::max(section_.page.margin_top, header_bottom_) -
                        std::max(section_.page.margin_bottom, footer_height_);
    if (body < least_body) {
      const auto& bands = section_.header.empty() ? section_.footer : section_.header;
      const int line = bands.empty() ? 0 : bands.front().source_line;
      char text[160];
      std::snprintf(text, sizeof text,
                    "the header and footer take %.1f cm of the %.1f cm page and leave %.1f cm for the body; "
                    "expected at least 3 cm: shorten them",
                    (header + footer) / units::cm(1), section_.page.size.height / units::cm(1),
                    std::max(0.0, body) / units::cm(1));
      throw InputError(environment_.source_name, line > 0 ? "line " + std::to_string(line) : "", text);
    }
  }

  double gap_before(double space_before) const {
    return placed_.empty() ? 0 : std::max(placed_.back().space_after, space_before);
  }
  double bottom() const { return placed_.empty() ? 0 : placed_.back().y + placed_.back().height; }

  void place(FlowItem item) {
    double line_gives = 0;  // height the strip gave up to stay on its page (a flexible spacer)
    for (;;) {
      const bool force = std::visit([](auto& it) { return it.force_break_before; }, item);
      if (force && !placed_.empty()) {
        cues_ended_ = true;  // what follows a page break (an annex) is not the letter continued
        finish_page();
        continue;
      }
      std::visit([](auto& it) { it.force_break_before = false; }, item);
      if (const int lines = keep_with_previous_lines_of(item); lines > 0) keep_lines_before(lines);
      if (auto* line = std::get_if<FlowLine>(&item)) {
        const double gap = gap_before(line->space_before);
        const double foot = line->cues ? line->cues->foot_height : 0;
        const double height = line->height - line_gives;
        if (placed_.empty() || bottom() + gap + height + foot <= content_height() + 1e-6) {
          Placed p;
          p.y = bottom() + gap;
          p.height = height;
          p.space_after = line->space_after;
          p.shrink = line->shrink - line_gives;
          p.break_before = line->break_before;
          p.marks = line->marks;
          if (placed_.empty() && line->cues && line->cues->head_height > 0) {
            // The strip begins a page: its head goes above it, and moves with it.
            p.frame.append(line->cues->head, {0, 0});
            p.frame.append(line->frame, {0, line->cues->head_height});
            p.height += line->cues->head_height;
          }
          p.source = std::move(item);  // its frame is drawn from there when the page is finished
          placed_.push_back(std::move(p));
          return;
        }
        if (line->break_before) keep_lines_ahead(item);
        if (!line->break_before && !placed_.empty()) {
          if (const double gives = give_way(line->shrink, bottom() + gap + height + foot - content_height());
              gives >= 0) {
            line_gives = gives;
            continue;  // fits now
          }
        }
        if (end_page_before(line->break_before, item)) return;
        continue;
      }
      auto& table = std::get<FlowTable>(item);
      const double gap = gap_before(table.space_before);
      const double available = content_height() - bottom() - gap;
      const TableProgress before = progress_of(table);
      if (table.keep_together && !placed_.empty() && before.next_row < 0 && !fits_whole(table, available)) {
        if (end_page_before(table.break_before, item)) return;
        continue;
      }
      TablePart part = place_table_part(*table.table, before, available, placed_.empty(), content_height());
      if (!part.has_body) {
        if (end_page_before(table.break_before, item)) return;
        continue;
      }
      Placed p;
      p.y = bottom() + gap;
      p.height = part.height;
      p.space_after = part.complete ? table.space_after : 0;
      p.break_before = table.break_before;
      p.marks = std::move(part.marks);
      p.frame.append(std::move(part.frame), {table.x, 0});
      p.progress_before = before;
      p.source = item;
      // A cell's line that ends inside a protected span is reported as a body line's is.
      std::string& broken = origin_of(p.source).broken_span;
      broken.clear();
      for (const auto& span : part.broken_spans) broken += (broken.empty() ? "" : "\", \"") + span;
      placed_.push_back(std::move(p));
      if (part.complete) {
        progress_.erase(table.table.get());  // the address may be reused by a later table
        return;
      }
      // The rest of the table starts the next page, under a repeated header.
      FlowTable rest = table;
      rest.space_before = 0;
      rest.break_before = true;
      rest.origin.too_narrow.clear();  // said once, where the table starts
      progress_[rest.table.get()] = part.next;
      item = std::move(rest);
      finish_page();
    }
  }

  // A strip that may not begin the next page, and may itself give up `own_shrink`, goes `over` the page by
  // this much. Before the page end moves up and carries the run of strips it is kept with over, the flexible
  // space in that run (a signature's space) and in the strip gives way, each spacer in proportion to what it
  // may give, when together they give enough. Returns what the strip itself gives, or -1 when they cannot.
  double give_way(double own_shrink, double over) {
    std::size_t first = placed_.size();
    while (first > 0 && !placed_[first - 1].break_before) --first;
    if (first > 0) --first;  // the strip the run would start the next page with moves too
    double room = own_shrink;
    for (std::size_t k = first; k < placed_.size(); ++k) room += placed_[k].shrink;
    if (room <= 0 || room + 1e-6 < over) return -1;
    const double share = std::min(1.0, over / room);
    double given = 0;
    for (std::size_t k = first; k < placed_.size(); ++k) {
      Placed& placed = placed_[k];
      placed.y -= given;
      const double gives = placed.shrink * share;
      placed.height -= gives;
      placed.shrink -= gives;
      given += gives;
    }
    return own_shrink * share;
  }

  // A strip that keeps lines before it (a letter's closing) forbids the page ends between them and it: the
  // last `lines` lines before it go to its page with it. Tables are not carried along.
  void keep_lines_before(int lines) {
    int counted = 0;
    for (std::size_t k = placed_.size(); k-- > 0;) {
      Placed& placed = placed_[k];
      if (!std::holds_alternative<FlowLine>(placed.source)) return;
      if (placed.height > 0 && ++counted == lines) return;  // a page may still end before the first of them
      placed.break_before = false;
      break_before_of(placed.source) = false;
    }
  }

  // A table kept together goes whole onto the next page, unless no page could hold it.
  bool fits_whole(const FlowTable& table, double available) const {
    const double whole = place_whole_table(*table.table).height;
    return whole <= available + 1e-6 || whole > content_height();
  }

  TableProgress progress_of(const FlowTable& table) const {
    auto found = progress_.find(table.table.get());
    return found == progress_.end() ? TableProgress{} : found->second;
  }

  // The next item does not fit. End the page before it if a page may end there; otherwise move the page end
  // up to the last strip before which a page may end, carrying what follows to the next page.
  // Returns true when `current` went back to the queue behind the strips carried over.
  bool end_page_before(bool break_allowed, FlowItem& current) {
    if (!break_allowed && !placed_.empty()) {
      std::size_t j = placed_.size();
      while (j > 1 && !placed_[j - 1].break_before) --j;
      if (j > 1) {
        // placed_[j-1] may start the next page: move it and everything after it back to the queue, ahead of
        // the item that did not fit.
        pending_.push_front(std::move(current));
        for (std::size_t k = placed_.size(); k-- > j - 1;) {
          if (auto* table = std::get_if<FlowTable>(&placed_[k].source))
            progress_[table->table.get()] =
                placed_[k].progress_before;  // the table resumes where the part began
          pending_.push_front(std::move(placed_[k].source));
        }
        placed_.resize(j - 1);
        finish_page();
        return true;
      }
      if (moves_back_for_tail(current)) return true;
    }
    finish_page();
    return false;
  }

  // A diagram too tall for one page is cut between bands of boxes where the page is full; when what goes
  // over would be a short tail (a flowchart's last box and its end), the cut moves up so that at least this
  // share of a page goes over with it. Returns true when bands went back to the queue, ahead of `current`.
  static constexpr double min_diagram_tail_share = 0.25;
  bool moves_back_for_tail(FlowItem& current) {
    const auto* band = std::get_if<FlowLine>(&current);
    if (!band || !band->cues) return false;
    double tail = band->height;
    for (const auto& item : pending_) {
      const auto* next = std::get_if<FlowLine>(&item);
      if (!next || next->break_before || !next->cues) break;
      tail += next->height;
    }
    const double wanted = min_diagram_tail_share * content_height();
    std::size_t keep = placed_.size();
    while (tail < wanted && keep > 1) {
      const auto* placed = std::get_if<FlowLine>(&placed_[keep - 1].source);
      if (!placed || !placed->cues || placed_[keep - 1].break_before) break;
      tail += placed->height;
      --keep;
    }
    if (keep == placed_.size()) return false;
    pending_.push_front(std::move(current));
    for (std::size_t k = placed_.size(); k-- > keep;) pending_.push_front(std::move(placed_[k].source));
    placed_.resize(keep);
    finish_page();
    return true;
  }

  void finish_page() {
    Page page;
    page.frame.size = section_.page.size;
    page.label = section_.numbering == document::PageNumbering::none
                     ? section_.label
                     : page_label(number_, section_.numbering);
    const std::size_t page_index = output_.pages;
    // A page that opens with the heading naming a new part (its running title) does not repeat that title
    // above it, as a book's chapter-opening page does not.
    bool opens_part = false;
    if (!placed_.empty())
      for (const auto& mark : placed_.front().marks) opens_part = opens_part || !mark.running_title.empty();
    if (!placed_.empty())  // the page ends after this strip: its foot goes under it, in the room kept for it
      if (const auto* line = std::get_if<FlowLine>(&placed_.back().source); line && line->cues)
        page.frame.append(line->cues->foot, {section_.page.margin_left,
                                             top_margin() + placed_.back().y + placed_.back().height});
    for (auto& placed : placed_) {
      for (const auto& mark : placed.marks) {
        output_.headings.push_back(
            {mark.anchor, mark.title, mark.level, mark.in_outline, mark.in_contents, page.label, page_index});
        if (!mark.running_title.empty()) running_title_ = mark.running_title;
      }
      Frame& drawn = placed.frame.items.empty() && std::holds_alternative<FlowLine>(placed.source)
                         ? std::get<FlowLine>(placed.source).frame
                         : placed.frame;
      PageStrip strip{PageStrip::Role::body,
                      {section_.page.margin_left, top_margin() + placed.y},
                      {content_width_, placed.height},
                      page.frame.items.size(),
                      0,
                      origin_of(placed.source)};
      page.frame.append(std::move(drawn), strip.origin);
      strip.end_item = page.frame.items.size();
      page.strips.push_back(std::move(strip));
    }
    placed_.clear();
    page.content_origin = {section_.page.margin_left, top_margin()};
    page.content_size = {content_width_, content_height()};
    const bool first_page = page_index == 0;
    if (!first_page || section_.header_on_first_page) add_header_and_footer(page, opens_part);
    add_page_marks(section_, environment_, page);  // on every page, the first included
    ++output_.pages;
    ++number_;
    deliver(std::move(page));
  }

  // With a continuation cue, a page waits for the next one, whose first words it ends with.
  void deliver(Page&& page) {
    if (!section_.continuation_cue) {
      emit_(std::move(page));
      return;
    }
    if (held_) {
      if (!breaks_) breaks_.emplace();
      add_continuation_cue(*held_, page, *section_.continuation_cue, environment_, *breaks_);
      emit_(std::move(*held_));
      held_.reset();
    }
    if (cues_ended_)
      emit_(std::move(page));
    else
      held_ = std::move(page);
  }

  void add_header_and_footer(Page& page, bool opens_part) {
    if (section_.header.empty() && section_.footer.empty()) return;
    PageFields fields{page.label, page_count_, opens_part ? std::string() : running_title_};
    const PageFields* saved = environment_.fields;
    environment_.fields = &fields;
    BlockLayouter layouter(environment_);
    const double left = section_.page.margin_left;
    double y = section_.page.header_offset;
    auto add = [&](FlowLine& line, PageStrip::Role role) {
      PageStrip strip{role, {left, y},  {content_width_, line.height}, page.frame.items.size(),
                      0,    line.origin};
      page.frame.append(std::move(line.frame), {left, y});
      strip.end_item = page.frame.items.size();
      page.strips.push_back(std::move(strip));
      y += line.height;
    };
    for (auto& line : layouter.layout_strips(section_.header, content_width_))
      add(line, PageStrip::Role::header);
    auto footer = layouter.layout_strips(section_.footer, content_width_);
    double footer_height = 0;
    for (const auto& line : footer) footer_height += line.height;
    y = section_.page.size.height - section_.page.footer_offset - footer_height;
    for (auto& line : footer) add(line, PageStrip::Role::footer);
    environment_.fields = saved;
  }

  const document::Section& section_;
  document::BlockSource& body_;
  LayoutEnvironment& environment_;
  const std::function<void(Page&&)>& emit_;
  int number_;
  std::string page_count_;
  BlockLayouter layouter_;
  double content_width_;
  std::vector<FlowItem> items_;  // of the block being laid out (reused)
  double header_bottom_ = 0;     // from the page's top to the header's bottom; 0 without one
  double footer_height_ = 0;     // from the page's bottom to the footer's top; 0 without one
  std::deque<FlowItem> pending_;
  std::vector<Placed> placed_;
  std::map<const TableLayout*, TableProgress> progress_;  // where each unfinished table stands
  std::string running_title_;
  SectionOutput output_;
  std::optional<Page> held_;                       // finished, waiting for the next page's first words
  std::optional<text::PhraseBreakFinder> breaks_;  // for those words; made when first needed
  bool cues_ended_ = false;                        // a page break came: no more cues in this section
};

bool uses_page_count(const document::Blocks& blocks) {
  for (const auto& block : blocks)
    if (const auto* paragraph = std::get_if<document::Paragraph>(&block.node))
      for (const auto& piece : paragraph->content)
        if (const auto* field = std::get_if<document::FieldInline>(&piece))
          if (field->kind == document::FieldInline::Kind::page_count) return true;
  return false;
}

// Index of the section whose body has a contents block, and whether headings follow it in that section.
std::optional<std::size_t> contents_section(const document::Document& document, bool& headings_after) {
  for (std::size_t s = 0; s < document.sections.size(); ++s) {
    const auto& body = document.sections[s].body;
    for (std::size_t b = 0; b < body.size(); ++b) {
      if (!std::holds_alternative<document::TableOfContents>(body[b].node)) continue;
      headings_after = std::any_of(
          body.begin() + static_cast<long>(b) + 1, body.end(),
          [](const document::Block& x) { return std::holds_alternative<document::Heading>(x.node); });
      return s;
    }
  }
  return std::nullopt;
}

// Lays out a range of sections in order, numbering pages on from `number`.
class DocumentRun {
 public:
  // `streamed_body`, when given, is the body of the document's one section, read in its stead.
  DocumentRun(const document::Document& document, LayoutEnvironment& environment, std::string page_count,
              document::BlockSource* streamed_body = nullptr)
      : document_(document),
        environment_(environment),
        page_count_(std::move(page_count)),
        streamed_body_(streamed_body) {}

  // Lays out section `s`; `emit` receives its pages. Returns the section's headings with in-section indices.
  SectionOutput run_section(std::size_t s, const std::function<void(Page&&)>& emit) {
    const document::Section& section = document_.sections[s];
    const int first = section.continue_numbering ? number_ : section.first_number;
    document::BlocksInMemory in_memory(section.body);
    document::BlockSource& body = streamed_body_ ? *streamed_body_ : in_memory;
    SectionPaginator paginator(section, body, environment_, first, page_count_, emit);
    SectionOutput output = paginator.run();
    number_ = paginator.next_number();
    return output;
  }

  int number() const { return number_; }
  void set_number(int number) { number_ = number; }

 private:
  const document::Document& document_;
  LayoutEnvironment& environment_;
  std::string page_count_;
  document::BlockSource* streamed_body_;
  int number_ = 1;
};

void throw_problems(const LayoutEnvironment& environment) {
  if (environment.problems.empty()) return;
  std::vector<Diagnostic> problems = environment.problems;
  // The same missing character in a repeated header would be reported once per page: keep each once.
  std::vector<Diagnostic> unique;
  for (auto& problem : problems) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const Diagnostic& d) {
      return d.location == problem.location && d.message == problem.message;
    });
    if (!seen) unique.push_back(std::move(problem));
  }
  throw InputError(std::move(unique));
}

class CountingSink : public PageSink {
 public:
  void add_page(Page&&) override {}
  void insert_page(std::size_t, Page&&) override {}
};

[[noreturn]] void throw_too_many_pages(const std::string& source_name, std::size_t max_pages) {
  throw InputError(source_name, "",
                   "the document runs past " + std::to_string(max_pages) +
                       (max_pages == 1 ? " page" : " pages") + "; raise --max-pages if that is intended");
}

// One complete pass over the document in reading order; pages go to `sink`.
LayoutResult run_in_order(const document::Document& document, LayoutEnvironment& environment, PageSink& sink,
                          const std::string& page_count, std::size_t max_pages,
                          document::BlockSource* streamed_body = nullptr) {
  LayoutResult result;
  DocumentRun run(document, environment, page_count, streamed_body);
  for (std::size_t s = 0; s < document.sections.size(); ++s) {
    const std::size_t base = result.page_count;
    SectionOutput output = run.run_section(s, [&](Page&& page) {
      if (result.page_labels.size() >= max_pages) throw_too_many_pages(environment.source_name, max_pages);
      result.page_labels.push_back(page.label);
      sink.add_page(std::move(page));
    });
    for (auto& heading : output.headings) {
      heading.page_index += base;
      result.headings.push_back(std::move(heading));
    }
    result.page_count += output.pages;
  }
  return result;
}

std::vector<ContentsEntry> contents_of(const std::vector<LaidOutHeading>& headings) {
  std::vector<ContentsEntry> entries;
  for (const auto& heading : headings)
    if (heading.in_contents)
      entries.push_back({heading.anchor, heading.title, heading.level, heading.page_label});
  return entries;
}

}  // namespace

LayoutResult layout_document(const document::Document& document, text::FontLibrary& fonts, PageSink& sink,
                             const std::string& source_name, std::size_t max_pages) {
  ParagraphLayouter paragraphs(fonts);
  paragraphs.set_kept_terms(document.kept_terms);
  LayoutEnvironment environment{fonts, paragraphs, source_name, nullptr, nullptr, 0, {}};
  bool page_count_used = false;
  for (const auto& section : document.sections)
    page_count_used = page_count_used || uses_page_count(section.header) || uses_page_count(section.footer);
  bool headings_after_contents = false;
  const auto contents_at = contents_section(document, headings_after_contents);

  if (!contents_at && !page_count_used) {
    LayoutResult result = run_in_order(document, environment, sink, {}, max_pages);
    throw_problems(environment);
    return result;
  }

  const std::size_t t = contents_at.value_or(0);
  const bool body_numbered_apart = contents_at && t + 1 < document.sections.size() &&
                                   !document.sections[t + 1].continue_numbering && !headings_after_contents;
  if (contents_at && body_numbered_apart && !page_count_used) {
    // The contents section's length cannot move any page number after it: lay out the body first, then the
    // contents with known page numbers, and insert its pages where they belong. One pass.
    LayoutResult result;
    DocumentRun run(document, environment, {});
    std::vector<std::vector<LaidOutHeading>> headings(document.sections.size());
    std::vector<std::vector<std::string>> labels(document.sections.size());
    std::vector<std::size_t> pages(document.sections.size(), 0);
    std::size_t emitted = 0;
    auto lay = [&](std::size_t s, const std::function<void(Page &&)>& emit) {
      SectionOutput output = run.run_section(s, [&](Page&& page) {
        if (++emitted > max_pages) throw_too_many_pages(source_name, max_pages);
        emit(std::move(page));
      });
      headings[s] = std::move(output.headings);
      pages[s] = output.pages;
    };
    std::size_t index = 0;
    for (std::size_t s = 0; s < t; ++s)
      lay(s, [&](Page&& page) {
        labels[s].push_back(page.label);
        sink.add_page(std::move(page));
        ++index;
      });
    const std::size_t insert_at = index;
    const int contents_number = run.number();  // where the contents section numbers on from, if it does
    for (std::size_t s = t + 1; s < document.sections.size(); ++s)
      lay(s, [&](Page&& page) {
        labels[s].push_back(page.label);
        sink.add_page(std::move(page));
      });
    std::vector<LaidOutHeading> known;
    for (std::size_t s = 0; s < document.sections.size(); ++s)
      if (s != t) known.insert(known.end(), headings[s].begin(), headings[s].end());
    const std::vector<ContentsEntry> entries = contents_of(known);
    environment.contents = &entries;
    std::size_t inserted = 0;
    run.set_number(contents_number);
    lay(t, [&](Page&& page) {
      labels[t].push_back(page.label);
      sink.insert_page(insert_at + inserted++, std::move(page));
    });
    throw_problems(environment);
    // Put headings and labels in reading order, with page indices of the finished document.
    std::size_t base = 0;
    for (std::size_t s = 0; s < document.sections.size(); ++s) {
      for (auto& heading : headings[s]) {
        heading.page_index += base;
        result.headings.push_back(std::move(heading));
      }
      result.page_labels.insert(result.page_labels.end(), labels[s].begin(), labels[s].end());
      base += pages[s];
    }
    result.page_count = base;
    return result;
  }

  // General case: measure once to learn page numbers and the page count, then lay out for real; repeat
  // while the contents' own length still moves headings (rare; bounded).
  CountingSink counting;
  std::vector<ContentsEntry> entries;
  LayoutResult measured;
  for (int pass = 0; pass < 3; ++pass) {
    LayoutEnvironment probe{fonts, paragraphs, source_name, &entries, nullptr, 0, {}};
    LayoutResult next = run_in_order(
        document, probe, counting,
        format::thai_digits(static_cast<std::int64_t>(std::max<std::size_t>(1, measured.page_count))),
        max_pages);
    const bool stable = pass > 0 && next.page_count == measured.page_count &&
                        contents_of(next.headings).size() == entries.size() &&
                        std::equal(entries.begin(), entries.end(), contents_of(next.headings).begin(),
                                   [](const ContentsEntry& a, const ContentsEntry& b) {
                                     return a.page_label == b.page_label && a.title == b.title;
                                   });
    measured = std::move(next);
    entries = contents_of(measured.headings);
    if (stable) break;
  }
  environment.contents = &entries;
  std::string count_text = page_label(
      static_cast<int>(measured.page_count),
      document.sections.empty() ? document::PageNumbering::thai_digits : document.sections.back().numbering);
  LayoutResult result = run_in_order(document, environment, sink, count_text, max_pages);
  throw_problems(environment);
  return result;
}

namespace {

// Passes a streamed body on, refusing what only a body laid out whole can hold.
class StreamedBody final : public document::BlockSource {
 public:
  explicit StreamedBody(document::BlockSource& body) : body_(body) {}
  const document::Block* next() override {
    const document::Block* block = body_.next();
    if (block && std::holds_alternative<document::TableOfContents>(block->node))
      throw std::invalid_argument(
          "a table of contents needs the whole body laid out before its page; a "
          "streamed body cannot hold one");
    return block;
  }

 private:
  document::BlockSource& body_;
};

}  // namespace

LayoutResult layout_streamed_section(const document::Section& section, document::BlockSource& body,
                                     text::FontLibrary& fonts, PageSink& sink, const std::string& source_name,
                                     std::size_t max_pages) {
  if (uses_page_count(section.header) || uses_page_count(section.footer))
    throw std::invalid_argument("a streamed section cannot show the page count: it is known only at the end");
  document::Document document;
  document.sections.push_back(section);
  document.sections.back().body.clear();  // read from `body` instead
  ParagraphLayouter paragraphs(fonts);
  LayoutEnvironment environment{fonts, paragraphs, source_name, nullptr, nullptr, 0, {}};
  StreamedBody checked(body);
  LayoutResult result = run_in_order(document, environment, sink, {}, max_pages, &checked);
  throw_problems(environment);
  return result;
}

std::string page_label(int n, document::PageNumbering numbering) {
  switch (numbering) {
    case document::PageNumbering::thai_digits:
      return format::thai_digits(n);
    case document::PageNumbering::arabic:
      return std::to_string(n);
    case document::PageNumbering::none:
      return {};
    case document::PageNumbering::thai_letters: {
      constexpr int count = static_cast<int>(std::size(thai_letters));
      if (n < 1) return std::to_string(n);
      std::string label;
      for (int k = 0; k <= (n - 1) / count; ++k) label += thai_letters[(n - 1) % count];
      return label;
    }
  }
  return {};
}

}  // namespace raingan::layout
