#pragma once
// The web app's files (engine/serve/app), compiled into the binary by embed_app.cmake so that nothing is read
// from disk or fetched from the internet to serve the app.

#include <cstddef>
#include <span>
#include <string_view>

namespace raingan::serve {

struct WebAsset {
  const char* path;  // "/index.html"
  const unsigned char* bytes;
  std::size_t size;

  std::string_view content() const noexcept {
    return {reinterpret_cast<const char*>(bytes), size};  // NOLINT: bytes of text files
  }
};

std::span<const WebAsset> web_assets();

// The asset at `path`, or nullptr.
const WebAsset* find_web_asset(std::string_view path);

// "text/html; charset=utf-8" and so on, by the path's extension.
std::string_view content_type_of(std::string_view path);

}  // namespace raingan::serve
