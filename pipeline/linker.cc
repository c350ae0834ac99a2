#include "pipeline/linker.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "text/normalize.h"

namespace motiearchief::pipeline {

using text::ContentWords;
using text::WordOverlap;
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

namespace {

// Keys of kind `kind` ("m": motion or amendment, "p": preadvies): its
// submitters and title words; and for a motion the (submitter, title word)
// pairs that find its versions.
std::vector<std::string> Keys(const schema::Record& r, const std::string& kind,
                              bool with_versions) {
  std::vector<std::string> keys;
  const std::set<std::string> submitters = Submitters(r);
  const std::set<std::string> words = r.titel ? ContentWords(*r.titel) : std::set<std::string>{};
  for (const std::string& s : submitters) keys.push_back(kind + "s:" + s);
  for (const std::string& w : words) keys.push_back(kind + "w:" + w);
  if (with_versions) {
    for (const std::string& s : submitters) {
      for (const std::string& w : words) keys.push_back("v:" + s + "|" + w);
    }
  }
  return keys;
}

}  // namespace

std::vector<std::string> LinkKeys(const schema::Record& r) {
  if (r.soort == schema::kPreadvies) {
    std::vector<std::string> keys = Keys(r, "p", false);
    keys.insert(keys.begin(), "");
    return keys;
  }
  if (!Advisable(r)) return {};
  std::vector<std::string> keys = Keys(r, "m", true);
  keys.insert(keys.begin(), "");
  return keys;
}

std::vector<std::string> LookupKeys(const schema::Record& r) {
  // A preadvies looks for motions; a motion for preadviezen and versions.
  if (r.soort == schema::kPreadvies) return Keys(r, "m", false);
  if (!Advisable(r)) return {};
  return Keys(r, "p", true);
}

namespace {

// The documents a linking step can see, indexed by key; each with what is
// computed once about it.
class KeyIndex {
 public:
  struct Entry {
    const schema::Record* record;
    std::set<std::string> title_words;
    std::set<std::string> submitters;
    std::optional<std::string> first_version;  // known first version
    bool linked = false;                       // has a link of its own
    bool fresh = false;
  };

  size_t Add(const schema::Record* r, bool fresh, std::optional<std::string> first_version = {},
             bool linked = false) {
    Entry e{r,
            r->titel ? ContentWords(*r->titel) : std::set<std::string>{},
            Submitters(*r),
            std::move(first_version),
            linked,
            fresh};
    const size_t index = entries_.size();
    for (const std::string& k : LinkKeys(*r)) {
      if (!k.empty()) postings_[k].push_back(index);
    }
    entries_.push_back(std::move(e));
    return index;
  }

  // Entries stored under a key that entry `i` looks up, in the order they
  // were added.
  std::vector<size_t> Sharing(size_t i) const {
    std::vector<size_t> out;
    for (const std::string& k : LookupKeys(*entries_[i].record)) {
      auto it = postings_.find(k);
      if (it == postings_.end()) continue;
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), i), out.end());
    return out;
  }

  Entry& operator[](size_t i) { return entries_[i]; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  std::map<std::string, std::vector<size_t>> postings_;
};

}  // namespace

std::vector<archive::Link> LinkPreadviezen(const std::vector<schema::Record>& fresh,
                                           const std::vector<archive::LinkCandidate>& archived) {
  KeyIndex index;
  for (const auto& c : archived) index.Add(&c.record, false, c.first_version_id, c.linked);
  const size_t first_fresh = index.size();
  for (const auto& r : fresh) index.Add(&r, true);
  auto consider = [&](size_t p, size_t m, std::optional<archive::Link>& best) {
    const schema::Record& pr = *index[p].record;
    const schema::Record& mr = *index[m].record;
    if (!Advisable(mr)) return;
    double s = LinkScore(pr, mr, mr.bron.sha256 == pr.bron.sha256);
    if (s >= 0.45 && (!best || s > best->score)) {
      std::ostringstream how;
      how << "title+submitters+text+meeting score " << s;
      best = archive::Link{pr.id, mr.id, s, how.str()};
    }
  };
  std::vector<archive::Link> links;
  for (size_t p = first_fresh; p < index.size(); ++p) {
    if (index[p].record->soort != schema::kPreadvies) continue;
    std::optional<archive::Link> best;
    for (size_t m : index.Sharing(p)) consider(p, m, best);
    if (best) links.push_back(*best);
  }
  for (size_t p = 0; p < first_fresh; ++p) {
    if (index[p].record->soort != schema::kPreadvies || index[p].linked) continue;
    std::optional<archive::Link> best;
    for (size_t m : index.Sharing(p)) {
      if (index[m].fresh) consider(p, m, best);
    }
    if (best) links.push_back(*best);
  }
  return links;
}

std::vector<archive::Version> FindVersions(const std::vector<schema::Record>& fresh,
                                           const std::vector<archive::LinkCandidate>& archived) {
  KeyIndex index;
  for (const auto& c : archived) index.Add(&c.record, false, c.first_version_id);
  std::vector<archive::Version> out;
  for (const auto& m : fresh) {
    const size_t i = index.Add(&m, true);
    if (!Advisable(m) || !m.titel) continue;
    std::string first = m.id;
    for (size_t j : index.Sharing(i)) {
      if (j > i) break;  // only documents before this one
      const auto& other = index[j];
      if (other.record->soort != m.soort || !other.record->titel) continue;
      if (WordOverlap(index[i].title_words, other.title_words) < 0.8) continue;
      const bool shared = std::any_of(index[i].submitters.begin(), index[i].submitters.end(),
                                      [&](const auto& s) { return other.submitters.count(s); });
      if (!shared) continue;
      first = other.first_version.value_or(other.record->id);
      break;
    }
    index[i].first_version = first;
    out.push_back({m.id, first});
  }
  return out;
}

namespace {

// The first version of each motion `file` and `archived` know of.
std::map<std::string, std::string> FirstVersions(
    const archive::FileIngest& file, const std::vector<archive::LinkCandidate>& archived) {
  std::map<std::string, std::string> first;
  for (const auto& c : archived) {
    if (Advisable(c.record)) first[c.record.id] = c.first_version_id.value_or(c.record.id);
  }
  for (const auto& r : file.documents) {
    if (Advisable(r)) first[r.id] = r.id;
  }
  for (const auto& v : file.versions) first[v.document_id] = v.first_version_id;
  return first;
}

}  // namespace

std::vector<std::string> AdviceGroups(const archive::FileIngest& file,
                                      const std::vector<archive::LinkCandidate>& archived) {
  const auto first = FirstVersions(file, archived);
  std::set<std::string> groups;
  for (const auto& r : file.documents) {
    if (auto it = first.find(r.id); it != first.end()) groups.insert(it->second);
  }
  for (const auto& l : file.links) {
    if (auto it = first.find(l.motie_id); it != first.end()) groups.insert(it->second);
  }
  return {groups.begin(), groups.end()};
}

std::vector<archive::AdviceSource> ChooseAdvice(const archive::FileIngest& file,
                                                const std::vector<archive::LinkCandidate>& archived,
                                                const std::vector<archive::MotionGroup>& groups) {
  const auto first = FirstVersions(file, archived);
  // Each document's place and soort; this file's documents after all others.
  std::map<std::string, std::pair<archive::Place, std::string>> known;
  for (const auto& c : archived) known[c.record.id] = {c.place, c.record.soort};
  for (const auto& g : groups) {
    for (const auto& l : g.linked) known[l.id] = {l.place, l.soort};
  }
  for (size_t i = 0; i < file.documents.size(); ++i) {
    known[file.documents[i].id] = {
        archive::Place{std::numeric_limits<int64_t>::max(), static_cast<int>(i)},
        file.documents[i].soort};
  }
  struct Group {
    std::set<std::string> versions;
    std::optional<std::pair<archive::Place, std::string>> newest;  // preadvies
  };
  std::map<std::string, Group> by_first;
  auto offer = [&](Group& g, const std::string& id) {
    auto it = known.find(id);
    if (it == known.end() || it->second.second != schema::kPreadvies) return;
    if (!g.newest || g.newest->first < it->second.first) g.newest = {it->second.first, id};
  };
  for (const auto& g : groups) {
    Group& group = by_first[g.first_version_id];
    group.versions.insert(g.versions.begin(), g.versions.end());
    for (const auto& l : g.linked) offer(group, l.id);
  }
  for (const auto& r : file.documents) {
    if (auto it = first.find(r.id); it != first.end()) by_first[it->second].versions.insert(r.id);
  }
  for (const auto& l : file.links) {
    if (auto it = first.find(l.motie_id); it != first.end()) offer(by_first[it->second], l.from_id);
  }
  std::vector<archive::AdviceSource> out;
  for (const auto& [group_first, g] : by_first) {
    if (!g.newest) continue;
    for (const auto& v : g.versions) out.push_back({v, g.newest->second});
  }
  for (const auto& r : file.documents) {
    if (!Advisable(r) && r.preadvies) out.push_back({r.id, r.id});
  }
  return out;
}

}  // namespace motiearchief::pipeline
