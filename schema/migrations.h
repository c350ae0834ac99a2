// The archive's schema as numbered migrations, one folder per engine
// (schema/migrations/sqlite/NNNN_*.sql, schema/migrations/postgresql/
// NNNN_*.sql), compiled into the program. Migration N brings an archive
// from version N-1 to N, and both engines have the same numbers and names:
// version N means the same tables on either. The archive records its
// version (SQLite: PRAGMA user_version; both: the table schema_migration).
// Migrations are never edited once released: a change is a new file in
// each folder.
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

// All migrations of one engine, in version order.
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace motiearchief::schema

#endif  // MOTIEARCHIEF_SCHEMA_MIGRATIONS_H_
