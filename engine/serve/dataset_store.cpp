#include "serve/dataset_store.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/atomic_output.h"

namespace raingan::serve {
namespace fs = std::filesystem;

namespace {

// 20261205T101422.123Z: sorts in time order, and is a file name on every system.
std::string utc_stamp() {
  const auto now = std::chrono::system_clock::now();
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now - seconds).count();
  const auto days = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{seconds - days};
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d%02d.%03dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(millis));
  return text;
}

void write_file(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read " + file.string());
  return text;
}

std::string DatasetStore::etag_of(std::string_view content) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return std::string("\"") + hex + "\"";
}

bool DatasetStore::is_new_dataset_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '-') return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

SavedDataset DatasetStore::save(std::string_view name, std::string_view text, std::string_view if_match) {
  std::lock_guard lock(mutex_);
  SavedDataset saved;
  fs::path target;
  if (const auto existing = project_.dataset(name)) {
    target = existing->file;
    const std::string previous = read_file(target);
    if (!if_match.empty() && if_match != "*" && if_match != etag_of(previous))
      throw SaveConflict("dataset " + std::string(name) +
                         " was changed by someone else since it was opened; reload it, or save again "
                         "without If-Match to replace it (their version is kept in datasets/.history)");
    const fs::path history = project_.datasets_folder() / ".history";
    fs::create_directories(history);
    std::string stamp = utc_stamp();
    fs::path kept = history / (std::string(name) + "." + stamp + ".json");
    for (int n = 1; fs::exists(kept); ++n)
      kept = history / (std::string(name) + "." + stamp + "-" + std::to_string(n) + ".json");
    AtomicOutput kept_output(kept);  // synced to disk before the new version replaces the old
    write_file(kept_output.temporary_path(), previous);
    kept_output.commit();
    saved.kept_as = ".history/" + kept.filename().string();
  } else {
    if (!is_new_dataset_name(name))
      throw UnknownDataset("no dataset is named \"" + std::string(name).substr(0, 80) +
                           "\", and a new one needs a name of lower-case letters, digits and '-'");
    target = project_.datasets_folder() / (std::string(name) + ".json");
    saved.created = true;
  }
  AtomicOutput output(target);
  write_file(output.temporary_path(), text);
  output.commit();
  saved.etag = etag_of(text);
  return saved;
}

}  // namespace raingan::serve
