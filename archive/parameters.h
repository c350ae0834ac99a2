// SQLite's statement parameters in PostgreSQL's form. The archive writes
// its SQL once, with `?`, `?N` and `:name`; PostgreSQL knows only `$N`.
#ifndef MOTIEARCHIEF_ARCHIVE_PARAMETERS_H_
#define MOTIEARCHIEF_ARCHIVE_PARAMETERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace motiearchief::archive::internal {

struct PostgresSql {
  std::string sql;                 // with $1, $2, ...
  std::vector<std::string> names;  // names[i]: ":name" of $(i+1), or "" when unnamed
  int parameters = 0;              // the highest $N
};

// Rewrites `?` (the next number), `?N` and `:name` (one number per name)
// outside string literals, quoted identifiers and comments. A `::` cast is
// left alone.
PostgresSql ToPostgresParameters(std::string_view sqlite_sql);

}  // namespace motiearchief::archive::internal

#endif  // MOTIEARCHIEF_ARCHIVE_PARAMETERS_H_
