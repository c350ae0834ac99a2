// The ondertekenaars of a VNG motion: who signs, in which role, for which
// municipality, and so which municipalities submit it.
//
// Signatures come as forms (a table under "Namens gemeente  Naam  Functie",
// or filled-in fields "Namens gemeente: Losser" / "Wethouder: J. Jansen"),
// as "Name, role of Gemeente" lines, or as a line of names paired with the
// nearest line of roles, under "Namens het college van X". Honorifics
// ("dhr.", "mevrouw") are dropped from names. The signature blocks of
// parliament, council, Staten and water board motions are read by
// signature_block.h.
//
// Thread-safety: pure functions over one RecordBuilder.
#ifndef MOTIEARCHIEF_EXTRACTORS_SIGNATORIES_H_
#define MOTIEARCHIEF_EXTRACTORS_SIGNATORIES_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "extractors/record_builder.h"
#include "schema/record.h"

namespace motiearchief::extractors {

// The municipalities signatories sign for ("Namens gemeente X"), in order,
// each with its page.
using SignedFor = std::vector<std::pair<std::string, int>>;

// Reads the ondertekenaars from line `begin` up to the supporters or the
// meeting line into doc.record; returns whom they sign for.
SignedFor ReadSignatories(RecordBuilder& doc, size_t begin);

// Adds `s` to the ondertekenaars unless one of that name is there.
void AddSignatory(RecordBuilder& doc, schema::Signatory s, int page, const std::string& rule);

// Who signs for a municipality submits the motion: the first is the
// indiener when the header names none, the others are mede-indieners.
void SubmittersFromSignatures(RecordBuilder& doc, const SignedFor& signed_for);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_SIGNATORIES_H_
