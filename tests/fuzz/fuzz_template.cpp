// Fuzz target: a template as office IT staff might write it (markup, expressions, control flow, styles,
// tables, lists), bound to a small fixed dataset. <document> templates are also laid out into pages (kept
// in memory, at most a few); <workbook> templates are bound into a register that is never finished. Every
// outcome must be a document or an InputError naming the template line, never a crash or a hang: the
// template-work limit stops loops without end, and the page limit stops documents without end.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "document/image_source.h"
#include "layout/paginate.h"
#include "templating/document_binder.h"
#include "templating/template_file.h"
#include "templating/workbook_binder.h"
#include "text/font_library.h"
#include "xlsx/workbook_writer.h"

namespace {

using namespace raingan;

constexpr std::string_view fixed_dataset = R"json({
  "kind": "fuzz",
  "office": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลก เขต ๒",
  "date": "2026-11-22",
  "ceiling": 1250000.50,
  "rates": [{"max_km": 3, "baht_per_day": 10}, {"max_km": 10, "baht_per_day": 15},
            {"max_km": null, "baht_per_day": 20}],
  "schools": [
    {"name": "โรงเรียนบ้านหนองกุลา", "students": 42, "amount": 126000.00, "distance_km": 2.5, "note": null},
    {"name": "โรงเรียนบ้านหนองไผ่", "students": 17, "amount": 51000.50, "distance_km": 12},
    {"name": "School & <Co>", "students": 0, "amount": -0.01, "distance_km": 0}],
  "topics": [{"title": "หัวข้อ ๑", "rows": [{"no": "1", "activity": "ก", "standard": "ข",
              "items": [{"text": "ย่อย", "items": []}]}]}],
  "steps": [{"id": "a", "kind": "start", "text": "เริ่มต้น"}, {"id": "b", "text": "รับหนังสือ", "responsible": "ธุรการ"},
            {"id": "c", "kind": "decision", "text": "ครบ",
             "exits": [{"label": "ใช่", "to": "d"}, {"label": "ไม่ใช่", "to": "b"}]},
            {"id": "d", "kind": "end", "text": "สิ้นสุด"}],
  "unit": {"name": "กลุ่มนโยบายและแผน", "position": "ผู้อำนวยการ",
           "children": [{"name": "งานธุรการ"}, {"name": "งานแผน"}]},
  "empty": [],
  "big": 9223372036854775807,
  "tiny": 0.000000000000000001,
  "text": "ภาษาไทย\nบรรทัดใหม่ ๆ ฯลฯ"
})json";

const dataset::JsonDocument& dataset_document() {
  static const dataset::JsonDocument document = dataset::read_json_text(fixed_dataset, "fuzz.json");
  return document;
}

text::FontLibrary& fonts() {
  static text::FontLibrary library(std::filesystem::path(RAINGAN_SOURCE_DIR) / "fonts");
  return library;
}

templating::BindOptions bind_options() {
  templating::BindOptions options;
  options.today = {2026, 11, 22};
  options.dataset_directory = "/nonexistent-fuzz-dataset-folder";
  // Small limits keep each run short; the limits themselves are what stop runaway templates.
  options.limits.work.max_steps = 200'000;
  options.limits.work.max_built_bytes = 4 << 20;
  options.limits.max_table_rows = 2'000;
  return options;
}

class CountingSink : public layout::PageSink {
 public:
  void add_page(layout::Page&&) override { count(); }
  void insert_page(std::size_t, layout::Page&&) override { count(); }

 private:
  void count() {
    if (++pages_ > 12) throw InputError("fuzz.xml", "", "more than 12 pages");
  }
  std::size_t pages_ = 0;
};

void lay_out(const templating::TemplateFile& file) {
  document::ImageSource images(4'000'000);
  templating::BoundDocument bound =
      templating::bind_document(file, dataset_document(), bind_options(), images);
  CountingSink sink;
  layout::layout_document(bound.document, fonts(), sink, file.name);
}

void bind_register(const templating::TemplateFile& file) {
  // Bound into a register under a temporary name that is removed when the writer is dropped unfinished.
  static const std::filesystem::path target =
      std::filesystem::temp_directory_path() / ("raingan-fuzz-" + std::to_string(::getpid()) + ".xlsx");
  const templating::BindOptions options = bind_options();
  const templating::WorkbookSettings settings =
      templating::read_workbook_settings(file, dataset_document(), options);
  // Widths are measured by a fixed rule: shaping is the paragraph target's concern.
  auto measure = [](std::string_view text, const templating::CellStyle& style) {
    return static_cast<double>(text.size()) * style.font_size * 0.5;
  };
  xlsx::WorkbookWriter writer(target, settings, measure);
  templating::bind_workbook(file, dataset_document(), options, writer);
}

}  // namespace

// One-time set-up before any input runs, so that what is loaded once for the process (fontconfig's
// configuration, the fonts, the dataset) is not mistaken for a leak of the first input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dataset_document();
  for (const bool bold : {false, true})
    fonts().chain("TH Sarabun PSK", {bold, false}).fallbacks();  // fallback faces load on first need
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  try {
    const templating::TemplateFile file = templating::parse_template(source, "fuzz/template.xml");
    if (file.kind == templating::TemplateFile::Kind::document)
      lay_out(file);
    else
      bind_register(file);
  } catch (const InputError& error) {
    for (const auto& problem : error.diagnostics())
      if (problem.message.empty()) __builtin_trap();  // every problem says what is wrong
    // RAINGAN_FUZZ_VERBOSE=1 shows why a seed stops, when the corpus is looked after.
    static const bool verbose = std::getenv("RAINGAN_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "%s\n", error.what());
  }
  return 0;
}
