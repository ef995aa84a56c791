#pragma once
// A sample document (templates/<template> bound to datasets/<dataset>) laid out through the real pipeline, as
// `raingan render` does, with the date fixed so that the frames do not change with the day the tests run.

#include <string>
#include <vector>

#include "document/document.h"
#include "layout/page.h"
#include "layout/paginate.h"

namespace raingan::test {

struct LaidOutSample {
  document::Document document;
  layout::LayoutResult result;
  std::vector<layout::Page> pages;
};

LaidOutSample lay_out_sample(const std::string& template_name, const std::string& dataset_name);

}  // namespace raingan::test
