#include "extractors/vocabulary.h"

#include <gtest/gtest.h>

#include <utility>

namespace motiearchief::extractors {
namespace {

TEST(CanonicalRoleTest, Table) {
  const std::pair<const char*, const char*> rows[] = {
      {"Wethouder", "wethouder"},
      {"Loco-Burgemeester", "loco-burgemeester"},
      {"loco - burgemeester", "loco-burgemeester"},
      {"  Algemeen   directeur ", "algemeen directeur"},
      {"GEMEENTESECRETARIS", "gemeentesecretaris"},
  };
  for (const auto& [input, expected] : rows) EXPECT_EQ(CanonicalRole(input), expected) << input;
}

TEST(CanonicalAdviceTest, Table) {
  const std::pair<const char*, const char*> rows[] = {
      {"Overnemen", "overnemen"},
      {"oordeel aan de ALV", "oordeel ALV"},
      {"Ontraden, tenzij aangepast", "ontraden"},
      {"Aanhouden", "aanhouden"},
      {"Het bestuur stelt voor de motie over te nemen", "overnemen"},
      {"Onbekend advies", "onbekend advies"},
  };
  for (const auto& [input, expected] : rows) EXPECT_EQ(CanonicalAdvice(input), expected) << input;
}

}  // namespace
}  // namespace motiearchief::extractors
