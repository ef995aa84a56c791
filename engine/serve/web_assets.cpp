#include "serve/web_assets.h"

namespace raingan::serve {

const WebAsset* find_web_asset(std::string_view path) {
  for (const WebAsset& asset : web_assets())
    if (path == asset.path) return &asset;
  return nullptr;
}

std::string_view content_type_of(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

}  // namespace raingan::serve
