#include "layout/chart.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "format/money.h"
#include "format/thai_digits.h"
#include "layout/paragraph.h"

namespace raingan::layout {
namespace {

const Color axis_color{64, 64, 64};
const Color grid_color{210, 210, 210};
const Color target_color{192, 0, 0};

// Digits and Latin letters stand on the baseline and reach about 0.62 em above it: what a reader sees of a
// label, and what centring a label on a bar or a tick has to centre (a Thai line box is far taller).
constexpr double ink_height_em = 0.62;
constexpr Color page_white{255, 255, 255};

// Labels print smaller than the text around the chart, which is dense, but never unreadably: axis and
// category labels two points under the chart's font, value labels two under those, and labels shrunk to fit
// a narrow bar no smaller than the smallest size a printed form still reads at.
constexpr double label_size_step = 2;
constexpr double smallest_label = 10;
constexpr double smallest_value_label = 8;
constexpr double smallest_fitted_label = 6;

// Strokes: hairline grid lines behind the bars, axes that frame the plot, a target line that stands out.
constexpr double grid_stroke = 0.4;
constexpr double axis_stroke = 0.8;
constexpr double target_stroke = 1.2;

// A vertical bar chart given no height is a little under two thirds as tall as it is wide, the proportion
// of the charts in the office's reports.
constexpr double vertical_chart_height_ratio = 0.58;
// The bars of a category fill this share of its slot; the rest separates neighbouring categories.
constexpr double vertical_group_share = 0.8;
constexpr double horizontal_group_share = 0.75;
// Each bar fills this share of its own width, leaving a sliver between the series of one category.
constexpr double vertical_bar_fill = 0.92;
constexpr double horizontal_bar_fill = 0.9;
// Horizontal bars: about one value label tall by default, at most about two, so labels sit beside them.
constexpr double horizontal_bar_em = 1.15;
constexpr double thickest_horizontal_bar_em = 2.4;
// Category names left of horizontal bars take at most this share of the width; longer names wrap.
constexpr double name_column_share = 0.38;
// Thai marks above and below reach about 1.2 em from the lowest to the highest: a name fits a slot that tall.
constexpr double thai_ink_em = 1.2;
// Before the tick labels are measured, vertical bars guess this much room for them (to measure the names).
constexpr double guessed_tick_column = 40;
// At most this many ticks on a value axis: more crowd a half-page chart.
constexpr int most_ticks = 8;

// Text laid out for the chart; the frame's origin is the block's top-left, its size the block's extent.
struct TextBlock {
  Frame frame;
  double height = 0;
  double width = 0;     // widest line
  double baseline = 0;  // of the first line, from the top
};

class ChartPainter {
 public:
  ChartPainter(const document::Chart& chart, double width, text::FontLibrary& fonts)
      : chart_(chart), paragraphs_(fonts) {
    width_ = chart.width > 0 ? std::min(chart.width, width) : width;
    style_.font.family = chart.font.family;
    style_.font.size = std::max(smallest_label, chart.font.size - label_size_step);
    small_ = style_;
    small_.font.size = std::max(smallest_value_label, style_.font.size - label_size_step);
    const InlineStyle unit = {style_.font, {}, false};
    line_height_per_point_ = text("0", unit, 100, Align::left).height / std::max(1.0, unit.font.size);
    height_ = chart.height > 0 ? chart.height : default_height();
  }

  Frame paint() {
    frame_.size = {width_, height_};
    double top = 0;
    if (!chart_.title.empty()) {
      InlineStyle title = style_;
      title.font.bold = true;
      title.font.size = style_.font.size + 2;
      TextBlock block = text(chart_.title, title, width_, Align::center);
      frame_.append(std::move(block.frame), {0, 0});
      top += block.height + 2;
    }
    if (chart_.series.size() > 1 || chart_.target) top += legend(top) + 4;
    if (chart_.kind == document::Chart::Kind::bar)
      vertical_bars(top);
    else
      horizontal_bars(top);
    return std::move(frame_);
  }

 private:
  // Room a horizontal bar chart needs for readable bars, or two thirds of the width for a vertical one.
  double default_height() {
    if (chart_.kind == document::Chart::Kind::bar) return width_ * vertical_chart_height_ratio;
    const double bar = small_.font.size * horizontal_bar_em;
    const double series = static_cast<double>(std::max<std::size_t>(1, chart_.series.size()));
    const double categories = static_cast<double>(std::max<std::size_t>(1, chart_.categories.size()));
    const double title = chart_.title.empty() ? 0 : line_height(style_.font.size + 2) * 2;
    // A slot holds its bars, and its name when the name wraps to more lines than the bars are tall.
    const double slot = std::max(series * bar / horizontal_group_share,
                                 tallest_wrapped_name(style_, name_column(style_)) * 1.1);
    // Besides the slots: the title, the legend (a line and a gap) and the axis labels under the plot.
    return title + line_height(style_.font.size) * 2.5 + categories * slot;
  }

  // The width of the category names left of horizontal bars: the widest name, up to 38% of the chart
  // (longer names wrap).
  double name_column(const InlineStyle& style) {
    double widest = 0;
    for (const auto& name : chart_.categories) widest = std::max(widest, label(name, style).width);
    return std::min(width_ * name_column_share, widest + 2);
  }

  // The height of the tallest category name that wraps when laid out `column` wide; 0 when none wraps (a
  // one-line name is centred by its ink and fits any slot its bar fits).
  double tallest_wrapped_name(const InlineStyle& style, double column) {
    double tallest = 0;
    for (const auto& name : chart_.categories) {
      const double height = text(name, style, column, Align::right).height;
      if (height > line_height(style.font.size) * 1.01) tallest = std::max(tallest, height);
    }
    return tallest;
  }

  // The height of one line of label text at `size`, as paragraph layout sets it.
  double line_height(double size) const { return size * line_height_per_point_; }

  TextBlock text(const std::string& content, const InlineStyle& style, double width, Align align) {
    TextBlock block;
    ParagraphStyle paragraph;
    paragraph.align = align;
    const Inline piece = TextInline{content, style, {}, {}};
    ParagraphLayout laid =
        paragraphs_.layout(std::span<const Inline>(&piece, 1), paragraph, std::max(1.0, width));
    double y = 0;
    for (auto& line : laid.lines) {
      if (y == 0) block.baseline = line.ascent;
      block.width = std::max(block.width, line.width);
      block.frame.append(std::move(line.content), {0, y + line.ascent});
      y += line.height;
    }
    block.height = y;
    block.frame.size = {width, y};
    return block;
  }

  // One line, never wrapped: axis and value labels. Its frame's origin is the line's left end, on the
  // baseline.
  TextBlock label(const std::string& content, const InlineStyle& style) {
    TextBlock block = text(content, style, 1e6, Align::left);
    Frame moved;
    moved.append(std::move(block.frame), {0, -block.baseline});
    block.frame = std::move(moved);
    return block;
  }

  // Draws a one-line label with its visible ink centred on (x, y); `anchor` 0 = centre, 1 = left end at x,
  // -1 = right end at x.
  void put_label(TextBlock&& block, double x, double y, int anchor, double size) {
    const double left = anchor == 0 ? x - block.width / 2 : anchor > 0 ? x : x - block.width;
    frame_.append(std::move(block.frame), {left, y + size * ink_height_em / 2});
  }

  // A bar's value label, drawn on a patch of the page's white so a grid line under it (the axis's last, when
  // a mean of ๔.๕๖ is printed past its bar on a scale ending at ๕) does not strike through its digits.
  void put_value_label(TextBlock&& block, double x, double y, int anchor, double size) {
    const double left = anchor == 0 ? x - block.width / 2 : anchor > 0 ? x : x - block.width;
    const double ink = size * ink_height_em;
    frame_.items.push_back(
        Rectangle{{left - 1, y - ink / 2 - 1.5}, {block.width + 2, ink + 3}, page_white, std::nullopt});
    put_label(std::move(block), x, y, anchor, size);
  }

  // A value as printed: grouped thousands, up to two decimals (trailing zeros dropped), the suffix.
  std::string number_text(double value) const {
    const double rounded = std::round(value * 100) / 100;
    std::string plain;
    if (std::fabs(rounded - std::round(rounded)) < 1e-9) {
      plain = format::group_thousands(static_cast<std::int64_t>(std::llround(rounded)));
    } else {
      plain = format::format_money(std::llround(rounded * 100));
      while (plain.back() == '0') plain.pop_back();
    }
    plain += chart_.value_suffix;
    return chart_.thai_digits ? format::to_thai_digits(plain) : plain;
  }

  // A bar's value label: with the chart's fixed decimals when it sets them (a mean of ๔.๒๐), else as above.
  std::string value_text(double value) const {
    if (chart_.value_places < 0) return number_text(value);
    const double scale = std::pow(10.0, chart_.value_places);
    const auto scaled = static_cast<std::int64_t>(std::llround(std::fabs(value) * scale));
    const auto unit = static_cast<std::int64_t>(std::llround(scale));
    std::string plain = (value < 0 && scaled != 0 ? "-" : "") + format::group_thousands(scaled / unit);
    if (chart_.value_places > 0) {
      std::string fraction = std::to_string(scaled % unit);
      fraction.insert(0, static_cast<std::size_t>(chart_.value_places) - fraction.size(), '0');
      plain += "." + fraction;
    }
    plain += chart_.value_suffix;
    return chart_.thai_digits ? format::to_thai_digits(plain) : plain;
  }

  // A "nice" axis: steps of 1, 2 or 5 times a power of ten, no more than `max_steps` of them.
  static void scale(double max_value, int max_steps, double& axis_max, double& step) {
    if (max_value <= 0) max_value = 1;
    max_steps = std::max(1, max_steps);
    const double raw = max_value / max_steps;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    axis_max = std::ceil(max_value / step - 1e-9) * step;
  }

  double max_value() const {
    double m = std::max(chart_.target.value_or(0), chart_.axis_max.value_or(0));
    for (const auto& series : chart_.series)
      for (double v : series.values) m = std::max(m, v);
    return m;
  }

  // The size at which every value label fits in `room` points across (never above small_, never below the
  // smallest fitted size).
  double value_label_size(double room) {
    double widest = 0;
    for (const auto& series : chart_.series)
      for (double v : series.values) widest = std::max(widest, label(value_text(v), small_).width);
    if (widest <= 0 || widest <= room) return small_.font.size;
    return std::max(smallest_fitted_label, small_.font.size * room / widest);
  }

  double legend(double top) {
    double x = 0;
    // A series marker is a square about as tall as a digit; the target's dashed marker is longer, to show
    // its dashes.
    const double box = style_.font.size * 0.7;
    double height = 0;
    auto entry = [&](const std::string& name, std::optional<Color> fill, bool dashed) {
      TextBlock text_block = label(name, style_);
      const double marker = dashed ? box * 1.6 : box;
      if (x + marker + 4 + text_block.width > width_ && x > 0) {
        x = 0;
        top += line_height(style_.font.size);
      }
      const double mid = top + line_height(style_.font.size) / 2;
      if (dashed)
        frame_.items.push_back(
            Rule{{x, mid}, {x + marker, mid}, Stroke{target_stroke, target_color, Stroke::Dash::dashed}});
      else
        frame_.items.push_back(Rectangle{{x, mid - box / 2}, {box, box}, fill, std::nullopt});
      x += marker + 4;
      const double width = text_block.width;
      put_label(std::move(text_block), x, mid, 1, style_.font.size);
      x += width + style_.font.size;
      height = std::max(height, top + line_height(style_.font.size));
    };
    const double start = top;
    for (const auto& series : chart_.series) entry(series.name, series.color, false);
    if (chart_.target) entry("เป้าหมาย " + number_text(*chart_.target), std::nullopt, true);
    return height - start;
  }

  void vertical_bars(double top) {
    const std::size_t n = std::max<std::size_t>(1, chart_.categories.size());
    const std::size_t series_count = std::max<std::size_t>(1, chart_.series.size());
    // Category names under the axis, up to three lines each.
    double left = 0;
    double category_height = 0;
    std::vector<TextBlock> names;
    auto measure_names = [&](double slot) {
      names.clear();
      category_height = 0;
      for (const auto& name : chart_.categories) {
        names.push_back(text(name, style_, std::max(1.0, slot - 4), Align::center));
        category_height = std::max(category_height, names.back().height);
      }
    };
    measure_names((width_ - guessed_tick_column) / static_cast<double>(n));
    // Room above the tallest bar for its value label's ink (three quarters of a line: its digits, not its
    // Thai line box).
    const double value_room = line_height(small_.font.size) * 0.75;
    const double plot_top = top + value_room;
    const double plot_bottom = height_ - category_height - 2;
    const double plot_height = std::max(10.0, plot_bottom - plot_top);
    // Ticks no closer than one and a half label heights.
    double axis_max = 0, step = 0;
    const double tick_gap = style_.font.size * 1.5;
    scale(max_value(), std::clamp(static_cast<int>(plot_height / tick_gap), 1, most_ticks), axis_max, step);
    std::vector<double> ticks;
    for (int k = 0; k * step <= axis_max + step / 2; ++k) ticks.push_back(k * step);
    for (double v : ticks) left = std::max(left, label(number_text(v), style_).width);
    left += 6;
    const double slot = (width_ - left) / static_cast<double>(n);
    measure_names(slot);
    auto y_of = [&](double v) { return plot_bottom - v / axis_max * plot_height; };

    for (double v : ticks) {
      const double y = y_of(v);
      frame_.items.push_back(
          Rule{{left, y}, {width_, y}, Stroke{grid_stroke, grid_color, Stroke::Dash::solid}});
      put_label(label(number_text(v), style_), left - 6, y, -1, style_.font.size);
    }
    const double group = slot * vertical_group_share;
    const double bar = group / static_cast<double>(series_count);
    InlineStyle value_style = small_;
    value_style.font.size = value_label_size(series_count > 1 ? bar - 1 : slot - 4);
    for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
      const double x0 = left + slot * static_cast<double>(c) + (slot - group) / 2;
      for (std::size_t s = 0; s < chart_.series.size(); ++s) {
        const double value = chart_.series[s].values[c];
        const double y = y_of(std::max(0.0, value));
        const double x = x0 + bar * static_cast<double>(s);
        frame_.items.push_back(Rectangle{
            {x, y}, {bar * vertical_bar_fill, plot_bottom - y}, chart_.series[s].color, std::nullopt});
        // A label the target line would strike through sits just above the line instead.
        // A value label stands just above its bar: its ink centre a little over half an em up.
        double label_y = y - value_style.font.size * 0.6;
        const double half_ink = value_style.font.size * ink_height_em / 2;
        if (chart_.target && std::fabs(y_of(*chart_.target) - label_y) < half_ink + 2)
          label_y = y_of(*chart_.target) - half_ink - 3;
        put_value_label(label(value_text(value), value_style), x + bar * (vertical_bar_fill / 2), label_y, 0,
                        value_style.font.size);
      }
      frame_.append(std::move(names[c].frame), {left + slot * static_cast<double>(c) + 2, plot_bottom + 2});
    }
    frame_.items.push_back(Rule{
        {left, plot_bottom}, {width_, plot_bottom}, Stroke{axis_stroke, axis_color, Stroke::Dash::solid}});
    frame_.items.push_back(
        Rule{{left, plot_top}, {left, plot_bottom}, Stroke{axis_stroke, axis_color, Stroke::Dash::solid}});
    if (chart_.target) {
      const double y = y_of(*chart_.target);
      frame_.items.push_back(
          Rule{{left, y}, {width_, y}, Stroke{target_stroke, target_color, Stroke::Dash::dashed}});
    }
  }

  void horizontal_bars(double top) {
    const std::size_t n = std::max<std::size_t>(1, chart_.categories.size());
    const std::size_t series_count = std::max<std::size_t>(1, chart_.series.size());
    // The name column is as wide as the widest name, up to 38% of the chart (longer names wrap).
    double names_width = 0;
    for (const auto& name : chart_.categories) names_width = std::max(names_width, label(name, style_).width);
    const double label_column = std::min(width_ * name_column_share, names_width + 2);
    double axis_max = 0, step = 0;
    const double plot_left = label_column + 8;
    // Tick labels no closer than their own width plus a space.
    const double widest_tick = label(number_text(max_value()) + "0", style_).width;
    double values_room = 0;
    scale(max_value(), most_ticks, axis_max, step);
    for (;;) {
      const double plot_width = width_ - plot_left - values_room;
      const int steps = static_cast<int>(std::lround(axis_max / step));
      if (steps <= 1 || plot_width / steps >= widest_tick + style_.font.size * 0.5) break;
      scale(max_value(), steps - 1, axis_max, step);
    }
    // The value axis labels under the plot need the ink of one line, not its whole Thai line box.
    const double axis_labels = line_height(style_.font.size) * 0.8;
    const double plot_top = top;
    const double plot_bottom = height_ - axis_labels;
    const double slot = (plot_bottom - plot_top) / static_cast<double>(n);
    // Bars no thicker than about two label heights each, when tall wrapped names make the slots deep.
    const double group =
        std::min(slot * horizontal_group_share,
                 static_cast<double>(series_count) * small_.font.size * thickest_horizontal_bar_em);
    const double bar = group / static_cast<double>(series_count);
    // Value labels sit after their bars: their ink no taller than the bar, so neighbours never touch.
    InlineStyle value_style = small_;
    value_style.font.size =
        std::max(smallest_fitted_label, std::min(small_.font.size, bar * 1.05 / ink_height_em));
    for (const auto& series : chart_.series)
      for (double v : series.values)
        values_room = std::max(values_room, label(value_text(v), value_style).width + 4);
    const double plot_right = width_ - std::max(values_room, widest_tick / 2);
    const double plot_width = std::max(10.0, plot_right - plot_left);
    auto x_of = [&](double v) { return plot_left + v / axis_max * plot_width; };

    for (int k = 0; k * step <= axis_max + step / 2; ++k) {
      const double v = k * step;
      const double x = x_of(v);
      frame_.items.push_back(
          Rule{{x, plot_top}, {x, plot_bottom}, Stroke{grid_stroke, grid_color, Stroke::Dash::solid}});
      put_label(label(number_text(v), style_), x, plot_bottom + axis_labels / 2, 0, style_.font.size);
    }
    // Names no taller than their slot.
    InlineStyle name_style = style_;
    name_style.font.size = std::max(smallest_fitted_label, std::min(style_.font.size, slot / thai_ink_em));
    // Names that wrap get smaller until the tallest fits its slot, so neighbours never overlap.
    while (name_style.font.size > smallest_fitted_label &&
           tallest_wrapped_name(name_style, label_column) > slot * 1.02)
      name_style.font.size = std::max(smallest_fitted_label, name_style.font.size - 0.5);
    for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
      const double y0 = plot_top + slot * static_cast<double>(c) + (slot - group) / 2;
      TextBlock name = text(chart_.categories[c], name_style, label_column, Align::right);
      const double middle = plot_top + slot * (static_cast<double>(c) + 0.5);
      if (name.height <= line_height(name_style.font.size) * 1.01) {
        put_label(label(chart_.categories[c], name_style), label_column, middle, -1, name_style.font.size);
      } else {
        frame_.append(std::move(name.frame), {0, middle - name.height / 2});
      }
      for (std::size_t s = 0; s < chart_.series.size(); ++s) {
        const double value = chart_.series[s].values[c];
        const double y = y0 + bar * static_cast<double>(s);
        const double right = x_of(std::max(0.0, value));
        frame_.items.push_back(Rectangle{{plot_left, y},
                                         {right - plot_left, bar * horizontal_bar_fill},
                                         chart_.series[s].color,
                                         std::nullopt});
        // A label the target line would strike through starts just past the line instead, if it fits.
        TextBlock value_label = label(value_text(value), value_style);
        double label_x = right + 3;
        if (chart_.target) {
          const double target_x = x_of(*chart_.target);
          if (label_x < target_x + 2 && label_x + value_label.width > target_x - 2 &&
              target_x + 3 + value_label.width <= width_)
            label_x = target_x + 3;
        }
        put_value_label(std::move(value_label), label_x, y + bar * (horizontal_bar_fill / 2), 1,
                        value_style.font.size);
      }
    }
    frame_.items.push_back(Rule{{plot_left, plot_top},
                                {plot_left, plot_bottom},
                                Stroke{axis_stroke, axis_color, Stroke::Dash::solid}});
    frame_.items.push_back(Rule{{plot_left, plot_bottom},
                                {plot_right, plot_bottom},
                                Stroke{axis_stroke, axis_color, Stroke::Dash::solid}});
    if (chart_.target) {
      const double x = x_of(*chart_.target);
      frame_.items.push_back(
          Rule{{x, plot_top}, {x, plot_bottom}, Stroke{target_stroke, target_color, Stroke::Dash::dashed}});
    }
  }

  const document::Chart& chart_;
  ParagraphLayouter paragraphs_;
  InlineStyle style_;  // axis and category labels, legend
  InlineStyle small_;  // value labels, at most
  double line_height_per_point_ = 2;
  double width_ = 0, height_ = 0;
  Frame frame_;
};

}  // namespace

Frame draw_chart(const document::Chart& chart, double width, text::FontLibrary& fonts) {
  return ChartPainter(chart, width, fonts).paint();
}

}  // namespace raingan::layout
