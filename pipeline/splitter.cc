#include "pipeline/splitter.h"

#include "extractors/grammar.h"
#include "schema/record.h"
#include "text/normalize.h"

namespace motiearchief::pipeline {

using extractors::Matches;
using text::Page;
using text::SplitLines;
using text::Trim;
namespace {

// How far down a page its start may be: letterheads come before the
// salutation, but a document's own heading is never deep in the page.
constexpr int kTopLines = 14;
// A line this long that matches no rule is running text: the top is over.
constexpr size_t kProseLength = 90;

struct StartRule {
  const char* rule;
  const char* soort;
};
constexpr StartRule kStartRules[] = {
    {"doc.samenvatting_preadvies", schema::kPreadvies},
    {"doc.preadvies", schema::kPreadvies},
    {"doc.amendement", schema::kAmendement},
    {"doc.motie", schema::kMotie},
    {"doc.motie_van_lid", schema::kMotie},
    {"doc.motie_header", schema::kMotie},
    {"doc.in_vergadering_bijeen", schema::kMotie},
    {"doc.resolutie", schema::kResolutie},
    {"doc.brief", schema::kBrief},
};

bool LooksLikeAmendement(const std::vector<std::string_view>& lines) {
  int n = 0;
  for (std::string_view line : lines) {
    if (Trim(line).empty()) continue;
    if (++n > 40) break;
    if (Matches("doc.amendement", line) || Matches("title.amendement_label", line) ||
        Matches("doc.amendement_besluit", line)) {
      return true;
    }
  }
  return false;
}

// A document that no page top announced, judged on its content: the
// structure of a motion (considerations, then requests, then the closing
// formula or signatures), else a letter, else "overig".
std::string ClassifyByContent(const std::string& text, std::string* rule) {
  // The parts of a motion: a consideration or an addressing preamble ("De
  // Kamer,", "De raad van ..., in vergadering bijeen"), an operative clause,
  // and a closing formula or signature-like end. Two of three make a motion;
  // essays and letters that speak of motions have prose, not these lines.
  static constexpr const char* kConsiderations[] = {"clause.constaterende", "clause.overwegende",
                                                    "clause.van_mening", "clause.van_oordeel"};
  static constexpr const char* kRequests[] = {"request.verzoekt", "request.roept_op",
                                              "request.draagt_op", "request.spreekt_uit",
                                              "request.nodigt_uit"};
  bool consideration = false, preamble = false, request = false, closing = false;
  int letterhead = 0;
  for (std::string_view line : SplitLines(text)) {
    for (const char* r : kConsiderations) consideration = consideration || Matches(r, line);
    preamble =
        preamble || Matches("profile.de_kamer", line) || Matches("doc.in_vergadering_bijeen", line);
    if (consideration || preamble) {
      for (const char* r : kRequests) request = request || Matches(r, line);
    }
    if (request && Matches("clause.end_orde_van_de_dag", line)) closing = true;
    if (Matches("doc.brief_letterhead", line)) ++letterhead;
  }
  if (request && (closing || (consideration && preamble))) {
    *rule = "content.motion_structure";
    return schema::kMotie;
  }
  if (letterhead >= 2) {
    *rule = "content.letterhead";
    return schema::kBrief;
  }
  *rule = "content.none";
  return schema::kOverig;
}

}  // namespace

PageStart DetectPageStart(const std::string& page_text) {
  int seen = 0;
  int letterhead = 0;
  for (std::string_view line : SplitLines(page_text)) {
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || Matches("page.furniture", line)) continue;
    for (const StartRule& s : kStartRules) {
      if (Matches(s.rule, line)) return {s.soort, s.rule};
    }
    if (Matches("doc.brief_letterhead", line) && ++letterhead >= 2) {
      return {schema::kBrief, "doc.brief_letterhead"};
    }
    if (trimmed.size() >= kProseLength || ++seen >= kTopLines) break;
  }
  return {};
}

std::vector<DocumentSpan> SplitIntoDocuments(const std::vector<Page>& pages) {
  std::vector<DocumentSpan> spans;
  for (const Page& page : pages) {
    PageStart start = DetectPageStart(page.text);
    if (!start.soort.empty() || spans.empty()) {
      spans.push_back({start.soort, page.number, page.number, start.rule});
    } else {
      spans.back().last_page = page.number;
    }
  }
  // Refine kinds on the whole document's text.
  for (DocumentSpan& span : spans) {
    std::string text;
    for (const Page& page : pages) {
      if (page.number >= span.first_page && page.number <= span.last_page) {
        text += page.text;
        text += '\n';
      }
    }
    if (span.soort.empty()) {
      span.soort = ClassifyByContent(text, &span.rule);
    } else if (span.soort == schema::kMotie && span.rule != "doc.motie") {
      // "Aan: bestuur", "Indiener:" and "in vergadering bijeen" open
      // amendments as well as motions.
      if (LooksLikeAmendement(SplitLines(text))) {
        span.soort = schema::kAmendement;
        span.rule += "+amendement";
      }
    }
  }
  return spans;
}

}  // namespace motiearchief::pipeline
