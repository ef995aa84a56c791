#include "xlsx/workbook_writer.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "core/diagnostic.h"
#include "core/utf8.h"
#include "xlsx/display_text.h"
#include "xlsx/excel_date.h"
#include "xlsx/lxw_status.h"
#include "xlsx/sheet_row_stream.h"
#include "xlsx/sheet_setup.h"
#include "xlsx/styles_patch.h"
#include "xlsx/zip_rewrite.h"

namespace raingan::xlsx {
namespace fs = std::filesystem;
using templating::cell_name;
using templating::CellDate;
using templating::column_name;
using templating::Formula;
using templating::PrintSetup;
using templating::range_name;
using templating::RowMerges;
using templating::SheetRow;
using templating::WorkbookProperties;

// What the last cell measured in a column shows, before its number format: its text, or its number's bits
// (so that -0 and 0 differ), with the kind of value and the style.
struct LastObserved {
  enum class Kind { none, text, number, boolean, date, formula_number, formula_text, formula_boolean };
  Kind kind = Kind::none;
  StyleId style = 0;
  std::string text;
  std::uint64_t bits = 0;

  // Whether `cell` shows what the last one did; remembers it when not.
  bool repeats(const Cell& cell) {
    Kind now = Kind::none;
    std::string_view now_text;
    std::uint64_t now_bits = 0;
    if (const auto* t = std::get_if<std::string>(&cell.value)) {
      now = Kind::text, now_text = *t;
    } else if (const auto* number = std::get_if<double>(&cell.value)) {
      now = Kind::number, now_bits = std::bit_cast<std::uint64_t>(*number);
    } else if (const auto* flag = std::get_if<bool>(&cell.value)) {
      now = Kind::boolean, now_bits = *flag ? 1 : 0;
    } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
      now = Kind::date;
      now_bits = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(date->year)) << 16) |
                 (static_cast<std::uint64_t>(date->month & 0xFF) << 8) |
                 static_cast<std::uint64_t>(date->day & 0xFF);
    } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
      if (const auto* cached = std::get_if<double>(&formula->cached))
        now = Kind::formula_number, now_bits = std::bit_cast<std::uint64_t>(*cached);
      else if (const auto* cached_text = std::get_if<std::string>(&formula->cached))
        now = Kind::formula_text, now_text = *cached_text;
      else
        now = Kind::formula_boolean, now_bits = std::get<bool>(formula->cached) ? 1 : 0;
    }
    if (now == Kind::none) return false;
    if (now == kind && cell.style == style && now_bits == bits && now_text == text) return true;
    kind = now, style = cell.style, bits = now_bits;
    text.assign(now_text);
    return false;
  }
};

struct WorkbookWriter::Sheet {
  SheetSetup setup;
  lxw_worksheet* worksheet;
  ColumnFit columns;
  std::optional<std::uint32_t> last_row;    // the last row written
  std::uint32_t merged_to_row = 0;          // the last row a merged range covers
  std::vector<LastObserved> last_observed;  // per column
};

namespace {

lxw_color_t lxw_color(std::uint32_t rgb) {
  rgb &= 0xFFFFFFU;
  return rgb == 0 ? static_cast<lxw_color_t>(LXW_COLOR_BLACK) : rgb;  // 0 means "unset" to libxlsxwriter
}

std::string in_quotes(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  return quoted;
}

// Whether a text is valid UTF-8 with no control character but tab, line feed and carriage return, in one
// pass: it runs for every text and formula of a register. Strict UTF-8 (RFC 3629); whatever it refuses is
// looked at again by text_problem(), which says what is wrong.
bool text_is_clean(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // Eight ASCII bytes at a time, none of them below 0x20 (codes, numbers, formulas).
    while (i + 8 <= size) {
      std::uint64_t block = 0;
      std::memcpy(&block, bytes + i, sizeof block);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      if ((block & highs) != 0 || ((block - ones * 0x20) & ~block & highs) != 0) break;
      i += 8;
    }
    if (i >= size) return true;
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      if (lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') return false;
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // no overlong forms
      if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return false;
    for (std::size_t k = 2; k < length; ++k)
      if ((bytes[i + k] & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

// Checks that a text can go into the package's XML: valid UTF-8, no control characters that XML 1.0
// forbids (libxlsxwriter escapes them in shared strings but not in constant memory's inline strings, and
// never in formulas). Returns the problem, or an empty string.
std::string text_problem(std::string_view text) {
  if (text_is_clean(text)) return {};
  if (const auto bad = utf8::first_invalid_byte(text))
    return "text is not valid UTF-8 at byte " + std::to_string(*bad);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return std::string("text has the control character ") + code + " at byte " + std::to_string(i) +
             ", which an XLSX file cannot hold";
    }
  }
  return {};
}

// Characters (code points) of a UTF-8 text, counted as libxlsxwriter counts them.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// The widest line of a text, as the column would have to show it.
std::string_view widest_line_candidate(std::string_view text, std::size_t& start) {
  const std::size_t end = text.find('\n', start);
  const std::string_view line = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  start = end == std::string_view::npos ? text.size() : end + 1;
  return line;
}

}  // namespace

WorkbookWriter::WorkbookWriter(fs::path target, templating::WorkbookSettings options,
                               TextMeasure measure_points)
    : output_(std::move(target)), options_(std::move(options)), measure_(std::move(measure_points)) {
  if (!measure_) throw std::invalid_argument("WorkbookWriter needs a text measure to fit column widths");
  package_path_ = output_.temporary_path();
  package_path_ += ".package";
  check_style(options_.normal_style);
  max_digit_width_ = max_digit_width_pixels(measure_, options_.normal_style);

  lxw_workbook_options lxw_options{};
  lxw_options.constant_memory = options_.constant_memory ? LXW_TRUE : LXW_FALSE;
  workbook_.reset(workbook_new_opt(package_path_.c_str(), &lxw_options));
  if (!workbook_) throw InputError(output_.target().string(), "", "cannot start a workbook (out of memory?)");

  const WorkbookProperties& p = options_.properties;
  for (const std::string* text :
       {&p.title, &p.subject, &p.author, &p.manager, &p.company, &p.category, &p.keywords, &p.comments})
    if (const std::string problem = text_problem(*text); !problem.empty())
      throw InputError(output_.target().string(), "document properties", problem);
  auto c_string = [](const std::string& text) {
    return text.empty() ? nullptr : const_cast<char*>(text.c_str());
  };
  lxw_doc_properties properties{};
  properties.title = c_string(p.title);
  properties.subject = c_string(p.subject);
  properties.author = c_string(p.author);
  properties.manager = c_string(p.manager);
  properties.company = c_string(p.company);
  properties.category = c_string(p.category);
  properties.keywords = c_string(p.keywords);
  properties.comments = c_string(p.comments);
  properties.created = p.created.value_or(0);
  check_lxw(workbook_set_properties(workbook_.get(), &properties), output_.target().string(),
            "document properties", "cannot set the document properties");

  add_style(options_.normal_style);
}

WorkbookWriter::~WorkbookWriter() {
  std::error_code ec;
  fs::remove(package_path_, ec);
}

void WorkbookWriter::check_style(const CellStyle& style) const {
  const std::string file = output_.target().string();
  const std::string where = "style with font " + in_quotes(style.font_name);
  // libxlsxwriter keeps names and formats in 128-byte fields and would cut longer ones.
  if (style.font_name.empty() || style.font_name.size() >= LXW_FORMAT_FIELD_LEN)
    throw InputError(file, where, "a font name has 1 to 127 bytes");
  if (style.number_format.size() >= LXW_FORMAT_FIELD_LEN)
    throw InputError(file, where,
                     "number format " + in_quotes(style.number_format) + " is longer than 127 bytes");
  for (const std::string* text : {&style.font_name, &style.number_format})
    if (const std::string problem = text_problem(*text); !problem.empty())
      throw InputError(file, where, problem);
  if (!(style.font_size >= 1 && style.font_size <= 409))
    throw InputError(file, where,
                     "font size must be 1 to 409 points, found " + std::to_string(style.font_size));
  if (style.indent < 0 || style.indent > 15)
    throw InputError(file, where, "indent must be 0 to 15 levels, found " + std::to_string(style.indent));
  if (style.font_charset < 0 || style.font_charset > 255)
    throw InputError(file, where,
                     "font charset must be 0 to 255, found " + std::to_string(style.font_charset));
}

StyleId WorkbookWriter::add_style(const CellStyle& style) {
  for (StyleId id = 0; id < styles_.size(); ++id)
    if (styles_[id] == style) return id;
  check_style(style);
  settle();  // the worker reads the styles and formats
  const auto [known, inserted] = charsets_.emplace(style.font_name, style.font_charset);
  if (!inserted && known->second != style.font_charset)
    throw InputError(output_.target().string(), "style with font " + in_quotes(style.font_name),
                     "the font is given charset " + std::to_string(known->second) + " and charset " +
                         std::to_string(style.font_charset) + "; a workbook gives one font one charset");

  lxw_format* format = workbook_add_format(workbook_.get());
  if (!format) throw InputError(output_.target().string(), "", "cannot add a cell format (out of memory?)");
  format_set_font_name(format, style.font_name.c_str());
  format_set_font_size(format, style.font_size);
  format_set_font_charset(format, static_cast<uint8_t>(style.font_charset));
  if (style.bold) format_set_bold(format);
  if (style.italic) format_set_italic(format);
  if (!style.number_format.empty()) format_set_num_format(format, style.number_format.c_str());
  using H = CellStyle::HAlign;
  switch (style.h_align) {
    case H::general:
      break;
    case H::left:
      format_set_align(format, LXW_ALIGN_LEFT);
      break;
    case H::center:
      format_set_align(format, LXW_ALIGN_CENTER);
      break;
    case H::right:
      format_set_align(format, LXW_ALIGN_RIGHT);
      break;
    case H::fill:
      format_set_align(format, LXW_ALIGN_FILL);
      break;
    case H::justify:
      format_set_align(format, LXW_ALIGN_JUSTIFY);
      break;
    case H::distributed:
      format_set_align(format, LXW_ALIGN_DISTRIBUTED);
      break;
  }
  using V = CellStyle::VAlign;
  switch (style.v_align) {
    case V::top:
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
      break;
    case V::center:
      format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
      break;
    case V::bottom:
      format_set_align(format, LXW_ALIGN_VERTICAL_BOTTOM);
      break;
  }
  if (style.wrap) format_set_text_wrap(format);
  if (style.border == CellStyle::Border::thin) format_set_border(format, LXW_BORDER_THIN);
  if (style.border == CellStyle::Border::medium) format_set_border(format, LXW_BORDER_MEDIUM);
  if (style.fill_rgb) {
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_bg_color(format, lxw_color(*style.fill_rgb));
  }
  if (style.font_rgb) format_set_font_color(format, lxw_color(*style.font_rgb));
  if (!style.locked) format_set_unlocked(format);
  if (style.indent > 0) format_set_indent(format, static_cast<uint8_t>(style.indent));

  styles_.push_back(style);
  formats_.push_back(format);
  return styles_.size() - 1;
}

StyleId WorkbookWriter::format_style(StyleId style, bool formula) {
  if (style >= styles_.size())
    throw std::invalid_argument("style id " + std::to_string(style) + " was not made by add_style");
  if (!formula || styles_[style].locked) return style;
  auto twin = locked_twin_.find(style);
  if (twin == locked_twin_.end()) {
    CellStyle locked = styles_[style];
    locked.locked = true;
    twin = locked_twin_.emplace(style, add_style(locked)).first;
  }
  return twin->second;
}

std::string WorkbookWriter::sheet_location() const {
  return sheet_ ? "sheet " + in_quotes(sheet_->setup.name) : std::string();
}

std::string WorkbookWriter::location(std::uint32_t row, std::uint16_t col) const {
  return sheet_location() + ", cell " + cell_name(row, col);
}

void WorkbookWriter::require_sheet(const char* operation) const {
  if (finished_) throw std::logic_error(std::string(operation) + " after finish()");
  if (!sheet_) throw std::logic_error(std::string(operation) + " outside begin_sheet()/end_sheet()");
}

void WorkbookWriter::begin_sheet(const SheetSetup& setup) {
  if (finished_) throw std::logic_error("begin_sheet after finish()");
  if (sheet_) end_sheet();
  settle();
  const std::string file = output_.target().string();
  validate_sheet_name(setup.name, file);
  const std::string where = "sheet " + in_quotes(setup.name);
  check_lxw(workbook_validate_sheet_name(workbook_.get(), setup.name.c_str()), file, where,
            "cannot use the sheet name");
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_.get(), setup.name.c_str());
  if (!worksheet) throw InputError(file, where, "cannot add the sheet");
  // In constant-memory mode the rows go to a stream that compresses them as they come, in place of
  // libxlsxwriter's temporary file (which is still there before the first row); where no stream can be
  // made, that file serves as before.
  std::unique_ptr<SheetRowStream> rows;
  if (options_.constant_memory && worksheet->optimize_tmpfile) {
    try {
      rows = std::make_unique<SheetRowStream>();
    } catch (const std::runtime_error&) {
    }
    if (rows) {
      std::fclose(worksheet->optimize_tmpfile);
      worksheet->optimize_tmpfile = rows->file();
      worksheet->file = rows->file();
    }
  }
  row_streams_.push_back(std::move(rows));

  std::vector<double> widths = setup.column_widths;
  for (std::size_t c = 0; c < widths.size(); ++c)
    if (!(widths[c] >= 0 && widths[c] <= 255))
      throw InputError(file, where + ", column " + column_name(static_cast<std::uint16_t>(c)),
                       "a column width is 0 (fitted) to 255 characters, found " + std::to_string(widths[c]));
  if (!(setup.max_fitted_width >= 1 && setup.max_fitted_width <= 255))
    throw InputError(file, where, "the fitted-width cap must be 1 to 255 characters");
  sheet_ =
      std::make_unique<Sheet>(Sheet{setup,
                                    worksheet,
                                    ColumnFit(std::move(widths), setup.max_fitted_width, max_digit_width_),
                                    std::nullopt,
                                    0,
                                    {}});

  const PrintSetup& print = setup.print;
  worksheet_set_paper(worksheet, 9);  // A4
  if (print.landscape)
    worksheet_set_landscape(worksheet);
  else
    worksheet_set_portrait(worksheet);
  if (print.fit_to_width) worksheet_fit_to_pages(worksheet, 1, 0);
  for (const double margin :
       {print.margin_left_in, print.margin_right_in, print.margin_top_in, print.margin_bottom_in})
    if (!(margin >= 0 && margin < 5))
      throw InputError(file, where, "page margins are 0 to 5 inches, found " + std::to_string(margin));
  worksheet_set_margins(worksheet, print.margin_left_in, print.margin_right_in, print.margin_top_in,
                        print.margin_bottom_in);
  if (print.center_horizontally) worksheet_center_horizontally(worksheet);
  for (const auto& [text, name] : {std::pair{&print.header, "header"}, std::pair{&print.footer, "footer"}}) {
    if (text->empty()) continue;
    if (const std::string problem = text_problem(*text); !problem.empty())
      throw InputError(file, where + ", page " + name, problem);
    const lxw_error status = std::string_view(name) == "header"
                                 ? worksheet_set_header(worksheet, text->c_str())
                                 : worksheet_set_footer(worksheet, text->c_str());
    check_lxw(status, file, where + ", page " + name, "cannot set " + in_quotes(*text));
  }
  if (print.repeat_rows_first >= 0 || print.repeat_rows_last >= 0) {
    if (print.repeat_rows_first < 0 || print.repeat_rows_last < print.repeat_rows_first)
      throw InputError(file, where, "repeated header rows need first <= last, both >= 0");
    check_lxw(worksheet_repeat_rows(worksheet, static_cast<lxw_row_t>(print.repeat_rows_first),
                                    static_cast<lxw_row_t>(print.repeat_rows_last)),
              file, where, "cannot repeat the header rows on every page");
  }
  if (setup.freeze_rows < 0 || setup.freeze_cols < 0 || setup.freeze_cols >= templating::max_cols)
    throw InputError(file, where, "frozen rows and columns must be >= 0 and inside the sheet");
  if (setup.freeze_rows > 0 || setup.freeze_cols > 0)
    worksheet_freeze_panes(worksheet, static_cast<lxw_row_t>(setup.freeze_rows),
                           static_cast<lxw_col_t>(setup.freeze_cols));
  if (setup.autofilter) set_autofilter(*setup.autofilter);
  if (setup.tab_rgb) worksheet_set_tab_color(worksheet, lxw_color(*setup.tab_rgb));
  if (setup.protect) {
    lxw_protection protection{};
    protection.autofilter = LXW_TRUE;  // "allow": filtering a protected register stays possible
    protection.format_columns = LXW_TRUE;
    worksheet_protect(worksheet, setup.password.empty() ? nullptr : setup.password.c_str(), &protection);
  }
}

void WorkbookWriter::write_row(SheetRow&& row) {
  require_sheet("write_row");
  Sheet& sheet = *sheet_;
  if (row.index >= templating::max_rows)
    throw InputError(output_.target().string(), sheet_location() + ", row " + std::to_string(row.index + 1),
                     "a sheet has at most 1,048,576 rows");
  if (sheet.last_row && row.index <= *sheet.last_row)
    throw std::invalid_argument("write_row: row " + std::to_string(row.index + 1) + " of " +
                                sheet_location() + " comes after row " + std::to_string(*sheet.last_row + 1) +
                                "; rows are written in increasing order");
  if (sheet.last_row && *sheet.last_row < sheet.merged_to_row && row.index != *sheet.last_row + 1)
    throw std::logic_error("write_row: row " + std::to_string(*sheet.last_row + 2) + " of " +
                           sheet_location() + " is inside a merged range and was not written");
  prepare_row(std::move(row));
}

void WorkbookWriter::prepare_row(SheetRow&& row) {
  Sheet& sheet = *sheet_;
  const std::uint32_t index = row.index;
  sheet.last_row = index;
  for (const auto& merge : row.merges.starting)
    sheet.merged_to_row = std::max(sheet.merged_to_row, merge.range.last_row);
  if (row.height && !(*row.height > 0 && *row.height <= 409))
    throw InputError(output_.target().string(), sheet_location() + ", row " + std::to_string(index + 1),
                     "a row height is 0 to 409 points, found " + std::to_string(*row.height));
  for (const auto& blank : row.merges.covered) format_style(blank.style, false);
  PreparedRow prepared{std::move(row), {}};
  prepared.formats.reserve(prepared.row.cells.size());
  for (const Cell& cell : prepared.row.cells) {
    check_cell(index, cell.col, cell);
    const bool blank = std::holds_alternative<std::monostate>(cell.value);
    prepared.formats.push_back(
        blank && cell.style == 0 ? 0 : format_style(cell.style, std::holds_alternative<Formula>(cell.value)));
  }
  queued_.push_back(std::move(prepared));
  if (queued_.size() >= rows_per_task) post_rows();
}

void WorkbookWriter::post_rows() {
  // Rows the worker has written are freed here, where their memory was taken: freeing it on the worker
  // would hand each block back to this thread's heap under its lock, row after row.
  std::vector<std::vector<PreparedRow>> spent;
  {
    const std::lock_guard lock(spent_mutex_);
    spent.swap(spent_);
  }
  spent.clear();
  if (queued_.empty()) return;
  std::vector<PreparedRow> rows = std::move(queued_);
  queued_ = {};
  queued_.reserve(rows_per_task);
  worker_.post([this, rows = std::move(rows)]() mutable {
    for (const PreparedRow& row : rows) emit_row(row);
    const std::lock_guard lock(spent_mutex_);
    spent_.push_back(std::move(rows));
  });
}

void WorkbookWriter::settle() {
  post_rows();
  worker_.drain();
}

// Runs once per cell of registers with 100,000 rows: messages and locations are only built on failure.
void WorkbookWriter::check_cell(std::uint32_t row, std::uint16_t col, const Cell& cell) {
  auto fail = [&](const std::string& message) {
    throw InputError(output_.target().string(), location(row, col), message);
  };
  auto check_text = [&](std::string_view text) {
    if (std::string problem = text_problem(text); !problem.empty()) fail(problem);
  };
  auto check_number = [&](double value) {
    if (!std::isfinite(value)) fail("a number cell must be finite, found " + std::to_string(value));
  };
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    check_text(*text);
    // libxlsxwriter refuses longer texts; said here, where the cell is given, rather than by the worker.
    if (text->size() > max_text_characters && characters(*text) > max_text_characters)
      check_lxw(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, output_.target().string(), location(row, col),
                "cannot write text");
  } else if (const auto* number = std::get_if<double>(&cell.value)) {
    check_number(*number);
  } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
    try {
      (void)excel_serial(*date);
    } catch (const std::invalid_argument& error) {
      fail(error.what());
    }
  } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
    check_text(formula->text);
    if (formula->text.empty() || formula->text == "=") fail("a formula cell has an empty formula");
    if (const auto* cached = std::get_if<double>(&formula->cached))
      check_number(*cached);
    else if (const auto* cached_text = std::get_if<std::string>(&formula->cached))
      check_text(*cached_text);
  }
}

void WorkbookWriter::emit_row(const PreparedRow& prepared) {
  Sheet& sheet = *sheet_;
  const std::uint32_t row = prepared.row.index;
  if (prepared.row.height) {
    const lxw_error status = worksheet_set_row(sheet.worksheet, row, *prepared.row.height, nullptr);
    if (status != LXW_NO_ERROR)
      check_lxw(status, output_.target().string(), sheet_location() + ", row " + std::to_string(row + 1),
                "cannot set the row height");
  }
  // Order matters in constant-memory mode, where libxlsxwriter flushes a row as soon as a later one is
  // touched and refuses earlier ones: the covered blanks make this row the current one, then the merged
  // ranges are registered (see register_merge), then the values overwrite the anchors' placeholders.
  const RowMerges& merges = prepared.row.merges;
  for (const auto& blank : merges.covered) emit_blank(row, blank.col, blank.style);
  if (options_.constant_memory) {
    for (const auto& merge : merges.finishing) register_merge(merge);
    for (const auto& merge : merges.starting)
      if (merge.range.last_row == row) register_merge(merge);
  } else {
    for (const auto& merge : merges.starting) register_merge(merge);
  }
  const std::vector<Cell>& cells = prepared.row.cells;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    emit_cell(row, cell.col, cell, prepared.formats[i]);
    if (cell.colspan == 1 && sheet.columns.wants(cell.col)) observe_width(cell.col, cell);
  }
}

// libxlsxwriter records a merged range with worksheet_merge_range(), which also writes an empty string
// into the anchor and styled blanks into the other cells. In constant-memory mode that is only safe in the
// range's last row: earlier rows are refused (and left as written), later ones would flush the current row
// too early. So merges are registered there, before the row's own values; in the normal mode at their first
// row, before the anchor's value.
void WorkbookWriter::register_merge(const MergedRange& merge) {
  const CellRange& r = merge.range;
  check_lxw(worksheet_merge_range(sheet_->worksheet, r.first_row, r.first_col, r.last_row, r.last_col, "",
                                  formats_[merge.style]),
            output_.target().string(), sheet_location() + ", range " + range_name(r), "cannot merge cells");
}

void WorkbookWriter::emit_blank(std::uint32_t row, std::uint16_t col, StyleId style) {
  const lxw_error status = worksheet_write_blank(sheet_->worksheet, row, col, formats_[style]);
  if (status != LXW_NO_ERROR)
    check_lxw(status, output_.target().string(), location(row, col), "cannot write a blank cell");
}

// The cell was checked by check_cell; `format` is the style its format comes from.
void WorkbookWriter::emit_cell(std::uint32_t row, std::uint16_t col, const Cell& cell, StyleId format) {
  lxw_worksheet* worksheet = sheet_->worksheet;
  lxw_error status = LXW_NO_ERROR;
  const char* action = "";
  if (std::holds_alternative<std::monostate>(cell.value)) {
    if (cell.style != 0) emit_blank(row, col, format);
    return;
  }
  lxw_format* look = formats_[format];
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    status = worksheet_write_string(worksheet, row, col, text->c_str(), look);
    action = "cannot write text";
  } else if (const auto* number = std::get_if<double>(&cell.value)) {
    status = worksheet_write_number(worksheet, row, col, *number, look);
    action = "cannot write a number";
  } else if (const auto* flag = std::get_if<bool>(&cell.value)) {
    status = worksheet_write_boolean(worksheet, row, col, *flag ? 1 : 0, look);
    action = "cannot write a boolean";
  } else if (const auto* date = std::get_if<CellDate>(&cell.value)) {
    status = worksheet_write_number(worksheet, row, col, excel_serial(*date), look);
    action = "cannot write a date";
  } else {
    const auto& formula = std::get<Formula>(cell.value);
    if (const auto* cached = std::get_if<double>(&formula.cached)) {
      status = worksheet_write_formula_num(worksheet, row, col, formula.text.c_str(), look, *cached);
    } else if (const auto* cached_text = std::get_if<std::string>(&formula.cached)) {
      status =
          worksheet_write_formula_str(worksheet, row, col, formula.text.c_str(), look, cached_text->c_str());
    } else {
      status = worksheet_write_formula_num(worksheet, row, col, formula.text.c_str(), look,
                                           std::get<bool>(formula.cached) ? 1.0 : 0.0);
    }
    if (status != LXW_NO_ERROR)
      check_lxw(status, output_.target().string(), location(row, col),
                "cannot write the formula " + in_quotes(formula.text));
  }
  if (status != LXW_NO_ERROR) check_lxw(status, output_.target().string(), location(row, col), action);
}

bool WorkbookWriter::tabular_digits(StyleId style) {
  if (style >= tabular_digits_.size()) tabular_digits_.resize(styles_.size(), -1);
  if (tabular_digits_[style] < 0) {
    const double zero = measure_("0", styles_[style]);
    bool same = true;
    for (char digit = '1'; digit <= '9' && same; ++digit)
      same = std::abs(measure_(std::string_view(&digit, 1), styles_[style]) - zero) < 1e-9;
    tabular_digits_[style] = same ? 1 : 0;
  }
  return tabular_digits_[style] == 1;
}

const NumberDisplay& WorkbookWriter::number_display(StyleId style) {
  if (style >= number_displays_.size()) number_displays_.resize(styles_.size());
  if (!number_displays_[style]) number_displays_[style].emplace(styles_[style].number_format);
  return *number_displays_[style];
}

double WorkbookWriter::measure_cached(std::string_view text, StyleId style) {
  std::string& key = measure_key_;  // its room is kept from text to text
  key.clear();
  key.append(reinterpret_cast<const char*>(&style), sizeof style).append(text);
  const std::size_t prefix = sizeof style;
  bool has_digits = false;
  for (std::size_t i = prefix; i < key.size() && !has_digits; ++i)
    has_digits = key[i] >= '1' && key[i] <= '9';
  // With tabular digits every digit measures as 0 does: S001234 and S000000 are one width.
  if (has_digits && tabular_digits(style))
    for (std::size_t i = prefix; i < key.size(); ++i)
      if (key[i] >= '1' && key[i] <= '9') key[i] = '0';
  if (const auto known = measured_.find(key); known != measured_.end()) return known->second;
  if (measured_.size() >= measure_cache_limit) measured_.clear();
  const double points = measure_(std::string_view(key).substr(prefix), styles_[style]);
  measured_.emplace(key, points);
  return points;
}

void WorkbookWriter::observe_width(std::uint16_t col, const Cell& cell) {
  // A column repeats itself from row to row (a school's name and code for each of its students, the same
  // rate): what was measured last in the column widens nothing when it comes again.
  if (col >= sheet_->last_observed.size()) sheet_->last_observed.resize(col + 1U);
  if (sheet_->last_observed[col].repeats(cell)) return;
  const CellStyle& style = styles_[cell.style];
  std::string shown;
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    double widest = 0;
    for (std::size_t start = 0; start < text->size();) {
      const std::string_view line = widest_line_candidate(*text, start);
      if (!line.empty()) widest = std::max(widest, measure_cached(line, cell.style));
    }
    sheet_->columns.observe(col, widest + style.indent * 3.0 * max_digit_width_ * 72.0 / 96.0);
    return;
  }
  const double indent = style.indent * 3.0 * max_digit_width_ * 72.0 / 96.0;
  std::optional<double> number;
  if (const auto* value = std::get_if<double>(&cell.value))
    number = *value;
  else if (const auto* date = std::get_if<CellDate>(&cell.value))
    number = excel_serial(*date);
  else if (const auto* formula = std::get_if<Formula>(&cell.value); formula && formula->cached.index() == 0)
    number = std::get<double>(formula->cached);
  if (number) {
    // Amounts, rates and distances recur: a number's width in a style is remembered (negative: shows
    // nothing).
    const NumberKey key{cell.style, std::bit_cast<std::uint64_t>(*number)};
    auto known = number_widths_.find(key);
    if (known == number_widths_.end()) {
      shown = number_display(cell.style).text(*number);
      if (number_widths_.size() >= measure_cache_limit) number_widths_.clear();
      known = number_widths_.emplace(key, shown.empty() ? -1.0 : measure_cached(shown, cell.style)).first;
    }
    if (known->second >= 0) sheet_->columns.observe(col, known->second + indent);
    return;
  }
  if (const auto* flag = std::get_if<bool>(&cell.value)) {
    shown = *flag ? "TRUE" : "FALSE";
  } else if (const auto* formula = std::get_if<Formula>(&cell.value)) {
    if (const auto* cached_text = std::get_if<std::string>(&formula->cached))
      shown = *cached_text;
    else
      shown = std::get<bool>(formula->cached) ? "TRUE" : "FALSE";
  }
  if (!shown.empty()) sheet_->columns.observe(col, measure_cached(shown, cell.style) + indent);
}

void WorkbookWriter::set_autofilter(const CellRange& range) {
  require_sheet("set_autofilter");
  settle();
  const std::string where = sheet_location() + ", range " + range_name(range);
  if (range.first_row > range.last_row || range.first_col > range.last_col ||
      range.last_row >= templating::max_rows || range.last_col >= templating::max_cols)
    throw InputError(output_.target().string(), where,
                     "a filter range runs from its top-left to its bottom-right cell");
  lxw_worksheet* worksheet = sheet_->worksheet;
  // In constant-memory mode libxlsxwriter refuses a range that ends above the row it is writing, which a
  // filter set after the rows (with totals below the data) does. It is registered down to that row and
  // then narrowed in libxlsxwriter's public autofilter record, which is only read when the sheet is closed.
  const std::uint32_t reachable = options_.constant_memory && sheet_->last_row
                                      ? std::max(range.last_row, *sheet_->last_row)
                                      : range.last_row;
  check_lxw(worksheet_autofilter(worksheet, range.first_row, range.first_col, reachable, range.last_col),
            output_.target().string(), where, "cannot set the filter");
  worksheet->autofilter.last_row = range.last_row;
}

void WorkbookWriter::add_conditional_format(const CellRange& range, const ConditionalRule& rule) {
  require_sheet("add_conditional_format");
  settle();
  const std::string file = output_.target().string();
  const std::string where = sheet_location() + ", range " + range_name(range);
  if (const std::string problem = text_problem(rule.formula); !problem.empty())
    throw InputError(file, where, problem);
  lxw_format* look = workbook_add_format(workbook_.get());
  if (!look) throw InputError(file, where, "cannot add a format (out of memory?)");
  if (rule.fill_rgb) {
    format_set_pattern(look, LXW_PATTERN_SOLID);
    format_set_bg_color(look, lxw_color(*rule.fill_rgb));
  }
  if (rule.font_rgb) format_set_font_color(look, lxw_color(*rule.font_rgb));
  if (rule.bold) format_set_bold(look);
  std::string formula = rule.formula;
  lxw_conditional_format conditional{};
  conditional.type = LXW_CONDITIONAL_TYPE_FORMULA;
  conditional.value_string = formula.data();
  conditional.format = look;
  check_lxw(worksheet_conditional_format_range(sheet_->worksheet, range.first_row, range.first_col,
                                               range.last_row, range.last_col, &conditional),
            file, where, "cannot add the conditional format " + in_quotes(rule.formula));
}

void WorkbookWriter::add_list_validation(const CellRange& range, const ListValidation& validation) {
  require_sheet("add_list_validation");
  settle();
  const std::string file = output_.target().string();
  const std::string where = sheet_location() + ", range " + range_name(range);
  if (validation.allowed.empty()) throw InputError(file, where, "a list of allowed values must not be empty");
  std::vector<std::string> values = validation.allowed;
  std::vector<char*> list;
  for (auto& value : values) {
    if (const std::string problem = text_problem(value); !problem.empty())
      throw InputError(file, where, problem);
    list.push_back(value.data());
  }
  list.push_back(nullptr);
  std::string title = validation.error_title;
  std::string message = validation.error_message;
  lxw_data_validation rule{};
  rule.validate = LXW_VALIDATION_TYPE_LIST;
  rule.value_list = list.data();
  rule.ignore_blank = validation.allow_blank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
  if (!title.empty()) rule.error_title = title.data();
  if (!message.empty()) rule.error_message = message.data();
  check_lxw(worksheet_data_validation_range(sheet_->worksheet, range.first_row, range.first_col,
                                            range.last_row, range.last_col, &rule),
            file, where, "cannot add the list of allowed values");
}

void WorkbookWriter::end_sheet() {
  require_sheet("end_sheet");
  Sheet& sheet = *sheet_;
  if (sheet.last_row && *sheet.last_row < sheet.merged_to_row)
    throw std::logic_error("end_sheet: rows " + std::to_string(*sheet.last_row + 2) + " to " +
                           std::to_string(sheet.merged_to_row + 1) + " of " + sheet_location() +
                           " are inside a merged range and were not written");
  settle();
  for (const auto& width : sheet.columns.widths())
    check_lxw(worksheet_set_column(sheet.worksheet, width.col, width.col, libxlsxwriter_width(width.stored),
                                   nullptr),
              output_.target().string(), sheet_location() + ", column " + column_name(width.col),
              "cannot set the column width");
  sheet_.reset();
}

void WorkbookWriter::finish() {
  if (finished_) throw std::logic_error("finish() called twice");
  if (sheet_) end_sheet();
  settle();
  finished_ = true;
  const std::string file = output_.target().string();
  check_lxw(workbook_close(workbook_.release()), file, "", "cannot write the workbook");
  try {
    // libxlsxwriter has written each sheet's last row now (it numbers styles in the order cells are
    // written, so that row is left to it).
    for (const auto& rows : row_streams_)
      if (rows) rows->finish();
    MemberChanges changes;
    changes.transform.emplace("xl/styles.xml", [this](std::string xml) {
      return patch_styles_fonts(std::move(xml), options_.normal_style, charsets_);
    });
    // libxlsxwriter numbers the worksheets' parts in the order they were added.
    for (std::size_t i = 0; i < row_streams_.size(); ++i)
      if (const SheetRowStream* rows = row_streams_[i].get())
        changes.replace.emplace("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                                [rows](std::string xml) { return rows->splice(xml); });
    rewrite_zip(package_path_, output_.temporary_path(), changes);
  } catch (const std::runtime_error& error) {
    throw InputError(file, "", std::string("cannot complete the workbook: ") + error.what());
  }
  std::error_code ec;
  fs::remove(package_path_, ec);
  output_.commit();
}

}  // namespace raingan::xlsx
