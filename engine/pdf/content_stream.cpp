#include "pdf/content_stream.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "pdf/pdf_syntax.h"

namespace raingan::pdf {
namespace {

using layout::Color;
using layout::GlyphRun;
using layout::TextLine;
using layout::TextSpan;

void append_color(std::string& out, Color color, const char* op) {
  append_number(out, color.r / 255.0, 4);
  out += ' ';
  append_number(out, color.g / 255.0, 4);
  out += ' ';
  append_number(out, color.b / 255.0, 4);
  out += ' ';
  out += op;
  out += '\n';
}

void append_point(std::string& out, double x, double y) {
  append_number(out, x);
  out += ' ';
  append_number(out, y);
}

// Line width, colour and dash pattern of a stroke. Dashes and dots scale with the line so that thick and thin
// rules look alike; dots are round caps on zero-length dashes.
void append_stroke(std::string& out, const layout::Stroke& stroke) {
  const double width = std::max(0.0, stroke.thickness);
  append_number(out, width);
  out += " w\n";
  append_color(out, stroke.color, "RG");
  switch (stroke.dash) {
    case layout::Stroke::Dash::solid:
      break;
    case layout::Stroke::Dash::dashed:
      out += '[';
      append_number(out, std::max(3.0, 3 * width));
      out += ' ';
      append_number(out, std::max(2.0, 2 * width));
      out += "] 0 d\n";
      break;
    case layout::Stroke::Dash::dotted:
      out += "1 J [0 ";
      append_number(out, std::max(2.0, 3 * width));
      out += "] 0 d\n";
      break;
  }
}

// The glyph ids and pen adjustments of TJ arrays are written for every glyph of every page: appended a
// character at a time, which the compiler inlines, rather than through out-of-line appends.
constexpr char hex_digit[] = "0123456789ABCDEF";

void put_hex16(std::string& out, std::uint16_t value) {
  out.push_back(hex_digit[(value >> 12) & 0x0F]);
  out.push_back(hex_digit[(value >> 8) & 0x0F]);
  out.push_back(hex_digit[(value >> 4) & 0x0F]);
  out.push_back(hex_digit[value & 0x0F]);
}

void put_integer(std::string& out, long long value) {
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  (void)error;  // 24 characters always hold a long long
  for (const char* c = digits; c != end; ++c) out.push_back(*c);
}

const char* paint_operator(bool fill, bool stroke) {
  if (fill && stroke) return "B\n";
  if (fill) return "f\n";
  return "S\n";
}

// Writes one text line. TJ arrays carry the glyph ids (2-byte codes, Identity-H) and, between them, the
// adjustments that move the pen from where the font's /W widths leave it to where the frame puts the next
// glyph. The pen is tracked in the same integer 1/1000 em units as /W, against absolute targets, so rounding
// never accumulates along a line.
class TextLineWriter {
 public:
  TextLineWriter(std::string& out, PageResources& resources, PageSpace space)
      : out_(out), resources_(resources), space_(space) {}

  void write(const TextLine& line) {
    const std::size_t glyph_count = count_glyphs(line);
    validate_spans(line, glyph_count);
    if (glyph_count == 0) return;
    out_ += "q\nBT\n0 Tc 0 Tw 100 Tz 0 Tr 0 Ts\n";
    spans_ = &line.spans;
    next_span_ = 0;
    std::size_t index = 0;
    bool first_run = true;
    for (const auto& run : line.runs) {
      if (run.glyphs.empty()) continue;
      at_glyph(index);  // a span that ends with the previous run closes before this run's font change
      start_run(run, first_run);
      first_run = false;
      double advance = 0;  // points from the run's origin to the current glyph's origin
      for (const auto& glyph : run.glyphs) {
        if (span_changes_at(index)) at_glyph(index);
        const double rise = glyph.y_offset;
        if (std::abs(rise - rise_) > 1e-6) {
          close_array();
          append_number(out_, rise);
          out_ += " Ts\n";
          rise_ = rise;
        }
        const double target = (advance + glyph.x_offset) * 1000.0 / run.font_size;
        const auto adjustment = static_cast<long long>(std::llround(pen_ - target));
        if (adjustment != 0) {
          open_array();
          close_hex();
          put_integer(out_, adjustment);
          pen_ -= static_cast<double>(adjustment);
        }
        if (glyph.glyph_id > 0xFFFF) throw std::invalid_argument("glyph id above 65535 in a text line");
        open_array();
        if (!in_hex_) {
          out_.push_back('<');
          in_hex_ = true;
        }
        put_hex16(out_, static_cast<std::uint16_t>(glyph.glyph_id));
        pen_ += resources_.use_glyph(*run.face, glyph.glyph_id);
        advance += glyph.x_advance;
        ++index;
      }
    }
    at_glyph(index);
    close_array();
    out_ += "ET\nQ\n";
  }

 private:
  static std::size_t count_glyphs(const TextLine& line) {
    std::size_t count = 0;
    for (const auto& run : line.runs) count += run.glyphs.size();
    return count;
  }

  static void validate_spans(const TextLine& line, std::size_t glyph_count) {
    std::uint32_t previous_end = 0;
    for (const auto& span : line.spans) {
      if (span.glyph_begin > span.glyph_end || span.glyph_end > glyph_count ||
          span.glyph_begin < previous_end)
        throw std::invalid_argument("text line spans are out of order or past the line's " +
                                    std::to_string(glyph_count) + " glyphs (span " +
                                    std::to_string(span.glyph_begin) + ".." + std::to_string(span.glyph_end) +
                                    ")");
      previous_end = span.glyph_end;
    }
    for (const auto& run : line.runs) {
      if (run.glyphs.empty()) continue;
      if (run.face == nullptr) throw std::invalid_argument("glyph run without a font face");
      if (!(run.font_size > 0) || !std::isfinite(run.font_size))
        throw std::invalid_argument("glyph run with font size " + describe_number(run.font_size));
    }
  }

  void start_run(const GlyphRun& run, bool first) {
    close_array();
    const std::string font = resources_.font(*run.face);
    if (first || font != font_ || run.font_size != size_) {
      out_ += '/';
      out_ += font;
      out_ += ' ';
      append_number(out_, run.font_size);
      out_ += " Tf\n";
      font_ = font;
      size_ = run.font_size;
    }
    if (first || run.color != color_) {
      append_color(out_, run.color, "rg");
      color_ = run.color;
    }
    out_ += "1 0 0 1 ";
    append_point(out_, run.origin.x, space_.y(run.origin.y));
    out_ += " Tm\n";
    pen_ = 0;
  }

  // Whether a span ends or starts before glyph `index`: at_glyph has something to do.
  bool span_changes_at(std::size_t index) const {
    const auto& spans = *spans_;
    if (span_open_ && spans[next_span_ - 1].glyph_end == index) return true;
    return next_span_ < spans.size() && spans[next_span_].glyph_begin == index;
  }

  // Closes the span that ends before glyph `index` and opens the one that starts there. Spans may cross
  // runs: a run change inside a span only changes the font and the text matrix.
  void at_glyph(std::size_t index) {
    const auto& spans = *spans_;
    while (next_span_ <= spans.size()) {
      if (span_open_) {
        if (spans[next_span_ - 1].glyph_end != index) return;
        close_array();
        out_ += "EMC\n";
        span_open_ = false;
      }
      if (next_span_ == spans.size() || spans[next_span_].glyph_begin != index) return;
      close_array();
      out_ += "/Span <</ActualText <";
      append_utf16be_hex(out_, spans[next_span_].text);
      out_ += ">>> BDC\n";
      span_open_ = true;
      ++next_span_;
    }
  }

  void open_array() {
    if (in_array_) return;
    out_.push_back('[');
    in_array_ = true;
  }
  void close_hex() {
    if (!in_hex_) return;
    out_.push_back('>');
    in_hex_ = false;
  }
  void close_array() {
    close_hex();
    if (!in_array_) return;
    out_ += "] TJ\n";
    in_array_ = false;
  }

  std::string& out_;
  PageResources& resources_;
  PageSpace space_;
  const std::vector<TextSpan>* spans_ = nullptr;
  std::size_t next_span_ = 0;
  bool span_open_ = false;
  bool in_array_ = false;
  bool in_hex_ = false;
  double pen_ = 0;  // 1/1000 em from the run's origin, as the viewer computes it
  double rise_ = 0;
  std::string font_;
  double size_ = 0;
  Color color_;
};

class ContentEncoder {
 public:
  // `items`: how many items the frame has, to make room for their content at once.
  ContentEncoder(PageResources& resources, PageSpace space, std::size_t items)
      : resources_(resources), space_(space) {
    out_.reserve(items * 512);  // a line of Thai text takes some 700 bytes
  }

  std::string take() { return std::move(out_); }

  void operator()(const TextLine& line) { TextLineWriter(out_, resources_, space_).write(line); }

  void operator()(const layout::Rule& rule) {
    out_ += "q\n";
    append_stroke(out_, rule.stroke);
    append_point(out_, rule.from.x, space_.y(rule.from.y));
    out_ += " m\n";
    append_point(out_, rule.to.x, space_.y(rule.to.y));
    out_ += " l\nS\nQ\n";
  }

  void operator()(const layout::Rectangle& rectangle) {
    if (!rectangle.fill && !rectangle.stroke) return;
    out_ += "q\n";
    if (rectangle.fill) append_color(out_, *rectangle.fill, "rg");
    if (rectangle.stroke) append_stroke(out_, *rectangle.stroke);
    append_point(out_, rectangle.origin.x, space_.y(rectangle.origin.y + rectangle.size.height));
    out_ += ' ';
    append_point(out_, rectangle.size.width, rectangle.size.height);
    out_ += " re\n";
    out_ += paint_operator(rectangle.fill.has_value(), rectangle.stroke.has_value());
    out_ += "Q\n";
  }

  void operator()(const layout::Path& path) {
    if (path.commands.empty() || (!path.fill && !path.stroke)) return;
    out_ += "q\n";
    if (path.fill) append_color(out_, *path.fill, "rg");
    if (path.stroke) append_stroke(out_, *path.stroke);
    for (const auto& command : path.commands) {
      using Kind = layout::PathCommand::Kind;
      switch (command.kind) {
        case Kind::move:
          append_point(out_, command.p1.x, space_.y(command.p1.y));
          out_ += " m\n";
          break;
        case Kind::line:
          append_point(out_, command.p1.x, space_.y(command.p1.y));
          out_ += " l\n";
          break;
        case Kind::cubic:
          append_point(out_, command.p1.x, space_.y(command.p1.y));
          out_ += ' ';
          append_point(out_, command.p2.x, space_.y(command.p2.y));
          out_ += ' ';
          append_point(out_, command.p3.x, space_.y(command.p3.y));
          out_ += " c\n";
          break;
        case Kind::close:
          out_ += "h\n";
          break;
      }
    }
    out_ += paint_operator(path.fill.has_value(), path.stroke.has_value());
    out_ += "Q\n";
  }

  void operator()(const layout::Image& image) {
    if (!image.data) throw std::invalid_argument("image item without image data");
    const std::string name = resources_.image(*image.data);
    out_ += "q\n";
    append_number(out_, image.size.width);
    out_ += " 0 0 ";
    append_number(out_, image.size.height);
    out_ += ' ';
    append_point(out_, image.origin.x, space_.y(image.origin.y + image.size.height));
    out_ += " cm\n/";
    out_ += name;
    out_ += " Do\nQ\n";
  }

  void operator()(const layout::Link&) {}
  void operator()(const layout::Anchor&) {}

 private:
  PageResources& resources_;
  PageSpace space_;
  std::string out_;
};

}  // namespace

std::string encode_page_content(const layout::Frame& frame, PageResources& resources) {
  ContentEncoder encoder(resources, PageSpace{frame.size.height}, frame.items.size());
  for (const auto& item : frame.items) std::visit(encoder, item);
  return encoder.take();
}

}  // namespace raingan::pdf
