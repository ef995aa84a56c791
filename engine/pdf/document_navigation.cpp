#include "pdf/document_navigation.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "pdf/pdf_syntax.h"

namespace raingan::pdf {
namespace {

// A URI action holds 7-bit ASCII: bytes outside it (Thai in a path or query) and spaces are percent-encoded.
std::string ascii_uri(const std::string& url) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      out += '%';
      out += digits[byte >> 4];
      out += digits[byte & 0x0F];
    } else {
      out += c;
    }
  }
  return out;
}

// A name or number tree (PDF 32000-1 7.9.6, 7.9.7) of `count` entries in key order, under `root`: one array
// of key/value pairs while it fits in an array libharu can hold (8,191 items), else leaves of
// `leaf_entries` entries with their Limits, as the root's Kids. `key` makes a new key object each time it
// is called (an object has one container), `value` gives the value.
void write_tree(HpdfDocument& document, HPDF_Dict root, const char* pairs_key, std::size_t count,
                const std::function<void*(std::size_t)>& key, const std::function<void*(std::size_t)>& value,
                const std::string& doing) {
  constexpr std::size_t leaf_entries = 2048;
  auto fill = [&](HPDF_Dict node, std::size_t first, std::size_t end) {
    HPDF_Array pairs = document.new_array(doing);
    document.add(node, pairs_key, pairs, doing);
    for (std::size_t i = first; i < end; ++i) {
      document.push(pairs, key(i), doing);
      document.push(pairs, value(i), doing);
    }
  };
  if (count <= leaf_entries) {
    fill(root, 0, count);
    return;
  }
  HPDF_Array kids = document.new_array(doing);
  document.add(root, "Kids", kids, doing);
  for (std::size_t first = 0; first < count; first += leaf_entries) {
    const std::size_t end = std::min(count, first + leaf_entries);
    HPDF_Dict leaf = document.new_indirect_dict(doing);
    fill(leaf, first, end);
    HPDF_Array limits = document.new_array(doing);
    document.push(limits, key(first), doing);
    document.push(limits, key(end - 1), doing);
    document.add(leaf, "Limits", limits, doing);
    document.push(kids, leaf, doing);
  }
}

std::string on_page(const std::string& label) {
  return "page " + (label.empty() ? std::string("(unlabelled)") : label);
}

}  // namespace

void DocumentNavigation::add_anchor(const std::string& name, HPDF_Page page, double left, double top,
                                    const std::string& page_label, const std::filesystem::path& target) {
  if (const auto it = anchors_.find(name); it != anchors_.end())
    throw InputError(target.string(), on_page(page_label),
                     "anchor '" + name + "' is already defined on " + on_page(it->second.page_label));
  anchors_.emplace(name, AnchorTarget{page, left, top, page_label, nullptr});
}

void DocumentNavigation::add_link(HPDF_Page page, HPDF_Rect rect, std::string anchor, std::string url,
                                  std::string page_label) {
  links_.push_back({page, rect, std::move(anchor), std::move(url), std::move(page_label)});
}

void DocumentNavigation::check_targets(const std::filesystem::path& target) const {
  std::vector<Diagnostic> problems;
  for (const auto& link : links_)
    if (!link.anchor.empty() && !anchors_.contains(link.anchor))
      problems.push_back({target.string(), on_page(link.page_label),
                          "link points to anchor '" + link.anchor + "', which no page defines"});
  for (std::size_t i = 0; i < outline_.size(); ++i)
    if (!anchors_.contains(outline_[i].anchor))
      problems.push_back({target.string(), "outline[" + std::to_string(i) + "]",
                          "bookmark '" + outline_[i].title + "' points to anchor '" + outline_[i].anchor +
                              "', which no page defines"});
  if (!problems.empty()) throw InputError(std::move(problems));
}

void DocumentNavigation::write(HpdfDocument& document, const std::filesystem::path& target) {
  check_targets(target);
  write_destinations(document);
  write_links(document);
  write_outline(document);
}

void DocumentNavigation::write_destinations(HpdfDocument& document) {
  if (anchors_.empty()) return;
  const std::string doing = "writing named destinations";
  // [page /XYZ left top null]: null keeps the reader's zoom.
  for (auto& [name, anchor] : anchors_) {
    HPDF_Destination destination = document.require(HPDF_Page_CreateDestination(anchor.page), doing);
    HPDF_Array_Clear(destination);
    document.push(destination, anchor.page, doing);
    document.push_name(destination, "XYZ", doing);
    document.push_real(destination, std::max(0.0, anchor.left), doing);
    document.push_real(destination, std::max(0.0, anchor.top), doing);
    document.push(destination, HPDF_Null_New(document.mmgr()), doing);
    anchor.destination = destination;
  }
  // The catalog's name tree of destinations, names in byte order (the map's).
  HPDF_Dict names = document.new_dict(doing);
  HPDF_Dict dests = document.new_dict(doing);
  document.add(document.catalog(), "Names", names, doing);
  document.add(names, "Dests", dests, doing);
  std::vector<const std::string*> keys;
  std::vector<HPDF_Destination> values;
  for (const auto& [name, anchor] : anchors_) {
    keys.push_back(&name);
    values.push_back(anchor.destination);
  }
  write_tree(
      document, dests, "Names", keys.size(),
      [&](std::size_t i) -> void* { return document.new_byte_string(*keys[i], doing); },
      [&](std::size_t i) -> void* { return values[i]; }, doing);
}

void DocumentNavigation::write_links(HpdfDocument& document) {
  for (const auto& link : links_) {
    const std::string doing = "writing a link on " + on_page(link.page_label);
    HPDF_Annotation annotation = nullptr;
    if (!link.anchor.empty())
      annotation = document.require(
          HPDF_Page_CreateLinkAnnot(link.page, link.rect, anchors_.at(link.anchor).destination), doing);
    else
      annotation = document.require(
          HPDF_Page_CreateURILinkAnnot(link.page, link.rect, ascii_uri(link.url).c_str()), doing);
    document.check(HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0) == HPDF_OK, doing);
  }
}

void DocumentNavigation::write_outline(HpdfDocument& document) {
  if (outline_.empty()) return;
  const std::string doing = "writing the outline";
  std::vector<std::pair<int, HPDF_Outline>> open;  // the chain of entries the next one may nest under
  for (const auto& entry : outline_) {
    const int level = std::max(1, entry.level);
    while (!open.empty() && open.back().first >= level) open.pop_back();
    HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
    HPDF_Outline outline = document.require(HPDF_CreateOutline(document.get(), parent, "", nullptr), doing);
    document.add(outline, "Title", document.new_byte_string(utf16be_text_string(entry.title), doing), doing);
    document.check(HPDF_Outline_SetDestination(outline, anchors_.at(entry.anchor).destination) == HPDF_OK,
                   doing);
    document.check(HPDF_Outline_SetOpened(outline, level == 1 ? HPDF_TRUE : HPDF_FALSE) == HPDF_OK, doing);
    open.emplace_back(level, outline);
  }
  document.check(HPDF_SetPageMode(document.get(), HPDF_PAGE_MODE_USE_OUTLINE) == HPDF_OK, doing);
}

void write_page_labels(HpdfDocument& document, const std::vector<std::string>& labels) {
  if (labels.empty()) return;
  const std::string doing = "writing page labels";
  HPDF_Dict page_labels = document.new_dict(doing);
  auto label_of = [&](std::size_t i) -> void* {
    HPDF_Dict label = document.new_dict(doing);
    if (labels[i].empty()) {
      document.add_name(label, "S", "D", doing);
      document.add_integer(label, "St", static_cast<long long>(i + 1), doing);
    } else {
      document.add(label, "P", document.new_byte_string(utf16be_text_string(labels[i]), doing), doing);
    }
    return label;
  };
  write_tree(
      document, page_labels, "Nums", labels.size(),
      [&](std::size_t i) -> void* {
        return document.require(HPDF_Number_New(document.mmgr(), static_cast<HPDF_INT32>(i)), doing);
      },
      label_of, doing);
  document.add(document.catalog(), "PageLabels", page_labels, doing);
}

void write_document_info(HpdfDocument& document, const layout::DocumentInfo& info) {
  const std::string doing = "writing document information";
  // libharu makes the dictionary with its own Producer; setting that entry creates it if it does not exist.
  if (!document.get()->info)
    document.check(HPDF_SetInfoAttr(document.get(), HPDF_INFO_PRODUCER, "raingan") == HPDF_OK, doing);
  HPDF_Dict dictionary = document.require(document.get()->info, doing);
  const std::pair<const char*, std::string> entries[] = {
      {"Title", info.title},     {"Author", info.author},
      {"Subject", info.subject}, {"Keywords", info.keywords},
      {"Creator", info.creator}, {"Producer", "raingan " RAINGAN_VERSION " (libharu)"},
  };
  for (const auto& [key, value] : entries) {
    if (value.empty()) {
      HPDF_Dict_RemoveElement(dictionary, key);  // absent is fine: nothing to remove
      continue;
    }
    document.add(dictionary, key, document.new_byte_string(utf16be_text_string(value), doing), doing);
  }
}

}  // namespace raingan::pdf
