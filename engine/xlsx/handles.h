#pragma once
// Owning handles for the C objects the XLSX stage uses: a libxlsxwriter workbook (freed without writing
// when an error abandons it; workbook_close() writes and frees it, so the handle is released first) and
// minizip's reader and writer.

#include <unzip.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <memory>

#include "core/c_handle.h"

namespace raingan::xlsx {

using raingan::CDeleter;

using LxwWorkbook = std::unique_ptr<lxw_workbook, CDeleter<lxw_workbook, lxw_workbook_free>>;

inline void close_unzip(void* file) noexcept { unzClose(file); }
inline void close_zip(void* file) noexcept { zipClose(file, nullptr); }
using UnzipFile = std::unique_ptr<void, CDeleter<void, close_unzip>>;
using ZipFile = std::unique_ptr<void, CDeleter<void, close_zip>>;

}  // namespace raingan::xlsx
