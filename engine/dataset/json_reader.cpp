#include "dataset/json_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/input_file.h"
#include "core/utf8.h"
#include "dataset/json_path.h"

namespace raingan::dataset {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Walks the file's bytes for the JSON parser and records how far it has read, so that each event of the
// parser can be placed in the file (the parser itself reports positions only for errors).
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* position, const char** furthest) : position_(position), furthest_(furthest) {}
  reference operator*() const { return *position_; }
  TrackingIterator& operator++() {
    ++position_;
    if (furthest_ != nullptr) *furthest_ = position_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator copy = *this;
    ++*this;
    return copy;
  }
  bool operator==(const TrackingIterator& other) const { return position_ == other.position_; }

 private:
  const char* position_ = nullptr;
  const char** furthest_ = nullptr;
};

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Friendly names for the parser's token names.
std::string token_phrase(std::string_view token) {
  if (token == "string literal") return "a string";
  if (token == "number literal") return "a number";
  if (token == "true literal") return "true";
  if (token == "false literal") return "false";
  if (token == "null literal") return "null";
  if (token == "end of input") return "the end of the file";
  if (token == "'[', '{', or a literal")
    return "a value (object, array, string, number, true, false or null)";
  return std::string(token);
}

bool is_value_token(std::string_view token) {
  return token == "string literal" || token == "number literal" || token == "true literal" ||
         token == "false literal" || token == "null literal" || token == "'['" || token == "'{'";
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class TreeBuilder final : public nlohmann::json_sax<Json> {
 public:
  TreeBuilder(std::string_view text, std::string file, const LineIndex& lines, const ReaderOptions& options)
      : text_(text), read_to_(text.data()), file_(std::move(file)), lines_(lines), options_(options) {}

  const char** read_position() { return &read_to_; }
  std::vector<Diagnostic>& problems() { return problems_; }
  bool finished() const { return root_done_; }
  Value root() const { return root_; }
  ValueStore take_store() { return std::move(store_); }

  bool null() override { return add(Value::make_null(consumed() - 4)); }
  bool boolean(bool value) override { return add(Value::make_boolean(value, consumed() - (value ? 4 : 5))); }
  bool number_integer(number_integer_t) override { return add_number(); }
  bool number_unsigned(number_unsigned_t) override { return add_number(); }
  bool number_float(number_float_t, const string_t&) override { return add_number(); }
  bool string(string_t& value) override {
    const std::size_t start = string_start(consumed());
    check_string_length(value, "string");
    check_control_characters(value);
    return add(store_.string(value, start));
  }
  bool binary(binary_t&) override { return true; }  // JSON text has no binary values

  bool start_object(std::size_t) override { return open(true, consumed() - 1); }
  bool key(string_t& key) override {
    Frame& frame = frames_[depth_ - 1];
    frame.pending = store_.member(key, Value());
    frame.has_pending = true;
    frame.pending_key_offset = string_start(consumed());
    frame.skip_pending = false;
    check_string_length(key, "key");
    if (const auto first = earlier_key_offset(frame)) {
      frame.skip_pending = true;
      problems_.push_back(
          {file_, current_path(),
           "expected each key once in an object, found \"" + std::string(frame.pending.key()) +
               "\" again (first on line " + std::to_string(lines_.line_of(*first)) + ", again on line " +
               std::to_string(lines_.line_of(frame.pending_key_offset)) + "); the later one is ignored"});
    } else if (frame.key_index.empty()) {
      if (frame.members.size() >= small_object) index_keys(frame);
    }
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(false, consumed() - 1); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override {
    if (error.id == 406) {  // number overflow, e.g. 1e400
      const std::string what = error.what();
      const std::size_t open_quote = what.find('\'');
      const std::size_t close_quote = what.rfind('\'');
      const std::string number = (open_quote != std::string::npos && close_quote > open_quote)
                                     ? what.substr(open_quote + 1, close_quote - open_quote - 1)
                                     : last_token;
      const std::size_t offset = position > number.size() ? position - number.size() : 0;
      problems_.push_back({file_, current_path(),
                           "expected a number within about ±1.8e308, found " + number + " (line " +
                               std::to_string(lines_.line_of(offset)) + ")"});
      return false;
    }
    report_syntax_error(position, error.what());
    return false;
  }

 private:
  // An array or object being read. Frames are kept for reuse by the next container at the same depth, so
  // their vectors do not grow anew for each of 100,000 records.
  struct Frame {
    bool is_object = false;
    std::size_t offset = 0;                // of its '[' or '{'
    std::vector<Value> items;              // arrays
    std::vector<Member> members;           // objects
    std::vector<std::size_t> key_offsets;  // objects: where each member's key starts, for repeated keys
    Member pending;                        // objects: the key whose value is being read
    bool has_pending = false;
    std::size_t pending_key_offset = 0;
    bool skip_pending = false;  // the pending key repeats an earlier one; its value is dropped
    // Stored keys (one pointer per distinct key) to where they start; filled once the object has many keys.
    std::unordered_map<const char*, std::size_t> key_index;
  };
  static constexpr std::size_t small_object = 16;

  std::size_t consumed() const { return static_cast<std::size_t>(read_to_ - text_.data()); }

  // The opening quote of the string whose closing quote was the last byte read.
  std::size_t string_start(std::size_t end) const {
    if (end < 2) return 0;
    for (std::size_t i = end - 1; i-- > 0;) {
      if (text_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }

  bool add_number() {
    // The parser has read one byte past the number unless the number ends the file.
    std::size_t end = consumed();
    if (end > 0 && !is_number_char(text_[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && is_number_char(text_[start - 1])) --start;
    return add(store_.number(text_.substr(start, end - start), start));
  }

  // Keys of one store are stored once, so a repeated key has the same data() as the first.
  std::optional<std::size_t> earlier_key_offset(const Frame& frame) const {
    const char* key = frame.pending.key().data();
    if (!frame.key_index.empty()) {
      const auto found = frame.key_index.find(key);
      if (found != frame.key_index.end()) return found->second;
      return std::nullopt;
    }
    for (std::size_t i = 0; i < frame.members.size(); ++i)
      if (frame.members[i].key().data() == key) return frame.key_offsets[i];
    return std::nullopt;
  }

  static void index_keys(Frame& frame) {
    for (std::size_t i = 0; i < frame.members.size(); ++i)
      frame.key_index.emplace(frame.members[i].key().data(), frame.key_offsets[i]);
  }

  void check_string_length(std::string_view value, std::string_view what) {
    if (value.size() <= options_.max_string_bytes) return;
    problems_.push_back({file_, current_path(),
                         "expected a " + std::string(what) + " of at most " +
                             size_text(options_.max_string_bytes) + ", found one of " +
                             size_text(value.size()) + " (line " +
                             std::to_string(lines_.line_of(consumed() == 0 ? 0 : consumed() - 1)) +
                             "); raise the limit with " + std::string(max_string_flag)});
  }

  // A \u escape can put a control character into a text (ESC, NUL, BEL): it would be drawn as nothing yet
  // copied into the PDF's text layer, and an XLSX cannot hold it. Tab, line feed and carriage return stay.
  void check_control_characters(std::string_view value) {
    const auto at = utf8::first_invalid_byte(value, utf8::Controls::refused);
    if (!at) return;
    char code[8];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned char>(value[*at]));
    problems_.push_back({file_, current_path(),
                         std::string("expected text without control characters, found U+") + code +
                             " (written \\u" + code + ", line " +
                             std::to_string(lines_.line_of(consumed() == 0 ? 0 : consumed() - 1)) +
                             "); remove it, or write a line break as \\n"});
  }

  bool add(Value value) {
    if (depth_ == 0) {
      root_ = value;
      root_done_ = true;
      return true;
    }
    Frame& frame = frames_[depth_ - 1];
    if (!frame.is_object) {
      frame.items.push_back(value);
    } else {
      if (!frame.skip_pending) {
        if (!frame.key_index.empty())
          frame.key_index.emplace(frame.pending.key().data(), frame.pending_key_offset);
        frame.pending.value = value;
        frame.members.push_back(frame.pending);
        frame.key_offsets.push_back(frame.pending_key_offset);
      }
      frame.has_pending = false;
    }
    return true;
  }

  bool open(bool is_object, std::size_t offset) {
    if (depth_ + 1 > options_.max_depth) {
      problems_.push_back({file_, shorten_path(current_path()),
                           "expected at most " + std::to_string(options_.max_depth) +
                               " levels of nested objects and arrays, found deeper nesting (line " +
                               std::to_string(lines_.line_of(offset)) + "); raise the limit with " +
                               std::string(max_depth_flag)});
      return false;
    }
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.is_object = is_object;
    frame.offset = offset;
    frame.items.clear();
    frame.members.clear();
    frame.key_offsets.clear();
    frame.has_pending = false;
    frame.skip_pending = false;
    frame.key_index.clear();
    return true;
  }

  // The finished container goes to the store in one block of its exact size.
  bool close() {
    const Frame& frame = frames_[depth_ - 1];
    const Value done = frame.is_object ? store_.object(frame.members, frame.offset)
                                       : store_.array(frame.items, frame.offset);
    --depth_;
    return add(done);
  }

  // Path of the value being read now.
  std::string current_path() const {
    std::string path;
    for (std::size_t depth = 0; depth < depth_; ++depth) {
      const Frame& frame = frames_[depth];
      if (frame.is_object) {
        if (!frame.has_pending) break;  // between members: the object itself
        path = append_key(path, frame.pending.key());
      } else
        path = append_index(path, frame.items.size());
    }
    return path;
  }

  // Where the token that ends at `end` starts, given the parser's name for it.
  std::size_t token_start(std::string_view token, std::size_t end) const {
    if (end == 0) return 0;
    if (token == "string literal") return string_start(end);
    if (token == "true literal" || token == "null literal") return end >= 4 ? end - 4 : 0;
    if (token == "false literal") return end >= 5 ? end - 5 : 0;
    if (token == "number literal") {
      std::size_t stop = end;
      if (!is_number_char(text_[stop - 1])) --stop;
      while (stop > 0 && is_number_char(text_[stop - 1])) --stop;
      return stop;
    }
    return end - 1;
  }

  // Start of the word the parser stopped in (NaN, Infinity, an unquoted key).
  std::size_t word_start(std::size_t offset) const {
    std::size_t start = std::min(offset, text_.size());
    while (start > 0 && std::isalpha(static_cast<unsigned char>(text_[start - 1])) != 0) --start;
    if (start > 0 && (text_[start - 1] == '-' || text_[start - 1] == '+')) --start;
    return start;
  }

  // The word at `start`, for "found …"; a single character when no word starts there.
  std::string word_at(std::size_t start) const {
    std::size_t end = start;
    while (end < text_.size() && end - start < 24 &&
           (std::isalnum(static_cast<unsigned char>(text_[end])) != 0 || text_[end] == '_' ||
            text_[end] == '-' || text_[end] == '+' || text_[end] == '.'))
      ++end;
    if (end == start && start < text_.size())
      end = start +
            std::min(utf8::sequence_length(static_cast<unsigned char>(text_[start])), text_.size() - start);
    return std::string(text_.substr(start, end - start));
  }

  std::string open_containers() const {
    if (depth_ == 0) return "";
    const Frame& innermost = frames_[depth_ - 1];
    const std::string kind = innermost.is_object ? "object" : "array";
    std::string text = "; the " + kind + " opened on line " +
                       std::to_string(lines_.line_of(innermost.offset)) + " is not closed";
    if (depth_ > 1) text += " (nor " + std::to_string(depth_ - 1) + " around it)";
    return text;
  }

  char previous_significant(std::size_t offset) const {
    while (offset > 0) {
      const char c = text_[--offset];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
    }
    return '\0';
  }

  void report_syntax_error(std::size_t position, std::string_view what) {
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing
    // <context> - <problem>"
    std::string_view detail = what;
    if (const std::size_t column = detail.find("column "); column != std::string_view::npos) {
      if (const std::size_t colon = detail.find(": ", column); colon != std::string_view::npos)
        detail = detail.substr(colon + 2);
    }
    std::string_view context;
    std::string_view problem = detail;
    constexpr std::string_view while_parsing = "syntax error while parsing ";
    if (detail.substr(0, while_parsing.size()) == while_parsing) {
      const std::size_t dash = detail.find(" - ");
      if (dash != std::string_view::npos) {
        context = detail.substr(while_parsing.size(), dash - while_parsing.size());
        problem = detail.substr(dash + 3);
      }
    }
    std::string_view found_token;
    std::string_view expected_token;
    std::string_view lexer_message;
    constexpr std::string_view unexpected = "unexpected ";
    if (problem.substr(0, unexpected.size()) == unexpected) {
      const std::size_t semicolon = problem.find("; expected ");
      found_token = problem.substr(unexpected.size(), semicolon == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : semicolon - unexpected.size());
      if (semicolon != std::string_view::npos) expected_token = problem.substr(semicolon + 11);
    } else {
      lexer_message = problem.substr(0, problem.find("; last read: "));
      if (const std::size_t expected_at = problem.rfind("; expected "); expected_at != std::string_view::npos)
        expected_token = problem.substr(expected_at + 11);
    }

    std::size_t offset = position == 0 ? 0 : position - 1;
    if (!found_token.empty() && found_token != "end of input") offset = token_start(found_token, position);
    const bool at_end = offset >= text_.size() || found_token == "end of input" ||
                        lexer_message == "invalid string: missing closing quote";

    std::string expected =
        expected_token.empty() ? token_phrase("'[', '{', or a literal") : token_phrase(expected_token);
    if (context == "object key" && expected_token == "string literal") expected = "a key in double quotes";
    if (context == "object separator") expected = "':' after the key";
    if (context == "object" && expected_token == "'}'") expected = "',' or '}'";
    if (context == "array" && expected_token == "']'") expected = "',' or ']'";
    if (context == "value" && expected_token == "end of input")
      expected = "the end of the file after the first JSON value (a dataset is one JSON object)";

    std::string message;
    if (at_end) {
      const bool blank = text_.find_first_not_of(" \t\r\n") == std::string_view::npos;
      if (blank) {
        message = "expected a JSON object, found an empty file";
      } else {
        if (lexer_message == "invalid string: missing closing quote")
          expected = "the closing '\"' of a string";
        message = "expected " + (expected.empty() ? std::string("more JSON") : expected) +
                  ", found the end of the file: the file is cut off" + open_containers();
      }
      offset = text_.size();
    } else if (!found_token.empty()) {
      const char before = previous_significant(offset);
      if ((found_token == "'}'" || found_token == "']'") && before == ',') {
        message = "expected another " + std::string(found_token == "'}'" ? "member" : "item") +
                  " after ',', found " + std::string(found_token) + ": JSON allows no comma before " +
                  std::string(found_token);
      } else {
        message = "expected " + expected + ", found " + token_phrase(found_token);
        if ((context == "object" || context == "array") && is_value_token(found_token))
          message += " (is a comma missing?)";
      }
    } else {
      message = explain_lexer_problem(lexer_message, context, expected, offset);
    }
    std::string location = lines_.describe(text_, offset);
    if (const std::string path = current_path(); !path.empty()) location += " in " + shorten_path(path);
    problems_.push_back({file_, location, message});
  }

  std::string explain_lexer_problem(std::string_view lexer_message, std::string_view context,
                                    const std::string& expected, std::size_t& offset) const {
    const char c = offset < text_.size() ? text_[offset] : '\0';
    if (lexer_message == "invalid literal" || lexer_message.substr(0, 15) == "invalid number;") {
      const std::size_t start = word_start(offset);
      const std::string word = word_at(start);
      const std::string bare =
          lowercase_ascii(!word.empty() && (word[0] == '-' || word[0] == '+') ? word.substr(1) : word);
      if (bare == "nan" || bare.substr(0, 3) == "inf") {
        offset = start;
        return "expected a number or null, found " + word +
               ": NaN and Infinity are not JSON numbers; write null or leave the field out";
      }
      if (c == '\'') return "expected " + expected + ", found ': JSON strings and keys use double quotes";
      if (c == '/') return "expected " + expected + ", found '/': JSON has no comments";
      if (lexer_message.substr(0, 15) == "invalid number;") {
        // "invalid number; expected digit after '.'"
        constexpr std::string_view after = "expected digit after ";
        const std::size_t at = lexer_message.find(after);
        offset = std::min(offset, text_.size() - 1);
        if (at != std::string_view::npos)
          return "expected a digit after " + std::string(lexer_message.substr(at + after.size())) +
                 " in a number, found '" + word_at(offset) + "'";
        return "expected a number written like 12, -0.5 or 1.25e3, found " + word;
      }
      offset = start;
      if (context == "object key") return "expected a key in double quotes, found " + word;
      return "expected " + expected + ", found " + word;
    }
    if (lexer_message.substr(0, 15) == "invalid string:") {
      const std::string_view what = lexer_message.substr(16);
      if (what == "forbidden character after backslash")
        return "expected an escape \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX after '\\', found '\\" +
               std::string(1, c) + "'";
      if (what.substr(0, 18) == "control character ") {
        // "control character U+000A (LF) must be escaped to \u000A or \n"
        const std::string_view rest = what.substr(18);
        const std::size_t must = rest.find(" must be escaped to ");
        if (must != std::string_view::npos)
          return "expected a string without raw control characters, found " +
                 std::string(rest.substr(0, must)) + "; write it as " + std::string(rest.substr(must + 20));
      }
      if (what.find("4 hex digits") != std::string_view::npos)
        return "expected four hex digits after \\u, found '" + std::string(1, c) + "'";
      if (what.find("surrogate") != std::string_view::npos)
        return "expected a valid \\u escape pair, found a lone UTF-16 surrogate (" + std::string(what) + ")";
      return "expected a valid string, found " + std::string(what);
    }
    return "expected " + expected + ", found " + std::string(lexer_message);
  }

  std::string_view text_;
  const char* read_to_;
  std::string file_;
  const LineIndex& lines_;
  const ReaderOptions& options_;
  std::vector<Diagnostic> problems_;
  ValueStore store_;
  std::vector<Frame> frames_;  // frames_[0 … depth_ - 1] are open
  std::size_t depth_ = 0;
  Value root_;
  bool root_done_ = false;
};

JsonReadResult parse(std::string_view text, std::string file, const ReaderOptions& options) {
  JsonReadResult result;
  if (text.size() > options.max_file_bytes) {
    result.problems.push_back({file, "",
                               "expected a dataset of at most " + size_text(options.max_file_bytes) +
                                   ", found " + size_text(text.size()) + "; raise the limit with " +
                                   std::string(max_file_flag)});
    return result;
  }
  LineIndex lines(text);
  if (const auto bad = utf8::first_invalid_byte(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
    const bool utf16 =
        text.size() >= 2 &&
        ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
         (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF));
    result.problems.push_back(
        {file, lines.describe(text, *bad),
         "expected UTF-8 text, found byte " + std::string(hex) + " that is not valid UTF-8" +
             (utf16 ? " (the file looks like UTF-16; save it as UTF-8)" : "; save the file as UTF-8")});
    return result;
  }
  TreeBuilder builder(text, file, lines, options);
  const TrackingIterator first(text.data(), builder.read_position());
  const TrackingIterator last(text.data() + text.size(), nullptr);
  const bool parsed = Json::sax_parse(first, last, &builder);
  result.problems = std::move(builder.problems());
  if (parsed && builder.finished())
    result.document = JsonDocument{std::move(file), builder.root(), std::move(lines), builder.take_store()};
  return result;
}

std::string read_file_bytes(const fs::path& path, const ReaderOptions& options,
                            std::vector<Diagnostic>& problems) {
  try {
    return read_input_file(path, "dataset", options.max_file_bytes,
                           "raise the limit with " + std::string(max_file_flag));
  } catch (const InputError& error) {
    problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    return {};
  }
}

[[noreturn]] void throw_problems(std::vector<Diagnostic> problems) { throw InputError(std::move(problems)); }

}  // namespace

JsonReadResult try_read_json_text(std::string_view text, std::string file_label,
                                  const ReaderOptions& options) {
  return parse(text, std::move(file_label), options);
}

JsonReadResult try_read_json_file(const fs::path& path, const ReaderOptions& options) {
  const std::string label = path.string();
  std::vector<Diagnostic> problems;
  const std::string bytes = read_file_bytes(path, options, problems);
  if (!problems.empty()) return JsonReadResult{std::nullopt, std::move(problems)};
  return parse(bytes, label, options);
}

JsonDocument read_json_text(std::string_view text, std::string file_label, const ReaderOptions& options) {
  JsonReadResult result = try_read_json_text(text, std::move(file_label), options);
  if (!result.problems.empty() || !result.document) throw_problems(std::move(result.problems));
  return std::move(*result.document);
}

JsonDocument read_json_file(const fs::path& path, const ReaderOptions& options) {
  JsonReadResult result = try_read_json_file(path, options);
  if (!result.problems.empty() || !result.document) throw_problems(std::move(result.problems));
  return std::move(*result.document);
}

}  // namespace raingan::dataset
