#pragma once
// Where pagination takes a section's body from, one block at a time. A body held in memory is read in place;
// a body too long to hold whole (a text file of hundreds of pages) is read as layout goes, each block laid
// out and dropped before the next is read, so memory does not grow with its length.

#include <cstddef>

#include "document/document.h"

namespace raingan::document {

class BlockSource {
 public:
  virtual ~BlockSource() = default;
  // The next block of the body, valid until the next call; nullptr once the body is done. Layout keeps
  // nothing that points into a block.
  virtual const Block* next() = 0;
};

// The blocks of a body in memory, in order.
class BlocksInMemory final : public BlockSource {
 public:
  explicit BlocksInMemory(const Blocks& blocks) : blocks_(blocks) {}
  const Block* next() override { return next_ < blocks_.size() ? &blocks_[next_++] : nullptr; }

 private:
  const Blocks& blocks_;
  std::size_t next_ = 0;
};

}  // namespace raingan::document
