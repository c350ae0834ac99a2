// The signature block of a parliament, council, Staten or water board
// motion: who signs it and for which fractie.
//
// The block is the run of lines at the end of the document that hold only
// names, fracties and member labels ("Het lid van de gemeenteraad,"), read
// cell by cell (a line's cells are its runs separated by 2+ spaces, so a
// grid of names over parties reads row by row). Its forms, all from
// grammar.cc ("sign.*"):
//   Van Erp / Van Zuijlen / ...            members, one a line (kamerstuk)
//   Christine Teunissen / Partij voor de Dieren    name over fractie (or under)
//   Monique Bollen, GroenLinks             name, fractie
//   Kirsten de Wrede (Partij voor de Dieren)
//   Fractie Partij voor de Dieren, Frank-Juriën Dam
//   Namens de PVV fractie / Sonja Kort
//   Het lid van de gemeenteraad, / J.F.W. van Lammeren   (functie raadslid)
//   D66 / GroenLinks / ...                 fracties only: no ondertekenaars
// VNG signatures (municipalities, roles) are read by signatories.h.
//
// Thread-safety: pure functions.
#ifndef MOTIEARCHIEF_EXTRACTORS_SIGNATURE_BLOCK_H_
#define MOTIEARCHIEF_EXTRACTORS_SIGNATURE_BLOCK_H_

#include <string>
#include <vector>

#include "extractors/gazetteer.h"
#include "extractors/lines.h"
#include "schema/record.h"

namespace motiearchief::extractors {

struct SignatureBlock {
  size_t begin = 0;                        // first line of the block; == end when there is none
  std::vector<std::string> fracties;       // as written, in order, no doubles
  std::vector<schema::Signatory> members;  // persons, in order
  std::vector<std::pair<std::string, int>> pages;  // value -> page, for provenance
};

// Where the signature block starts in lines [from, end): after the last line
// that is not a name, fractie, member label, place or footnote. `end` when
// the document ends with no such lines. With `members_only` (parliament)
// every name-like cell is a member, never a fractie.
size_t FindSignatureStart(const std::vector<Line>& lines, size_t from, size_t end,
                          bool members_only, const Gazetteer& gazetteer);

// Reads the block [begin, end).
SignatureBlock ReadSignatureBlock(const std::vector<Line>& lines, size_t begin, size_t end,
                                  bool members_only, const Gazetteer& gazetteer);

// Members named in a heading or transcript: "VAN HET LID VAN ERP C.S.",
// "VAN DE LEDEN SLOB EN VERMEIJ", "de leden Gesthuizen, Vos en Van Gent".
// Upper-case names are written in title case ("Van Erp"); "c.s." dropped.
std::vector<std::string> MembersNamedIn(const std::string& text);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_SIGNATURE_BLOCK_H_
