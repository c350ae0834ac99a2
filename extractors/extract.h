// Extracting the fields of one document with the grammar (grammar.h).
//
// Input is the document's pages of normalised text; output is a
// schema::Record with every field the document states, each value's page
// and rule in `herkomst`. A field the document does not state stays null
// or empty: the extractor never guesses.
//
// Thread-safety: pure functions; call from any thread.
#ifndef MOTIEARCHIEF_EXTRACTORS_EXTRACT_H_
#define MOTIEARCHIEF_EXTRACTORS_EXTRACT_H_

#include <optional>
#include <string>
#include <vector>

#include "extractors/gazetteer.h"
#include "schema/record.h"
#include "text/page.h"

namespace motiearchief::extractors {

// What a cover letter says about the documents it covers.
struct LetterFacts {
  std::optional<std::string> datum;        // the letter's own date
  std::optional<std::string> vergadering;  // the ALV it is for
  // (agendapunt, line naming a document) pairs.
  std::vector<std::pair<std::string, std::string>> agenda_items;
  std::string folded_text;
};

// Fields of a document of kind `soort` spanning `pages`.
schema::Record ExtractRecord(const std::string& soort, const std::vector<text::Page>& pages,
                             const Gazetteer& gazetteer);

LetterFacts ExtractLetterFacts(const std::vector<text::Page>& pages);

// Fills what a bundle says about its documents but they do not say
// themselves: the meeting, the agendapunt, and, failing its own, the date of
// the covering letter. `letters[i]` belongs to `records[i]` when that
// record is a brief. The covering letter of a document is the letter that
// names it, else the nearest letter before it.
void ApplyBundleContext(std::vector<schema::Record>& records,
                        const std::vector<std::optional<LetterFacts>>& letters);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_EXTRACT_H_
