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

// The same with the dataset's text given (a sample's, changed), as if it were datasets/<dataset_name>.
LaidOutSample lay_out_dataset_text(const std::string& template_name, const std::string& dataset_name,
                                   const std::string& dataset_text);

// The text of datasets/<dataset_name>.
std::string sample_dataset_text(const std::string& dataset_name);

}  // namespace raingan::test
