#pragma once
// Scratch space on disk for data too large to keep in memory until a file is saved (a long PDF's page
// content, a large sheet's compressed rows): a file in the system's temporary folder, unlinked as soon as it
// is made, so that it goes when it is closed, whatever happens.

#include <string_view>

namespace raingan {

// The file descriptor of a new unnamed file whose name while it existed started with `prefix`; -1 if none
// can be made (the caller then keeps its data in memory).
int open_unnamed_file(std::string_view prefix);

// Writes all of `bytes` at the file's position, retrying short and interrupted writes; false if the file
// cannot take them (a full disk).
bool write_all(int file, std::string_view bytes);

}  // namespace raingan
