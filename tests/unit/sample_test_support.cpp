#include "sample_test_support.h"

#include <filesystem>

#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"
#include "document/image_source.h"
#include "format/thai_date.h"
#include "layout_test_support.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
#include "text_test_support.h"

namespace raingan::test {

LaidOutSample lay_out_sample(const std::string& template_name, const std::string& dataset_name) {
  const std::filesystem::path source_dir = RAINGAN_SOURCE_DIR;
  const auto dataset_path = source_dir / "datasets" / dataset_name;
  dataset::SchemaCatalog schemas(dataset::default_schema_folders(dataset_path));
  const dataset::JsonDocument data = dataset::load_dataset(dataset_path, schemas);
  const templating::TemplateFile file = templating::load_template(source_dir / "templates" / template_name);
  document::ImageSource images;
  templating::BindOptions options;
  options.today = format::parse_iso_date("2026-11-22");
  options.dataset_directory = dataset_path.parent_path();
  LaidOutSample sample;
  sample.document = templating::bind_document(file, data, options, images).document;
  CollectingSink sink;
  sample.result = layout::layout_document(sample.document, shared_fonts(), sink, file.name);
  sample.pages = std::move(sink.pages);
  return sample;
}

}  // namespace raingan::test
