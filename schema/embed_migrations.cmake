# Writes OUT: a C++ file defining schema::FUNCTION() from the .sql files in
# DIR, in file-name order. Run at build time by CMakeLists.txt, once per
# engine.
file(GLOB sql_files "${DIR}/*.sql")
list(SORT sql_files)
set(body "")
set(version 0)
foreach(f IN LISTS sql_files)
  math(EXPR version "${version} + 1")
  get_filename_component(name "${f}" NAME)
  file(READ "${f}" sql)
  string(APPEND body "      {${version}, \"${name}\", R\"motiearchief_sql(${sql})motiearchief_sql\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from ${DIR} by embed_migrations.cmake. Do not edit.
#include \"schema/migrations.h\"

namespace motiearchief::schema {

const std::vector<Migration>& ${FUNCTION}() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}

}  // namespace motiearchief::schema
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
