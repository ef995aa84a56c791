#pragma once
// Opening a file raingan reads: only a regular file (never a pipe, a device such as /dev/zero, a socket or a
// folder, any of which could hang a build or feed it without end), and never more than a stated size, which
// is checked again while reading so that a file that grows cannot get past it.

#include <cstdint>
#include <filesystem>
#include <string>

namespace raingan {

// Throws InputError naming the path when it does not exist or is not a regular file (symlinks followed);
// `what` says what the file was meant to be ("template", "image"). Does not open it, so a FIFO cannot block.
void require_regular_file(const std::filesystem::path& path, const std::string& what);

// The whole of a regular file of at most `max_bytes`; InputError when it is not a regular file, is larger
// (the message names `limit_hint`, the option or rule that sets the limit) or cannot be read.
std::string read_input_file(const std::filesystem::path& path, const std::string& what,
                            std::uint64_t max_bytes, const std::string& limit_hint);

// A size as the limit options count it: "100 bytes", "12 KB", "1.2 MB" (rounded up).
std::string size_text(std::uint64_t bytes);

}  // namespace raingan
