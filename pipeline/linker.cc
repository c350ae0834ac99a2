#include "pipeline/linker.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "pipeline/normalize.h"

namespace motiearchief::pipeline {
namespace {

bool Advisable(const schema::Record& r) {
  return r.soort == schema::kMotie || r.soort == schema::kAmendement;
}

std::string VerzoekText(const schema::Record& m) {
  std::string t;
  for (const auto& c : m.verzoeken) t += c.tekst + " ";
  return t;
}

std::set<std::string> Submitters(const schema::Record& r) {
  std::set<std::string> s(r.indieners.begin(), r.indieners.end());
  s.insert(r.mede_indieners.begin(), r.mede_indieners.end());
  return s;
}

}  // namespace

double LinkScore(const schema::Record& p, const schema::Record& m, bool same_file) {
  double title =
      (p.titel && m.titel) ? WordOverlap(ContentWords(*p.titel), ContentWords(*m.titel)) : 0;
  std::set<std::string> ps = Submitters(p), ms = Submitters(m);
  double submitters = 0;
  if (!ps.empty() && !ms.empty()) {
    size_t common = 0;
    for (const auto& s : ps) common += ms.count(s);
    submitters = static_cast<double>(common) / static_cast<double>(std::min(ps.size(), ms.size()));
  }
  double text = 0;
  if (p.preadvies && !p.preadvies->strekking.empty()) {
    text = WordOverlap(ContentWords(p.preadvies->strekking), ContentWords(VerzoekText(m)));
  }
  double meeting =
      (p.vergadering && m.vergadering) ? (*p.vergadering == *m.vergadering ? 1.0 : -1.0) : 0;
  double score = 0.45 * title + 0.30 * submitters + 0.15 * text + 0.10 * meeting;
  if (same_file) score += 0.05;
  return std::clamp(score, 0.0, 1.0);
}

std::vector<archive::Link> LinkPreadviezen(const std::vector<schema::Record>& fresh,
                                           const std::vector<schema::Record>& archived,
                                           const std::vector<archive::Link>& existing) {
  std::vector<archive::Link> links;
  auto best_for = [&](const schema::Record& p, const std::vector<const schema::Record*>& pool,
                      const std::string& source_sha) -> std::optional<archive::Link> {
    std::optional<archive::Link> best;
    for (const schema::Record* m : pool) {
      if (!Advisable(*m)) continue;
      double s = LinkScore(p, *m, m->bron.sha256 == source_sha);
      if (s >= 0.45 && (!best || s > best->score)) {
        std::ostringstream how;
        how << "title+submitters+text+meeting score " << s;
        best = archive::Link{p.id, m->id, s, how.str()};
      }
    }
    return best;
  };
  std::vector<const schema::Record*> all;
  for (const auto& r : archived) all.push_back(&r);
  for (const auto& r : fresh) all.push_back(&r);
  for (const auto& p : fresh) {
    if (p.soort != schema::kPreadvies) continue;
    if (auto l = best_for(p, all, p.bron.sha256)) links.push_back(*l);
  }
  std::vector<const schema::Record*> fresh_pool;
  for (const auto& r : fresh) fresh_pool.push_back(&r);
  for (const auto& p : archived) {
    if (p.soort != schema::kPreadvies) continue;
    bool linked = std::any_of(existing.begin(), existing.end(),
                              [&](const archive::Link& l) { return l.from_id == p.id; });
    if (linked) continue;
    if (auto l = best_for(p, fresh_pool, p.bron.sha256)) links.push_back(*l);
  }
  return links;
}

std::vector<archive::Version> FindVersions(const std::vector<schema::Record>& fresh,
                                           const std::vector<schema::Record>& archived,
                                           const std::vector<archive::Version>& existing) {
  std::vector<archive::Version> out;
  std::vector<const schema::Record*> seen;
  for (const auto& r : archived) seen.push_back(&r);
  auto first_of = [&](const std::string& id) {
    for (const auto& v : existing) {
      if (v.document_id == id) return v.first_version_id;
    }
    for (const auto& v : out) {
      if (v.document_id == id) return v.first_version_id;
    }
    return id;
  };
  for (const auto& m : fresh) {
    if (!Advisable(m) || !m.titel) continue;
    std::string first = m.id;
    for (const schema::Record* other : seen) {
      if (other->soort != m.soort || !other->titel) continue;
      if (WordOverlap(ContentWords(*m.titel), ContentWords(*other->titel)) < 0.8) continue;
      std::set<std::string> a = Submitters(m), b = Submitters(*other);
      bool shared = std::any_of(a.begin(), a.end(), [&](const auto& s) { return b.count(s); });
      if (!shared) continue;
      first = first_of(other->id);
      break;
    }
    out.push_back({m.id, first});
    seen.push_back(&m);
  }
  return out;
}

}  // namespace motiearchief::pipeline
