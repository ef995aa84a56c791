#include "intake/zip_package.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/diagnostic.h"

namespace raingan::intake {

// The archive's bytes as minizip's "file": reads and seeks within the buffer.
struct ZipPackage::MemoryFile {
  std::string_view bytes;
  std::uint64_t position = 0;
};

namespace {

voidpf open_memory(voidpf opaque, const void*, int) { return opaque; }

uLong read_memory(voidpf, voidpf stream, void* buffer, uLong size) {
  auto* file = static_cast<ZipPackage::MemoryFile*>(stream);
  const std::uint64_t left = file->bytes.size() - std::min<std::uint64_t>(file->position, file->bytes.size());
  const std::uint64_t count = std::min<std::uint64_t>(size, left);
  if (count > 0) std::memcpy(buffer, file->bytes.data() + file->position, count);
  file->position += count;
  return static_cast<uLong>(count);
}

uLong write_memory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T tell_memory(voidpf, voidpf stream) { return static_cast<ZipPackage::MemoryFile*>(stream)->position; }

long seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* file = static_cast<ZipPackage::MemoryFile*>(stream);
  std::uint64_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR)
    base = file->position;
  else if (origin == ZLIB_FILEFUNC_SEEK_END)
    base = file->bytes.size();
  else if (origin != ZLIB_FILEFUNC_SEEK_SET)
    return -1;
  if (offset > file->bytes.size() || base > file->bytes.size() - offset) return -1;
  file->position = base + offset;
  return 0;
}

int close_memory(voidpf, voidpf) { return 0; }
int error_memory(voidpf, voidpf) { return 0; }

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

constexpr unsigned unix_host = 3;
constexpr unsigned long unix_type_mask = 0170000;
constexpr unsigned long unix_regular = 0100000;

}  // namespace

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + (1 << 19)) >> 20;
  return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " MB";
}

ZipPackage::ZipPackage(std::string_view bytes, std::string label, const Limits& limits)
    : label_(std::move(label)), limits_(limits) {
  memory_ = std::make_unique<MemoryFile>(MemoryFile{bytes, 0});
  zlib_filefunc64_def functions{};
  functions.zopen64_file = open_memory;
  functions.zread_file = read_memory;
  functions.zwrite_file = write_memory;
  functions.ztell64_file = tell_memory;
  functions.zseek64_file = seek_memory;
  functions.zclose_file = close_memory;
  functions.zerror_file = error_memory;
  functions.opaque = memory_.get();
  unzip_.reset(unzOpen2_64("memory", &functions));
  if (!unzip_)
    throw InputError(label_, "", "expected an XLSX workbook (a zip package), found something else");
  unzFile unzip = unzip_.get();
  {
    unz_global_info64 global{};
    if (unzGetGlobalInfo64(unzip, &global) != UNZ_OK) fail("", "its list of members is damaged");
    if (global.number_entry > limits_.max_members)
      fail("", "expected at most " + std::to_string(limits_.max_members) + " members in the package, found " +
                   std::to_string(global.number_entry));
    int status = unzGoToFirstFile(unzip);
    std::vector<char> name(1024);
    for (; status == UNZ_OK; status = unzGoToNextFile(unzip)) {
      if (entries_.size() >= limits_.max_members)
        fail("", "expected at most " + std::to_string(limits_.max_members) + " members in the package");
      unz_file_info64 info{};
      if (unzGetCurrentFileInfo64(unzip, &info, name.data(), name.size(), nullptr, 0, nullptr, 0) != UNZ_OK)
        fail("", "its list of members is damaged");
      if (info.size_filename >= name.size()) continue;  // no part of a workbook has such a long name
      Entry entry;
      entry.name.assign(name.data(), info.size_filename);
      unz64_file_pos position{};
      if (unzGetFilePos64(unzip, &position) != UNZ_OK) fail(entry.name, "cannot be found in the package");
      entry.position = position.pos_in_zip_directory;
      entry.directory_position = position.num_of_file;
      entry.encrypted = (info.flag & 1U) != 0;
      entry.method = static_cast<int>(info.compression_method);
      entry.declared_size = info.uncompressed_size;
      entry.regular = !entry.name.empty() && entry.name.back() != '/' &&
                      ((info.version >> 8) != unix_host || ((info.external_fa >> 16) & unix_type_mask) == 0 ||
                       ((info.external_fa >> 16) & unix_type_mask) == unix_regular);
      const std::string key = lower_ascii(entry.name);
      if (!entries_.emplace(key, std::move(entry)).second)
        fail(key, "the package holds two members of this name");
    }
    if (status != UNZ_END_OF_LIST_OF_FILE) fail("", "its list of members is damaged");
  }
}

ZipPackage::~ZipPackage() = default;

void ZipPackage::fail(const std::string& member, const std::string& message) const {
  throw InputError(label_, member, message);
}

bool ZipPackage::has(std::string_view name) const { return entries_.contains(lower_ascii(name)); }

std::string ZipPackage::read(std::string_view name) {
  const auto found = entries_.find(lower_ascii(name));
  if (found == entries_.end())
    fail(std::string(name), "expected this part of the workbook, found it missing");
  const Entry& entry = found->second;
  if (!entry.regular) fail(entry.name, "expected a regular file, found a link or a folder");
  if (entry.encrypted) fail(entry.name, "the workbook is encrypted (save it without a password)");
  if (entry.method != 0 && entry.method != Z_DEFLATED)
    fail(entry.name,
         "expected a stored or deflated member, found compression method " + std::to_string(entry.method));
  const auto too_large = [&] {
    fail(entry.name, "inflates to more than " + megabytes(limits_.max_member_bytes) +
                         " (a damaged file or a zip bomb; the limit is one member's inflated size)");
  };
  if (entry.declared_size > limits_.max_member_bytes) too_large();
  unzFile unzip = unzip_.get();
  unz64_file_pos position{entry.position, entry.directory_position};
  if (unzGoToFilePos64(unzip, &position) != UNZ_OK || unzOpenCurrentFile(unzip) != UNZ_OK)
    fail(entry.name, "cannot be opened: the package is damaged");
  std::string content;
  content.reserve(std::min<std::uint64_t>(entry.declared_size, 1 << 20));  // the header may lie
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const int got = unzReadCurrentFile(unzip, buffer.data(), static_cast<unsigned>(buffer.size()));
    if (got < 0) {
      unzCloseCurrentFile(unzip);
      fail(entry.name, "cannot be inflated: the package is damaged (zip error " + std::to_string(got) + ")");
    }
    if (got == 0) break;
    if (content.size() + static_cast<std::size_t>(got) > limits_.max_member_bytes) {
      unzCloseCurrentFile(unzip);
      too_large();
    }
    inflated_total_ += static_cast<std::uint64_t>(got);
    if (inflated_total_ > limits_.max_total_bytes) {
      unzCloseCurrentFile(unzip);
      fail(entry.name, "the members read so far inflate to more than " + megabytes(limits_.max_total_bytes) +
                           " (a damaged file or a zip bomb; the limit is the whole package's inflated size)");
    }
    content.append(buffer.data(), static_cast<std::size_t>(got));
  }
  if (unzCloseCurrentFile(unzip) != UNZ_OK)
    fail(entry.name, "is damaged (its checksum does not match its content)");
  return content;
}

}  // namespace raingan::intake
