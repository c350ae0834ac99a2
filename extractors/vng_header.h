// The header of a VNG motion or amendment, and the submitters of a
// preadvies: title, indieners, mede-indieners and the date of submission,
// read from labels; and the meeting the document is for.
//
//   Titel motie: ... / Indiener: ... / Datum indiening: ...   header.*
//   the same labels in one column, their values in the next   header.label_block
//   Mede-indieners: / - Zeist / - Houten                       bulleted list
//   Motie Heemstede "Titel"                                    title.quoted
//   Onderwerp: ...                     when nothing else names the motion
//
// Thread-safety: pure functions over one RecordBuilder.
#ifndef MOTIEARCHIEF_EXTRACTORS_VNG_HEADER_H_
#define MOTIEARCHIEF_EXTRACTORS_VNG_HEADER_H_

#include <cstddef>
#include <optional>
#include <string>

#include "extractors/record_builder.h"

namespace motiearchief::extractors {

// The date of submission as the header writes it ("20 november"): its
// year may come from the meeting (ResolveDates).
struct WrittenDate {
  std::optional<std::string> text;
  int page = 0;
  std::string rule;
};

// Reads the header in lines [0, end) (up to the first clause): fills titel,
// indieners and mede_indieners; returns the written date.
WrittenDate ReadHeader(RecordBuilder& doc, size_t end);

// Submitter labels after the clauses ("Mede indiener:", "Indieners:"),
// from line `from` on.
void ReadTrailingLabels(RecordBuilder& doc, size_t from);

// A submitter label's value: indieners, and mede_indieners when it says so
// ("Gemeente A, mede-indiener gemeente B").
void AddSubmitters(RecordBuilder& doc, const std::string& value, int page, const std::string& rule);

// Fills vergadering (the first date after a meeting context) and
// datum_indiening from `written`; a written date whose year stays unknown
// goes to datum_zonder_jaar, for the bundle to complete
// (ApplyBundleContext).
void ResolveDates(RecordBuilder& doc, const WrittenDate& written);

// A co-submitter is not also a submitter ("Van: Gemeente A en B" with
// "Mede indiener: B"): drops mede_indieners from indieners.
void FinishSubmitters(RecordBuilder& doc);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_VNG_HEADER_H_
