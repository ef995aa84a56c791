// `raingan text` reads its file paragraph by paragraph: blank lines end paragraphs, tabs become spaces,
// CR LF and a byte-order mark are taken in stride, and a byte that is not UTF-8 is reported with the line,
// column and byte offset an editor shows.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "plaintext/text_paragraphs.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;

struct Scratch {
  fs::path folder = fs::temp_directory_path() / ("raingan-text-paragraphs-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(folder); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    const fs::path path = folder / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
};

struct Read {
  std::string text;
  int line = 0;
};

std::vector<Read> read_all(const fs::path& path) {
  document::InlineStyle style;
  style.font.size = 14;
  document::ParagraphStyle paragraph;
  paragraph.align = document::Align::justify;
  document::BlockStyle block;
  block.space_after = 7;
  plaintext::TextParagraphs source(path, style, paragraph, block);
  std::vector<Read> out;
  while (const document::Block* next = source.next()) {
    const auto& p = std::get<document::Paragraph>(next->node);
    REQUIRE(p.content.size() == 1);
    const auto& text = std::get<document::TextInline>(p.content[0]);
    CHECK(text.style.font.size == 14);
    CHECK(p.style.align == document::Align::justify);
    CHECK(p.block.space_after == 7);
    out.push_back({text.text, p.source_line});
  }
  CHECK(source.next() == nullptr);  // and stays done
  return out;
}

std::string message_of(const fs::path& path) {
  try {
    read_all(path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("text paragraphs: blank lines part paragraphs, a single newline stays inside one") {
  Scratch scratch;
  const auto path = scratch.write("a.txt",
                                  "เอกสาร\nบรรทัดสอง\n\n\n  \t \nย่อหน้า\t\tสอง   \r\n\r\n"
                                  "สุดท้าย  ");
  const auto paragraphs = read_all(path);
  REQUIRE(paragraphs.size() == 3);
  CHECK(paragraphs[0].text == "เอกสาร\nบรรทัดสอง");
  CHECK(paragraphs[0].line == 1);
  CHECK(paragraphs[1].text == "ย่อหน้า  สอง");
  CHECK(paragraphs[1].line == 6);
  CHECK(paragraphs[2].text == "สุดท้าย");
  CHECK(paragraphs[2].line == 8);
}

TEST_CASE("text paragraphs: a byte-order mark is dropped, empty and blank files have no paragraphs") {
  Scratch scratch;
  const auto marked = read_all(scratch.write("bom.txt", "\xEF\xBB\xBFหนึ่ง\n\nสอง\n"));
  REQUIRE(marked.size() == 2);
  CHECK(marked[0].text == "หนึ่ง");
  CHECK(marked[1].text == "สอง");
  CHECK(marked[1].line == 3);
  CHECK(read_all(scratch.write("empty.txt", "")).empty());
  CHECK(read_all(scratch.write("blank.txt", "\n \n\t\r\n")).empty());
}

TEST_CASE("text paragraphs: a byte that is not UTF-8 is named by line, column and byte") {
  Scratch scratch;
  // Line 3 starts at byte 8 ("ab\n" + "cdef\n"); two Thai letters (6 bytes) come before the bad byte.
  const auto bad = scratch.write("bad.txt", "ab\ncdef\nกข\xFF\n");
  CHECK(message_of(bad).find("line 3, column 3 (byte 14): expected UTF-8 text, found byte 0xFF") !=
        std::string::npos);
  // After a byte-order mark the first line's columns count from the first letter.
  const auto marked = scratch.write("marked.txt",
                                    "\xEF\xBB\xBF"
                                    "ab\xC3\x28");
  CHECK(message_of(marked).find("line 1, column 3 (byte 5)") != std::string::npos);
  // Found before the first paragraph is handed out, however late in the file it stands.
  std::string long_text;
  for (int k = 0; k < 200; ++k) long_text += "ย่อหน้า\n\n";
  const auto late = scratch.write("late.txt", long_text + "\xC0\n");
  CHECK_THROWS_WITH_AS(plaintext::TextParagraphs(late, {}, {}, {}),
                       doctest::Contains("line 401, column 1 (byte "), InputError);
  // A sequence cut by the end of a line is reported at its first byte.
  const auto cut = scratch.write("cut.txt", "x\xE0\xB8\ny");
  CHECK(message_of(cut).find("line 1, column 2 (byte 1)") != std::string::npos);
}

TEST_CASE("text paragraphs: a missing file is reported") {
  Scratch scratch;
  CHECK_THROWS_WITH_AS(read_all(scratch.folder / "none.txt"), doctest::Contains("file not found"),
                       InputError);
}

}  // namespace raingan
