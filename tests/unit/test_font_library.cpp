// FontLibrary: default family and styles, the fonts folder and fonts.json, exact fontconfig matches,
// fallback for characters the face lacks, and errors that name what went wrong.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/diagnostic.h"
#include "text/font_library.h"
#include "text_test_support.h"

namespace raingan {
namespace {

std::string all_messages(const InputError& error) {
  std::string out;
  for (const auto& diagnostic : error.diagnostics()) out += diagnostic.to_string() + "\n";
  return out;
}

void write(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace

TEST_CASE("font library: the default family is Laksaman in all four styles") {
  test::TemporaryFolder folder("fonts-default");
  text::FontLibrary fonts(folder.path());
  CHECK(fonts.default_family() == "Laksaman");

  const text::FontFace& regular = fonts.face("Laksaman");
  const text::FontFace& bold = fonts.face("Laksaman", {true, false});
  const text::FontFace& italic = fonts.face("Laksaman", {false, true});
  const text::FontFace& bold_italic = fonts.face("Laksaman", {true, true});
  for (const text::FontFace* face : {&regular, &bold, &italic, &bold_italic})
    CHECK(face->family() == "Laksaman");
  CHECK((!regular.metrics().bold && !regular.metrics().italic));
  CHECK((bold.metrics().bold && !bold.metrics().italic));
  CHECK((!italic.metrics().bold && italic.metrics().italic));
  CHECK((bold_italic.metrics().bold && bold_italic.metrics().italic));
  CHECK(regular.path() != bold.path());
  CHECK(bold.path() != bold_italic.path());

  // Faces load once: the same request gives the same object, whatever the case of the name.
  CHECK(&fonts.face("laksaman", {true, false}) == &bold);
  CHECK(fonts.chain("LAKSAMAN").primary == &regular);
}

TEST_CASE("font library: an unknown family is an error naming it and what was looked at") {
  test::TemporaryFolder folder("fonts-unknown");
  text::FontLibrary fonts(folder.path());
  try {
    fonts.face("Angsana Nonexistent");
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    const std::string message = all_messages(error);
    CHECK(message.find("\"Angsana Nonexistent\"") != std::string::npos);
    CHECK(message.find("fontconfig") != std::string::npos);
    CHECK(message.find(folder.path().string()) != std::string::npos);
  }
  // fontconfig's nearest match is never taken: a near-miss of an installed family is still unknown.
  CHECK_THROWS_AS(fonts.face("Noto Sans Thaii"), InputError);
  CHECK(fonts.face("Noto Sans").family() == "Noto Sans");
}

TEST_CASE("font library: a file in the fonts folder that is not a font is an error naming the file") {
  test::TemporaryFolder folder("fonts-fake");
  write(folder.path() / "THSarabun.ttf", "this is a text file, not a font\n");
  try {
    text::FontLibrary fonts(folder.path());
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file.find("THSarabun.ttf") != std::string::npos);
    CHECK(error.diagnostics()[0].message.find("not a TrueType or OpenType font") != std::string::npos);
  }
}

TEST_CASE("font library: fonts dropped into the folder are found by the family name inside them") {
  test::TemporaryFolder folder("fonts-dropped");
  const std::filesystem::path system_file = test::shared_fonts().face("Laksaman", {true, false}).path();
  std::filesystem::create_directories(folder.path() / "office");
  std::filesystem::copy_file(system_file, folder.path() / "office" / "renamed-file.ttf");
  text::FontLibrary fonts(folder.path());
  // The folder comes before the installed fonts.
  CHECK(fonts.face("Laksaman", {true, false}).path() == folder.path() / "office" / "renamed-file.ttf");
  CHECK(fonts.face("Laksaman").path() == test::shared_fonts().face("Laksaman").path());
}

TEST_CASE("font library: fonts.json maps files and substitutes absent families") {
  test::TemporaryFolder folder("fonts-mapping");
  std::filesystem::copy_file(test::shared_fonts().face("Laksaman").path(), folder.path() / "office.ttf");
  write(folder.path() / "fonts.json", R"({
    "default_family": "Office Serif",
    "families": {"Office Serif": {"regular": "office.ttf", "bold": "office-bold.ttf"}},
    "substitutes": {"Office Serif": "Laksaman", "TH Sarabun PSK": "Laksaman"}
  })");
  text::FontLibrary fonts(folder.path());
  CHECK(fonts.default_family() == "Office Serif");
  CHECK(fonts.face("Office Serif").path() == folder.path() / "office.ttf");
  // office-bold.ttf is absent: the substitute's bold stands in.
  CHECK(fonts.face("Office Serif", {true, false}).path() ==
        test::shared_fonts().face("Laksaman", {true, false}).path());
  CHECK(fonts.face("TH Sarabun PSK").family() == "Laksaman");
}

TEST_CASE("font library: fonts in the folder need no fontconfig until a character needs a fallback face") {
  test::TemporaryFolder folder("fonts-no-fontconfig");
  std::filesystem::copy_file(test::shared_fonts().face("Laksaman").path(), folder.path() / "office.ttf");
  write(folder.path() / "fonts.json", R"({
    "default_family": "Office Serif",
    "families": {"Office Serif": {"regular": "office.ttf"}}
  })");
  text::FontLibrary fonts(folder.path());
  layout::ParagraphStyle style;
  std::vector<layout::Inline> thai{layout::TextInline{"ประกาศ สำนักงาน 2569", {}, {}, {}}};
  const auto plain = layout::layout_paragraph(thai, style, 300, fonts);
  CHECK(plain.missing.empty());
  CHECK_FALSE(fonts.system_fonts_loaded());

  // ❖ is not in the face: the fallback faces are looked up, through fontconfig, and one has it.
  std::vector<layout::Inline> symbol{layout::TextInline{"❖ ข้อ", {}, {}, {}}};
  const auto with_symbol = layout::layout_paragraph(symbol, style, 300, fonts);
  CHECK(with_symbol.missing.empty());
  CHECK(fonts.system_fonts_loaded());
  std::vector<std::string> faces;
  for (const auto& drawn : test::drawn_glyphs(with_symbol.lines.at(0)))
    faces.push_back(drawn.run->face->family());
  CHECK(std::find(faces.begin(), faces.end(), "Laksaman") != faces.end());
  CHECK(std::any_of(faces.begin(), faces.end(),
                    [](const std::string& f) { return f.starts_with("Noto Sans"); }));
}

TEST_CASE("font library: a malformed fonts.json is an error naming the file and the place") {
  test::TemporaryFolder folder("fonts-badjson");
  write(folder.path() / "fonts.json", R"({"families": {"X": {"heavy": "x.ttf"}}})");
  try {
    text::FontLibrary fonts(folder.path());
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file.find("fonts.json") != std::string::npos);
    CHECK(error.diagnostics()[0].location == "families[\"X\"].heavy");
  }
  write(folder.path() / "fonts.json", "{\"default_family\": ");
  CHECK_THROWS_AS(text::FontLibrary{folder.path()}, InputError);
}

TEST_CASE("font library: the project's fonts.json stands Laksaman in for the official Sarabun families") {
  text::FontLibrary& fonts = test::shared_fonts();
  for (const char* family : {"TH Sarabun PSK", "TH SarabunPSK", "TH Sarabun New", "TH SarabunIT๙"}) {
    CAPTURE(family);
    const std::string found = fonts.face(family).family();
    // The official files win when a user has put them in fonts/; otherwise Laksaman stands in.
    CHECK((found == "Laksaman" || found.find("Sarabun") != std::string::npos));
  }
}

TEST_CASE("font library: the fallback chain has the symbols the seed texts use") {
  text::FontLibrary& fonts = test::shared_fonts();
  const text::FontChain& chain = fonts.chain("Laksaman");
  CHECK(chain.primary->family() == "Laksaman");
  std::vector<std::string> families;
  for (const auto* face : chain.fallbacks()) families.push_back(face->family());
  CHECK(families ==
        std::vector<std::string>{"Noto Sans", "Noto Sans Symbols", "Noto Sans Symbols2", "Noto Sans Math"});
  CHECK(fonts.unavailable_fallbacks().empty());
  for (const char32_t symbol : {U'❖', U'◆', U'☞', U'—', U'“', U'”'}) {
    CAPTURE(static_cast<unsigned>(symbol));
    const bool found = chain.primary->has_code_point(symbol) ||
                       std::any_of(chain.fallbacks().begin(), chain.fallbacks().end(),
                                   [&](const text::FontFace* face) { return face->has_code_point(symbol); });
    CHECK(found);
  }

  // Laksaman has no ❖: the paragraph draws it from a fallback face and reports nothing missing.
  REQUIRE(!chain.primary->has_code_point(U'❖'));
  const auto laid = test::lay_out("❖ ข้อ ☞", 400);
  REQUIRE(laid.lines.size() == 1);
  CHECK(laid.missing.empty());
  std::vector<std::string> faces;
  for (const auto& drawn : test::drawn_glyphs(laid.lines[0])) faces.push_back(drawn.run->face->family());
  REQUIRE(!faces.empty());
  CHECK(faces.front() == "Noto Sans Symbols2");
  CHECK(faces.back() == "Noto Sans Symbols2");
  CHECK(std::count(faces.begin(), faces.end(), "Laksaman") >= 3);
  CHECK(test::extracted(laid.lines[0]) == "❖ ข้อ ☞");
}

TEST_CASE("font library: a character no face has is reported with its inline and byte offset") {
  layout::ParagraphStyle style;
  std::vector<layout::Inline> inlines{layout::TextInline{"ก", {}, {}, {}},
                                      layout::TextInline{"ข\u0378ค", {}, {}, {}}};
  const auto laid = layout::layout_paragraph(inlines, style, 400, test::shared_fonts());
  REQUIRE(laid.missing.size() == 1);
  CHECK(laid.missing[0].code_point == U'\u0378');
  CHECK(laid.missing[0].inline_index == 1);
  CHECK(laid.missing[0].byte_offset == 3);
  // It is still drawn (as .notdef) and still extracted, never dropped.
  REQUIRE(laid.lines.size() == 1);
  CHECK(test::drawn_glyphs(laid.lines[0]).size() == 4);
  CHECK(test::extracted(laid.lines[0]) == "กข\u0378ค");
}

}  // namespace raingan
