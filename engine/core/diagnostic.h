#pragma once
// A problem found in a user's input, said so a clerk can find and fix it:
// which file, where in it (JSON path, template line, byte offset), and what was expected versus found.

#include <stdexcept>
#include <string>
#include <vector>

namespace raingan {

struct Diagnostic {
  std::string file;      // path as the user gave it
  std::string location;  // "students[17].distance_km", "line 12", "byte 4031"; empty if the whole file
  std::string message;   // "expected a number >= 0, found -1.5"

  // "file: location: message", the form every command prints on stderr.
  std::string to_string() const;
};

// Thrown when input cannot be used; carries every problem found, not only the first.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(std::string file, std::string location, std::string message);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace raingan
