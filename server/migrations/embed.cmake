# Writes a C++ file that embeds every server/migrations/V*.sql (invoked at build time).
# Inputs: MIGRATIONS_DIR, OUTPUT.
file(GLOB files "${MIGRATIONS_DIR}/V*__*.sql")
list(SORT files COMPARE NATURAL)
set(body "")
foreach(f ${files})
  get_filename_component(fname ${f} NAME_WE)
  string(REGEX MATCH "^V([0-9]+)__(.+)$" _ ${fname})
  set(version ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  math(EXPR version "${version} + 0")
  file(READ ${f} sql)
  string(APPEND body "      {${version}, \"${name}\", R\"KINERJA_SQL(${sql})KINERJA_SQL\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from server/migrations by embed.cmake. Do not edit.
#include \"server/storage/migrations.h\"

namespace kinerja::storage {

const std::vector<Migration>& EmbeddedMigrations() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}

}  // namespace kinerja::storage
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
