#include "schema/record.h"

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

std::optional<std::string> GetOptional(const nlohmann::ordered_json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::vector<std::string> GetStrings(const nlohmann::ordered_json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::vector<Clause> GetClauses(const nlohmann::ordered_json& j, const char* key) {
  std::vector<Clause> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    Clause c;
    c.soort = v.value("soort", "");
    c.tekst = v.value("tekst", "");
    c.page = v.value("pagina", 0);
    c.rule = v.value("regel", "");
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Record RecordFromJson(const nlohmann::ordered_json& j) {
  Record r;
  r.id = j.value("id", "");
  r.soort = j.value("soort", kOverig);
  r.titel = GetOptional(j, "titel");
  r.orgaan = GetOptional(j, "orgaan");
  r.indieners = GetStrings(j, "indieners");
  r.mede_indieners = GetStrings(j, "mede_indieners");
  r.ondersteuners = GetStrings(j, "ondersteuners");
  r.datum_indiening = GetOptional(j, "datum_indiening");
  r.vergadering = GetOptional(j, "vergadering");
  r.overwegingen = GetClauses(j, "overwegingen");
  r.verzoeken = GetClauses(j, "verzoeken");
  if (auto it = j.find("ondertekenaars"); it != j.end() && it->is_array()) {
    for (const auto& v : *it) {
      r.ondertekenaars.push_back(
          {v.value("naam", ""), GetOptional(v, "functie"), GetOptional(v, "gemeente")});
    }
  }
  if (auto it = j.find("preadvies"); it != j.end() && it->is_object()) {
    Advice a;
    a.advies = it->value("advies", "");
    a.toelichting = it->value("toelichting", "");
    a.document = GetOptional(*it, "document");
    a.strekking = it->value("strekking", "");
    a.status = it->value("status", "");
    r.preadvies = std::move(a);
  }
  r.motie = GetOptional(j, "motie");
  if (auto it = j.find("bron"); it != j.end() && it->is_object()) {
    r.bron.bestand = it->value("bestand", "");
    r.bron.sha256 = it->value("sha256", "");
    r.bron.pagina_van = it->value("pagina_van", 0);
    r.bron.pagina_tot = it->value("pagina_tot", 0);
    r.bron.ocr = it->value("ocr", false);
  }
  r.tekst = j.value("tekst", "");
  r.agendapunt = GetOptional(j, "agendapunt");
  r.onbekende_gemeenten = GetStrings(j, "onbekende_gemeenten");
  if (auto it = j.find("herkomst"); it != j.end() && it->is_array()) {
    for (const auto& v : *it) {
      r.herkomst.push_back(
          {v.value("veld", ""), v.value("waarde", ""), v.value("pagina", 0), v.value("regel", "")});
    }
  }
  return r;
}

}  // namespace motiearchief::schema
