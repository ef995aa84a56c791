#pragma once
// Where each value of an imported dataset came from, so that what the validator says about a JSON path
// (students[15].distance_km: expected a number >= 0, found -1.5) is said about the cell the clerk typed it
// in (นักเรียน!D17: …). Arrays filled from a sheet keep one row number per item and one column per field,
// not one entry per value, so that a 100,000-row sheet costs a few hundred kilobytes here.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace raingan::intake {

struct PlacedProblem {
  Diagnostic problem;     // at its sheet and cell
  std::string json_path;  // the value, record or array it is about
};

class SourceMap {
 public:
  // A single value from one cell (the values sheet) or from the command line.
  void add_value(const std::string& json_path, std::string location);
  // A single value's title and sheet, to ask for it when it (or the object around it) is missing; `required`
  // when the object around it cannot be without it.
  void add_value_title(const std::string& json_path, std::string title, std::string sheet, bool required);

  // A sheet's columns: field path inside a record ("responsible.name", "by_quarter[2]") -> column and title.
  std::size_t add_sheet(std::string sheet_name);
  void add_column(std::size_t sheet, const std::string& field_path, std::uint32_t column, std::string title);
  void add_missing_column(std::size_t sheet, const std::string& field_path);
  // An array of each record whose items are the rows of another sheet (the schools merged into a host).
  void add_child_sheet(std::size_t sheet, const std::string& field_path, std::string child_sheet);

  // An array whose items are the rows of a sheet, in order.
  void add_array(const std::string& json_path, std::size_t sheet, std::vector<std::uint32_t> rows);

  // A value whose problem is already reported (a cell that could not be converted, a missing sheet).
  void suppress(const std::string& json_path);

  // The problem said where it came from, with the dataset path it is about: none when it repeats one
  // already reported, one per value needed when an object of single values is missing.
  std::vector<PlacedProblem> translate(Diagnostic problem) const;

  // The dataset path of what each problem's location names, for a form that shows the problem at its field:
  // a cell of a record sheet ("นักเรียน!D17" -> "students[15].distance_km"), a row ("นักเรียน!17:17" ->
  // "students[15]"), a sheet of records (-> "students"), a cell of the values sheet; empty for the others.
  std::vector<std::string> json_paths(const std::vector<Diagnostic>& problems) const;

 private:
  struct SheetColumns {
    std::string name;
    std::map<std::string, std::pair<std::uint32_t, std::string>, std::less<>> columns;
    std::set<std::string, std::less<>> missing;
    std::map<std::string, std::string, std::less<>> children;  // field -> the sheet of its rows
  };
  struct ArraySource {
    std::size_t sheet = 0;
    std::vector<std::uint32_t> rows;
  };
  struct ValueTitle {
    std::string title;
    std::string sheet;
    bool required = false;
  };
  // Where a path's value came from.
  struct Place {
    std::string location;  // "นักเรียน!D17", "นักเรียน!17:17", a sheet's name
    std::string prefix;    // the part of the path the location does not say, for the message
    std::string title;     // the column's title
    std::string field;     // the path inside the record
    const SheetColumns* sheet = nullptr;
    bool single_value = false;  // from the values sheet or the command line
    bool whole_sheet = false;   // the array a sheet's rows are
  };
  std::optional<Place> locate(const std::string& path) const;

  std::map<std::string, std::string, std::less<>> values_;
  std::map<std::string, ValueTitle, std::less<>> value_titles_;
  std::vector<SheetColumns> sheets_;
  std::map<std::string, ArraySource, std::less<>> arrays_;
  std::set<std::string, std::less<>> suppressed_;
};

}  // namespace raingan::intake
