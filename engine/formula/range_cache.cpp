#include "formula/range_cache.h"

#include <functional>

#include "formula/call_context.h"
#include "formula/coercion.h"
#include "formula/number_text.h"

namespace raingan::formula {
namespace {

const std::vector<std::uint32_t> no_positions;

}  // namespace

void Aggregate::add(const Value& value) {
  switch (value.kind()) {
    case ValueKind::blank:
      return;
    case ValueKind::number: {
      const double n = value.as_number();
      sum.add(n);
      min = numbers == 0 ? n : std::min(min, n);
      max = numbers == 0 ? n : std::max(max, n);
      ++numbers;
      break;
    }
    case ValueKind::text:
      if (value.as_text().empty()) ++empty_texts;
      break;
    case ValueKind::error:
      if (!first_error) first_error = value.as_error();
      break;
    case ValueKind::boolean:
      break;
  }
  ++non_blank;
}

std::optional<MatchKey> match_key(const Value& cell, MatchMode mode) {
  switch (cell.kind()) {
    case ValueKind::number:
      return MatchKey{ValueKind::number, round_to_15_digits(cell.as_number()), {}};
    case ValueKind::text:
      if (mode == MatchMode::criteria)
        if (const auto n = parse_number_text(cell.as_text()))
          return MatchKey{ValueKind::number, round_to_15_digits(*n), {}};
      return MatchKey{ValueKind::text, 0, fold_case(cell.as_text())};
    case ValueKind::boolean:
      return MatchKey{ValueKind::boolean, cell.as_boolean() ? 1.0 : 0.0, {}};
    case ValueKind::error:
      if (mode == MatchMode::lookup) return std::nullopt;
      return MatchKey{ValueKind::error, static_cast<double>(cell.as_error()), {}};
    case ValueKind::blank:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<MatchKey> criterion_key(const Criterion& c) {
  if (c.op != Criterion::Op::equal) return std::nullopt;
  switch (c.kind) {
    case Criterion::Kind::number:
      return MatchKey{ValueKind::number, c.number, {}};
    case Criterion::Kind::text:
      if (c.wildcard) return std::nullopt;
      return MatchKey{ValueKind::text, 0, c.text};
    case Criterion::Kind::boolean:
      return MatchKey{ValueKind::boolean, c.number, {}};
    case Criterion::Kind::error:
      return MatchKey{ValueKind::error, static_cast<double>(c.error), {}};
    case Criterion::Kind::empty:
      return std::nullopt;
  }
  return std::nullopt;
}

std::size_t RangeCache::AreaHash::operator()(const AreaKey& k) const {
  std::size_t h = k.area.sheet;
  for (const std::uint32_t v : {k.area.first_row, k.area.first_column, k.area.last_row, k.area.last_column})
    h = h * 1000003u ^ v;
  return h * 31 + static_cast<std::size_t>(k.mode);
}

std::size_t RangeCache::MatchKeyHash::operator()(const MatchKey& k) const {
  return std::hash<double>{}(k.number) ^ std::hash<std::string>{}(k.text) * 31 ^
         static_cast<std::size_t>(k.kind);
}

std::size_t RangeCache::SumKeyHash::operator()(const SumKey& k) const {
  return AreaHash{}(AreaKey{k.values, MatchMode::criteria}) * 31 ^ std::hash<const void*>{}(k.positions);
}

const MatchedSum& RangeCache::matched_sum(const CallContext& context,
                                          const std::vector<std::uint32_t>& positions, const Area& values) {
  const auto [it, fresh] = sums_.try_emplace(SumKey{&positions, values});
  MatchedSum& total = it->second;
  if (!fresh) return total;
  for (const std::uint32_t offset : positions) {
    if (offset >= values.cell_count()) break;
    const Value v = area_cell(context, values, offset);
    if (v.is_number()) {
      total.sum.add(v.as_number());
      ++total.numbers;
    } else if (v.is_error() && !total.first_error) {
      total.first_error = v.as_error();
    }
  }
  return total;
}

Aggregate RangeCache::column_aggregate(const CallContext& context, const Area& area) {
  const std::uint64_t key = static_cast<std::uint64_t>(area.sheet) << 52 ^
                            static_cast<std::uint64_t>(area.first_column) << 24 ^ area.first_row;
  auto [it, fresh] = aggregates_.try_emplace(key);
  Running& running = it->second;
  if (!fresh && running.last_row > area.last_row) {
    running = Running{};
    fresh = true;
  }
  std::uint32_t row = fresh ? area.first_row : running.last_row + 1;
  const Column* column = context.column(area.sheet, area.first_column);
  // Blank cells add nothing: the rows beyond the column's stored ones are skipped.
  const std::uint32_t end =
      column ? std::min<std::uint32_t>(area.last_row + 1, static_cast<std::uint32_t>(column->kinds.size()))
             : 0;
  for (; row < end; ++row) running.aggregate.add(column->value(row, context.texts()));
  running.last_row = area.last_row;
  return running.aggregate;
}

const std::vector<std::uint32_t>* RangeCache::positions(const CallContext& context, const Area& area,
                                                        MatchMode mode, const MatchKey& key) {
  if (area.cell_count() < min_cells || area.cell_count() > 0xFFFFFFFFu) return nullptr;
  Entry& entry = indexes_[AreaKey{area, mode}];
  if (!entry.index) {
    if (++entry.requests < 2) return nullptr;
    Index& index = entry.index.emplace();
    visit_area(context, area, [&](const Value& cell, std::uint64_t offset) {
      if (auto k = match_key(cell, mode)) index[std::move(*k)].push_back(static_cast<std::uint32_t>(offset));
      return true;
    });
  }
  const auto found = entry.index->find(key);
  return found == entry.index->end() ? &no_positions : &found->second;
}

}  // namespace raingan::formula
