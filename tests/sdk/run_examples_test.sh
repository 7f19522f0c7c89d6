#!/usr/bin/env bash
# The SDK's examples (client_sdk/examples/) against a live server (ctest: sdk_examples).
#
#   tests/sdk/run_examples_test.sh BUILD_DIR        (KINERJA_TEST_DB_ENV: the fixture's env file)
#
# Starts kinerja_server on a new database, seeds OPD CONTOH and its three positions
# (kinerja_sdk_live_seed), then runs kinerja_example_import_csv on a CSV of a head of office, a
# head of division and one clerk (and on a bad file), and kinerja_example_superior on the clerk
# and on the head of office, checking what they print and their exit codes.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
source "$HERE/../../scripts/lib.sh"
source "$HERE/live_server.sh"
(($# == 1)) || kinerja_die "usage: $0 BUILD_DIR"
BUILD="$(cd "$1" && pwd -P)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinerja-sdk-examples.XXXXXX")"
trap 'rc=$?; live_server_stop $rc; rm -rf "$WORK"; exit $rc' EXIT

SUPERIOR="$BUILD/client_sdk/examples/kinerja_example_superior"
IMPORT="$BUILD/client_sdk/examples/kinerja_example_import_csv"
SEED="$BUILD/tests/sdk/kinerja_sdk_live_seed"
[[ -x "$SUPERIOR" && -x "$IMPORT" && -x "$SEED" ]] || kinerja_die "build the examples and the seed"

live_server_start "$BUILD" "${KINERJA_TEST_DB_ENV:?run through ctest (fixture mariadb)}" "$WORK"
ADDR="127.0.0.1:$LIVE_GRPC_PORT"
KINERJA_TOKEN="$(KINERJA_PASSWORD="$LIVE_ADMIN_PASSWORD" "$SEED" --target "$ADDR" --nip "$LIVE_ADMIN_NIP")"
export KINERJA_TOKEN

expect() {  # expect FILE PATTERN: the file has a line matching PATTERN (grep -E)
  grep -Eq -- "$2" "$1" || { cat "$1" >&2; kinerja_die "expected /$2/ in the output"; }
}

cat >"$WORK/staff.csv" <<'CSV'
nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi
197001011995031001,"Hadi Prasetyo, S.H.",PNS,AKTIF,CONTOH-KADIS,2020-01-02,AWAL
197502022000032002,Sri Lestari,PNS,AKTIF,CONTOH-KABID,2021-03-01,
198803032012011003,Agus Wibowo,PPPK,,CONTOH-PLK,2022-07-01,
CSV
"$IMPORT" "$ADDR" "$WORK/staff.csv" >"$WORK/import.out"
expect "$WORK/import.out" '^validated \(nothing stored yet\):$'
expect "$WORK/import.out" '^  rows 3, employees created 3, updated 0, assignments opened 3, rows unchanged 0$'
expect "$WORK/import.out" '^imported:$'
# A re-run changes nothing.
"$IMPORT" "$ADDR" "$WORK/staff.csv" >"$WORK/import2.out"
expect "$WORK/import2.out" 'rows 3, employees created 0, updated 0, assignments opened 0, rows unchanged 3$'

printf 'nip,nama,jenis_asn,kode_jabatan,tmt_jabatan\n12345,Salah,PNS,CONTOH-PLK,2022-07-01\n' >"$WORK/bad.csv"
rc=0
"$IMPORT" "$ADDR" "$WORK/bad.csv" >"$WORK/bad.out" 2>&1 || rc=$?
((rc == 1)) || kinerja_die "a bad file: exit code $rc, expected 1"
expect "$WORK/bad.out" '^validation failed: INVALID_ARGUMENT'
expect "$WORK/bad.out" '^  csv\[line=2\]\.nip: '

"$SUPERIOR" "$ADDR" 198803032012011003 >"$WORK/superior.out"
expect "$WORK/superior.out" '^Employee: 198803032012011003  Agus Wibowo$'
expect "$WORK/superior.out" '^Position: CONTOH-PLK  Pengolah Data'
expect "$WORK/superior.out" '^Superior: 197502022000032002  Sri Lestari$'
expect "$WORK/superior.out" 'position .*CONTOH-KABID'

rc=0
"$SUPERIOR" "$ADDR" 197001011995031001 >"$WORK/top.out" 2>&1 || rc=$?
cat "$WORK/top.out"
((rc == 0)) || kinerja_die "superior of the head of office: exit code $rc"
expect "$WORK/top.out" '^Superior: none'

rc=0
"$SUPERIOR" "$ADDR" 199901012020011001 >"$WORK/missing.out" 2>&1 || rc=$?
((rc == 1)) || kinerja_die "an unknown NIP: exit code $rc, expected 1"
expect "$WORK/missing.out" 'NOT_FOUND'
kinerja_log "sdk examples: import (validate, apply, re-run, bad file) and superior lookups passed"
