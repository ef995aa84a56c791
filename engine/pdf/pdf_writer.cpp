#include "pdf/pdf_writer.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "core/atomic_output.h"
#include "core/diagnostic.h"
#include "pdf/content_stream.h"
#include "pdf/document_navigation.h"
#include "pdf/embedded_font.h"
#include "pdf/hpdf_document.h"
#include "pdf/image_store.h"
#include "pdf/page_content_store.h"
#include "pdf/pdf_syntax.h"

namespace raingan::pdf {
namespace {

// libharu's page size limits (HPDF_MIN_PAGE_SIZE, HPDF_MAX_PAGE_SIZE).
constexpr double min_page_side = 3;
constexpr double max_page_side = 14400;

std::string page_location(const layout::Page& page, std::size_t index) {
  return "page " + (page.label.empty() ? std::to_string(index + 1) : page.label);
}

}  // namespace

class PdfWriter::Impl {
 public:
  Impl(std::filesystem::path target, PdfOptions options)
      : target_(std::move(target)), options_(std::move(options)), images_(document_) {
    output_.emplace(target_);
  }

  std::size_t page_count() const noexcept { return pages_.size(); }

  void insert(std::size_t position, const layout::Page& page) {
    require_open();
    if (position > pages_.size())
      throw std::out_of_range("cannot insert a page before page " + std::to_string(position) + " of " +
                              std::to_string(pages_.size()));
    check_page(page, position);
    // Past this point the libharu document has changed; a failure leaves it unusable.
    try {
      write_page(position, page);
    } catch (...) {
      failed_ = true;
      throw;
    }
  }

  void set_outline(std::vector<layout::OutlineEntry> entries) {
    require_open();
    navigation_.set_outline(std::move(entries));
  }

  void finish() {
    require_open();
    failed_ = true;  // until the file is in place
    try {
      navigation_.write(document_, target_);
      write_page_labels(document_, labels_);
      write_document_info(document_, options_.info);
      std::set<std::string> tags;
      for (auto* font : font_order_) font->finish(document_, tags);
      contents_.finish();
      save();
      output_->commit();
    } catch (const InputError&) {
      output_.reset();  // removes the temporary file; the target is untouched
      throw;
    } catch (const std::exception& error) {
      output_.reset();
      throw InputError(target_.string(), "", error.what());
    }
    failed_ = false;
    finished_ = true;
  }

 private:
  // Binds a page's content to the document's fonts and images, registering each in the page's resources.
  class PageBinder final : public PageResources {
   public:
    PageBinder(Impl& impl, HPDF_Page page) : impl_(impl), page_(page) {}

    std::string font(const text::FontFace& face) override {
      const char* name = HPDF_Page_GetLocalFontName(page_, impl_.font_for(face).type0());
      return impl_.document_.require(name, "adding a font to a page");
    }
    int use_glyph(const text::FontFace& face, std::uint32_t glyph) override {
      if (&face != last_face_) {
        last_face_ = &face;
        last_font_ = &impl_.font_for(face);
      }
      return last_font_->use(glyph);
    }
    std::string image(const layout::ImageData& image) override {
      const char* name = HPDF_Page_GetXObjectName(page_, impl_.images_.get(image));
      return impl_.document_.require(name, "adding an image to a page");
    }

   private:
    Impl& impl_;
    HPDF_Page page_;
    const text::FontFace* last_face_ = nullptr;
    EmbeddedFont* last_font_ = nullptr;
  };

  void require_open() const {
    if (finished_) throw std::logic_error("the PDF document is already finished");
    if (failed_) throw std::logic_error("the PDF document cannot be continued after an earlier failure");
  }

  // Everything that can be wrong with a page's input is found before the document is touched: its size, its
  // images (read and embedded here) and its anchor names.
  void check_page(const layout::Page& page, std::size_t position) {
    const auto size = page.frame.size;
    for (const double side : {size.width, size.height})
      if (!std::isfinite(side) || side < min_page_side || side > max_page_side)
        throw InputError(target_.string(), page_location(page, position),
                         "page size " + describe_number(size.width) + " x " + describe_number(size.height) +
                             " pt is outside the 3..14400 pt a PDF page may have");
    std::set<std::string> names;
    for (const auto& item : page.frame.items) {
      if (const auto* image = std::get_if<layout::Image>(&item)) {
        if (!image->data)
          throw std::invalid_argument("image on " + page_location(page, position) + " has no data");
        images_.get(*image->data);
      }
      if (const auto* anchor = std::get_if<layout::Anchor>(&item)) {
        if (!names.insert(anchor->name).second || navigation_.has_anchor(anchor->name))
          throw InputError(target_.string(), page_location(page, position),
                           "anchor '" + anchor->name + "' is defined more than once");
      }
      if (const auto* link = std::get_if<layout::Link>(&item);
          link && link->anchor.empty() && link->url.empty())
        throw std::invalid_argument("link on " + page_location(page, position) +
                                    " has neither anchor nor URL");
    }
  }

  void write_page(std::size_t position, const layout::Page& page) {
    const std::string doing = "adding " + page_location(page, position);
    HPDF_Page pdf_page = position == pages_.size() ? HPDF_AddPage(document_.get())
                                                   : HPDF_InsertPage(document_.get(), pages_[position]);
    document_.require(pdf_page, doing);
    const PageSpace space{page.frame.size.height};
    document_.check(
        HPDF_Page_SetWidth(pdf_page, static_cast<HPDF_REAL>(page.frame.size.width)) == HPDF_OK &&
            HPDF_Page_SetHeight(pdf_page, static_cast<HPDF_REAL>(page.frame.size.height)) == HPDF_OK,
        doing);

    // libharu gives every page a /ProcSet, which PDF 1.4 made obsolete; it costs memory on every page.
    if (auto* resources =
            static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(pdf_page, "Resources", HPDF_OCLASS_DICT)))
      HPDF_Dict_RemoveElement(resources, "ProcSet");

    PageBinder binder(*this, pdf_page);
    // The content is compressed and kept out of memory by the store; libharu reads it back as it saves.
    auto* attributes = static_cast<HPDF_PageAttr>(pdf_page->attr);
    document_.set_flate_source(attributes->contents, contents_.add(encode_page_content(page.frame, binder)),
                               doing);
    attributes->stream = attributes->contents->stream;

    for (const auto& item : page.frame.items) {
      if (const auto* anchor = std::get_if<layout::Anchor>(&item)) {
        navigation_.add_anchor(anchor->name, pdf_page, anchor->position.x, space.y(anchor->position.y),
                               page.label, target_);
      } else if (const auto* link = std::get_if<layout::Link>(&item)) {
        const HPDF_Rect rect{static_cast<HPDF_REAL>(link->origin.x),
                             static_cast<HPDF_REAL>(space.y(link->origin.y + link->size.height)),
                             static_cast<HPDF_REAL>(link->origin.x + link->size.width),
                             static_cast<HPDF_REAL>(space.y(link->origin.y))};
        navigation_.add_link(pdf_page, rect, link->anchor, link->anchor.empty() ? link->url : std::string(),
                             page.label);
      }
    }
    pages_.insert(pages_.begin() + static_cast<std::ptrdiff_t>(position), pdf_page);
    labels_.insert(labels_.begin() + static_cast<std::ptrdiff_t>(position), page.label);
  }

  EmbeddedFont& font_for(const text::FontFace& face) {
    auto it = fonts_.find(&face);
    if (it == fonts_.end()) {
      it = fonts_.emplace(&face, std::make_unique<EmbeddedFont>(document_, face)).first;
      font_order_.push_back(it->second.get());
    }
    return *it->second;
  }

  void save() {
    FileSink sink;
    const auto& temporary = output_->temporary_path();
    sink.file = std::fopen(temporary.c_str(), "wb");
    if (!sink.file)
      throw InputError(target_.string(), "",
                       std::string("cannot create the output file: ") + std::strerror(errno));
    try {
      document_.save(sink);
    } catch (const LibharuError& error) {
      std::fclose(sink.file);
      if (sink.error != 0)
        throw InputError(target_.string(), "",
                         std::string("cannot write the output file: ") + std::strerror(sink.error));
      throw;
    }
    if (std::fclose(sink.file) != 0)
      throw InputError(target_.string(), "",
                       std::string("cannot write the output file: ") + std::strerror(errno));
  }

  std::filesystem::path target_;
  PdfOptions options_;
  std::optional<AtomicOutput> output_;
  PageContentStore contents_;  // before the document: its pages read from it until the document goes
  HpdfDocument document_;
  ImageStore images_;
  std::map<const text::FontFace*, std::unique_ptr<EmbeddedFont>> fonts_;
  std::vector<EmbeddedFont*> font_order_;  // first use first, so the same input gives the same file
  DocumentNavigation navigation_;
  std::vector<HPDF_Page> pages_;
  std::vector<std::string> labels_;
  bool finished_ = false;
  bool failed_ = false;
};

PdfWriter::PdfWriter(std::filesystem::path target, PdfOptions options)
    : impl_(std::make_unique<Impl>(std::move(target), std::move(options))) {}
PdfWriter::PdfWriter(PdfWriter&&) noexcept = default;
PdfWriter& PdfWriter::operator=(PdfWriter&&) noexcept = default;
PdfWriter::~PdfWriter() = default;

void PdfWriter::add_page(const layout::Page& page) { impl_->insert(impl_->page_count(), page); }

void PdfWriter::insert_page(std::size_t before, const layout::Page& page) { impl_->insert(before, page); }

std::size_t PdfWriter::page_count() const noexcept { return impl_->page_count(); }

void PdfWriter::set_outline(std::vector<layout::OutlineEntry> entries) {
  impl_->set_outline(std::move(entries));
}

void PdfWriter::finish() { impl_->finish(); }

}  // namespace raingan::pdf
