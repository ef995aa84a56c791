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

// Lays out text `width` wide; the frame's origin is the block's top-left, size = its extent.
struct TextBlock {
  Frame frame;
  double height = 0;
  double width = 0;  // widest line
};

class ChartPainter {
 public:
  ChartPainter(const doc::Chart& chart, double width, text::FontLibrary& fonts)
      : chart_(chart), paragraphs_(fonts) {
    width_ = chart.width > 0 ? std::min(chart.width, width) : width;
    height_ = chart.height > 0 ? chart.height : width_ * 0.58;
    style_.font.family = chart.font.family;
    style_.font.size = std::max(10.0, chart.font.size - 2);
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
      top += block.height + 4;
    }
    if (chart_.series.size() > 1 || chart_.target) top += legend(top) + 4;
    if (chart_.kind == doc::Chart::Kind::bar)
      vertical_bars(top);
    else
      horizontal_bars(top);
    return std::move(frame_);
  }

 private:
  TextBlock text(const std::string& content, const InlineStyle& style, double width, Align align) {
    TextBlock block;
    ParagraphStyle paragraph;
    paragraph.align = align;
    const Inline piece = TextInline{content, style, {}, {}};
    ParagraphLayout laid =
        paragraphs_.layout(std::span<const Inline>(&piece, 1), paragraph, std::max(1.0, width));
    double y = 0;
    for (auto& line : laid.lines) {
      block.width = std::max(block.width, line.width);
      block.frame.append(std::move(line.content), {0, y + line.ascent});
      y += line.height;
    }
    block.height = y;
    block.frame.size = {width, y};
    return block;
  }

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

  // A "nice" axis maximum and step: 1, 2 or 5 times a power of ten, about five steps.
  void scale(double max_value, double& axis_max, double& step) const {
    if (max_value <= 0) max_value = 1;
    const double raw = max_value / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    axis_max = std::ceil(max_value / step - 1e-9) * step;
  }

  double max_value() const {
    double m = chart_.target.value_or(0);
    for (const auto& series : chart_.series)
      for (double v : series.values) m = std::max(m, v);
    return m;
  }

  double legend(double top) {
    double x = 0;
    const double box = style_.font.size * 0.7;
    double height = 0;
    auto entry = [&](const std::string& name, std::optional<Color> fill, bool dashed) {
      TextBlock label = text(name, style_, width_, Align::left);
      if (x + box + 4 + label.width > width_ && x > 0) {
        x = 0;
        top += label.height;
      }
      const double mid = top + label.height / 2;
      if (dashed) {
        frame_.items.push_back(
            Rule{{x, mid}, {x + box * 1.6, mid}, Stroke{1.2, target_color, Stroke::Dash::dashed}});
        x += box * 1.6 + 4;
      } else {
        frame_.items.push_back(Rectangle{{x, mid - box / 2}, {box, box}, fill, std::nullopt});
        x += box + 4;
      }
      frame_.append(std::move(label.frame), {x, top});
      x += label.width + style_.font.size;
      height = std::max(height, label.height);
    };
    for (const auto& series : chart_.series) entry(series.name, series.color, false);
    if (chart_.target) entry("เป้าหมาย " + number_text(*chart_.target), std::nullopt, true);
    return height;
  }

  void vertical_bars(double top) {
    double axis_max = 0, step = 0;
    scale(max_value(), axis_max, step);
    // Left: value labels; bottom: category labels of up to three lines.
    double label_width = 0;
    for (double v = 0; v <= axis_max + step / 2; v += step)
      label_width = std::max(label_width, text(number_text(v), style_, width_, Align::left).width);
    const double left = label_width + 6;
    const std::size_t n = std::max<std::size_t>(1, chart_.categories.size());
    const double slot = (width_ - left) / static_cast<double>(n);
    double category_height = 0;
    std::vector<TextBlock> names;
    for (const auto& name : chart_.categories) {
      names.push_back(text(name, style_, slot - 4, Align::center));
      category_height = std::max(category_height, names.back().height);
    }
    const double value_label_room = style_.font.size * 1.4;
    const double plot_top = top + value_label_room;
    const double plot_bottom = height_ - category_height - 4;
    const double plot_height = std::max(10.0, plot_bottom - plot_top);
    auto y_of = [&](double v) { return plot_bottom - v / axis_max * plot_height; };

    for (double v = 0; v <= axis_max + step / 2; v += step) {
      const double y = y_of(v);
      frame_.items.push_back(Rule{{left, y}, {width_, y}, Stroke{0.4, grid_color, Stroke::Dash::solid}});
      TextBlock label = text(number_text(v), style_, label_width, Align::right);
      frame_.append(std::move(label.frame), {0, y - label.height / 2});
    }
    const std::size_t series_count = chart_.series.size();
    const double group = slot * 0.7;
    const double bar = group / static_cast<double>(series_count);
    for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
      const double x0 = left + slot * static_cast<double>(c) + (slot - group) / 2;
      for (std::size_t s = 0; s < series_count; ++s) {
        const double v = std::max(0.0, chart_.series[s].values[c]);
        const double y = y_of(v);
        const double x = x0 + bar * static_cast<double>(s);
        frame_.items.push_back(
            Rectangle{{x, y}, {bar * 0.92, plot_bottom - y}, chart_.series[s].color, std::nullopt});
        InlineStyle small = style_;
        small.font.size = std::max(8.0, style_.font.size - 3);
        TextBlock value =
            text(number_text(chart_.series[s].values[c]), small, std::max(bar, 40.0), Align::center);
        frame_.append(std::move(value.frame), {x + bar * 0.46 - std::max(bar, 40.0) / 2, y - value.height});
      }
      frame_.append(std::move(names[c].frame), {left + slot * static_cast<double>(c) + 2, plot_bottom + 4});
    }
    frame_.items.push_back(
        Rule{{left, plot_bottom}, {width_, plot_bottom}, Stroke{0.8, axis_color, Stroke::Dash::solid}});
    frame_.items.push_back(
        Rule{{left, plot_top}, {left, plot_bottom}, Stroke{0.8, axis_color, Stroke::Dash::solid}});
    if (chart_.target) {
      const double y = y_of(*chart_.target);
      frame_.items.push_back(Rule{{left, y}, {width_, y}, Stroke{1.2, target_color, Stroke::Dash::dashed}});
    }
  }

  void horizontal_bars(double top) {
    double axis_max = 0, step = 0;
    scale(max_value(), axis_max, step);
    const double label_column = width_ * 0.38;
    const std::size_t n = std::max<std::size_t>(1, chart_.categories.size());
    TextBlock sample = text(number_text(axis_max), style_, width_, Align::left);
    const double axis_labels = sample.height + 4;
    const double plot_left = label_column + 6;
    const double plot_right = width_ - sample.width / 2 - style_.font.size * 2;
    const double plot_width = std::max(10.0, plot_right - plot_left);
    const double plot_top = top;
    const double plot_bottom = height_ - axis_labels;
    const double slot = (plot_bottom - plot_top) / static_cast<double>(n);
    auto x_of = [&](double v) { return plot_left + v / axis_max * plot_width; };

    for (double v = 0; v <= axis_max + step / 2; v += step) {
      const double x = x_of(v);
      frame_.items.push_back(
          Rule{{x, plot_top}, {x, plot_bottom}, Stroke{0.4, grid_color, Stroke::Dash::solid}});
      TextBlock label = text(number_text(v), style_, 80, Align::center);
      frame_.append(std::move(label.frame), {x - 40, plot_bottom + 2});
    }
    const std::size_t series_count = chart_.series.size();
    const double group = slot * 0.7;
    const double bar = group / static_cast<double>(series_count);
    for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
      const double y0 = plot_top + slot * static_cast<double>(c) + (slot - group) / 2;
      TextBlock name = text(chart_.categories[c], style_, label_column, Align::right);
      frame_.append(std::move(name.frame),
                    {0, plot_top + slot * static_cast<double>(c) + (slot - name.height) / 2});
      for (std::size_t s = 0; s < series_count; ++s) {
        const double v = std::max(0.0, chart_.series[s].values[c]);
        const double y = y0 + bar * static_cast<double>(s);
        frame_.items.push_back(Rectangle{
            {plot_left, y}, {x_of(v) - plot_left, bar * 0.9}, chart_.series[s].color, std::nullopt});
        InlineStyle small = style_;
        small.font.size = std::max(8.0, style_.font.size - 3);
        TextBlock value = text(number_text(chart_.series[s].values[c]), small, 120, Align::left);
        frame_.append(std::move(value.frame), {x_of(v) + 3, y + bar * 0.45 - value.height / 2});
      }
    }
    frame_.items.push_back(
        Rule{{plot_left, plot_top}, {plot_left, plot_bottom}, Stroke{0.8, axis_color, Stroke::Dash::solid}});
    frame_.items.push_back(Rule{
        {plot_left, plot_bottom}, {plot_right, plot_bottom}, Stroke{0.8, axis_color, Stroke::Dash::solid}});
    if (chart_.target) {
      const double x = x_of(*chart_.target);
      frame_.items.push_back(
          Rule{{x, plot_top}, {x, plot_bottom}, Stroke{1.2, target_color, Stroke::Dash::dashed}});
    }
  }

  const doc::Chart& chart_;
  ParagraphLayouter paragraphs_;
  InlineStyle style_;
  double width_ = 0, height_ = 0;
  Frame frame_;
};

}  // namespace

Frame draw_chart(const doc::Chart& chart, double width, text::FontLibrary& fonts) {
  return ChartPainter(chart, width, fonts).paint();
}

}  // namespace raingan::layout
