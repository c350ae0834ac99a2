#include "pipeline/linker.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace motiearchief::pipeline {
namespace {

std::vector<archive::LinkCandidate> Archived(const std::vector<schema::Record>& records,
                                             std::vector<std::optional<std::string>> first = {}) {
  std::vector<archive::LinkCandidate> out;
  for (size_t i = 0; i < records.size(); ++i) {
    out.push_back({records[i], i < first.size() ? first[i] : std::nullopt, false, {}});
  }
  return out;
}

schema::Record Motion(const std::string& id, const std::string& titel,
                      std::vector<std::string> indieners) {
  schema::Record r;
  r.id = id;
  r.soort = schema::kMotie;
  r.titel = titel;
  r.indieners = std::move(indieners);
  r.vergadering = "2023-12-01";
  return r;
}

TEST(LinkerTest, LinksOnSubmittersAndWordsWhenTitlesDiffer) {
  schema::Record iza = Motion("m1", "Duurzame financiering IZA-transformatie", {"Zeist"});
  schema::Record net =
      Motion("m2", "Oplossingen voor een overvol stroomnet", {"Schagen", "Almere"});
  schema::Record p;
  p.id = "p1";
  p.soort = schema::kPreadvies;
  p.titel = "Duurzame bekostiging transformatie IZA";
  p.indieners = {"Zeist"};
  p.vergadering = "2023-12-01";
  auto links = LinkPreadviezen({p}, Archived({iza, net}));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].motie_id, "m1");
  EXPECT_GT(LinkScore(p, iza, false), LinkScore(p, net, false));
}

TEST(LinkerTest, NoLinkWithoutEvidence) {
  schema::Record net = Motion("m2", "Oplossingen voor een overvol stroomnet", {"Schagen"});
  schema::Record p;
  p.id = "p1";
  p.soort = schema::kPreadvies;
  p.titel = "Goed beleid = integraal beleid";
  p.indieners = {"Heemstede"};
  EXPECT_TRUE(LinkPreadviezen({p}, Archived({net})).empty());
}

TEST(LinkerTest, SameMotionInTwoNazendingenIsOneMotionWithVersions) {
  schema::Record first = Motion(
      "a", "Aan de slag met bestaanszekerheid voor medewerkers aan de basis", {"Súdwest-Fryslân"});
  schema::Record later = first;
  later.id = "b";
  later.ondersteuners = {"Weert", "Apeldoorn"};
  auto versions = FindVersions({later}, Archived({first}, {"a"}));
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].first_version_id, "a");
  schema::Record other = Motion("c", "Oplossingen voor een overvol stroomnet", {"Schagen"});
  EXPECT_EQ(FindVersions({other}, Archived({first}))[0].first_version_id, "c");
}

// A motion's keys find every document it can link to: the preadvies that
// shares only a submitter, and the version that shares title and submitter.
TEST(LinkerTest, KeysTable) {
  schema::Record m = Motion("m", "Duurzame financiering IZA-transformatie", {"Zeist"});
  m.mede_indieners = {"Utrecht"};
  const std::vector<std::string> keys = LinkKeys(m);
  for (const char* k : {"", "ms:Zeist", "ms:Utrecht"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), k), keys.end()) << k;
  }
  auto with_prefix = [](const std::vector<std::string>& ks, const char* prefix) {
    return std::count_if(ks.begin(), ks.end(),
                         [&](const std::string& k) { return k.rfind(prefix, 0) == 0; });
  };
  const auto words = with_prefix(keys, "mw:");
  EXPECT_GE(words, 3);
  EXPECT_EQ(with_prefix(keys, "v:"), 2 * words);
  EXPECT_EQ(with_prefix(keys, "v:Zeist|"), words);
  EXPECT_EQ(with_prefix(keys, "p"), 0);
  // A motion looks up preadviezen by its title words and submitters, and
  // its versions by (submitter, word); a preadvies looks up motions.
  const std::vector<std::string> lookup = LookupKeys(m);
  EXPECT_EQ(with_prefix(lookup, "pw:"), words);
  EXPECT_EQ(with_prefix(lookup, "ps:"), 2);
  EXPECT_EQ(with_prefix(lookup, "v:"), 2 * words);
  EXPECT_EQ(with_prefix(lookup, "m"), 0);
  EXPECT_EQ(std::count(lookup.begin(), lookup.end(), ""), 0);
  schema::Record p = m;
  p.soort = schema::kPreadvies;
  EXPECT_EQ(with_prefix(LookupKeys(p), "mw:"), words);
  EXPECT_EQ(with_prefix(LookupKeys(p), "ms:"), 2);
  EXPECT_EQ(with_prefix(LinkKeys(p), "pw:"), words);
  EXPECT_EQ(with_prefix(LinkKeys(p), "v:"), 0);
  schema::Record brief;
  brief.soort = schema::kBrief;
  brief.titel = "Ledenbrief";
  EXPECT_TRUE(LinkKeys(brief).empty());
}

// Within one bundle, the second copy of a motion is a version of the first;
// the index finds it without comparing every pair.
TEST(LinkerTest, VersionsWithinOneFile) {
  schema::Record a = Motion("a", "Aan de slag met bestaanszekerheid", {"Zeist"});
  schema::Record b = Motion("b", "Oplossingen voor een overvol stroomnet", {"Schagen"});
  schema::Record c = a;
  c.id = "c";
  auto versions = FindVersions({a, b, c}, {});
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].first_version_id, "a");
  EXPECT_EQ(versions[1].first_version_id, "b");
  EXPECT_EQ(versions[2].first_version_id, "a");
}

// An archived preadvies without a link is linked when its motion arrives.
TEST(LinkerTest, ArchivedPreadviesFindsItsLaterMotion) {
  schema::Record p;
  p.id = "p1";
  p.soort = schema::kPreadvies;
  p.titel = "Duurzame bekostiging transformatie IZA";
  p.indieners = {"Zeist"};
  auto unlinked = Archived({p});
  schema::Record m = Motion("m1", "Duurzame financiering IZA-transformatie", {"Zeist"});
  auto links = LinkPreadviezen({m}, unlinked);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].from_id, "p1");
  unlinked[0].linked = true;
  EXPECT_TRUE(LinkPreadviezen({m}, unlinked).empty());
}

// ChooseAdvice, from a table: a file's documents, links and versions;
// what the archive holds (candidates with their places, and the groups
// of the motions touched); which preadvies each document's advice is from.
TEST(LinkerTest, ChooseAdviceTable) {
  auto preadvies = [](const std::string& id) {
    schema::Record r;
    r.id = id;
    r.soort = schema::kPreadvies;
    r.preadvies = schema::Advice{"overnemen", "", std::nullopt, "", ""};
    return r;
  };
  auto archived = [](schema::Record r, std::optional<std::string> first, int64_t file) {
    archive::LinkCandidate c;
    c.record = std::move(r);
    c.first_version_id = std::move(first);
    c.place = {file, 0};
    return c;
  };
  using Sources = std::vector<std::pair<std::string, std::string>>;
  const schema::Record m1 = Motion("m1", "Meer woningen", {"Utrecht"});
  const schema::Record m2 = Motion("m2", "Meer woningen", {"Utrecht"});
  const struct {
    const char* what;
    std::vector<schema::Record> documents;
    std::vector<archive::Link> links;
    std::vector<archive::Version> versions;
    std::vector<archive::LinkCandidate> candidates;
    std::vector<archive::MotionGroup> groups;
    Sources expected;  // (document, preadvies), sorted
  } cases[] = {
      {"a motion and its preadvies in one file",
       {m1, preadvies("p1")},
       {{"p1", "m1", 0.9, ""}},
       {{"m1", "m1"}},
       {},
       {},
       {{"m1", "p1"}, {"p1", "p1"}}},
      {"no preadvies: no advice", {m1}, {}, {{"m1", "m1"}}, {}, {}, {}},
      {"a later preadvies for an archived motion: every version takes it",
       {preadvies("p2")},
       {{"p2", "m1", 0.9, ""}},
       {},
       {archived(m1, "m1", 1)},
       {{"m1", {"m1", "m2"}, {{"p1", "preadvies", {1, 1}}}}},
       {{"m1", "p2"}, {"m2", "p2"}, {"p2", "p2"}}},
      {"a new version of an archived motion takes the group's preadvies",
       {m2},
       {},
       {{"m2", "m1"}},
       {archived(m1, "m1", 1)},
       {{"m1", {"m1"}, {{"p1", "preadvies", {2, 0}}, {"p0", "preadvies", {1, 3}}}}},
       {{"m1", "p1"}, {"m2", "p1"}}},
      {"an archived preadvies linked now to a new motion: the newest place wins",
       {m2},
       {{"p3", "m2", 0.8, ""}},
       {{"m2", "m2"}},
       {archived(preadvies("p3"), std::nullopt, 5)},
       {{"m2", {}, {}}},
       {{"m2", "p3"}}},
      {"an amendment is linked, other documents are not",
       {[] {
          schema::Record a = Motion("a1", "Amendement begroting", {"Almere"});
          a.soort = schema::kAmendement;
          return a;
        }(),
        preadvies("p4"),
        [] {
          schema::Record b;
          b.id = "b1";
          b.soort = schema::kBrief;
          return b;
        }()},
       {{"p4", "a1", 0.7, ""}},
       {{"a1", "a1"}},
       {},
       {},
       {{"a1", "p4"}, {"p4", "p4"}}},
  };
  for (const auto& c : cases) {
    archive::FileIngest file;
    file.documents = c.documents;
    file.links = c.links;
    file.versions = c.versions;
    const auto groups = AdviceGroups(file, c.candidates);
    for (const auto& g : c.groups) {
      EXPECT_NE(std::find(groups.begin(), groups.end(), g.first_version_id), groups.end())
          << c.what << ": group " << g.first_version_id << " not asked for";
    }
    Sources got;
    for (const auto& a : ChooseAdvice(file, c.candidates, c.groups)) {
      got.emplace_back(a.document_id, a.preadvies_id);
    }
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, c.expected) << c.what;
  }
}

}  // namespace
}  // namespace motiearchief::pipeline
