// OpenPostgres: the PostgreSQL connection from its module
// (libmotiearchief-postgres.so, postgres_connection.cc), loaded on first use.
#include <mutex>

#include "archive/connection.h"
#include "base/module.h"

namespace motiearchief::archive::internal {
namespace {

Result<const PostgresApi*> LoadPostgres() {
#ifdef MA_POSTGRES_MODULE
  const std::string build_path = MA_POSTGRES_MODULE;
#else
  const std::string build_path;
#endif
  return LoadModuleApi<PostgresApi>("PostgreSQL", "libmotiearchief-postgres.so", build_path,
                                    "motiearchief_postgres_api");
}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url,
                                                 const ArchiveOptions& options) {
  static std::once_flag once;
  static Result<const PostgresApi*> api = Status::Internal("not loaded");
  std::call_once(once, [] { api = LoadPostgres(); });
  if (!api.ok()) return api.status();
  return (*api)->open(url, options);
}

}  // namespace motiearchief::archive::internal
