# The "mariadb" CTest fixture: one throwaway MariaDB server for all integration tests of a build tree.
#
# include(${CMAKE_CURRENT_SOURCE_DIR}/fixture.cmake) from tests/integration/CMakeLists.txt, then:
#
#   kinerja_db_gtest(<target> [gtest_discover_tests options, but not PROPERTIES])
#       Discovers the GoogleTest cases of <target> and gives each one FIXTURES_REQUIRED mariadb,
#       ENVIRONMENT KINERJA_TEST_DB_ENV=<build>/test-mariadb/env, LABELS integration, TIMEOUT 300.
#
#   kinerja_db_test(<test name>...)
#       The same properties for tests created with add_test() in the calling directory.
#
# The tests read KINERJA_TEST_DB_ENV: a file of exactly four KEY=VALUE lines (no quotes, no comments)
#   KINERJA_DB_HOST=127.0.0.1
#   KINERJA_DB_PORT=<free loopback port>
#   KINERJA_DB_USER=kinerja_test
#   KINERJA_DB_PASSWORD=<48 hex characters>
# kinerja_test has ALL PRIVILEGES ON *.* WITH GRANT OPTION, so each test creates (and drops) its own
# database; no RESOURCE_LOCK is set and the tests may run in parallel.
#
# mariadb_start (FIXTURES_SETUP) deletes and re-creates KINERJA_TEST_DB_DIR; mariadb_stop
# (FIXTURES_CLEANUP) shuts the server down and removes the directory. CTest adds both automatically
# whenever a selected test requires the fixture (for example `ctest -R SomeRepositoryTest`).
include_guard(GLOBAL)
include(GoogleTest)

set(KINERJA_TEST_DB_DIR ${CMAKE_BINARY_DIR}/test-mariadb)
set(KINERJA_TEST_DB_ENV ${KINERJA_TEST_DB_DIR}/env)
# Also kept as global properties so the functions work from any directory.
set_property(GLOBAL PROPERTY KINERJA_TEST_DB_DIR "${KINERJA_TEST_DB_DIR}")
set_property(GLOBAL PROPERTY KINERJA_TEST_DB_ENV "${KINERJA_TEST_DB_ENV}")

find_program(KINERJA_BASH bash REQUIRED)
set(_kinerja_db_fixture_script ${CMAKE_CURRENT_LIST_DIR}/mariadb_fixture.sh)

add_test(NAME mariadb_start
  COMMAND ${KINERJA_BASH} ${_kinerja_db_fixture_script} start ${KINERJA_TEST_DB_DIR})
set_tests_properties(mariadb_start PROPERTIES
  FIXTURES_SETUP mariadb
  LABELS integration
  TIMEOUT 240)

add_test(NAME mariadb_stop
  COMMAND ${KINERJA_BASH} ${_kinerja_db_fixture_script} stop ${KINERJA_TEST_DB_DIR})
set_tests_properties(mariadb_stop PROPERTIES
  FIXTURES_CLEANUP mariadb
  LABELS integration
  TIMEOUT 180)

function(kinerja_db_gtest target)
  get_property(env_file GLOBAL PROPERTY KINERJA_TEST_DB_ENV)
  gtest_discover_tests(${target}
    DISCOVERY_TIMEOUT 60
    ${ARGN}
    PROPERTIES
      FIXTURES_REQUIRED mariadb
      ENVIRONMENT "KINERJA_TEST_DB_ENV=${env_file}"
      LABELS integration
      TIMEOUT 300)
endfunction()

function(kinerja_db_test)
  if(NOT ARGN)
    message(FATAL_ERROR "kinerja_db_test: give at least one test name")
  endif()
  get_property(env_file GLOBAL PROPERTY KINERJA_TEST_DB_ENV)
  set_tests_properties(${ARGN} PROPERTIES
    FIXTURES_REQUIRED mariadb
    ENVIRONMENT "KINERJA_TEST_DB_ENV=${env_file}"
    LABELS integration
    TIMEOUT 300)
endfunction()
