#include "extractors/dates.h"

#include <gtest/gtest.h>

namespace motiearchief::extractors {
namespace {

struct DateCase {
  const char* text;
  const char* reference;  // nullptr: none
  const char* expected;   // nullptr: no date
};

TEST(FindDateTest, Table) {
  const DateCase cases[] = {
      {"20 november 2023", nullptr, "2023-11-20"},
      {"Datum: 3 dec. 2023", nullptr, "2023-12-03"},
      {"20-11-2023", nullptr, "2023-11-20"},
      {"20-11 -2023", nullptr, "2023-11-20"},  // OCR spacing
      {"op 2023-06-07 besloten", nullptr, "2023-06-07"},
      {"Najaars ALV van 1 december a.s.", "2023-11-22", "2023-12-01"},
      {"op 3 november jl.", "2023-11-22", "2023-11-03"},
      {"20 november", "2023-12-01", "2023-11-20"},
      {"20 november", nullptr, nullptr},           // no year, no guess
      {"15 januari", "2023-12-01", "2024-01-15"},  // nearest: next year
      {"31 februari 2023", nullptr, nullptr},      // not a date
      {"artikel 12 lid 3", nullptr, nullptr},
  };
  for (const DateCase& c : cases) {
    std::optional<std::string> ref;
    if (c.reference) ref = c.reference;
    auto d = FindDate(c.text, ref);
    if (c.expected == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text;
    } else {
      ASSERT_TRUE(d.has_value()) << c.text;
      EXPECT_EQ(d->iso, c.expected) << c.text;
    }
  }
}

}  // namespace
}  // namespace motiearchief::extractors
