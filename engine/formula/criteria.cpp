#include "formula/criteria.h"

#include "formula/coercion.h"
#include "formula/number_text.h"

namespace raingan::formula {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Length in bytes of the UTF-8 character starting at text[i].
std::size_t char_length(std::string_view text, std::size_t i) {
  std::size_t n = 1;
  while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}

bool same_number(double a, double b) { return a == b || round_to_15_digits(a) == b; }

bool holds(Criterion::Op op, int comparison) {
  switch (op) {
    case Criterion::Op::equal:
      return comparison == 0;
    case Criterion::Op::not_equal:
      return comparison != 0;
    case Criterion::Op::less:
      return comparison < 0;
    case Criterion::Op::less_equal:
      return comparison <= 0;
    case Criterion::Op::greater:
      return comparison > 0;
    case Criterion::Op::greater_equal:
      return comparison >= 0;
  }
  return false;
}

bool equal_match(const Criterion& c, const Value& cell) {
  switch (c.kind) {
    case Criterion::Kind::number:
      if (cell.is_number()) return same_number(cell.as_number(), c.number);
      if (cell.is_text()) {
        const auto n = parse_number_text(cell.as_text());
        return n && same_number(*n, c.number);
      }
      return false;
    case Criterion::Kind::text:
      if (!cell.is_text()) return false;
      return c.wildcard ? wildcard_match(c.text, cell.as_text()) : equal_text(cell.as_text(), c.text);
    case Criterion::Kind::boolean:
      return cell.is_boolean() && cell.as_boolean() == (c.number != 0);
    case Criterion::Kind::error:
      return cell.is_error() && cell.as_error() == c.error;
    case Criterion::Kind::empty:
      return cell.is_blank() || (c.empty_text_too && cell.is_text() && cell.as_text().empty());
  }
  return false;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
  // Greedy matching with one backtrack point for the last *, over whole UTF-8 characters.
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = ++p;
      star_text = t;
      continue;
    }
    if (p < pattern.size()) {
      if (pattern[p] == '?') {
        ++p;
        t += char_length(text, t);
        continue;
      }
      std::size_t literal = p;
      if (pattern[p] == '~' && p + 1 < pattern.size()) literal = p + 1;
      const std::size_t n = char_length(pattern, literal);
      if (text.size() - t >= n) {
        bool same = true;
        for (std::size_t k = 0; k < n; ++k) same &= lower(text[t + k]) == pattern[literal + k];
        if (same) {
          p = literal + n;
          t += n;
          continue;
        }
      }
    }
    if (star == std::string_view::npos) return false;
    p = star;
    star_text += char_length(text, star_text);
    t = star_text;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Criterion parse_criterion(const Value& value) {
  Criterion c;
  switch (value.kind()) {
    case ValueKind::blank:
      return c;  // = 0
    case ValueKind::number:
      c.number = round_to_15_digits(value.as_number());
      return c;
    case ValueKind::boolean:
      c.kind = Criterion::Kind::boolean;
      c.number = value.as_boolean() ? 1 : 0;
      return c;
    case ValueKind::error:
      c.kind = Criterion::Kind::error;
      c.error = value.as_error();
      return c;
    case ValueKind::text:
      break;
  }
  std::string_view text = value.as_text();
  bool has_operator = true;
  if (text.starts_with("<=")) {
    c.op = Criterion::Op::less_equal;
    text.remove_prefix(2);
  } else if (text.starts_with(">=")) {
    c.op = Criterion::Op::greater_equal;
    text.remove_prefix(2);
  } else if (text.starts_with("<>")) {
    c.op = Criterion::Op::not_equal;
    text.remove_prefix(2);
  } else if (text.starts_with("<")) {
    c.op = Criterion::Op::less;
    text.remove_prefix(1);
  } else if (text.starts_with(">")) {
    c.op = Criterion::Op::greater;
    text.remove_prefix(1);
  } else if (text.starts_with("=")) {
    text.remove_prefix(1);
  } else {
    has_operator = false;
  }
  const bool equality = c.op == Criterion::Op::equal || c.op == Criterion::Op::not_equal;
  if (text.empty() && equality) {
    c.kind = Criterion::Kind::empty;
    c.empty_text_too = !has_operator;
    return c;
  }
  if (const auto number = parse_number_text(text)) {
    c.number = round_to_15_digits(*number);
    return c;
  }
  if (equal_text(text, "TRUE") || equal_text(text, "FALSE")) {
    c.kind = Criterion::Kind::boolean;
    c.number = equal_text(text, "TRUE") ? 1 : 0;
    return c;
  }
  if (const auto error = parse_error_text(text)) {
    c.kind = Criterion::Kind::error;
    c.error = *error;
    return c;
  }
  c.kind = Criterion::Kind::text;
  c.text = fold_case(text);
  c.wildcard = equality && c.text.find_first_of("*?~") != std::string::npos;
  return c;
}

bool matches(const Criterion& c, const Value& cell) {
  if (c.op == Criterion::Op::equal) return equal_match(c, cell);
  if (c.op == Criterion::Op::not_equal) return !equal_match(c, cell);
  switch (c.kind) {
    case Criterion::Kind::number:
      return cell.is_number() &&
             holds(c.op, compare_values(Value::number(round_to_15_digits(cell.as_number())),
                                        Value::number(c.number)));
    case Criterion::Kind::text:
      return cell.is_text() && holds(c.op, compare_text(cell.as_text(), c.text));
    case Criterion::Kind::boolean:
      return cell.is_boolean() &&
             holds(c.op, static_cast<int>(cell.as_boolean()) - static_cast<int>(c.number != 0));
    default:
      return false;
  }
}

}  // namespace raingan::formula
