// SQLite's parameters in PostgreSQL's form, from a table of {input,
// expected}.
#include "archive/parameters.h"

#include <gtest/gtest.h>

namespace motiearchief::archive::internal {
namespace {

struct Case {
  const char* sqlite;
  const char* postgres;
  int parameters;
};

TEST(ToPostgresParameters, RewritesEveryFormOutsideLiterals) {
  const Case cases[] = {
      {"SELECT 1", "SELECT 1", 0},
      {"a = ? AND b = ?", "a = $1 AND b = $2", 2},
      {"a = ?1 OR b = ?1 AND c = ?2", "a = $1 OR b = $1 AND c = $2", 2},
      {"x = :match AND y = :soort AND z = :match", "x = $1 AND y = $2 AND z = $1", 2},
      {"?3, ?", "$3, $4", 4},  // a bare ? takes the next free number
      {"record::jsonb #>> '{a}'", "record::jsonb #>> '{a}'", 0},
      {"'what?' || \"col:x\" || ?", "'what?' || \"col:x\" || $1", 1},
      {"'it''s ?' = ?", "'it''s ?' = $1", 1},
      {"-- a comment? :no\nSELECT ?", "-- a comment? :no\nSELECT $1", 1},
      {"LIKE '%' || :orgaan || '%' ESCAPE '\\'", "LIKE '%' || $1 || '%' ESCAPE '\\'", 1},
  };
  for (const Case& c : cases) {
    PostgresSql out = ToPostgresParameters(c.sqlite);
    EXPECT_EQ(out.sql, c.postgres) << c.sqlite;
    EXPECT_EQ(out.parameters, c.parameters) << c.sqlite;
  }
}

TEST(ToPostgresParameters, RemembersNamesForBinding) {
  PostgresSql out = ToPostgresParameters("a = :van AND b = :tot AND c = :van LIMIT :limit");
  ASSERT_EQ(out.names.size(), 3u);
  EXPECT_EQ(out.names[0], ":van");
  EXPECT_EQ(out.names[1], ":tot");
  EXPECT_EQ(out.names[2], ":limit");
}

}  // namespace
}  // namespace motiearchief::archive::internal
