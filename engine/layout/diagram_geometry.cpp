#include "layout/diagram_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace raingan::layout {
namespace {

// A cubic Bézier quarter circle's handle length, as a fraction of the radius.
constexpr double kappa = 0.5522847498;

// Shares of a shape's box, in one place so that sizing, drawing and text placement agree.
constexpr double document_wave_share = 0.08;                         // the wave's amplitude, of the height
constexpr double document_body_share = 1 - 2 * document_wave_share;  // the height above the wave
constexpr double off_page_point_share = 0.3;                         // the pentagon's point, of its height
constexpr double decision_height_share = 0.6;  // of w/W + h/H = 1 for the text area in a diamond

double data_slant(const Rect& box) { return std::min(box.height * 0.25, 12.0); }

Point lerp(Point a, Point b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

class PathBuilder {
 public:
  void move(Point p) { path_.commands.push_back({PathCommand::Kind::move, p, {}, {}}); }
  void line(Point p) { path_.commands.push_back({PathCommand::Kind::line, p, {}, {}}); }
  void cubic(Point c1, Point c2, Point p) { path_.commands.push_back({PathCommand::Kind::cubic, c1, c2, p}); }
  void close() { path_.commands.push_back({PathCommand::Kind::close, {}, {}, {}}); }
  Path take(std::optional<Color> fill, std::optional<Stroke> stroke) {
    path_.fill = fill;
    path_.stroke = stroke;
    return std::move(path_);
  }

 private:
  Path path_;
};

// A point of the document symbol's bottom: `t` across, `dy` off the wave's middle line.
Point wave_control(const Rect& box, double t, double dy) {
  return {box.x + box.width * t, box.y + box.height * (1 - document_wave_share) + dy};
}

// Appends the outline of a path's commands as points, curves flattened.
std::vector<Point> flatten(const Path& path) {
  std::vector<Point> points;
  Point current;
  for (const auto& command : path.commands) {
    switch (command.kind) {
      case PathCommand::Kind::move:
      case PathCommand::Kind::line:
        current = command.p1;
        points.push_back(current);
        break;
      case PathCommand::Kind::cubic: {
        const Point p0 = current;
        for (int k = 1; k <= 16; ++k) {
          const double t = k / 16.0, u = 1 - t;
          points.push_back({u * u * u * p0.x + 3 * u * u * t * command.p1.x + 3 * u * t * t * command.p2.x +
                                t * t * t * command.p3.x,
                            u * u * u * p0.y + 3 * u * u * t * command.p1.y + 3 * u * t * t * command.p2.y +
                                t * t * t * command.p3.y});
        }
        current = command.p3;
        break;
      }
      case PathCommand::Kind::close:
        break;
    }
  }
  return points;
}

// Where segment a-b meets segment c-d: the parameter along a-b, or nothing.
std::optional<double> crossing(Point a, Point b, Point c, Point d) {
  const double rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y;
  const double denominator = rx * sy - ry * sx;
  if (std::fabs(denominator) < 1e-12) return std::nullopt;
  const double t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / denominator;
  const double u = ((c.x - a.x) * ry - (c.y - a.y) * rx) / denominator;
  if (u < -1e-9 || u > 1 + 1e-9) return std::nullopt;
  return t;
}

double segment_distance(Point p, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace

Rect united(const Rect& a, const Rect& b) {
  if (a.width <= 0 && a.height <= 0) return b;
  if (b.width <= 0 && b.height <= 0) return a;
  const double left = std::min(a.x, b.x), top = std::min(a.y, b.y);
  return {left, top, std::max(a.right(), b.right()) - left, std::max(a.bottom(), b.bottom()) - top};
}

Size shape_size(ShapeKind shape, Size area) {
  const double w = area.width, h = area.height;
  switch (shape) {
    case ShapeKind::terminal:
      // Ends of radius h / 2: the area's corners lie on them when the straight part is w - h long.
      return {std::max(w + h, h * 1.8), h};
    case ShapeKind::process:
    case ShapeKind::unit:
      return {w, h};
    case ShapeKind::decision:
      // A diamond holds a centred w x h rectangle when w/W + h/H <= 1. Twice each side is the smallest; a
      // flatter one (the height's share 0.6) keeps a chart's ranks as close as the rectangles'.
      return {w / (1 - decision_height_share), h / decision_height_share};
    case ShapeKind::document:
      return {w, h / document_body_share};
    case ShapeKind::data: {
      // The slanted sides lean in by the slant at the top and the bottom.
      const double slant = std::min(h * 0.25, 12.0);
      return {w + 2 * slant, h};
    }
    case ShapeKind::connector: {
      const double d = std::hypot(w, h);  // the circle through the area's corners
      return {d, d};
    }
    case ShapeKind::off_page: {
      const double body = std::max(w, h);  // the square above the point
      return {body, body / (1 - off_page_point_share)};
    }
  }
  return {w, h};
}

Point text_center(ShapeKind shape, const Rect& box) {
  switch (shape) {
    case ShapeKind::document:
      return {box.x + box.width / 2, box.y + box.height * document_body_share / 2};
    case ShapeKind::off_page:
      return {box.x + box.width / 2, box.y + box.height * (1 - off_page_point_share) / 2};
    default:
      return box.center();
  }
}

Path shape_path(ShapeKind shape, const Rect& box, std::optional<Color> fill, std::optional<Stroke> stroke) {
  PathBuilder path;
  const double x0 = box.x, y0 = box.y, x1 = box.right(), y1 = box.bottom();
  const Point c = box.center();
  switch (shape) {
    case ShapeKind::process:
    case ShapeKind::unit:
      path.move({x0, y0});
      path.line({x1, y0});
      path.line({x1, y1});
      path.line({x0, y1});
      path.close();
      break;
    case ShapeKind::terminal: {
      const double r = std::min(box.height, box.width) / 2;
      const double k = r * kappa;
      path.move({x0 + r, y0});
      path.line({x1 - r, y0});
      path.cubic({x1 - r + k, y0}, {x1, c.y - k}, {x1, c.y});
      path.cubic({x1, c.y + k}, {x1 - r + k, y1}, {x1 - r, y1});
      path.line({x0 + r, y1});
      path.cubic({x0 + r - k, y1}, {x0, c.y + k}, {x0, c.y});
      path.cubic({x0, c.y - k}, {x0 + r - k, y0}, {x0 + r, y0});
      path.close();
      break;
    }
    case ShapeKind::decision:
      path.move({c.x, y0});
      path.line({x1, c.y});
      path.line({c.x, y1});
      path.line({x0, c.y});
      path.close();
      break;
    case ShapeKind::document: {
      // One wave across the bottom, its right half bulging up and its left half down (a cubic whose two
      // handles stand d off the line bulges 0.75 d).
      const double d = box.height * document_wave_share * 4 / 3;
      path.move({x0, y0});
      path.line({x1, y0});
      path.line(wave_control(box, 1, 0));
      path.cubic(wave_control(box, 5.0 / 6, -d), wave_control(box, 4.0 / 6, -d), wave_control(box, 0.5, 0));
      path.cubic(wave_control(box, 2.0 / 6, d), wave_control(box, 1.0 / 6, d), wave_control(box, 0, 0));
      path.close();
      break;
    }
    case ShapeKind::data: {
      const double s = data_slant(box);
      path.move({x0 + s, y0});
      path.line({x1, y0});
      path.line({x1 - s, y1});
      path.line({x0, y1});
      path.close();
      break;
    }
    case ShapeKind::connector: {
      const double rx = box.width / 2, ry = box.height / 2;
      path.move({c.x, y0});
      path.cubic({c.x + rx * kappa, y0}, {x1, c.y - ry * kappa}, {x1, c.y});
      path.cubic({x1, c.y + ry * kappa}, {c.x + rx * kappa, y1}, {c.x, y1});
      path.cubic({c.x - rx * kappa, y1}, {x0, c.y + ry * kappa}, {x0, c.y});
      path.cubic({x0, c.y - ry * kappa}, {c.x - rx * kappa, y0}, {c.x, y0});
      path.close();
      break;
    }
    case ShapeKind::off_page: {
      const double shoulder = y1 - box.height * off_page_point_share;
      path.move({x0, y0});
      path.line({x1, y0});
      path.line({x1, shoulder});
      path.line({c.x, y1});
      path.line({x0, shoulder});
      path.close();
      break;
    }
  }
  return path.take(fill, stroke);
}

std::vector<Point> shape_outline(ShapeKind shape, const Rect& box) {
  std::vector<Point> points = flatten(shape_path(shape, box, std::nullopt, std::nullopt));
  if (points.size() > 1 &&
      std::hypot(points.front().x - points.back().x, points.front().y - points.back().y) < 1e-9)
    points.pop_back();
  return points;
}

std::optional<Point> first_hit(const std::vector<Point>& outline, Point from, Point through) {
  std::optional<double> best;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const Point a = outline[i], b = outline[(i + 1) % outline.size()];
    if (auto t = crossing(from, through, a, b); t && *t >= -1e-9 && (!best || *t < *best)) best = *t;
  }
  if (!best) return std::nullopt;
  return lerp(from, through, *best);
}

double distance_to_outline(const std::vector<Point>& outline, Point point) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < outline.size(); ++i)
    best = std::min(best, segment_distance(point, outline[i], outline[(i + 1) % outline.size()]));
  return best;
}

bool inside_outline(const std::vector<Point>& outline, Point point) {
  bool inside = false;
  for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
    const Point a = outline[i], b = outline[j];
    if ((a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

Path arrowhead(Point from, Point tip, double length, double half_width, Color color) {
  double dx = tip.x - from.x, dy = tip.y - from.y;
  const double norm = std::hypot(dx, dy);
  if (norm < 1e-9) {
    dx = 0;
    dy = 1;
  } else {
    dx /= norm;
    dy /= norm;
  }
  const Point base{tip.x - dx * length, tip.y - dy * length};
  PathBuilder path;
  path.move(tip);
  path.line({base.x - dy * half_width, base.y + dx * half_width});
  path.line({base.x + dy * half_width, base.y - dx * half_width});
  path.close();
  return path.take(color, std::nullopt);
}

Path polyline_path(const std::vector<Point>& points, const Stroke& stroke) {
  PathBuilder path;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i == 0)
      path.move(points[i]);
    else
      path.line(points[i]);
  }
  return path.take(std::nullopt, stroke);
}

Path hopping_polyline_path(const std::vector<Point>& points, std::size_t line,
                           const std::vector<Upright>& uprights, double radius, const Stroke& stroke) {
  constexpr double kappa = 0.5523;  // a quarter circle's control distance, in radii
  constexpr double clear = 1.0;     // pt: how far inside both stretches a crossing must be
  PathBuilder path;
  std::vector<double> crossings;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i == 0) {
      path.move(points[i]);
      continue;
    }
    const Point a = points[i - 1], b = points[i];
    crossings.clear();
    if (std::fabs(a.y - b.y) < 1e-6 && std::fabs(b.x - a.x) > 2 * radius) {
      const double low = std::min(a.x, b.x) + radius + clear, high = std::max(a.x, b.x) - radius - clear;
      for (const Upright& upright : uprights)
        if (upright.line != line && upright.x > low && upright.x < high && a.y > upright.top + clear &&
            a.y < upright.bottom - clear)
          crossings.push_back(upright.x);
      const double direction = b.x > a.x ? 1 : -1;
      std::sort(crossings.begin(), crossings.end(),
                [&](double p, double q) { return direction > 0 ? p < q : p > q; });
      double last = -1e300;
      for (const double x : crossings) {
        if (std::fabs(x - last) < 2 * radius + clear) continue;  // two uprights under one half circle
        last = x;
        const double y = a.y, r = radius * direction;
        path.line({x - r, y});
        path.cubic({x - r, y - kappa * radius}, {x - kappa * r, y - radius}, {x, y - radius});
        path.cubic({x + kappa * r, y - radius}, {x + r, y - kappa * radius}, {x + r, y});
      }
    }
    path.line(b);
  }
  return path.take(std::nullopt, stroke);
}

std::vector<Point> flatten_bezier_chain(const std::vector<Point>& chain) {
  std::vector<Point> points;
  if (chain.empty()) return points;
  points.push_back(chain.front());
  for (std::size_t i = 1; i + 2 < chain.size(); i += 3) {
    const Point p0 = points.back(), c1 = chain[i], c2 = chain[i + 1], p3 = chain[i + 2];
    const double flatness = std::max(segment_distance(c1, p0, p3), segment_distance(c2, p0, p3));
    if (flatness < 0.05) {
      points.push_back(p3);
      continue;
    }
    for (int k = 1; k <= 12; ++k) {
      const double t = k / 12.0, u = 1 - t;
      points.push_back({u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p3.x,
                        u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p3.y});
    }
  }
  return points;
}

void simplify_polyline(std::vector<Point>& points) {
  std::vector<Point> kept;
  for (const Point& p : points) {
    if (!kept.empty() && std::hypot(p.x - kept.back().x, p.y - kept.back().y) < 1e-6) continue;
    if (kept.size() >= 2) {
      const Point a = kept[kept.size() - 2], b = kept.back();
      const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
      const double along = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y);
      if (std::fabs(cross) < 1e-6 * std::max(1.0, std::hypot(b.x - a.x, b.y - a.y)) && along > 0) {
        kept.back() = p;  // b lies on the straight run from a to p
        continue;
      }
    }
    kept.push_back(p);
  }
  points = std::move(kept);
}

std::vector<std::vector<Point>> clip_polyline(const std::vector<Point>& points, double top, double bottom) {
  std::vector<std::vector<Point>> parts;
  std::vector<Point> current;
  auto flush = [&] {
    if (current.size() >= 2) parts.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    Point a = points[i], b = points[i + 1];
    double t0 = 0, t1 = 1;
    const double dy = b.y - a.y;
    if (std::fabs(dy) < 1e-12) {
      if (a.y < top - 1e-9 || a.y > bottom + 1e-9) {
        flush();
        continue;
      }
    } else {
      double ta = (top - a.y) / dy, tb = (bottom - a.y) / dy;
      if (ta > tb) std::swap(ta, tb);
      t0 = std::max(t0, ta);
      t1 = std::min(t1, tb);
      if (t0 > t1) {
        flush();
        continue;
      }
    }
    const Point from = lerp(a, b, t0), to = lerp(a, b, t1);
    if (current.empty() || t0 > 1e-12) {
      flush();
      current.push_back(from);
    }
    current.push_back(to);
    if (t1 < 1 - 1e-12) flush();
  }
  flush();
  return parts;
}

void scale_item(FrameItem& item, double factor) {
  const auto point = [factor](Point& p) {
    p.x *= factor;
    p.y *= factor;
  };
  const auto stroke = [factor](Stroke& s) { s.thickness = std::max(0.5, s.thickness * factor); };
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, TextLine>) {
          for (auto& run : it.runs) {
            point(run.origin);
            run.font_size *= factor;
            for (auto& glyph : run.glyphs) {
              glyph.x_advance *= factor;
              glyph.shaped_advance *= factor;
              glyph.x_offset *= factor;
              glyph.y_offset *= factor;
            }
          }
        } else if constexpr (std::is_same_v<T, Rule>) {
          point(it.from);
          point(it.to);
          stroke(it.stroke);
        } else if constexpr (std::is_same_v<T, Rectangle>) {
          point(it.origin);
          it.size.width *= factor;
          it.size.height *= factor;
          if (it.stroke) stroke(*it.stroke);
        } else if constexpr (std::is_same_v<T, Path>) {
          for (auto& command : it.commands) {
            point(command.p1);
            point(command.p2);
            point(command.p3);
          }
          if (it.stroke) stroke(*it.stroke);
        } else if constexpr (std::is_same_v<T, Image> || std::is_same_v<T, Link>) {
          point(it.origin);
          it.size.width *= factor;
          it.size.height *= factor;
        } else if constexpr (std::is_same_v<T, Anchor>) {
          point(it.position);
        }
      },
      item);
}

}  // namespace raingan::layout
