// The document elements' table: an unknown element is answered with the elements expected where it stands
// and the nearest of them; attributes are checked against what each element registered, in time linear in
// their number.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/diagnostic.h"
#include "dataset/json_reader.h"
#include "document/image_source.h"
#include "error_test_support.h"
#include "templating/document_binder.h"
#include "templating/element_registry.h"
#include "templating/elements/document_elements.h"
#include "templating/template_file.h"

using namespace raingan;
using test::contains;

namespace {

// The message of the error binding `source` raises, or "" when it binds.
std::string bind_error(const std::string& source) {
  return test::first_problem([&] {
    const templating::TemplateFile file = templating::parse_template(source, "t.xml");
    const dataset::JsonDocument data = dataset::read_json_text("{}", "d.json");
    document::ImageSource images;
    templating::bind_document(file, data, templating::BindOptions{}, images);
  });
}

}  // namespace

TEST_CASE("document elements: a misspelt block names the blocks expected and the nearest one") {
  const std::string error = bind_error("<document>\n<p>a</p>\n<tabel columns=\"1fr\"/>\n</document>");
  CHECK(contains(error, "line 3: unknown element <tabel> here (expected one of p, h1,"));
  CHECK(contains(error, "signature; did you mean <table>?)"));
  // Far from every name: no guess.
  CHECK_FALSE(contains(bind_error("<document><paragraph-of-text/></document>"), "did you mean"));
}

TEST_CASE("document elements: inline elements and blocks are told apart by where they stand") {
  CHECK(contains(bind_error("<document><p>a <bb>b</bb></p></document>"),
                 "unknown element <bb> inside text (expected one of b, i, u, span"));
  CHECK(contains(bind_error("<document><p>a <bb>b</bb></p></document>"), "did you mean <b>?"));
  CHECK(contains(bind_error("<document><p>a <table columns=\"1fr\"/></p></document>"),
                 "<table>: is a block and cannot stand inside a paragraph"));
  CHECK(contains(bind_error("<document><p>a</p><b>b</b></document>"), "<b>: is inline text"));
  CHECK(contains(bind_error("<document><block><page size=\"A5\"/><p>a</p></block></document>"),
                 "<page>: belongs directly in <document> or <section>"));
  CHECK(contains(bind_error("<document><section><section/></section></document>"),
                 "<section>: belongs directly in <document>"));
  CHECK(bind_error("<document><section><page size=\"A5\"/><p>a <b>b</b></p></section></document>").empty());
}

TEST_CASE("document elements: an attribute an element does not take is named with those it takes") {
  CHECK(contains(bind_error("<document><spacer height=\"1cm\" width=\"2cm\"/></document>"),
                 "<spacer> has no attribute 'width' (it takes: height, min-height)"));
  CHECK(contains(bind_error("<document><p colour=\"#000000\">a</p></document>"),
                 "<p> has no attribute 'colour' (it takes: and the style attributes)"));
  CHECK(contains(bind_error("<document><header size=\"12\" fill=\"x\"><p>a</p></header></document>"),
                 "<header> has no attribute 'fill'"));
}

TEST_CASE("document elements: a spacer's least height is at most its height") {
  CHECK(bind_error("<document><spacer height=\"2cm\" min-height=\"1cm\"/></document>").empty());
  const std::string error = bind_error("<document>\n<spacer height=\"1cm\" min-height=\"2cm\"/></document>");
  CHECK(contains(error, "line 2"));
  CHECK(contains(error, "min-height=\"2cm\" is larger than height=\"1cm\""));
}

TEST_CASE("document elements: an element with 200,000 attributes is checked in linear time") {
  std::string many;
  for (int i = 0; i < 200'000; ++i) many += " a" + std::to_string(i) + "=\"x\"";
  const auto start = std::chrono::steady_clock::now();
  CHECK(contains(bind_error("<document><p" + many + ">a</p></document>"), "<p> has no attribute 'a0'"));
  CHECK(contains(bind_error("<document><p" + many + " a199999=\"y\">a</p></document>"),
                 "attribute 'a199999' given twice in <p>"));
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Linear work is a fraction of a second even under sanitizers; comparing each attribute with every
  // earlier one is 2·10¹⁰ comparisons, minutes.
  CHECK(seconds < 20);
}

TEST_CASE("document elements: each name is registered once, in one place") {
  const auto& elements = templating::document_elements();
  std::vector<std::string_view> all;
  for (auto name : elements.sections.names()) all.push_back(name);
  for (auto name : elements.blocks.names()) all.push_back(name);
  for (auto name : elements.inlines.names()) all.push_back(name);
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  CHECK(templating::nearest_name("heder", elements.sections.names()) ==
        std::optional<std::string_view>("header"));
  CHECK_FALSE(templating::nearest_name("x", elements.blocks.names()).has_value());
}
