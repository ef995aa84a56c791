#pragma once
// A schema's "pattern": an ECMAScript regular expression matched, Unicode aware, anywhere in a string (JSON
// Schema does not anchor patterns; write ^…$ to match the whole string). Matching runs on ICU's regex engine
// with ECMAScript's meaning of \d, \w and $ (ASCII digits and word characters, end of input only).

#include <memory>
#include <string>
#include <string_view>

namespace raingan::dataset {

class EcmaPattern {
 public:
  // Throws format::ValueError "expected a regular expression …, found …" when the pattern does not compile.
  explicit EcmaPattern(std::string_view source);
  EcmaPattern(EcmaPattern&&) noexcept;
  EcmaPattern& operator=(EcmaPattern&&) noexcept;
  ~EcmaPattern();

  const std::string& source() const noexcept { return source_; }

  // Whether the pattern matches somewhere in the UTF-8 text. Throws format::ValueError when matching takes
  // too long (a pattern that backtracks without end). Reuses one matcher: not for concurrent use.
  bool search(std::string_view text) const;

 private:
  struct Compiled;
  std::string source_;
  std::unique_ptr<Compiled> compiled_;
};

// The pattern rewritten for ICU: \d -> [0-9], \w -> [A-Za-z0-9_] (and their negations), $ outside a class ->
// \z.
std::string ecma_to_icu(std::string_view source);

}  // namespace raingan::dataset
