// The fields of a letter (soort brief): a VNG ledenbrief or cover letter of
// a nazending, a letter of the VNG to the Kamer, a council's letter. Dutch
// letters carry their facts in labelled header lines and a signature below
// the closing greeting, wherever the layout puts them:
//   titel            the "Onderwerp" or "Betreft" line (its value on the
//                    label's line or the next one)            letter.subject
//   datum_indiening  the "Datum" label's date                  header.datum
//   vergadering      a date in the subject after a meeting word ("Eerste
//                    nazending Najaars ALV 1 december 2023")   vergadering.context
//   orgaan           the members' meeting, for a letter "Aan de leden"
//                                                              letter.to_members
//   ondertekenaars   below "Met vriendelijke groet," (or "Hoogachtend,"):
//                    past the sender's name, a person (honorific dropped)
//                    and, on the next line, the function   letter.closing,
//                                                          letter.sender
// Thread-safety: a pure function of the builder it is given.
#ifndef MOTIEARCHIEF_EXTRACTORS_LETTER_H_
#define MOTIEARCHIEF_EXTRACTORS_LETTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/lines.h"
#include "extractors/record_builder.h"

namespace motiearchief::extractors {

// A date with where it stands.
struct DatedLine {
  std::string iso;
  int page = 0;
};

// The letter's own date: the first "Datum" label's date, on the label's
// line or the next filled one (header.datum).
std::optional<DatedLine> LetterDate(const std::vector<Line>& lines);

// The date after a meeting word in `text` ("Najaars ALV van 1 december";
// vergadering.context); a date without a year only with `reference_iso`.
std::optional<std::string> MeetingDate(std::string_view text,
                                       const std::optional<std::string>& reference_iso);

// Fills the letter's fields of doc.record from doc.lines. `members_orgaan`:
// the body a letter "Aan de leden" is for (the layout profile's orgaan,
// "ALV VNG"), if any.
void ExtractLetter(RecordBuilder& doc, const std::optional<std::string>& members_orgaan);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_LETTER_H_
