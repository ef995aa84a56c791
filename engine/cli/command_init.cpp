// raingan init DIR: a new project that builds at once: a fonts map, a sample template with its schema and
// dataset, and a manifest, so that a new report type starts as a copy of a template and a dataset.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "cli/arguments.h"
#include "core/project.h"

namespace raingan::cli {
namespace {

namespace fs = std::filesystem;

// Used when no installed share folder has the full fonts map.
constexpr std::string_view fonts_map = R"raw({
  "default_family": "Laksaman",
  "fallback_families": ["Noto Sans", "Noto Sans Symbols", "Noto Sans Symbols2", "Noto Sans Math"],
  "families": {
    "TH Sarabun PSK": {"regular": "THSarabun.ttf", "bold": "THSarabun Bold.ttf",
                       "italic": "THSarabun Italic.ttf", "bold_italic": "THSarabun BoldItalic.ttf"}
  },
  "substitutes": {"TH Sarabun PSK": "Laksaman"}
}
)raw";

constexpr std::string_view manifest_schema = R"raw({
  "title": "raingan build manifest",
  "type": "object",
  "required": ["kind", "documents"],
  "additionalProperties": false,
  "properties": {
    "kind": {"const": "build-manifest"},
    "documents": {"type": "array", "minItems": 1, "x-unique": "output", "items": {"$ref": "#/definitions/document"}}
  },
  "definitions": {
    "document": {
      "type": "object",
      "required": ["output"],
      "additionalProperties": false,
      "properties": {
        "dataset": {"type": "string", "minLength": 1, "pattern": "\\.json$"},
        "template": {"type": "string", "minLength": 1, "pattern": "\\.xml$"},
        "text": {"type": "string", "minLength": 1},
        "align": {"enum": ["left", "justify"]},
        "output": {"type": "string", "minLength": 1, "pattern": "\\.(pdf|xlsx)$"}
      }
    }
  }
}
)raw";

constexpr std::string_view manifest = R"raw({
  "kind": "build-manifest",
  "documents": [
    {"dataset": "allocation-summary.json", "template": "allocation-summary.xml", "output": "allocation-summary.pdf"}
  ]
}
)raw";

constexpr std::string_view schema = R"raw({
  "title": "สรุปการจัดสรรงบประมาณ (allocation summary)",
  "description": "An office's allocation to its schools: the office, the date, and each school's students and amount.",
  "type": "object",
  "required": ["kind", "office", "date", "schools", "signer"],
  "additionalProperties": false,
  "properties": {
    "kind": {"const": "allocation-summary"},
    "office": {"type": "string", "minLength": 1},
    "date": {"type": "string", "format": "date"},
    "schools": {
      "type": "array",
      "minItems": 1,
      "x-unique": "name",
      "items": {
        "type": "object",
        "required": ["name", "students", "amount"],
        "additionalProperties": false,
        "properties": {
          "name": {"type": "string", "minLength": 1},
          "students": {"type": "integer", "minimum": 0},
          "amount": {"type": "number", "minimum": 0, "x-money": true}
        }
      }
    },
    "signer": {
      "type": "object",
      "required": ["name", "position"],
      "additionalProperties": false,
      "properties": {"name": {"type": "string"}, "position": {"type": "string"}}
    }
  }
}
)raw";

constexpr std::string_view dataset = R"raw({
  "kind": "allocation-summary",
  "office": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพิษณุโลก เขต ๒",
  "date": "2026-11-22",
  "schools": [
    {"name": "โรงเรียนบ้านหนองกุลา", "students": 42, "amount": 126000.00},
    {"name": "โรงเรียนบ้านหนองไผ่", "students": 17, "amount": 51000.50},
    {"name": "โรงเรียนวัดท่าช้าง", "students": 128, "amount": 384000.00}
  ],
  "signer": {"name": "นางสาวสุมาลี ยอดยิ่ง", "position": "ผู้อำนวยการกลุ่มนโยบายและแผน"}
}
)raw";

constexpr std::string_view document_template = R"raw(<?xml version="1.0" encoding="UTF-8"?>
<!-- A first template: change the text, add fields to datasets/schemas/allocation-summary.schema.json and
     datasets/allocation-summary.json, and run `raingan build`. The reference for every element is
     templates/README.md in the raingan share folder. -->
<document dataset-kind="allocation-summary" title="สรุปการจัดสรรงบประมาณ" author="{{ office }}">
  <page size="A4" margin="2.5cm 2cm 2cm 3cm"/>
  <style name="body" font="TH Sarabun PSK" size="16"/>
  <footer><p align="center">หน้า <page-number/> จาก <page-count/></p></footer>

  <h1 align="center">สรุปการจัดสรรงบประมาณ</h1>
  <p align="justify" first-line-indent="2.5cm">{{ office }} ได้จัดสรรงบประมาณให้โรงเรียน {{ len(schools) | thai }} แห่ง
     เมื่อวันที่ {{ date | date }} รวมเป็นเงิน {{ sum(schools, 'amount') | money }} บาท
     ({{ sum(schools, 'amount') | baht_text }})</p>

  <table columns="1.2cm 1fr 2.2cm 4.2cm" header-rows="1" column-align="center left right right" space-before="8pt">
    <row header="true"><cell>ที่</cell><cell>โรงเรียน</cell><cell>นักเรียน</cell><cell>จำนวนเงิน</cell></row>
    <for each="s" in="schools" index="i">
      <row>
        <cell>{{ i | thai }}</cell>
        <cell>{{ s.name }}</cell>
        <cell>{{ s.students | number }}</cell>
        <cell>{{ s.amount | money }}</cell>
      </row>
    </for>
  </table>

  <signature indent-start="7cm" space-before="30pt">
    <line>({{ signer.name }})</line>
    <line>{{ signer.position }}</line>
  </signature>
</document>
)raw";

void write_new(const fs::path& file, std::string_view text) {
  fs::create_directories(file.parent_path());
  if (fs::exists(file)) throw UsageError(file.string() + " already exists; init never overwrites a file");
  std::ofstream out(file, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
}

// The installed copy of a file when there is one (it is the full one), else the built-in text.
void write_from_share(const fs::path& file, const fs::path& installed, std::string_view fallback) {
  std::error_code ec;
  if (!installed.empty() && fs::is_regular_file(installed, ec)) {
    std::ifstream in(installed, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    write_new(file, text);
  } else {
    write_new(file, fallback);
  }
}

}  // namespace

int run_init(const Arguments& arguments) {
  const ParsedArguments parsed(arguments, {}, {});
  if (parsed.positional().size() != 1) throw UsageError("init needs one DIR (a new or empty folder)");
  const fs::path root = fs::absolute(parsed.positional()[0]).lexically_normal();
  std::error_code ec;
  if (fs::exists(root, ec) && !(fs::is_directory(root, ec) && fs::is_empty(root, ec)))
    throw UsageError(root.string() +
                     " is not an empty folder; init makes a project only in a new or empty one");
  const fs::path share = installed_share_folder();
  const auto shared = [&share](const fs::path& relative) {
    return share.empty() ? fs::path() : share / relative;
  };

  write_from_share(root / "fonts" / "fonts.json", shared("fonts/fonts.json"), fonts_map);
  write_from_share(root / "fonts" / "README.md", shared("fonts/README.md"),
                   "Drop the official TH Sarabun PSK files here; until then Laksaman stands in.\n");
  write_from_share(root / "datasets" / "schemas" / "build-manifest.schema.json",
                   shared("datasets/schemas/build-manifest.schema.json"), manifest_schema);
  write_new(root / "datasets" / "schemas" / "allocation-summary.schema.json", schema);
  write_new(root / "datasets" / "allocation-summary.json", dataset);
  write_new(root / "datasets" / "manifest.json", manifest);
  write_new(root / "templates" / "allocation-summary.xml", document_template);
  fs::create_directories(root / "output");

  std::printf(
      "made a new project in %s:\n"
      "  templates/allocation-summary.xml               the document's form\n"
      "  datasets/allocation-summary.json               what fills it\n"
      "  datasets/schemas/allocation-summary.schema.json what a dataset of its kind must hold\n"
      "  datasets/manifest.json                         what `raingan build` makes\n"
      "  fonts/fonts.json                               which fonts set the text\n"
      "build it with: cd %s && raingan build\n",
      root.c_str(), root.c_str());
  return 0;
}

}  // namespace raingan::cli
