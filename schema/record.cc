#include "schema/record.h"

#include <nlohmann/json.hpp>

namespace motiearchief::schema {
namespace {

nlohmann::ordered_json OptionalString(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json Clauses(const std::vector<Clause>& clauses, bool with_provenance) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Clause& c : clauses) {
    nlohmann::ordered_json clause = {{"soort", c.soort}, {"tekst", c.tekst}};
    if (with_provenance) {
      clause["pagina"] = c.page;
      clause["regel"] = c.rule;
    }
    out.push_back(std::move(clause));
  }
  return out;
}

}  // namespace

namespace {

std::string_view TrimSpace(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\f\v\n");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\f\v\n") - begin + 1);
}

// At most 120 bytes, cut on a character boundary, "…" where cut.
std::string CutTitle(std::string_view s) {
  std::string out(s);
  if (out.size() <= 120) return out;
  out.resize(117);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty()) out.pop_back();  // the lead byte of a cut character, or a whole one
  return out + "…";
}

}  // namespace

std::string DisplayTitle(const Record& record, bool* from_text) {
  if (from_text) *from_text = false;
  if (record.titel && !record.titel->empty()) return *record.titel;
  if (from_text) *from_text = true;
  if (record.soort == kMotie || record.soort == kAmendement || record.soort == kResolutie) {
    std::string title = record.soort;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    if (!record.indieners.empty()) {
      title += " van ";
      for (size_t i = 0; i < record.indieners.size() && i < 3; ++i) {
        title += (i ? ", " : "") + record.indieners[i];
      }
      if (record.indieners.size() > 3 || !record.mede_indieners.empty()) title += " c.s.";
    }
    if (const auto& date = record.datum_indiening ? record.datum_indiening : record.vergadering) {
      title += " (" + *date + ")";
    }
    return title;
  }
  std::vector<std::string_view> lines;
  for (std::string_view rest = record.tekst; !rest.empty();) {
    const size_t end = rest.find('\n');
    lines.push_back(TrimSpace(rest.substr(0, end)));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  // A letter's subject: "Onderwerp" or "Betreft", on its line or below.
  for (size_t i = 0; i < lines.size(); ++i) {
    for (std::string_view label : {"Onderwerp", "Betreft"}) {
      const std::string_view line = lines[i];
      if (line.rfind(label, 0) != 0) continue;
      std::string_view rest = line.substr(label.size());
      if (!rest.empty() && rest.front() != ':' &&
          !std::isspace(static_cast<unsigned char>(rest.front()))) {
        continue;  // "Onderwerpen ..."
      }
      rest = TrimSpace(rest);
      if (!rest.empty() && rest.front() == ':') rest = TrimSpace(rest.substr(1));
      for (size_t j = i + 1; rest.empty() && j < lines.size() && j < i + 4; ++j) rest = lines[j];
      if (!rest.empty()) return CutTitle(rest);
    }
  }
  // Else the first line that reads as words, not the salutation.
  for (std::string_view line : lines) {
    int letters = 0;
    for (char c : line) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
    if (letters >= 4 && line.rfind("Geachte", 0) != 0) return CutTitle(line);
  }
  return record.soort + " " + record.id;
}

const std::vector<std::string>& ContractKeys() {
  static const std::vector<std::string> keys = {
      "id",          "soort",          "titel",         "orgaan",
      "indieners",   "mede_indieners", "ondersteuners", "datum_indiening",
      "vergadering", "overwegingen",   "verzoeken",     "ondertekenaars",
      "preadvies",   "motie",          "bron",          "tekst"};
  return keys;
}

nlohmann::ordered_json ToJson(const Record& r, bool with_provenance) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["soort"] = r.soort;
  j["titel"] = OptionalString(r.titel);
  j["orgaan"] = OptionalString(r.orgaan);
  j["indieners"] = r.indieners;
  j["mede_indieners"] = r.mede_indieners;
  j["ondersteuners"] = r.ondersteuners;
  j["datum_indiening"] = OptionalString(r.datum_indiening);
  j["vergadering"] = OptionalString(r.vergadering);
  j["overwegingen"] = Clauses(r.overwegingen, with_provenance);
  j["verzoeken"] = Clauses(r.verzoeken, with_provenance);
  nlohmann::ordered_json signatories = nlohmann::ordered_json::array();
  for (const Signatory& s : r.ondertekenaars) {
    signatories.push_back({{"naam", s.naam},
                           {"functie", OptionalString(s.functie)},
                           {"gemeente", OptionalString(s.gemeente)}});
  }
  j["ondertekenaars"] = signatories;
  if (r.preadvies) {
    j["preadvies"] = {{"advies", r.preadvies->advies},
                      {"toelichting", r.preadvies->toelichting},
                      {"document", OptionalString(r.preadvies->document)}};
    if (with_provenance) {
      j["preadvies"]["strekking"] = r.preadvies->strekking;
      j["preadvies"]["status"] = r.preadvies->status;
    }
  } else {
    j["preadvies"] = nullptr;
  }
  j["motie"] = OptionalString(r.motie);
  j["bron"] = {{"bestand", r.bron.bestand},
               {"sha256", r.bron.sha256},
               {"pagina_van", r.bron.pagina_van},
               {"pagina_tot", r.bron.pagina_tot},
               {"ocr", r.bron.ocr}};
  j["tekst"] = r.tekst;
  j["agendapunt"] = OptionalString(r.agendapunt);
  j["onbekende_gemeenten"] = r.onbekende_gemeenten;
  if (with_provenance) {
    nlohmann::ordered_json h = nlohmann::ordered_json::array();
    for (const Provenance& p : r.herkomst) {
      h.push_back({{"veld", p.field}, {"waarde", p.value}, {"pagina", p.page}, {"regel", p.rule}});
    }
    j["herkomst"] = h;
  }
  return j;
}

}  // namespace motiearchief::schema

namespace motiearchief::schema {
namespace {

// Reads a JSON record field by field. A field of the wrong type is
// remembered, not thrown: the first such field becomes the error, naming
// the record and the field.
class FieldReader {
 public:
  std::string TextField(const nlohmann::ordered_json& j, const char* key,
                        const char* fallback = "") {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_string()) return Wrong(key, "text", *it), fallback;
    return it->get<std::string>();
  }
  std::optional<std::string> OptionalTextField(const nlohmann::ordered_json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return Wrong(key, "text", *it), std::nullopt;
    return it->get<std::string>();
  }
  int IntField(const nlohmann::ordered_json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return 0;
    if (!it->is_number_integer()) return Wrong(key, "a whole number", *it), 0;
    return it->get<int>();
  }
  bool Bool(const nlohmann::ordered_json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return false;
    if (!it->is_boolean()) return Wrong(key, "true or false", *it), false;
    return it->get<bool>();
  }
  // The elements of an array field (none when absent or null).
  const nlohmann::ordered_json* Array(const nlohmann::ordered_json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    if (!it->is_array()) return Wrong(key, "a list", *it), nullptr;
    return &*it;
  }
  const nlohmann::ordered_json* Object(const nlohmann::ordered_json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    if (!it->is_object()) return Wrong(key, "an object", *it), nullptr;
    return &*it;
  }
  std::vector<std::string> Texts(const nlohmann::ordered_json& j, const char* key) {
    std::vector<std::string> out;
    if (const auto* a = Array(j, key)) {
      for (const auto& v : *a) {
        if (!v.is_string()) {
          Wrong(key, "a list of text", v);
          continue;
        }
        out.push_back(v.get<std::string>());
      }
    }
    return out;
  }
  // Elements of a list of objects; others are a wrong type.
  bool IsObject(const char* key, const nlohmann::ordered_json& v) {
    if (v.is_object()) return true;
    Wrong(key, "a list of objects", v);
    return false;
  }
  const std::string& first_error() const { return problem_; }

 private:
  void Wrong(const char* key, const char* wanted, const nlohmann::ordered_json& got) {
    if (problem_.empty()) {
      problem_ =
          std::string("field \"") + key + "\" should be " + wanted + ", not " + got.type_name();
    }
  }
  std::string problem_;
};

std::vector<Clause> Clauses(FieldReader& f, const nlohmann::ordered_json& j, const char* key) {
  std::vector<Clause> out;
  if (const auto* a = f.Array(j, key)) {
    for (const auto& v : *a) {
      if (!f.IsObject(key, v)) continue;
      out.push_back({f.TextField(v, "soort"), f.TextField(v, "tekst"), f.IntField(v, "pagina"),
                     f.TextField(v, "regel")});
    }
  }
  return out;
}

}  // namespace

Result<Record> RecordFromJson(const nlohmann::ordered_json& j) {
  if (!j.is_object()) {
    return Status::Corruption(std::string("a record should be a JSON object, not ") +
                              (j.is_discarded() ? "broken JSON" : j.type_name()));
  }
  FieldReader f;
  Record r;
  r.id = f.TextField(j, "id");
  r.soort = f.TextField(j, "soort", kOverig);
  r.titel = f.OptionalTextField(j, "titel");
  r.orgaan = f.OptionalTextField(j, "orgaan");
  r.indieners = f.Texts(j, "indieners");
  r.mede_indieners = f.Texts(j, "mede_indieners");
  r.ondersteuners = f.Texts(j, "ondersteuners");
  r.datum_indiening = f.OptionalTextField(j, "datum_indiening");
  r.vergadering = f.OptionalTextField(j, "vergadering");
  r.overwegingen = Clauses(f, j, "overwegingen");
  r.verzoeken = Clauses(f, j, "verzoeken");
  if (const auto* a = f.Array(j, "ondertekenaars")) {
    for (const auto& v : *a) {
      if (!f.IsObject("ondertekenaars", v)) continue;
      r.ondertekenaars.push_back({f.TextField(v, "naam"), f.OptionalTextField(v, "functie"),
                                  f.OptionalTextField(v, "gemeente")});
    }
  }
  if (const auto* o = f.Object(j, "preadvies")) {
    Advice a;
    a.advies = f.TextField(*o, "advies");
    a.toelichting = f.TextField(*o, "toelichting");
    a.document = f.OptionalTextField(*o, "document");
    a.strekking = f.TextField(*o, "strekking");
    a.status = f.TextField(*o, "status");
    r.preadvies = std::move(a);
  }
  r.motie = f.OptionalTextField(j, "motie");
  if (const auto* o = f.Object(j, "bron")) {
    r.bron.bestand = f.TextField(*o, "bestand");
    r.bron.sha256 = f.TextField(*o, "sha256");
    r.bron.pagina_van = f.IntField(*o, "pagina_van");
    r.bron.pagina_tot = f.IntField(*o, "pagina_tot");
    r.bron.ocr = f.Bool(*o, "ocr");
  }
  r.tekst = f.TextField(j, "tekst");
  r.agendapunt = f.OptionalTextField(j, "agendapunt");
  r.onbekende_gemeenten = f.Texts(j, "onbekende_gemeenten");
  if (const auto* a = f.Array(j, "herkomst")) {
    for (const auto& v : *a) {
      if (!f.IsObject("herkomst", v)) continue;
      r.herkomst.push_back({f.TextField(v, "veld"), f.TextField(v, "waarde"),
                            f.IntField(v, "pagina"), f.TextField(v, "regel")});
    }
  }
  if (!f.first_error().empty()) {
    return Status::Corruption("record " + (r.id.empty() ? std::string("without id") : r.id) + ": " +
                              f.first_error());
  }
  return r;
}

}  // namespace motiearchief::schema
