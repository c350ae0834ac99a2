// CSV, read and written in one place, by libcsv (RFC 4180 quoting).
//
// Read: what spreadsheets write, with ',' or ';' (Dutch settings) between
// fields, a UTF-8 byte-order mark or not, quoted fields over several lines.
// Written: ',' between fields, a field quoted only when it holds a comma, a
// quote or a line break, lines ending in "\n".
//
// Pure functions; thread-safe.
#ifndef MOTIEARCHIEF_TEXT_CSV_H_
#define MOTIEARCHIEF_TEXT_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace motiearchief::text {

using CsvRows = std::vector<std::vector<std::string>>;

// The rows of `text`. The delimiter is ';' when the first line holds more
// ';' than ','. kInvalidArgument (naming `source`, e.g. the file) for text
// that is not CSV, such as an unterminated quote.
Result<CsvRows> ParseCsv(std::string_view text, const std::string& source);

// One row, with its line end.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace motiearchief::text

#endif  // MOTIEARCHIEF_TEXT_CSV_H_
