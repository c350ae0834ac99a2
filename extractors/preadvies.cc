#include "extractors/preadvies.h"

#include <re2/re2.h>

#include "extractors/grammar.h"
#include "extractors/lines.h"
#include "extractors/supporters.h"
#include "extractors/vng_header.h"
#include "extractors/vocabulary.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::JoinLines;
using text::Trim;

namespace {

// Paragraphs (blank-line separated) joined, kept apart by a blank line.
std::string JoinParagraphs(const std::vector<std::string>& lines) {
  std::string out;
  std::vector<std::string> paragraph;
  auto flush = [&] {
    std::string p = JoinLines(paragraph);
    if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
    paragraph.clear();
  };
  for (const std::string& l : lines) {
    if (Trim(l).empty())
      flush();
    else
      paragraph.push_back(l);
  }
  flush();
  return out;
}

}  // namespace

void ExtractPreadvies(RecordBuilder& doc) {
  schema::Advice advice;
  enum class Section { kNone, kStrekking, kToelichting } section = Section::kNone;
  std::vector<std::string> strekking, toelichting;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const std::string& line = doc.lines[i].text;
    const int page = doc.lines[i].page;
    std::string value;
    if (!doc.record.titel && Capture("title.preadvies", line, &value)) {
      // The title runs on until a blank line or the next label.
      for (size_t j = i + 1; j < doc.lines.size() && !Blank(doc.lines[j]); ++j) {
        if (Matches("header.indiener", doc.lines[j].text)) break;
        value += " " + doc.lines[j].text;
      }
      std::string quoted;
      std::string joined = JoinLines(value);
      // "amendement op Voorstel X: "Titel"": the quoted part is the title.
      if (RE2::PartialMatch(joined, Grammar().Re("title.in_quotes"), &quoted)) joined = quoted;
      doc.record.titel = CleanTitle(joined);
      doc.Note("titel", *doc.record.titel, page, "title.preadvies");
      continue;
    }
    if (Capture("header.indiener", line, &value)) {
      AddSubmitters(doc, value, page, "header.indiener");
      continue;
    }
    if (Capture("preadvies.status", line, &value)) {
      advice.status = FoldForMatch(value);
      continue;
    }
    if (Capture("preadvies.advies", line, &value)) {
      advice.advies = CanonicalAdvice(value);
      doc.Note("preadvies.advies", advice.advies, page, "preadvies.advies");
      section = Section::kNone;
      continue;
    }
    if (Matches("support.heading", line)) continue;  // ReadSupporters
    if (Capture("preadvies.strekking", line, &value)) {
      section = Section::kStrekking;
      if (!Trim(value).empty()) strekking.push_back(value);
      continue;
    }
    if (Capture("preadvies.toelichting", line, &value)) {
      section = Section::kToelichting;
      if (!Trim(value).empty()) toelichting.push_back(value);
      continue;
    }
    if (section == Section::kStrekking) strekking.push_back(line);
    if (section == Section::kToelichting) toelichting.push_back(line);
  }
  advice.strekking = JoinParagraphs(strekking);
  advice.toelichting = JoinParagraphs(toelichting);
  if (!advice.advies.empty() || !advice.toelichting.empty()) doc.record.preadvies = advice;
  ReadSupporters(doc, 0);
  FinishSubmitters(doc);
}

}  // namespace motiearchief::extractors
