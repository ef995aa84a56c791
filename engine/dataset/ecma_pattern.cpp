#include "dataset/ecma_pattern.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "format/value_error.h"

namespace raingan::dataset {

struct EcmaPattern::Compiled {
  std::unique_ptr<icu::RegexPattern> pattern;
  std::unique_ptr<icu::RegexMatcher> matcher;
  icu::UnicodeString subject;  // the matcher refers to it while matching
};

std::string ecma_to_icu(std::string_view source) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {
      const char next = source[++i];
      switch (next) {
        case 'd':
          out += "[0-9]";
          break;
        case 'D':
          out += "[^0-9]";
          break;
        case 'w':
          out += "[A-Za-z0-9_]";
          break;
        case 'W':
          out += "[^A-Za-z0-9_]";
          break;
        default:
          out += c;
          out += next;
      }
      continue;
    }
    if (c == '[' && in_class) {
      out += "\\[";  // literal inside an ECMAScript class; ICU would open a nested set
      continue;
    }
    if (c == '[') {
      in_class = true;
    } else if (c == ']' && in_class) {
      in_class = false;
    } else if (c == '$' && !in_class) {
      out += "\\z";
      continue;
    }
    out += c;
  }
  return out;
}

EcmaPattern::EcmaPattern(std::string_view source) : source_(source), compiled_(std::make_unique<Compiled>()) {
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString icu_source = icu::UnicodeString::fromUTF8(ecma_to_icu(source));
  compiled_->pattern.reset(icu::RegexPattern::compile(icu_source, 0, where, status));
  if (U_FAILURE(status) || !compiled_->pattern)
    throw format::ValueError("expected a regular expression, found \"" + source_ + "\" (" +
                             u_errorName(status) + " near character " + std::to_string(where.offset + 1) +
                             ")");
  compiled_->matcher.reset(compiled_->pattern->matcher(status));
  if (U_FAILURE(status) || !compiled_->matcher)
    throw format::ValueError("expected a usable regular expression, found \"" + source_ + "\" (" +
                             u_errorName(status) + ")");
  // A few seconds of work at most (the unit is about a millisecond), so a runaway pattern is reported instead
  // of hanging the run.
  compiled_->matcher->setTimeLimit(5000, status);
}

EcmaPattern::EcmaPattern(EcmaPattern&&) noexcept = default;
EcmaPattern& EcmaPattern::operator=(EcmaPattern&&) noexcept = default;
EcmaPattern::~EcmaPattern() = default;

bool EcmaPattern::search(std::string_view text) const {
  UErrorCode status = U_ZERO_ERROR;
  compiled_->subject =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  compiled_->matcher->reset(compiled_->subject);
  const bool found = compiled_->matcher->find(status);
  if (status == U_REGEX_TIME_OUT)
    throw format::ValueError("expected the pattern " + source_ +
                             " to finish matching, found it runs too long");
  return U_SUCCESS(status) && found;
}

}  // namespace raingan::dataset
