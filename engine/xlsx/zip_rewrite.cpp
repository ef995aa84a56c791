#include "xlsx/zip_rewrite.h"

#include <set>
#include <stdexcept>
#include <vector>

#include "xlsx/handles.h"

namespace raingan::xlsx {
namespace {

[[noreturn]] void fail(const std::filesystem::path& archive, const std::string& what, int code) {
  throw std::runtime_error(archive.string() + ": " + what + " (zip error " + std::to_string(code) + ")");
}

zip_fileinfo copy_info(const unz_file_info64& info) {
  zip_fileinfo out{};
  out.tmz_date.tm_sec = info.tmu_date.tm_sec;
  out.tmz_date.tm_min = info.tmu_date.tm_min;
  out.tmz_date.tm_hour = info.tmu_date.tm_hour;
  out.tmz_date.tm_mday = info.tmu_date.tm_mday;
  out.tmz_date.tm_mon = info.tmu_date.tm_mon;
  out.tmz_date.tm_year = info.tmu_date.tm_year;
  out.dosDate = info.dosDate;
  out.internal_fa = info.internal_fa;
  out.external_fa = info.external_fa;
  return out;
}

// Reads the open member to its end: the inflated bytes, or the stored compressed ones when opened raw.
void read_member(unzFile reader, const std::filesystem::path& source, const std::string& name,
                 const std::function<void(const char*, unsigned)>& sink) {
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const int got = unzReadCurrentFile(reader, buffer.data(), static_cast<unsigned>(buffer.size()));
    if (got < 0) fail(source, "cannot read member " + name, got);
    if (got == 0) break;
    sink(buffer.data(), static_cast<unsigned>(got));
  }
}

}  // namespace

void rewrite_zip(const std::filesystem::path& source, const std::filesystem::path& target,
                 const MemberChanges& changes) {
  UnzipFile reader(unzOpen64(source.c_str()));
  if (!reader) throw std::runtime_error(source.string() + ": not a readable zip archive");
  ZipFile writer(zipOpen64(target.c_str(), APPEND_STATUS_CREATE));
  if (!writer) throw std::runtime_error(target.string() + ": cannot create zip archive");

  std::set<std::string> changed;  // members found among those to change
  int status = unzGoToFirstFile(reader.get());
  for (; status == UNZ_OK; status = unzGoToNextFile(reader.get())) {
    unz_file_info64 info{};
    std::vector<char> name_buffer(1024);
    status = unzGetCurrentFileInfo64(reader.get(), &info, name_buffer.data(), name_buffer.size(), nullptr, 0,
                                     nullptr, 0);
    if (status != UNZ_OK) fail(source, "cannot read the member list", status);
    const std::string name(name_buffer.data());
    const zip_fileinfo out_info = copy_info(info);
    const int zip64 = info.uncompressed_size >= 0xFFFFFFFFU ? 1 : 0;
    auto write = [&](const char* data, unsigned size) {
      const int result = zipWriteInFileInZip(writer.get(), data, size);
      if (result != ZIP_OK) fail(target, "cannot write member " + name, result);
    };
    auto read_content = [&] {
      if ((status = unzOpenCurrentFile(reader.get())) != UNZ_OK) fail(source, "cannot open " + name, status);
      std::string content;
      read_member(reader.get(), source, name,
                  [&content](const char* data, unsigned size) { content.append(data, size); });
      if ((status = unzCloseCurrentFile(reader.get())) != UNZ_OK)
        fail(source, "member " + name + " is damaged", status);
      return content;
    };

    if (const auto transform = changes.transform.find(name); transform != changes.transform.end()) {
      changed.insert(name);
      const std::string content = transform->second(read_content());
      status = zipOpenNewFileInZip64(writer.get(), name.c_str(), &out_info, nullptr, 0, nullptr, 0, nullptr,
                                     Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0);
      if (status != ZIP_OK) fail(target, "cannot add member " + name, status);
      write(content.data(), static_cast<unsigned>(content.size()));
      if ((status = zipCloseFileInZip(writer.get())) != ZIP_OK) fail(target, "cannot finish " + name, status);
      continue;
    }

    std::optional<DeflatedMember> replacement;
    if (const auto replace = changes.replace.find(name); replace != changes.replace.end()) {
      changed.insert(name);
      replacement = replace->second(read_content());
    }
    int method = 0;
    int level = 0;
    if ((status = unzOpenCurrentFile2(reader.get(), &method, &level, 1)) != UNZ_OK)
      fail(source, "cannot open " + name, status);
    if (replacement) {
      if ((status = unzCloseCurrentFile(reader.get())) != UNZ_OK)
        fail(source, "member " + name + " is damaged", status);
      status = zipOpenNewFileInZip2_64(writer.get(), name.c_str(), &out_info, nullptr, 0, nullptr, 0, nullptr,
                                       Z_DEFLATED, level, 1, replacement->size >= 0xFFFFFFFFU ? 1 : 0);
      if (status != ZIP_OK) fail(target, "cannot add member " + name, status);
      replacement->write([&](std::string_view bytes) {
        // minizip takes an unsigned length: pieces of at most 1 GB.
        for (std::size_t at = 0; at < bytes.size(); at += 1U << 30) {
          const std::string_view part = bytes.substr(at, 1U << 30);
          write(part.data(), static_cast<unsigned>(part.size()));
        }
      });
      status = zipCloseFileInZipRaw64(writer.get(), replacement->size, replacement->crc);
      if (status != ZIP_OK) fail(target, "cannot finish " + name, status);
      continue;
    }
    status = zipOpenNewFileInZip2_64(writer.get(), name.c_str(), &out_info, nullptr, 0, nullptr, 0, nullptr,
                                     method, level, 1, zip64);
    if (status != ZIP_OK) fail(target, "cannot add member " + name, status);
    read_member(reader.get(), source, name, write);
    if ((status = unzCloseCurrentFile(reader.get())) != UNZ_OK)
      fail(source, "member " + name + " is damaged", status);
    status = zipCloseFileInZipRaw64(writer.get(), info.uncompressed_size, info.crc);
    if (status != ZIP_OK) fail(target, "cannot finish " + name, status);
  }
  if (status != UNZ_END_OF_LIST_OF_FILE) fail(source, "cannot read the member list", status);
  for (const auto& [name, transform] : changes.transform)
    if (!changed.contains(name)) throw std::runtime_error(source.string() + ": has no member " + name);
  for (const auto& [name, replace] : changes.replace)
    if (!changed.contains(name)) throw std::runtime_error(source.string() + ": has no member " + name);
  const int closed = zipClose(writer.release(), nullptr);
  if (closed != ZIP_OK) fail(target, "cannot finish the archive", closed);
}

void rewrite_zip_member(const std::filesystem::path& source, const std::filesystem::path& target,
                        std::string_view member, const std::function<std::string(std::string)>& transform) {
  MemberChanges changes;
  changes.transform.emplace(std::string(member), transform);
  rewrite_zip(source, target, changes);
}

}  // namespace raingan::xlsx
