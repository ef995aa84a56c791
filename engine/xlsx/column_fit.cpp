#include "xlsx/column_fit.h"

#include <algorithm>
#include <cmath>

namespace raingan::xlsx {
using templating::CellStyle;
namespace {

constexpr double pixels_per_point = 96.0 / 72.0;
constexpr double cell_padding_pixels = 5;
constexpr double minimum_stored_width = 2;  // narrower columns go through another libxlsxwriter formula

double truncate_to_256ths(double width) { return std::floor(width * 256.0) / 256.0; }

}  // namespace

int max_digit_width_pixels(const TextMeasure& measure, const CellStyle& normal_style) {
  double widest = 0;
  for (char digit = '0'; digit <= '9'; ++digit)
    widest = std::max(widest, measure(std::string_view(&digit, 1), normal_style));
  return std::max(1, static_cast<int>(std::lround(widest * pixels_per_point)));
}

double stored_width_from_characters(double characters, int max_digit_width) {
  const double pixels = std::round(characters * max_digit_width) + cell_padding_pixels;
  return std::max(minimum_stored_width, truncate_to_256ths(pixels / max_digit_width));
}

double stored_width_from_points(double text_points, int max_digit_width) {
  const double pixels = std::ceil(text_points * pixels_per_point) + cell_padding_pixels + max_digit_width;
  return std::max(minimum_stored_width, std::ceil(pixels / max_digit_width * 256.0) / 256.0);
}

double libxlsxwriter_width(double stored) {
  constexpr double assumed_digit_width = 7;  // Calibri 11
  return (std::ceil(stored * assumed_digit_width - 1e-9) - cell_padding_pixels) / assumed_digit_width;
}

ColumnFit::ColumnFit(std::vector<double> explicit_characters, double max_characters, int max_digit_width)
    : explicit_(std::move(explicit_characters)),
      cap_stored_(stored_width_from_characters(max_characters, max_digit_width)),
      max_digit_width_(max_digit_width) {}

bool ColumnFit::wants(std::uint16_t col) const {
  if (col < explicit_.size() && explicit_[col] > 0) return false;
  return col >= widest_points_.size() ||
         stored_width_from_points(widest_points_[col], max_digit_width_) < cap_stored_;
}

void ColumnFit::observe(std::uint16_t col, double text_points) {
  if (col >= widest_points_.size()) widest_points_.resize(col + 1U, -1);
  widest_points_[col] = std::max(widest_points_[col], text_points);
}

std::vector<ColumnFit::Width> ColumnFit::widths() const {
  std::vector<Width> result;
  const std::size_t columns = std::max(explicit_.size(), widest_points_.size());
  for (std::size_t c = 0; c < columns; ++c) {
    const auto col = static_cast<std::uint16_t>(c);
    if (c < explicit_.size() && explicit_[c] > 0)
      result.push_back({col, stored_width_from_characters(explicit_[c], max_digit_width_)});
    else if (c < widest_points_.size() && widest_points_[c] >= 0)
      result.push_back(
          {col, std::min(cap_stored_, stored_width_from_points(widest_points_[c], max_digit_width_))});
  }
  return result;
}

}  // namespace raingan::xlsx
