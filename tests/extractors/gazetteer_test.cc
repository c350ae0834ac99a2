#include "extractors/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace motiearchief::extractors {
namespace {

struct LookupCase {
  const char* written;
  const char* official;  // nullptr: not a municipality
};

TEST(GazetteerTest, HasAllMunicipalities) { EXPECT_EQ(Gazetteer::Default().size(), 342u); }

TEST(GazetteerTest, LookupTable) {
  const LookupCase cases[] = {
      {"Gemeente Enschede", "Enschede"},
      {"Den Bosch", "'s-Hertogenbosch"},
      {"'s-Hertogenbosch", "'s-Hertogenbosch"},
      {"s Hertogenbosch", "'s-Hertogenbosch"},
      {"Sudwest Fryslan", "Súdwest-Fryslân"},
      {"Súdwest Fryslân", "Súdwest-Fryslân"},
      {"Gemeente Noardeast Fryslân", "Noardeast-Fryslân"},
      {"Gemeeente Opsterland", "Opsterland"},               // typo in prefix
      {"Gemeente Tytsjerksteradeel", "Tytsjerksteradiel"},  // one typo
      {"Tietjerksteradeel", "Tytsjerksteradiel"},           // Dutch form
      {"gemeente Rijswijk", "Rijswijk"},
      {"Bergen (NH)", "Bergen (NH)"},
      {"Den Haag", "'s-Gravenhage"},
      {"Nuenen", "Nuenen, Gerwen en Nederwetten"},
      {"Boarnsterhim", "Boarnsterhim"},  // dissolved 2014
      {"Bergen", nullptr},               // ambiguous
      {"Utrechtse Heuvelrug", "Utrechtse Heuvelrug"},
      {"Lijst volgt", nullptr},
  };
  for (const LookupCase& c : cases) {
    auto m = Gazetteer::Default().Lookup(c.written);
    if (c.official == nullptr) {
      EXPECT_FALSE(m.has_value()) << c.written;
    } else {
      ASSERT_TRUE(m.has_value()) << c.written;
      EXPECT_EQ(m->name, c.official) << c.written;
    }
  }
}

std::vector<std::string> Names(const std::vector<GemeenteMatch>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(m.name);
  return out;
}

TEST(GazetteerTest, ParseListKeepsNamesWithEnTogether) {
  const auto& g = Gazetteer::Default();
  EXPECT_EQ(Names(g.ParseList("Gemeenten Aa en Hunze, Assen en Tynaarlo", true)),
            (std::vector<std::string>{"Aa en Hunze", "Assen", "Tynaarlo"}));
  EXPECT_EQ(Names(g.ParseList("Gemeente Súdwest-Fryslân en Losser", true)),
            (std::vector<std::string>{"Súdwest-Fryslân", "Losser"}));
  EXPECT_EQ(Names(g.ParseList("Nuenen, Gerwen en Nederwetten; Berg en Dal", true)),
            (std::vector<std::string>{"Nuenen, Gerwen en Nederwetten", "Berg en Dal"}));
  auto unknown = g.ParseList("Zeist en Atlantis", true);
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_FALSE(unknown[1].known);
  EXPECT_EQ(unknown[1].name, "Atlantis");
  EXPECT_EQ(g.ParseList("Zeist en Atlantis", false).size(), 1u);
}

TEST(GazetteerTest, EmbeddedDataMatchesSharedReferenceData) {
  // The repository's data/ is a copy of ../shared/data; keep them equal.
  for (const char* name : {"gemeenten.csv", "opgeheven.csv"}) {
    std::ifstream shared(std::string(MA_SOURCE_DIR) + "/../shared/data/" + name);
    if (!shared) GTEST_SKIP() << "../shared/data not present";
    std::ifstream ours(std::string(MA_SOURCE_DIR) + "/data/" + name);
    std::stringstream a, b;
    a << shared.rdbuf();
    b << ours.rdbuf();
    EXPECT_EQ(a.str(), b.str()) << name;
  }
}

}  // namespace
}  // namespace motiearchief::extractors
