// The export record of ../shared/spec/record.md as a C++ type.
//
// This is a contract with downstream tools: keys are never renamed or
// dropped. `ToJson` writes exactly the keys of the spec (plus documented
// additions); record.schema.json beside this file is its JSON Schema; the CLI
// tests check every exported record's keys against it.
#ifndef MOTIEARCHIEF_SCHEMA_RECORD_H_
#define MOTIEARCHIEF_SCHEMA_RECORD_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace motiearchief::schema {

// The kinds of document (`soort`).
inline constexpr const char* kMotie = "motie";
inline constexpr const char* kAmendement = "amendement";
inline constexpr const char* kPreadvies = "preadvies";
inline constexpr const char* kResolutie = "resolutie";
inline constexpr const char* kBrief = "brief";
inline constexpr const char* kOverig = "overig";

// One overweging or verzoek.
struct Clause {
  std::string soort;  // "overwegende", "verzoekt", ...
  std::string tekst;
  int page = 0;      // page of the file where the clause starts
  std::string rule;  // grammar rule that opened it
};

struct Signatory {
  std::string naam;
  std::optional<std::string> functie;
  std::optional<std::string> gemeente;
};

struct Advice {
  std::string advies;  // "overnemen", "ontraden", ...
  std::string toelichting;
  std::optional<std::string> document;  // id of the preadvies document
  std::string strekking;                // preadvies only (not exported in `preadvies`)
  std::string status;                   // "ingediend", "ondertekend", ... when stated
};

// Where a field value came from: page and grammar rule.
struct Provenance {
  std::string field;
  std::string value;
  int page = 0;
  std::string rule;
};

struct Source {
  std::string bestand;  // file name as given
  std::string sha256;
  int pagina_van = 0;
  int pagina_tot = 0;
  bool ocr = false;
};

struct Record {
  std::string id;
  std::string soort = kOverig;
  std::optional<std::string> titel;
  // The body addressed or adopting: "ALV VNG", "Tweede Kamer", "Eerste Kamer",
  // "Provinciale Staten <provincie>", "gemeenteraad <gemeente>",
  // "algemeen bestuur <waterschap>"; null when the text does not say.
  std::optional<std::string> orgaan;
  std::vector<std::string> indieners;
  std::vector<std::string> mede_indieners;
  std::vector<std::string> ondersteuners;
  std::optional<std::string> datum_indiening;
  std::optional<std::string> vergadering;
  std::vector<Clause> overwegingen;
  std::vector<Clause> verzoeken;
  std::vector<Signatory> ondertekenaars;
  std::optional<Advice> preadvies;
  std::optional<std::string> motie;
  Source bron;
  std::string tekst;

  // Beyond the contract's keys (exported as additions, see ToJson).
  std::optional<std::string> agendapunt;         // "7", "8a" from the cover letter
  std::vector<std::string> onbekende_gemeenten;  // names not in the gazetteer
  std::vector<Provenance> herkomst;              // provenance per field
  // Pipeline-internal, never exported: a submission date written without
  // its year ("20 november"), resolved once the meeting is known.
  std::optional<std::string> datum_zonder_jaar;
};

// The export object: the contract's keys in the spec's order, then the
// additions `agendapunt` and `onbekende_gemeenten`. With `with_provenance`
// also `herkomst` (for `show --json`).
nlohmann::ordered_json ToJson(const Record& record, bool with_provenance = false);

// Inverse of ToJson(record, true); unknown keys are ignored, missing or
// null ones left at their defaults. Never throws: a field of the wrong type
// is kCorruption naming the record and the field ("record 3f2a...: field
// \"titel\" should be text, not number"); so is JSON that is no object.
// Used by the archive, which stores records as JSON.
Result<Record> RecordFromJson(const nlohmann::ordered_json& json);

// What a document is called where it is listed (search results, document
// pages, feeds, reports): its titel; else, for a motion, amendment or
// resolutie without one (as many council and parliament motions are),
// "Motie van X c.s. (datum)"; else its own heading: a letter's
// "Onderwerp" or "Betreft" line, else its first line of words that is not
// a salutation, cut at 120 bytes. `from_text`, when given, tells whether it
// was made up rather than extracted.
std::string DisplayTitle(const Record& record, bool* from_text = nullptr);

// Keys of the contract, in order; used by tests and the CSV export.
const std::vector<std::string>& ContractKeys();

}  // namespace motiearchief::schema

#endif  // MOTIEARCHIEF_SCHEMA_RECORD_H_
