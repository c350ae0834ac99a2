#include "text/csv.h"

#include <csv.h>

#include <algorithm>

namespace motiearchief::text {
namespace {

struct Collector {
  CsvRows rows;
  std::vector<std::string> current;
};

void OnField(void* field, size_t length, void* data) {
  static_cast<Collector*>(data)->current.emplace_back(static_cast<const char*>(field), length);
}

void OnRow(int, void* data) {
  auto* c = static_cast<Collector*>(data);
  c->rows.push_back(std::move(c->current));
  c->current.clear();
}

}  // namespace

Result<CsvRows> ParseCsv(std::string_view text, const std::string& source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM from spreadsheets
  const std::string_view first_line = text.substr(0, text.find('\n'));
  const unsigned char delimiter = std::count(first_line.begin(), first_line.end(), ';') >
                                          std::count(first_line.begin(), first_line.end(), ',')
                                      ? ';'
                                      : ',';
  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
    return Status::Internal("csv_init failed");
  }
  csv_set_delim(&parser, delimiter);
  Collector collected;
  const bool parsed =
      csv_parse(&parser, text.data(), text.size(), OnField, OnRow, &collected) == text.size() &&
      csv_fini(&parser, OnField, OnRow, &collected) == 0;
  if (!parsed) {
    const std::string error = csv_strerror(csv_error(&parser));
    csv_free(&parser);
    return Status::InvalidArgument(source + ": not CSV: " + error);
  }
  csv_free(&parser);
  return collected.rows;
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    // csv_write quotes the field and doubles its quotes.
    std::string quoted(csv_write(nullptr, 0, f.data(), f.size()), '\0');
    csv_write(quoted.data(), quoted.size(), f.data(), f.size());
    out += quoted;
  }
  out += '\n';
  return out;
}

}  // namespace motiearchief::text
