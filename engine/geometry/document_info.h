#pragma once
// What a document says about itself, shown by viewers (File > Properties); Thai text is fine everywhere.

#include <string>

namespace raingan::geometry {

struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator = "raingan";
};

}  // namespace raingan::geometry
