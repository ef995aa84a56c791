#pragma once
// The members of a zip archive held in memory (an XLSX package), read with minizip under limits: a member
// is read only when it is a regular file, stored or deflated, not encrypted, and inflates to at most the
// member and total caps (a zip bomb is stopped while it inflates, whatever its header claims). Part names
// are matched without regard to ASCII case, as the package format says.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "intake/intake.h"
#include "xlsx/handles.h"

namespace raingan::intake {

class ZipPackage {
 public:
  // Reads the member list. Throws InputError(label, "", …) when the bytes are not a zip archive or it has
  // too many members or the same member twice.
  ZipPackage(std::string_view bytes, std::string label, const Limits& limits);
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;
  ~ZipPackage();

  bool has(std::string_view name) const;
  // The inflated content of a member. Throws InputError(label, name, …) when it is missing, not a regular
  // file, encrypted, damaged or over a cap.
  std::string read(std::string_view name);

 private:
  struct Entry {
    std::string name;  // as stored
    std::uint64_t position = 0;
    std::uint64_t directory_position = 0;
    bool regular = true;
    bool encrypted = false;
    int method = 0;
    std::uint64_t declared_size = 0;
  };

 public:
  struct MemoryFile;  // minizip's view of the bytes

 private:
  [[noreturn]] void fail(const std::string& member, const std::string& message) const;

  std::string label_;
  Limits limits_;
  std::uint64_t inflated_total_ = 0;
  std::unordered_map<std::string, Entry> entries_;  // by lower-case name
  std::unique_ptr<MemoryFile> memory_;              // outlives unzip_, which reads through it
  xlsx::UnzipFile unzip_;
};

// "12.5 MB", for messages about caps.
std::string megabytes(std::uint64_t bytes);

}  // namespace raingan::intake
