#pragma once
// Owning handles for HarfBuzz and FreeType objects, so every C object the text stage creates is released on
// every path, including exceptions.

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <memory>

#include "core/c_handle.h"

namespace raingan::text {

using raingan::CDeleter;

using HbBlob = std::unique_ptr<hb_blob_t, CDeleter<hb_blob_t, hb_blob_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, CDeleter<hb_face_t, hb_face_destroy>>;
using HbFont = std::unique_ptr<hb_font_t, CDeleter<hb_font_t, hb_font_destroy>>;
using HbBuffer = std::unique_ptr<hb_buffer_t, CDeleter<hb_buffer_t, hb_buffer_destroy>>;
using HbSet = std::unique_ptr<hb_set_t, CDeleter<hb_set_t, hb_set_destroy>>;

inline void release_ft_library(FT_LibraryRec_* library) { FT_Done_FreeType(library); }
inline void release_ft_face(FT_FaceRec_* face) { FT_Done_Face(face); }
using FtLibrary = std::unique_ptr<FT_LibraryRec_, CDeleter<FT_LibraryRec_, release_ft_library>>;
using FtFace = std::unique_ptr<FT_FaceRec_, CDeleter<FT_FaceRec_, release_ft_face>>;

}  // namespace raingan::text
