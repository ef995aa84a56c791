#pragma once
// A value that a parser or formatter cannot accept, said as "expected …, found …". The caller knows where the
// value came from (a file and JSON path, a command-line argument) and turns it into a Diagnostic.

#include <stdexcept>

namespace raingan::format {

class ValueError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace raingan::format
