#include "extractors/supporters.h"

#include <re2/re2.h>

#include <string>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::Trim;

void ReadSupporters(RecordBuilder& doc, size_t begin) {
  for (size_t i = begin; i < doc.lines.size(); ++i) {
    const std::string& line = doc.lines[i].text;
    std::string value;
    bool heading = Capture("support.heading", line, &value);
    if (!heading && !Capture("support.inline", line, &value)) continue;
    const std::string rule = heading ? "support.heading" : "support.inline";
    if (!Trim(value).empty()) {
      std::string cleaned = value;
      RE2::GlobalReplace(&cleaned, Grammar().Re("support.placeholder"), ",");
      RE2::GlobalReplace(&cleaned, Grammar().Re("support.maar"), ",");
      doc.AddGemeenten(doc.record.ondersteuners, "ondersteuners",
                       doc.gazetteer.ParseList(cleaned, true), doc.lines[i].page, rule);
      if (!Trim(FoldForMatch(cleaned)).empty()) continue;
    }
    // The list follows, one or more per line, over columns and pages.
    for (size_t j = i + 1; j < doc.lines.size(); ++j) {
      const std::string& item_line = doc.lines[j].text;
      if (Blank(doc.lines[j])) continue;
      if (Matches("preadvies.status", item_line) || Matches("preadvies.strekking", item_line) ||
          Matches("preadvies.advies", item_line)) {
        break;
      }
      for (const Segment& seg : Segments(item_line)) {
        std::string item = seg.text;
        std::string marker, rest;
        if (RE2::FullMatch(item, Grammar().Re("line.bullet"), &marker, &rest)) item = rest;
        if (Matches("support.placeholder", item)) continue;
        bool prefixed = StripGemeentePrefix(item).size() < Trim(item).size();
        auto found = doc.gazetteer.ParseList(item, prefixed);
        doc.AddGemeenten(doc.record.ondersteuners, "ondersteuners", found, doc.lines[j].page,
                         rule + "+list");
      }
    }
    return;
  }
}

}  // namespace motiearchief::extractors
