#include "sample_test_support.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "dataset/dataset_check.h"
#include "dataset/schema_catalog.h"
#include "document/image_source.h"
#include "format/thai_date.h"
#include "layout_test_support.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
#include "text_test_support.h"

namespace raingan::test {

namespace {

LaidOutSample lay_out(const std::string& template_name, const std::filesystem::path& dataset_path,
                      const dataset::JsonDocument& data) {
  const std::filesystem::path source_dir = RAINGAN_SOURCE_DIR;
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

std::filesystem::path dataset_path(const std::string& dataset_name) {
  return std::filesystem::path(RAINGAN_SOURCE_DIR) / "datasets" / dataset_name;
}

}  // namespace

LaidOutSample lay_out_sample(const std::string& template_name, const std::string& dataset_name) {
  const auto path = dataset_path(dataset_name);
  dataset::SchemaCatalog schemas(dataset::default_schema_folders(path));
  return lay_out(template_name, path, dataset::load_dataset(path, schemas));
}

LaidOutSample lay_out_dataset_text(const std::string& template_name, const std::string& dataset_name,
                                   const std::string& dataset_text) {
  const auto path = dataset_path(dataset_name);
  dataset::SchemaCatalog schemas(dataset::default_schema_folders(path));
  const dataset::DatasetCheck check = dataset::check_dataset_text(dataset_text, path.string(), schemas);
  if (!check.problems.empty() || !check.document) throw InputError(check.problems);
  return lay_out(template_name, path, *check.document);
}

std::string sample_dataset_text(const std::string& dataset_name) {
  std::ifstream in(dataset_path(dataset_name), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace raingan::test
