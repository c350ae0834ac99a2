// The archive's schema as numbered migrations (schema/migrations/NNNN_*.sql),
// compiled into the program. Migration N brings an archive from version N-1
// to N; the archive records its version in PRAGMA user_version and in the
// table schema_migration. Migrations are never edited once released: a
// change is a new file.
#ifndef MOTIEARCHIEF_SCHEMA_MIGRATIONS_H_
#define MOTIEARCHIEF_SCHEMA_MIGRATIONS_H_

#include <string_view>
#include <vector>

namespace motiearchief::schema {

struct Migration {
  int version;            // 1, 2, ... without gaps
  std::string_view name;  // file name, e.g. "0001_initial.sql"
  std::string_view sql;
};

// All migrations in version order.
const std::vector<Migration>& Migrations();

}  // namespace motiearchief::schema

#endif  // MOTIEARCHIEF_SCHEMA_MIGRATIONS_H_
