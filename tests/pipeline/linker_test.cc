#include "pipeline/linker.h"

#include <gtest/gtest.h>

namespace motiearchief::pipeline {
namespace {

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
  auto links = LinkPreadviezen({p}, {iza, net}, {});
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
  EXPECT_TRUE(LinkPreadviezen({p}, {net}, {}).empty());
}

TEST(LinkerTest, SameMotionInTwoNazendingenIsOneMotionWithVersions) {
  schema::Record first = Motion(
      "a", "Aan de slag met bestaanszekerheid voor medewerkers aan de basis", {"Súdwest-Fryslân"});
  schema::Record later = first;
  later.id = "b";
  later.ondersteuners = {"Weert", "Apeldoorn"};
  auto versions = FindVersions({later}, {first}, {{"a", "a"}});
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].first_version_id, "a");
  schema::Record other = Motion("c", "Oplossingen voor een overvol stroomnet", {"Schagen"});
  EXPECT_EQ(FindVersions({other}, {first}, {})[0].first_version_id, "c");
}

}  // namespace
}  // namespace motiearchief::pipeline
