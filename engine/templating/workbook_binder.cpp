#include "templating/workbook_binder.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "format/thai_date.h"
#include "format/value_error.h"
#include "templating/attributes.h"
#include "templating/whitespace.h"

namespace raingan::templating {
namespace {

const std::vector<std::string_view> cell_style_attributes = {
    "font",  "size",   "bold", "italic",        "color",  "fill",   "border",
    "align", "valign", "wrap", "number-format", "locked", "indent", "charset"};

bool is_cell_style_attribute(std::string_view name) {
  return std::find(cell_style_attributes.begin(), cell_style_attributes.end(), name) !=
         cell_style_attributes.end();
}

std::uint32_t rgb(const layout::Color& c) {
  return (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
}

// A cell style as a template writes it: only what it mentions.
struct CellStyleSpec {
  std::optional<std::string> font;
  std::optional<double> size;
  std::optional<int> charset, indent;
  std::optional<bool> bold, italic, wrap, locked;
  std::optional<std::uint32_t> color, fill;
  std::optional<xlsx::CellStyle::Border> border;
  std::optional<xlsx::CellStyle::HAlign> align;
  std::optional<xlsx::CellStyle::VAlign> valign;
  std::optional<std::string> number_format;

  void layer(const CellStyleSpec& o) {
    auto take = [](auto& mine, const auto& theirs) {
      if (theirs) mine = theirs;
    };
    take(font, o.font), take(size, o.size), take(charset, o.charset), take(indent, o.indent);
    take(bold, o.bold), take(italic, o.italic), take(wrap, o.wrap), take(locked, o.locked);
    take(color, o.color), take(fill, o.fill), take(border, o.border), take(align, o.align);
    take(valign, o.valign), take(number_format, o.number_format);
  }

  xlsx::CellStyle resolve(const xlsx::CellStyle& base) const {
    xlsx::CellStyle s = base;
    if (font) s.font_name = *font;
    if (size) s.font_size = *size;
    if (charset) s.font_charset = *charset;
    if (indent) s.indent = *indent;
    if (bold) s.bold = *bold;
    if (italic) s.italic = *italic;
    if (wrap) s.wrap = *wrap;
    if (locked) s.locked = *locked;
    if (color) s.font_rgb = *color;
    if (fill) s.fill_rgb = *fill;
    if (border) s.border = *border;
    if (align) s.h_align = *align;
    if (valign) s.v_align = *valign;
    if (number_format) s.number_format = *number_format;
    return s;
  }
};

// Rows held back before a sheet starts (titles and headers); a sheet with no header row starts after these.
constexpr std::size_t max_pending_rows = 64;

struct PendingRow {
  std::vector<xlsx::Cell> cells;
  std::optional<double> height;
  bool header = false;
};

class WorkbookBinder {
 public:
  WorkbookBinder(const TemplateFile& file, const dataset::JsonDocument& data, const BindOptions& options,
                 xlsx::WorkbookWriter* writer)
      : core_(file, data, options), writer_(writer) {}

  WorkbookSettings settings() {
    const Element& root = *core_.file().root;
    core_.check_attributes(
        root,
        {"dataset-kind", "title", "subject", "author", "manager", "company", "category", "keywords",
         "comments", "constant-memory", "font", "size", "charset", "report-title"},
        false);
    WorkbookSettings s;
    auto& p = s.options.properties;
    p.title = core_.text(root, "title");
    p.subject = core_.text(root, "subject");
    p.author = core_.text(root, "author");
    p.manager = core_.text(root, "manager");
    p.company = core_.text(root, "company");
    p.category = core_.text(root, "category");
    p.keywords = core_.text(root, "keywords");
    p.comments = core_.text(root, "comments");
    const std::string& file = core_.file_name();
    if (const Attribute* a = root.attribute("constant-memory"))
      s.options.constant_memory = parse_flag(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = root.attribute("font")) s.options.normal_style.font_name = core_.text(*a);
    if (const Attribute* a = root.attribute("size"))
      s.options.normal_style.font_size = parse_number(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = root.attribute("charset"))
      s.options.normal_style.font_charset = parse_integer(core_.text(*a), {file, a->line, a->name}, 0, 255);
    return s;
  }

  std::size_t run() {
    const Element& root = *core_.file().root;
    core_.check_dataset_kind(root);
    base_ = settings().options.normal_style;
    std::size_t sheets = 0;
    core_.for_each_child(root, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text))
          core_.fail(node.line, "text outside a cell: put it in <cell>…</cell>");
        return;
      }
      const Element& e = *node.element;
      if (e.name == "style") {
        define_style(e);
      } else if (e.name == "sheet") {
        bind_sheet(e);
        ++sheets;
      } else {
        core_.fail(e, "a <workbook> holds <style> and <sheet> elements (and for, if, let)");
      }
    });
    if (sheets == 0) core_.fail(root.line, "the workbook has no <sheet>");
    return sheets;
  }

 private:
  CellStyleSpec read_spec(const Element& e) {
    CellStyleSpec spec;
    const std::string& file = core_.file_name();
    for (const auto& a : e.attributes) {
      if (!is_cell_style_attribute(a.name)) continue;
      const std::string value = core_.text(a);
      const AttributeSource where{file, a.line, a.name};
      if (a.name == "font")
        spec.font = value;
      else if (a.name == "size")
        spec.size = parse_number(value, where);
      else if (a.name == "charset")
        spec.charset = parse_integer(value, where, 0, 255);
      else if (a.name == "indent")
        spec.indent = parse_integer(value, where, 0, 15);
      else if (a.name == "bold")
        spec.bold = parse_flag(value, where);
      else if (a.name == "italic")
        spec.italic = parse_flag(value, where);
      else if (a.name == "wrap")
        spec.wrap = parse_flag(value, where);
      else if (a.name == "locked")
        spec.locked = parse_flag(value, where);
      else if (a.name == "color")
        spec.color = rgb(parse_color(value, where));
      else if (a.name == "fill")
        spec.fill = rgb(parse_color(value, where));
      else if (a.name == "number-format")
        spec.number_format = value;
      else if (a.name == "border") {
        const std::string b = parse_choice(value, {"none", "thin", "medium"}, where);
        spec.border = b == "none"   ? xlsx::CellStyle::Border::none
                      : b == "thin" ? xlsx::CellStyle::Border::thin
                                    : xlsx::CellStyle::Border::medium;
      } else if (a.name == "align") {
        const std::string h = parse_choice(
            value, {"general", "left", "center", "right", "fill", "justify", "distributed"}, where);
        using H = xlsx::CellStyle::HAlign;
        spec.align = h == "general"   ? H::general
                     : h == "left"    ? H::left
                     : h == "center"  ? H::center
                     : h == "right"   ? H::right
                     : h == "fill"    ? H::fill
                     : h == "justify" ? H::justify
                                      : H::distributed;
      } else if (a.name == "valign") {
        const std::string v = parse_choice(value, {"top", "center", "bottom"}, where);
        spec.valign = v == "top"      ? xlsx::CellStyle::VAlign::top
                      : v == "center" ? xlsx::CellStyle::VAlign::center
                                      : xlsx::CellStyle::VAlign::bottom;
      }
    }
    return spec;
  }

  void define_style(const Element& e) {
    // Styles resolved so far may name the style being (re)defined.
    ++styles_generation_;
    cell_styles_.clear();
    std::vector<std::string_view> allowed = cell_style_attributes;
    allowed.push_back("name");
    allowed.push_back("based-on");
    core_.check_attributes(e, allowed, false);
    CellStyleSpec spec;
    if (const Attribute* base = e.attribute("based-on")) {
      auto found = styles_.find(base->value);
      if (found == styles_.end())
        core_.fail(base->line, "<style>: no style named '" + base->value + "' is defined before it");
      spec = found->second;
    }
    spec.layer(read_spec(e));
    styles_[core_.required(e, "name").value] = spec;
  }

  CellStyleSpec named(const Element& e, const CellStyleSpec& inherited) {
    CellStyleSpec spec = inherited;
    if (const Attribute* a = e.attribute("style")) {
      const std::string name = core_.text(*a);
      auto found = styles_.find(name);
      if (found == styles_.end())
        core_.fail(a->line, "no style named '" + name + "' (define it with <style name=\"" + name + "\">)");
      spec.layer(found->second);
    }
    spec.layer(read_spec(e));
    return spec;
  }

  xlsx::StyleId style_id(const CellStyleSpec& spec) { return writer_->add_style(spec.resolve(base_)); }

  // Whether any style attribute of the element (or its style="…") takes a value from the data.
  bool has_dynamic_style(const Element& e) {
    auto [known, inserted] = dynamic_style_.try_emplace(&e, false);
    if (inserted)
      for (const auto& a : e.attributes)
        if ((a.name == "style" || is_cell_style_attribute(a.name)) && a.value.find("{{") != std::string::npos)
          known->second = true;
    return known->second;
  }

  void bind_sheet(const Element& e) {
    std::vector<std::string_view> allowed = {"name",      "landscape",   "fit-width",   "repeat-header",
                                             "freeze",    "freeze-rows", "freeze-cols", "autofilter",
                                             "header",    "footer",      "protect",     "password",
                                             "tab-color", "max-width",   "margin",      "center"};
    core_.check_attributes(e, allowed, false);
    const std::string& file = core_.file_name();
    setup_ = xlsx::SheetSetup{};
    setup_.name = core_.text(core_.required(e, "name"));
    auto flag = [&](std::string_view name, bool fallback) {
      const Attribute* a = e.attribute(name);
      return a ? parse_flag(core_.text(*a), {file, a->line, a->name}) : fallback;
    };
    setup_.print.landscape = flag("landscape", false);
    setup_.print.fit_to_width = flag("fit-width", true);
    setup_.print.center_horizontally = flag("center", true);
    setup_.protect = flag("protect", true);
    setup_.password = core_.text(e, "password");
    if (const Attribute* a = e.attribute("header")) setup_.print.header = core_.text(*a);
    if (const Attribute* a = e.attribute("footer")) setup_.print.footer = core_.text(*a);
    if (const Attribute* a = e.attribute("tab-color"))
      setup_.tab_rgb = rgb(parse_color(core_.text(*a), {file, a->line, a->name}));
    if (const Attribute* a = e.attribute("max-width"))
      setup_.max_fitted_width = parse_number(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = e.attribute("margin")) {
      auto v = parse_lengths(core_.text(*a), {file, a->line, a->name});
      const double inch = 72.0;
      setup_.print.margin_top_in = v[0] / inch;
      setup_.print.margin_right_in = (v.size() > 1 ? v[1] : v[0]) / inch;
      setup_.print.margin_bottom_in = (v.size() > 2 ? v[2] : v[0]) / inch;
      setup_.print.margin_left_in = (v.size() > 3 ? v[3] : v.size() > 1 ? v[1] : v[0]) / inch;
    }
    freeze_header_ = false;
    if (const Attribute* a = e.attribute("freeze"))
      freeze_header_ = parse_choice(core_.text(*a), {"header", "none"}, {file, a->line, a->name}) == "header";
    if (const Attribute* a = e.attribute("freeze-rows"))
      setup_.freeze_rows = parse_integer(core_.text(*a), {file, a->line, a->name}, 0, 1000);
    if (const Attribute* a = e.attribute("freeze-cols"))
      setup_.freeze_cols = parse_integer(core_.text(*a), {file, a->line, a->name}, 0, 1000);
    repeat_header_ = flag("repeat-header", false);
    autofilter_ = false;
    explicit_filter_.reset();
    if (const Attribute* a = e.attribute("autofilter")) {
      const std::string value = core_.text(*a);
      if (value == "true" || value == "false")
        autofilter_ = value == "true";
      else
        explicit_filter_ = value;
    }

    started_ = false;
    pending_.clear();
    next_row_ = 0;
    last_header_row_ = -1;
    first_header_row_ = -1;
    header_columns_ = 0;
    conditionals_.clear();
    validations_.clear();
    ScopeGuard guard(core_.scope());
    core_.scope().bind("next_row", Value::of(Number::from_int(1)));
    core_.for_each_child(e, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text))
          core_.fail(node.line, "text in a <sheet>: put it in <cell> in a <row>");
        return;
      }
      const Element& child = *node.element;
      if (child.name == "columns") {
        core_.check_attributes(child, {"widths"}, false);
        setup_.column_widths.clear();
        const std::string widths = core_.text(core_.required(child, "widths"));
        std::size_t i = 0;
        while (i < widths.size()) {
          while (i < widths.size() && widths[i] == ' ') ++i;
          std::size_t j = widths.find(' ', i);
          if (j == std::string::npos) j = widths.size();
          if (j > i) {
            const std::string word = widths.substr(i, j - i);
            setup_.column_widths.push_back(word == "auto" ? 0.0
                                                          : parse_number(word, {file, child.line, "widths"}));
          }
          i = j;
        }
      } else if (child.name == "row") {
        bind_row(child);
      } else if (child.name == "conditional") {
        core_.check_attributes(child, {"range", "formula", "fill", "color", "bold"}, false);
        xlsx::ConditionalRule rule;
        rule.formula = core_.text(core_.required(child, "formula"));
        if (const Attribute* a = child.attribute("fill"))
          rule.fill_rgb = rgb(parse_color(core_.text(*a), {file, a->line, a->name}));
        if (const Attribute* a = child.attribute("color"))
          rule.font_rgb = rgb(parse_color(core_.text(*a), {file, a->line, a->name}));
        if (const Attribute* a = child.attribute("bold"))
          rule.bold = parse_flag(core_.text(*a), {file, a->line, a->name});
        conditionals_.push_back({parse_range(core_.required(child, "range")), rule});
      } else if (child.name == "validation") {
        validations_.push_back({parse_range(core_.required(child, "range")), list_validation(child)});
      } else {
        core_.fail(
            child,
            "a <sheet> holds <columns>, <row>, <conditional> and <validation> elements (and for, if, let)");
      }
    });
    start_sheet();
    const std::uint32_t last_row = next_row_ == 0 ? 0 : next_row_ - 1;
    if (explicit_filter_) {
      writer_->set_autofilter(parse_a1_range(*explicit_filter_, e.line));
    } else if (autofilter_ && last_header_row_ >= 0 && header_columns_ > 0) {
      writer_->set_autofilter({static_cast<std::uint32_t>(last_header_row_), 0,
                               std::max<std::uint32_t>(last_row, last_header_row_),
                               static_cast<std::uint16_t>(header_columns_ - 1)});
    }
    for (const auto& [range, rule] : conditionals_) writer_->add_conditional_format(range, rule);
    for (const auto& [range, rule] : validations_) writer_->add_list_validation(range, rule);
    writer_->end_sheet();
  }

  // <validation range list allow-blank error-title error-message>: a drop-down of the allowed values for
  // input cells. `list` is a list ({{ statuses }}) or a text of values separated by commas.
  xlsx::ListValidation list_validation(const Element& e) {
    core_.check_attributes(e, {"range", "list", "allow-blank", "error-title", "error-message"}, false);
    const std::string& file = core_.file_name();
    xlsx::ListValidation rule;
    const Attribute& list = core_.required(e, "list");
    const Value values = core_.value(list);
    if (values.kind() == Value::Kind::list) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        const auto text = plain_text(values.at(i));
        if (!text || text->empty())
          core_.fail(list.line, "<validation list>: item " + std::to_string(i + 1) +
                                    " should be a text or a "
                                    "number, found " +
                                    describe(values.at(i)));
        rule.allowed.push_back(*text);
      }
    } else {
      const std::string text = plain_text(values).value_or("");
      for (std::size_t start = 0; start <= text.size();) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string item = text.substr(start, comma - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) rule.allowed.push_back(item);
        start = comma + 1;
      }
    }
    if (rule.allowed.empty()) core_.fail(list.line, "<validation list>: the list of allowed values is empty");
    if (const Attribute* a = e.attribute("allow-blank"))
      rule.allow_blank = parse_flag(core_.text(*a), {file, a->line, a->name});
    rule.error_title = core_.text(e, "error-title");
    rule.error_message = core_.text(e, "error-message");
    return rule;
  }

  xlsx::CellRange parse_range(const Attribute& a) { return parse_a1_range(core_.text(a), a.line); }

  // "A5:H120" (or one cell "C3") into a zero-based range.
  xlsx::CellRange parse_a1_range(const std::string& text, int line) {
    auto cell = [&](const std::string& name, std::uint32_t& row, std::uint16_t& col) {
      std::size_t i = 0;
      std::uint32_t c = 0;
      while (i < name.size() && name[i] >= 'A' && name[i] <= 'Z')
        c = c * 26 + static_cast<std::uint32_t>(name[i++] - 'A' + 1);
      std::uint32_t r = 0;
      const std::size_t digits = i;
      while (i < name.size() && name[i] >= '0' && name[i] <= '9')
        r = r * 10 + static_cast<std::uint32_t>(name[i++] - '0');
      if (c == 0 || digits == i || i != name.size() || r == 0 || c > xlsx::max_cols || r > xlsx::max_rows)
        core_.fail(line, "expected a cell range such as A5:H120, found \"" + text + "\"");
      row = r - 1;
      col = static_cast<std::uint16_t>(c - 1);
    };
    xlsx::CellRange range;
    const auto colon = text.find(':');
    cell(text.substr(0, colon), range.first_row, range.first_col);
    if (colon == std::string::npos) {
      range.last_row = range.first_row;
      range.last_col = range.first_col;
    } else {
      cell(text.substr(colon + 1), range.last_row, range.last_col);
    }
    if (range.last_row < range.first_row || range.last_col < range.first_col)
      core_.fail(line, "the range \"" + text + "\" ends before it starts");
    return range;
  }

  // What a <row> says that is the same every time it is bound, read once per element.
  struct RowPlan {
    const Attribute* header = nullptr;
    const Attribute* height = nullptr;
    bool static_style = false;  // no style attribute takes a value from the data
    CellStyleSpec style;        // when static_style, resolved in styles_generation
    std::uint64_t styles_generation = 0;
  };

  RowPlan& row_plan(const Element& e) {
    auto [plan, added] = row_plans_.try_emplace(&e);
    if (added) {
      std::vector<std::string_view> allowed = cell_style_attributes;
      allowed.insert(allowed.end(), {"header", "height", "style"});
      try {
        core_.check_attributes(e, allowed, false);
      } catch (...) {
        row_plans_.erase(plan);
        throw;
      }
      plan->second.header = e.attribute("header");
      plan->second.height = e.attribute("height");
      plan->second.static_style = !has_dynamic_style(e);
    }
    return plan->second;
  }

  void bind_row(const Element& e) {
    const std::string& file = core_.file_name();
    RowPlan& plan = row_plan(e);
    PendingRow row;
    row.cells.reserve(last_row_cells_);
    if (const Attribute* a = plan.header) row.header = parse_flag(core_.text(*a), {file, a->line, a->name});
    if (const Attribute* a = plan.height) row.height = parse_length(core_.text(*a), {file, a->line, a->name});
    const bool static_row = plan.static_style;
    if (static_row && plan.styles_generation != styles_generation_) {
      plan.style = named(e, {});
      plan.styles_generation = styles_generation_;
    }
    const CellStyleSpec row_style = static_row ? CellStyleSpec{} : named(e, {});
    const CellStyleSpec& style = static_row ? plan.style : row_style;
    core_.check_row_count(e, next_row_ + 1);
    ScopeGuard guard(core_.scope());
    core_.scope().bind("row_number", Value::of(Number::from_int(next_row_ + 1)));
    core_.for_each_child(e, [&](const Node& node) {
      if (!node.element) {
        if (has_visible_text(node.text)) core_.fail(node.line, "text in a <row>: put it in <cell>");
        return;
      }
      const Element& cell = *node.element;
      if (cell.name != "cell") core_.fail(cell, "a <row> holds <cell> elements");
      row.cells.push_back(bind_cell(cell, style, static_row ? &e : nullptr));
    });
    if (row.header) {
      if (first_header_row_ < 0) first_header_row_ = static_cast<int>(next_row_);
      last_header_row_ = static_cast<int>(next_row_);
      std::size_t columns = 0;
      for (const auto& c : row.cells) columns += c.colspan;
      header_columns_ = std::max(header_columns_, columns);
    }
    // Title and header rows wait until the first data row: then the frozen panes and the repeated print
    // rows are known, and the sheet can start.
    if (!started_ && (row.header || last_header_row_ < 0) && pending_.size() < max_pending_rows) {
      pending_.push_back(std::move(row));
    } else {
      start_sheet();
      last_row_cells_ = row.cells.size();
      writer_->write_row(next_row_, std::move(row.cells), row.height);
    }
    ++next_row_;
    core_.scope().set("next_row", Value::of(Number::from_int(next_row_ + 1)));
  }

  void start_sheet() {
    if (started_) return;
    started_ = true;
    if (last_header_row_ >= 0) {
      if (freeze_header_) setup_.freeze_rows = last_header_row_ + 1;
      if (repeat_header_) {
        setup_.print.repeat_rows_first = 0;
        setup_.print.repeat_rows_last = last_header_row_;
      }
    }
    writer_->begin_sheet(setup_);
    std::uint32_t row = 0;
    for (auto& pending : pending_) writer_->write_row(row++, std::move(pending.cells), pending.height);
    pending_.clear();
  }

  enum class CellType { automatic, text, number, date };

  // What a <cell> says that is the same every time it is bound, read once per element: a register binds the
  // cells of its data row 100,000 times.
  struct CellPlan {
    const Attribute* colspan = nullptr;
    const Attribute* rowspan = nullptr;
    const Attribute* type = nullptr;
    const Attribute* value = nullptr;
    const Attribute* formula = nullptr;
    bool dynamic_style = false;
    std::optional<CellType> fixed_type;  // type="…" without {{ }}, once read
    // The content, once sorted out: nothing, a lone {{ expression }} (its value keeps its type), or text.
    enum class Content { unknown, empty, lone, text } content = Content::unknown;
    const Expression* lone = nullptr;
    // The style resolved in the static row it was last bound in.
    const Element* style_row = nullptr;
    std::uint64_t styles_generation = 0;
    xlsx::StyleId style = 0;
  };

  CellPlan& cell_plan(const Element& e) {
    auto [plan, added] = cell_plans_.try_emplace(&e);
    if (added) {
      std::vector<std::string_view> allowed = cell_style_attributes;
      allowed.insert(allowed.end(), {"style", "colspan", "rowspan", "type", "value", "formula"});
      try {
        core_.check_attributes(e, allowed, false);
      } catch (...) {
        cell_plans_.erase(plan);
        throw;
      }
      CellPlan& p = plan->second;
      p.colspan = e.attribute("colspan");
      p.rowspan = e.attribute("rowspan");
      p.type = e.attribute("type");
      p.value = e.attribute("value");
      p.formula = e.attribute("formula");
      p.dynamic_style = has_dynamic_style(e);
    }
    return plan->second;
  }

  CellType cell_type(CellPlan& plan) {
    const Attribute* a = plan.type;
    if (!a) return CellType::automatic;
    if (plan.fixed_type) return *plan.fixed_type;
    const std::string type = parse_choice(core_.text(*a), {"auto", "text", "number", "date"},
                                          {core_.file_name(), a->line, a->name});
    const CellType read = type == "text"     ? CellType::text
                          : type == "number" ? CellType::number
                          : type == "date"   ? CellType::date
                                             : CellType::automatic;
    if (a->value.find("{{") == std::string::npos) plan.fixed_type = read;
    return read;
  }

  // `static_row` is the row element when its style does not depend on the data (then neither does the style
  // of a cell whose own style attributes have no {{ }}, and it is resolved once, not once per row).
  xlsx::Cell bind_cell(const Element& e, const CellStyleSpec& row_style, const Element* static_row) {
    CellPlan& plan = cell_plan(e);
    const std::string& file = core_.file_name();
    xlsx::Cell cell;
    if (static_row != nullptr && !plan.dynamic_style) {
      if (plan.style_row != static_row || plan.styles_generation != styles_generation_) {
        auto known = cell_styles_.find({static_row, &e});
        if (known == cell_styles_.end())
          known = cell_styles_.emplace(std::pair{static_row, &e}, style_id(named(e, row_style))).first;
        plan.style_row = static_row;
        plan.styles_generation = styles_generation_;
        plan.style = known->second;
      }
      cell.style = plan.style;
    } else {
      cell.style = style_id(named(e, row_style));
    }
    if (const Attribute* a = plan.colspan)
      cell.colspan =
          static_cast<std::uint16_t>(parse_integer(core_.text(*a), {file, a->line, a->name}, 1, 1000));
    if (const Attribute* a = plan.rowspan)
      cell.rowspan =
          static_cast<std::uint32_t>(parse_integer(core_.text(*a), {file, a->line, a->name}, 1, 100000));
    const CellType type = cell_type(plan);

    Value value = plan.value ? core_.value(*plan.value) : content_value(e, plan);
    if (const Attribute* formula = plan.formula) {
      if (!plan.value)
        core_.fail(formula->line,
                   "a formula cell needs value=\"{{ … }}\": the result a spreadsheet shows before it "
                   "recalculates, computed by the template");
      xlsx::Formula f;
      f.text = core_.text(*formula);
      switch (value.kind()) {
        case Value::Kind::number:
          f.cached = value.number().to_double();
          break;
        case Value::Kind::boolean:
          f.cached = value.boolean();
          break;
        case Value::Kind::null:
          f.cached = std::string();
          break;
        case Value::Kind::text:
          f.cached = *value.take_plain_text();
          break;
        default:
          core_.fail(formula->line, "the cached value of a formula cannot be " + describe(value));
      }
      cell.value = std::move(f);
      return cell;
    }
    cell.value = convert(std::move(value), type, e.line);
    return cell;
  }

  // A cell's content: a lone {{ expression }} keeps its value's type (a number stays a number); anything
  // else is text.
  Value content_value(const Element& e, CellPlan& plan) {
    if (plan.content == CellPlan::Content::unknown) {
      if (e.children.empty()) {
        plan.content = CellPlan::Content::empty;
      } else {
        if (e.children.size() > 1 || e.children[0].element)
          core_.fail(e, "a <cell> holds text and {{ }} only");
        const Node& content = e.children[0];
        const std::string& raw = content.text;
        const auto first = raw.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) {
          plan.content = CellPlan::Content::empty;
        } else {
          const auto last = raw.find_last_not_of(" \t\r\n");
          const std::string trimmed = raw.substr(first, last - first + 1);
          if (trimmed.starts_with("{{") && trimmed.ends_with("}}") &&
              trimmed.find("{{", 2) == std::string::npos) {
            plan.lone = parse_cached(trimmed, content.line);
            plan.content = CellPlan::Content::lone;
          } else {
            plan.content = CellPlan::Content::text;
          }
        }
      }
    }
    switch (plan.content) {
      case CellPlan::Content::lone: {
        const Node& content = e.children[0];
        return core_.evaluator().evaluate(*plan.lone, core_.scope(), content.line);
      }
      case CellPlan::Content::text: {
        const Node& content = e.children[0];
        std::string text;
        core_.interpolate(content.text, content.line, [&](std::string piece, bool) { text += piece; });
        const auto from = text.find_first_not_of(" \t\r\n");
        const auto to = text.find_last_not_of(" \t\r\n");
        return Value::of(from == std::string::npos ? std::string() : text.substr(from, to - from + 1));
      }
      default:
        return Value();
    }
  }

  const Expression* parse_cached(const std::string& braced, int line) {
    auto found = lone_expressions_.find(braced);
    if (found == lone_expressions_.end())
      found = lone_expressions_
                  .emplace(braced, parse_expression(std::string_view(braced).substr(2, braced.size() - 4),
                                                    {core_.file_name(), line}))
                  .first;
    return found->second.get();
  }

  xlsx::CellValue convert(Value value, CellType type, int line) {
    if (value.is_null()) return std::monostate{};
    if (type == CellType::date) {
      auto text = plain_text(value);
      try {
        const format::Date d = format::parse_iso_date(text.value_or(""));
        return xlsx::Date{d.year, static_cast<int>(d.month), static_cast<int>(d.day)};
      } catch (const format::ValueError& error) {
        core_.fail(line, std::string("<cell type=\"date\">: ") + error.what());
      }
    }
    if (type == CellType::text) {
      auto text = value.take_plain_text();
      if (!text) core_.fail(line, "a cell cannot hold " + describe(value));
      return std::move(*text);
    }
    switch (value.kind()) {
      case Value::Kind::number:
        return value.number().to_double();
      case Value::Kind::boolean:
        return value.boolean();
      case Value::Kind::text: {
        if (type == CellType::number) {
          try {
            return Number::from_decimal(format::Decimal::parse(value.text())).to_double();
          } catch (const format::ValueError&) {
            core_.fail(line, "<cell type=\"number\">: expected a number, found \"" +
                                 std::string(value.text()) + "\"");
          }
        }
        return *value.take_plain_text();
      }
      default:
        core_.fail(line, "a cell cannot hold " + describe(value) + "; use a <for> loop over it");
    }
  }

  BinderCore core_;
  xlsx::WorkbookWriter* writer_;
  xlsx::CellStyle base_;
  std::map<std::string, CellStyleSpec> styles_;
  std::map<std::string, std::unique_ptr<Expression>> lone_expressions_;
  // Per element, decided once: attributes checked, style attributes free of {{ }}, resolved styles.
  std::unordered_map<const Element*, bool> dynamic_style_;
  std::unordered_map<const Element*, RowPlan> row_plans_;
  std::unordered_map<const Element*, CellPlan> cell_plans_;
  std::map<std::pair<const Element*, const Element*>, xlsx::StyleId> cell_styles_;
  std::uint64_t styles_generation_ = 1;  // advanced by every <style>: styles resolved before are stale
  std::size_t last_row_cells_ = 0;       // room for the next row's cells
  xlsx::SheetSetup setup_;
  bool started_ = false;
  bool freeze_header_ = false;
  bool repeat_header_ = false;
  bool autofilter_ = false;
  std::optional<std::string> explicit_filter_;
  std::vector<PendingRow> pending_;
  std::uint32_t next_row_ = 0;
  int first_header_row_ = -1;
  int last_header_row_ = -1;
  std::size_t header_columns_ = 0;
  std::vector<std::pair<xlsx::CellRange, xlsx::ConditionalRule>> conditionals_;
  std::vector<std::pair<xlsx::CellRange, xlsx::ListValidation>> validations_;
};

}  // namespace

WorkbookSettings read_workbook_settings(const TemplateFile& file, const dataset::JsonDocument& data,
                                        const BindOptions& options) {
  return WorkbookBinder(file, data, options, nullptr).settings();
}

std::size_t bind_workbook(const TemplateFile& file, const dataset::JsonDocument& data,
                          const BindOptions& options, xlsx::WorkbookWriter& writer) {
  return WorkbookBinder(file, data, options, &writer).run();
}

}  // namespace raingan::templating
