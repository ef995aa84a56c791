#pragma once
// Ownership of objects a C library hands out: std::unique_ptr<T, CDeleter<T, release>> releases the object
// with the library's own function on every path, including exceptions.

namespace raingan {

template <typename T, auto Release>
struct CDeleter {
  void operator()(T* object) const noexcept { Release(object); }
};

}  // namespace raingan
