#pragma once
// Saving a dataset from the app so that no edit is ever lost: the text (already validated by the caller) is
// written under a temporary name and renamed over datasets/<name>.json, and the version it replaces is kept
// first in datasets/.history/<name>.<UTC time>.json. Saves are one at a time.

#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

#include "serve/project.h"

namespace raingan::serve {

// The file changed since the client read it (If-Match did not match): HTTP 409.
class SaveConflict : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A name that is neither an existing dataset nor a valid new one: HTTP 404.
class UnknownDataset : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SavedDataset {
  std::string etag;
  bool created = false;
  std::string kept_as;  // the history file of the previous version, relative to datasets/
};

class DatasetStore {
 public:
  explicit DatasetStore(const Project& project) : project_(project) {}

  // `if_match` empty: save whatever is there (the previous version is still kept). A name that no dataset
  // has yet creates datasets/<name>.json when it is a plain new name (see is_new_dataset_name).
  SavedDataset save(std::string_view name, std::string_view text, std::string_view if_match);

  // A content's entity tag, as GET answers it and PUT's If-Match compares it.
  static std::string etag_of(std::string_view content);

  // Lower-case ASCII letters, digits and '-', 1 to 64 of them, starting with a letter or digit: a file name
  // by construction, never a path.
  static bool is_new_dataset_name(std::string_view name);

 private:
  const Project& project_;
  std::mutex mutex_;
};

// The whole content of a file (throws std::runtime_error naming it when it cannot be read).
std::string read_file(const std::filesystem::path& file);

}  // namespace raingan::serve
