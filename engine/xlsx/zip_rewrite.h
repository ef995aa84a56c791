#pragma once
// Copies a zip archive (an XLSX package) and changes some members on the way. The other members are copied
// still compressed, so a 100,000-row sheet is neither inflated nor compressed again.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::xlsx {

// A member's new content, already compressed as raw deflate data, with what its zip entry records.
struct DeflatedMember {
  std::uint32_t crc = 0;
  std::uint64_t size = 0;  // uncompressed
  // Passes the compressed bytes to the sink, in order.
  std::function<void(const std::function<void(std::string_view)>&)> write;
};

struct MemberChanges {
  // Members whose new content is transform(old content), compressed again.
  std::map<std::string, std::function<std::string(std::string)>, std::less<>> transform;
  // Members whose new content is made from the old one already compressed; nullopt keeps the member.
  std::map<std::string, std::function<std::optional<DeflatedMember>(std::string)>, std::less<>> replace;
};

// Writes `target` as a copy of `source` with the members named in `changes` changed. Throws
// std::runtime_error naming the archive and the member when reading or writing fails or a member named in
// `changes` is absent.
void rewrite_zip(const std::filesystem::path& source, const std::filesystem::path& target,
                 const MemberChanges& changes);

// The same for one member whose new content is transform(old content).
void rewrite_zip_member(const std::filesystem::path& source, const std::filesystem::path& target,
                        std::string_view member, const std::function<std::string(std::string)>& transform);

}  // namespace raingan::xlsx
