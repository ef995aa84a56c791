// The PDF exporter's document level: page labels, outline, metadata, links, images, page sizes, and what
// happens when something fails (nothing written, an older file kept), read back with qpdf and poppler.

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>

#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/diagnostic.h"
#include "pdf/pdf_writer.h"
#include "pdf_test_support.h"

namespace raingan {
namespace {

using nlohmann::json;

json qpdf_json(const std::filesystem::path& pdf, const std::string& keys) {
  const auto result = pdf_test::run("qpdf --json " + keys + " '" + pdf.string() + "'");
  REQUIRE(result.status == 0);
  return json::parse(result.output);
}

layout::Page text_page(const std::string& label, const std::string& text) {
  auto page = pdf_test::a4_page(label);
  page.frame.items.push_back(pdf_test::make_line({{&pdf_test::laksaman(), text}}, 16, {85, 100}));
  return page;
}

layout::Anchor anchor(std::string name, double y) {
  layout::Anchor a;
  a.name = std::move(name);
  a.position = {85, y};
  return a;
}

// The image pixels pdftoppm renders at 72 dpi: one pixel per point.
struct Raster {
  unsigned width = 0, height = 0;
  std::string pixels;
  std::array<int, 3> at(unsigned x, unsigned y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return {static_cast<unsigned char>(pixels[i]), static_cast<unsigned char>(pixels[i + 1]),
            static_cast<unsigned char>(pixels[i + 2])};
  }
};

Raster render_first_page(const std::filesystem::path& pdf, const pdf_test::ScratchFolder& folder) {
  const auto stem = folder / "render";
  REQUIRE(pdf_test::run("pdftoppm -r 72 -f 1 -l 1 -singlefile '" + pdf.string() + "' '" + stem.string() + "'")
              .status == 0);
  const std::string ppm = pdf_test::read_file(stem.string() + ".ppm");
  std::istringstream header(ppm);
  std::string magic;
  Raster raster;
  int max_value = 0;
  header >> magic >> raster.width >> raster.height >> max_value;
  REQUIRE(magic == "P6");
  raster.pixels = ppm.substr(static_cast<std::size_t>(header.tellg()) + 1);
  REQUIRE(raster.pixels.size() == static_cast<std::size_t>(raster.width) * raster.height * 3);
  return raster;
}

void require_input_error_naming(const std::function<void()>& action, const std::string& name) {
  try {
    action();
    FAIL("expected an InputError naming " << name);
  } catch (const InputError& error) {
    INFO(error.what());
    CHECK(std::string(error.what()).find(name) != std::string::npos);
  }
}

TEST_CASE("pdf document: page labels, outline and metadata in Thai read back") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "booklet.pdf";
  layout::DocumentInfo info{"รายงานผลการดำเนินงานประจำปี ๒๕๖๗", "กลุ่มนโยบายและแผน", "ค่าพาหนะรับ-ส่งนักเรียน",
                            "งบประมาณ, สพป.", "raingan"};
  pdf::PdfWriter writer(target, {.info = info});
  for (const std::string label : {"๑", "๒", "๓"}) {
    auto page = text_page(label, "หน้า " + label);
    page.frame.items.push_back(anchor("part-" + label, 80));
    writer.add_page(page);
  }
  // The contents pages are laid out last and go in front.
  auto contents = text_page("ข", "สารบัญ");
  contents.frame.items.push_back(anchor("contents", 80));
  writer.insert_page(0, contents);
  writer.insert_page(0, text_page("ก", "คำนำ"));
  CHECK(writer.page_count() == 5);
  writer.set_outline({{"สารบัญ", 1, "contents"},
                      {"ส่วนที่ ๑ บทนำ", 1, "part-๑"},
                      {"๑.๑ ความเป็นมา", 2, "part-๒"},
                      {"๑.๑.๑ รายละเอียด", 3, "part-๓"},
                      {"ส่วนที่ ๒", 1, "part-๓"}});
  writer.finish();

  const auto document = qpdf_json(target, "--json-key=pagelabels --json-key=outlines");
  std::vector<std::string> labels;
  for (const auto& entry : document["pagelabels"]) labels.push_back(entry["label"]["/P"].get<std::string>());
  CHECK(labels == std::vector<std::string>{"u:ก", "u:ข", "u:๑", "u:๒", "u:๓"});

  const auto& outline = document["outlines"];
  REQUIRE(outline.size() == 3);
  CHECK(outline[0]["title"] == "สารบัญ");
  CHECK(outline[0]["destpageposfrom1"] == 2);
  CHECK(outline[1]["title"] == "ส่วนที่ ๑ บทนำ");
  CHECK(outline[1]["destpageposfrom1"] == 3);
  REQUIRE(outline[1]["kids"].size() == 1);
  CHECK(outline[1]["kids"][0]["title"] == "๑.๑ ความเป็นมา");
  CHECK(outline[1]["kids"][0]["destpageposfrom1"] == 4);
  REQUIRE(outline[1]["kids"][0]["kids"].size() == 1);
  CHECK(outline[1]["kids"][0]["kids"][0]["title"] == "๑.๑.๑ รายละเอียด");
  CHECK(outline[2]["title"] == "ส่วนที่ ๒");
  CHECK(outline[2]["destpageposfrom1"] == 5);

  const auto pdfinfo = pdf_test::run("pdfinfo -enc UTF-8 '" + target.string() + "'");
  REQUIRE(pdfinfo.status == 0);
  CHECK(pdfinfo.output.find("Title:           รายงานผลการดำเนินงานประจำปี ๒๕๖๗\n") != std::string::npos);
  CHECK(pdfinfo.output.find("Author:          กลุ่มนโยบายและแผน\n") != std::string::npos);
  CHECK(pdfinfo.output.find("Subject:         ค่าพาหนะรับ-ส่งนักเรียน\n") != std::string::npos);
  CHECK(pdfinfo.output.find("Keywords:        งบประมาณ, สพป.\n") != std::string::npos);
  CHECK(pdfinfo.output.find("Creator:         raingan\n") != std::string::npos);
  CHECK(pdfinfo.output.find("Producer:        raingan") != std::string::npos);
  CHECK(pdfinfo.output.find("PDF version:     1.5") != std::string::npos);

  // The text of the inserted pages is where the labels say.
  const auto first = pdf_test::extracted_lines(target, "-f 1 -l 2");
  CHECK(first == std::vector<std::string>{"คำนำ", "สารบัญ"});
}

TEST_CASE("pdf document: links go to anchors, even on later pages, and to URLs") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "links.pdf";
  pdf::PdfWriter writer(target, {});
  auto first = text_page("๑", "สารบัญ");
  layout::Link to_later;
  to_later.origin = {85, 84};
  to_later.size = {120, 20};
  to_later.anchor = "ภาคผนวก";
  first.frame.items.push_back(to_later);
  layout::Link to_web;
  to_web.origin = {85, 120};
  to_web.size = {120, 20};
  to_web.url = "https://example.org/ค้นหา?q=a b";
  first.frame.items.push_back(to_web);
  writer.add_page(first);
  writer.add_page(text_page("๒", "เนื้อหา"));
  auto last = text_page("๓", "ภาคผนวก");
  last.frame.items.push_back(anchor("ภาคผนวก", 300));
  writer.add_page(last);
  writer.finish();

  const auto document = qpdf_json(target, "--json-key=pages --json-key=qpdf");
  const auto& objects = document["qpdf"][1];
  auto object = [&](const std::string& reference) -> const json& {
    return objects.at("obj:" + reference)["value"];
  };
  const std::string third_page = document["pages"][2]["object"];
  const auto& annotations = object(document["pages"][0]["object"])["/Annots"];
  REQUIRE(annotations.size() == 2);

  const auto& internal = object(annotations[0]);
  CHECK(internal["/Subtype"] == "/Link");
  CHECK(internal["/Border"] == json::array({0, 0, 0}));
  const auto& rect = internal["/Rect"];
  CHECK(rect[0].get<double>() == doctest::Approx(85));
  CHECK(rect[1].get<double>() == doctest::Approx(841.89 - 104).epsilon(1e-4));
  CHECK(rect[3].get<double>() == doctest::Approx(841.89 - 84).epsilon(1e-4));
  const auto& destination = internal["/Dest"].is_string() ? object(internal["/Dest"]) : internal["/Dest"];
  CHECK(destination[0] == third_page);
  CHECK(destination[1] == "/XYZ");
  CHECK(destination[3].get<double>() == doctest::Approx(841.89 - 300).epsilon(1e-4));

  const auto& external = object(annotations[1]);
  CHECK(external["/A"]["/S"] == "/URI");
  CHECK(external["/A"]["/URI"] ==
        "u:https://example.org/%E0%B8%84%E0%B9%89%E0%B8%99%E0%B8%AB%E0%B8%B2?q=a%20b");

  // The anchor is also a named destination, its name the UTF-8 bytes, pointing at the same place.
  const auto& catalog = object(objects.at("trailer")["value"]["/Root"]);
  const auto& names = catalog["/Names"]["/Dests"]["/Names"];
  REQUIRE(names.size() == 2);
  CHECK(names[0] == "b:e0b8a0e0b8b2e0b884e0b89ce0b899e0b8a7e0b881");
  CHECK(object(names[1])[0] == third_page);
  const auto dests = pdf_test::run("pdfinfo -dests '" + target.string() + "'");
  CHECK(dests.output.find("\n   3 [ XYZ   85  542 null      ]") != std::string::npos);
}

TEST_CASE("pdf document: an image drawn three times is embedded once") {
  pdf_test::ScratchFolder folder;
  const auto png = folder / "emblem.png";
  pdf_test::write_file(png, pdf_test::make_png(40, 30, true, [](unsigned x, unsigned) {
                         // Opaque red on the left half, fully transparent on the right.
                         return std::string{'\xFF', '\0', '\0', x < 20 ? '\xFF' : '\0'};
                       }));
  // A JPEG made by a real encoder: poppler renders a page to one.
  const auto jpeg_source = folder / "for-jpeg.pdf";
  {
    auto page = pdf_test::a4_page();
    layout::Rectangle block;
    block.origin = {0, 0};
    block.size = {600, 900};
    block.fill = layout::Color{0, 0, 255};
    page.frame.items.push_back(block);
    pdf::PdfWriter writer(jpeg_source, {});
    writer.add_page(page);
    writer.finish();
  }
  REQUIRE(pdf_test::run("pdftoppm -jpeg -r 10 -singlefile '" + jpeg_source.string() + "' '" +
                        (folder / "photo").string() + "'")
              .status == 0);
  const auto jpeg = folder / "photo.jpg";

  auto emblem = std::make_shared<layout::ImageData>();
  emblem->format = layout::ImageData::Format::png;
  emblem->source_path = png.string();
  // A second ImageData for the same file, as two parts of a template might make.
  auto same_file = std::make_shared<layout::ImageData>(*emblem);
  auto photo = std::make_shared<layout::ImageData>();
  photo->format = layout::ImageData::Format::jpeg;
  photo->source_path = jpeg.string();

  const auto target = folder / "images.pdf";
  pdf::PdfWriter writer(target, {});
  auto first = pdf_test::a4_page();
  layout::Rectangle green;
  green.origin = {100, 100};
  green.size = {200, 100};
  green.fill = layout::Color{0, 200, 0};
  first.frame.items.push_back(green);
  first.frame.items.push_back(layout::Image{emblem, {100, 100}, {200, 100}});
  first.frame.items.push_back(layout::Image{same_file, {100, 300}, {40, 30}});
  first.frame.items.push_back(layout::Image{photo, {350, 300}, {100, 140}});
  writer.add_page(first);
  auto second = pdf_test::a4_page();
  second.frame.items.push_back(layout::Image{emblem, {10, 10}, {40, 30}});
  writer.add_page(second);
  writer.finish();

  const auto list = pdf_test::run("pdfimages -list '" + target.string() + "'");
  REQUIRE(list.status == 0);
  std::istringstream rows(list.output);
  std::string row;
  std::map<std::string, int> drawn_by_type;
  std::set<std::string> png_objects;
  int line = 0;
  while (std::getline(rows, row)) {
    if (++line <= 2) continue;
    std::istringstream fields(row);
    std::vector<std::string> f;
    for (std::string w; fields >> w;) f.push_back(w);
    REQUIRE(f.size() >= 12);
    ++drawn_by_type[f[2] + "/" + f[8]];  // type/encoding
    if (f[2] == "image" && f[8] == "image") png_objects.insert(f[10]);
  }
  INFO(list.output);
  CHECK(drawn_by_type["image/image"] == 3);  // the PNG, drawn three times
  CHECK(drawn_by_type["smask/image"] == 3);  // with its transparency
  CHECK(drawn_by_type["image/jpeg"] == 1);
  CHECK(png_objects.size() == 1);  // one object for all three

  // Drawn where the frame says: the opaque half of the emblem covers the green box, the clear half shows it.
  const auto raster = render_first_page(target, folder);
  const auto red = raster.at(150, 150), green_through = raster.at(250, 150), white = raster.at(150, 250);
  CHECK(red[0] > 200);
  CHECK(red[1] < 60);
  CHECK(green_through[1] > 150);
  CHECK(green_through[0] < 60);
  CHECK(white == std::array<int, 3>{255, 255, 255});
  const auto blue_photo = raster.at(400, 370);
  CHECK(blue_photo[2] > 200);
  CHECK(blue_photo[0] < 60);
}

TEST_CASE("pdf document: a damaged or missing image is an InputError naming it, nothing is written") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "report.pdf";
  pdf_test::write_file(target, "older document");

  auto image = std::make_shared<layout::ImageData>();
  SUBCASE("PNG with a damaged data chunk") {
    std::string png =
        pdf_test::make_png(16, 16, false, [](unsigned, unsigned) { return std::string("\x10\x20\x30"); });
    png[png.size() - 20] = static_cast<char>(png[png.size() - 20] ^ 0x5A);
    image->source_path = (folder / "broken.png").string();
    pdf_test::write_file(image->source_path, png);
  }
  SUBCASE("PNG that is not a PNG") {
    image->source_path = (folder / "text.png").string();
    pdf_test::write_file(image->source_path, "\x89PNG\r\n\x1a\nnot really");
  }
  SUBCASE("truncated JPEG") {
    image->format = layout::ImageData::Format::jpeg;
    const auto source = folder / "page.pdf";
    {
      pdf::PdfWriter writer(source, {});
      writer.add_page(text_page("1", "ภาพถ่าย"));
      writer.finish();
    }
    REQUIRE(pdf_test::run("pdftoppm -jpeg -r 30 -singlefile '" + source.string() + "' '" +
                          (folder / "full").string() + "'")
                .status == 0);
    const std::string jpeg = pdf_test::read_file(folder / "full.jpg");
    image->source_path = (folder / "cut.jpg").string();
    pdf_test::write_file(image->source_path, jpeg.substr(0, jpeg.size() / 2));
    std::filesystem::remove(source);
    std::filesystem::remove(folder / "full.jpg");
  }
  SUBCASE("missing file") { image->source_path = (folder / "nowhere.png").string(); }

  {
    pdf::PdfWriter writer(target, {});
    auto page = text_page("1", "ตราสัญลักษณ์");
    page.frame.items.push_back(layout::Image{image, {10, 10}, {50, 50}});
    require_input_error_naming([&] { writer.add_page(page); }, image->source_path);
    CHECK(writer.page_count() == 0);
  }
  CHECK(pdf_test::read_file(target) == "older document");
  std::filesystem::remove(image->source_path);
  CHECK(folder.entry_count() == 1);  // no temporary file left
}

TEST_CASE("pdf document: an unknown anchor fails finish and keeps the older file") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "report.pdf";
  pdf_test::write_file(target, "older document");
  pdf::PdfWriter writer(target, {});
  auto page = text_page("๑", "สารบัญ");
  layout::Link link;
  link.size = {10, 10};
  link.anchor = "missing-section";
  page.frame.items.push_back(link);
  writer.add_page(page);
  writer.set_outline({{"บทที่ ๙", 1, "missing-chapter"}});
  try {
    writer.finish();
    FAIL("finish should fail");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 2);
    CHECK(error.diagnostics()[0].file == target.string());
    CHECK(error.diagnostics()[0].location == "page ๑");
    CHECK(error.diagnostics()[0].message.find("missing-section") != std::string::npos);
    CHECK(error.diagnostics()[1].message.find("missing-chapter") != std::string::npos);
  }
  CHECK(pdf_test::read_file(target) == "older document");
  CHECK(folder.entry_count() == 1);
  CHECK_THROWS_AS(writer.finish(), std::logic_error);
}

TEST_CASE("pdf document: an anchor name used twice is an InputError") {
  pdf_test::ScratchFolder folder;
  pdf::PdfWriter writer(folder / "a.pdf", {});
  auto page = text_page("๑", "หน้า");
  page.frame.items.push_back(anchor("บทที่-๑", 10));
  writer.add_page(page);
  require_input_error_naming([&] { writer.add_page(page); }, "บทที่-๑");
  CHECK(writer.page_count() == 1);
}

TEST_CASE("pdf document: output paths that cannot be written give a clear error") {
  pdf_test::ScratchFolder folder;
  require_input_error_naming([&] { pdf::PdfWriter writer(folder.path(), {}); }, "directory");
  require_input_error_naming([&] { pdf::PdfWriter writer("/dev/full", {}); }, "/dev/full");
  require_input_error_naming([&] { pdf::PdfWriter writer(folder / "no-such-folder" / "a.pdf", {}); },
                             "does not exist");
  // A folder nobody can create files in, even the superuser.
  require_input_error_naming(
      [&] {
        pdf::PdfWriter writer("/proc/raingan-test.pdf", {});
        writer.add_page(text_page("1", "ทดสอบ"));
        writer.finish();
      },
      "/proc/raingan-test.pdf");
  CHECK_FALSE(std::filesystem::exists("/proc/raingan-test.pdf"));
}

TEST_CASE("pdf document: a write that fails half-way leaves nothing behind") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "big.pdf";
  pdf_test::write_file(target, "older document");
  // Noise does not compress, so the file is far larger than the limit set below.
  const auto noise = folder / "noise.png";
  std::uint32_t state = 12345;
  pdf_test::write_file(noise, pdf_test::make_png(160, 160, false, [&](unsigned, unsigned) {
                         std::string rgb;
                         for (int i = 0; i < 3; ++i)
                           rgb += static_cast<char>((state = state * 1103515245 + 12345) >> 24);
                         return rgb;
                       }));
  auto image = std::make_shared<layout::ImageData>();
  image->source_path = noise.string();
  pdf::PdfWriter writer(target, {});
  auto page = text_page("1", "ภาพ");
  page.frame.items.push_back(layout::Image{image, {10, 10}, {100, 100}});
  writer.add_page(page);

  // Files this process writes may not grow past 16 KB while finish() runs: writes fail with EFBIG.
  rlimit previous{};
  REQUIRE(getrlimit(RLIMIT_FSIZE, &previous) == 0);
  rlimit limited = previous;
  limited.rlim_cur = 16 * 1024;
  const auto previous_handler = signal(SIGXFSZ, SIG_IGN);
  REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
  std::string message;
  try {
    writer.finish();
  } catch (const InputError& error) {
    message = error.what();
  }
  setrlimit(RLIMIT_FSIZE, &previous);
  signal(SIGXFSZ, previous_handler);

  INFO(message);
  CHECK(message.find(target.string()) != std::string::npos);
  CHECK(message.find("cannot write") != std::string::npos);
  CHECK(pdf_test::read_file(target) == "older document");
  CHECK(folder.entry_count() == 2);  // the older document and the image: no temporary file
}

TEST_CASE("pdf document: each page takes the size its frame says") {
  pdf_test::ScratchFolder folder;
  const auto target = folder / "sizes.pdf";
  pdf::PdfWriter writer(target, {});
  writer.add_page(text_page("1", "แนวตั้ง"));
  auto landscape = text_page("2", "แนวนอน");
  landscape.frame.size = {841.8897637795276, 595.2755905511812};
  writer.add_page(landscape);
  auto a5 = text_page("3", "เอห้า");
  a5.frame.size = {419.5275590551181, 595.2755905511812};
  writer.add_page(a5);
  auto tiny = text_page("4", "เล็ก");
  tiny.frame.size = {1, 1};
  require_input_error_naming([&] { writer.add_page(tiny); }, "page 4");
  tiny.frame.size = {std::nan(""), 100};
  require_input_error_naming([&] { writer.add_page(tiny); }, "NaN x 100 pt");
  writer.finish();
  const auto info = pdf_test::run("pdfinfo -f 1 -l 3 '" + target.string() + "'");
  INFO(info.output);
  CHECK(info.output.find("Page    1 size:  595.276 x 841.89 pts (A4)") != std::string::npos);
  CHECK(info.output.find("Page    2 size:  841.89 x 595.276 pts (A4)") != std::string::npos);
  CHECK(info.output.find("Page    3 size:  419.528 x 595.276 pts\n") != std::string::npos);
}

}  // namespace
}  // namespace raingan
