#include "pipeline/linker.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace motiearchief::pipeline {
namespace {

std::vector<archive::LinkCandidate> Archived(const std::vector<schema::Record>& records,
                                             std::vector<std::optional<std::string>> first = {}) {
  std::vector<archive::LinkCandidate> out;
  for (size_t i = 0; i < records.size(); ++i) {
    out.push_back({records[i], i < first.size() ? first[i] : std::nullopt, false});
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

}  // namespace
}  // namespace motiearchief::pipeline
