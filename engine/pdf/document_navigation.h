#pragma once
// How a reader moves through the document: named destinations (the frames' Anchors), link annotations that
// go to them or to URLs, the outline (bookmarks), and page labels. Links and outline entries are collected
// while pages are added and resolved when the document is finished, so an anchor may sit on a later page.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "layout/page.h"
#include "pdf/hpdf_document.h"

namespace raingan::pdf {

class DocumentNavigation {
 public:
  // Throws InputError (naming `target` and the page) when the name is already taken.
  void add_anchor(const std::string& name, HPDF_Page page, double left, double top,
                  const std::string& page_label, const std::filesystem::path& target);
  bool has_anchor(const std::string& name) const { return anchors_.contains(name); }
  // `rect` is in PDF coordinates. Exactly one of anchor and url is used (anchor first).
  void add_link(HPDF_Page page, HPDF_Rect rect, std::string anchor, std::string url, std::string page_label);
  void set_outline(std::vector<layout::OutlineEntry> entries) { outline_ = std::move(entries); }

  // Writes destinations, named destinations, link annotations and the outline. Throws InputError listing
  // every link and outline entry whose anchor no page defines.
  void write(HpdfDocument& document, const std::filesystem::path& target);

 private:
  struct AnchorTarget {
    HPDF_Page page = nullptr;
    double left = 0;
    double top = 0;
    std::string page_label;
    HPDF_Destination destination = nullptr;  // made by write()
  };
  struct PendingLink {
    HPDF_Page page = nullptr;
    HPDF_Rect rect{};
    std::string anchor;
    std::string url;
    std::string page_label;
  };

  void check_targets(const std::filesystem::path& target) const;
  void write_destinations(HpdfDocument& document);
  void write_links(HpdfDocument& document);
  void write_outline(HpdfDocument& document);

  std::map<std::string, AnchorTarget> anchors_;  // ordered by bytes, as a PDF name tree wants
  std::vector<PendingLink> links_;
  std::vector<layout::OutlineEntry> outline_;
};

// /PageLabels giving every page its label exactly (Thai digits, Thai letters: any string, as a /P prefix).
// A page with an empty label is numbered by its position.
void write_page_labels(HpdfDocument& document, const std::vector<std::string>& labels);

// The document information dictionary, every entry a UTF-16BE text string so viewers show Thai.
void write_document_info(HpdfDocument& document, const layout::DocumentInfo& info);

}  // namespace raingan::pdf
