#!/usr/bin/env bash
# kinerjactl against a live server (ctest: kinerjactl_live).
#
#   tests/kinerjactl/run_kinerjactl_test.sh BUILD_DIR   (KINERJA_TEST_DB_ENV: the fixture's env)
#
# Starts kinerja_server on a new database with OPD CONTOH and its positions
# (kinerja_sdk_live_seed), then drives the real binary with a private XDG_CONFIG_HOME: login with
# the password on stdin (session file 600 in a 700 directory), import a CSV in batches of 2
# (progress lines on stderr), get, list as json and csv, superior, export, a NOT_FOUND (exit 5),
# an invalid file (exit 6, violations with the file's line numbers), logout (then exit 3).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
source "$HERE/../../scripts/lib.sh"
source "$HERE/../sdk/live_server.sh"
(($# == 1)) || kinerja_die "usage: $0 BUILD_DIR"
BUILD="$(cd "$1" && pwd -P)"
CTL="$BUILD/tools/kinerjactl/kinerjactl"
SEED="$BUILD/tests/sdk/kinerja_sdk_live_seed"
[[ -x "$CTL" && -x "$SEED" ]] || kinerja_die "build kinerjactl and kinerja_sdk_live_seed first"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinerjactl-test.XXXXXX")"
trap 'rc=$?; live_server_stop $rc; rm -rf "$WORK"; exit $rc' EXIT
unset KINERJA_TOKEN KINERJA_API_KEY KINERJA_SERVER KINERJA_PASSWORD
export XDG_CONFIG_HOME="$WORK/config"

live_server_start "$BUILD" "${KINERJA_TEST_DB_ENV:?run through ctest (fixture mariadb)}" "$WORK"
ADDR="127.0.0.1:$LIVE_GRPC_PORT"
KINERJA_PASSWORD="$LIVE_ADMIN_PASSWORD" "$SEED" --target "$ADDR" --nip "$LIVE_ADMIN_NIP" >/dev/null

fail() { kinerja_die "kinerjactl test: $*"; }
expect() {  # expect FILE PATTERN
  grep -Eq -- "$2" "$1" || { cat "$1" >&2; fail "expected /$2/ in $(basename "$1")"; }
}
run() {  # run EXPECTED_RC NAME ARGS...: stdout to $WORK/NAME.out, stderr to $WORK/NAME.err
  local want="$1" name="$2" rc=0
  shift 2
  "$CTL" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null || rc=$?
  ((rc == want)) || { cat "$WORK/$name.err" >&2; fail "$name: exit code $rc, expected $want"; }
}

# Not signed in yet.
run 3 nosession opds list --server "$ADDR"
expect "$WORK/nosession.err" 'not signed in'
run 2 usage employees frobnicate --server "$ADDR"

# Login with the password on stdin (not a terminal).
printf '%s\n' "$LIVE_ADMIN_PASSWORD" | "$CTL" login --server "$ADDR" --nip "$LIVE_ADMIN_NIP" \
  2>"$WORK/login.err" || { cat "$WORK/login.err" >&2; fail "login"; }
expect "$WORK/login.err" "^Signed in as $LIVE_ADMIN_NIP"
[[ "$(stat -c %a "$XDG_CONFIG_HOME/kinerja/session")" == 600 ]] || fail "session file mode"
[[ "$(stat -c %a "$XDG_CONFIG_HOME/kinerja")" == 700 ]] || fail "session directory mode"
printf 'wrong-password\n' | "$CTL" login --server "$ADDR" --nip "$LIVE_ADMIN_NIP" 2>/dev/null &&
  fail "login with a wrong password succeeded"
[[ -f "$XDG_CONFIG_HOME/kinerja/session" ]] || fail "a failed login removed the session"

# Import 5 rows in batches of 2: validate pass, then apply pass; progress lines on stderr.
cat >"$WORK/staff.csv" <<'CSV'
nip,nama,jenis_asn,status,kode_jabatan,tmt_jabatan,jenis_mutasi
197001011995031001,"Hadi Prasetyo, S.H.",PNS,AKTIF,CONTOH-KADIS,2020-01-02,AWAL
197502022000032002,Sri Lestari,PNS,AKTIF,CONTOH-KABID,2021-03-01,
198803032012011003,Agus Wibowo,PPPK,,CONTOH-PLK,2022-07-01,
198904042013012004,"Dewi ""Ayu"" Lestari",PNS,,CONTOH-PLK,2022-07-01,
199005052014011005,Bambang Sutrisno,PNS,,CONTOH-PLK,2023-01-02,
CSV
run 0 import employees import "$WORK/staff.csv" --batch-size 2
expect "$WORK/import.err" '^validating: 2/5 rows \(40%\), [0-9]+ rows/s$'
expect "$WORK/import.err" '^validating: 5/5 rows \(100%\)'
expect "$WORK/import.err" '^importing: 4/5 rows \(80%\)'
expect "$WORK/import.err" '^importing: 5/5 rows \(100%\)'
expect "$WORK/import.out" '^Validated 5 rows in 3 batches: would create 5 employees'
expect "$WORK/import.out" '^Imported 5 rows in 3 batches: created 5 employees, updated 0, opened 5 assignments, 0 rows unchanged\.$'
run 0 reimport employees import "$WORK/staff.csv" --batch-size 2
expect "$WORK/reimport.out" 'created 0 employees, updated 0, opened 0 assignments, 5 rows unchanged'

# A bad row in the second batch: exit 6, the violation with the file's line number, nothing stored.
printf 'nip,nama,jenis_asn,kode_jabatan,tmt_jabatan\n199106062015011006,Rudi,PNS,CONTOH-PLK,2023-01-02\n199107072015011007,Tono,PNS,CONTOH-PLK,2023-01-02\n12345,Salah,PNS,CONTOH-PLK,2023-01-02\n' >"$WORK/bad.csv"
run 6 bad employees import "$WORK/bad.csv" --batch-size 2
expect "$WORK/bad.err" '^  csv\[line=4\]\.nip: '
expect "$WORK/bad.err" 'nothing was stored'
run 5 notstored employees get 199106062015011006

# Reads, in each format.
run 0 get employees get 198803032012011003
expect "$WORK/get.out" '^NIP +NAME +TYPE +STATUS +POSITION +TITLE +OPD$'
expect "$WORK/get.out" '^198803032012011003  Agus Wibowo +PPPK +ACTIVE +CONTOH-PLK +Pengolah Data +CONTOH$'
run 0 listjson employees list --opd CONTOH --output json
[[ "$(wc -l <"$WORK/listjson.out")" == 5 ]] || fail "list --output json: not 5 lines"
expect "$WORK/listjson.out" '^\{"name":"employees/198904042013012004","nip":"198904042013012004","fullName":"Dewi \\"Ayu\\" Lestari"'
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$WORK/listjson.out" ||
  fail "list --output json: not JSON lines"
run 0 listcsv employees list --query sri --output csv
[[ "$(cat "$WORK/listcsv.out")" == $'NIP,NAME,TYPE,STATUS,POSITION,TITLE,OPD\r\n197502022000032002,Sri Lestari,PNS,ACTIVE,CONTOH-KABID,Kepala Bidang Contoh,CONTOH\r' ]] ||
  { cat -A "$WORK/listcsv.out" >&2; fail "list --output csv"; }
run 0 csvquote employees get 197001011995031001 --output csv
expect "$WORK/csvquote.out" '^197001011995031001,"Hadi Prasetyo, S.H.",PNS'
run 0 superior employees superior 198803032012011003
expect "$WORK/superior.out" '^197502022000032002  Sri Lestari  CONTOH-KABID  no$'
run 0 export employees export --opd CONTOH --output csv
[[ "$(wc -l <"$WORK/export.out")" == 6 ]] || fail "export: not a header and 5 rows"
run 0 opds opds list
expect "$WORK/opds.out" '^CONTOH +Dinas Contoh +DINAS +no$'
run 0 skp skp list 198803032012011003
expect "$WORK/skp.out" '^NAME +YEAR +STATE'

# Errors and their exit codes.
run 5 notfound employees get 199901012020011001
expect "$WORK/notfound.err" 'NOT_FOUND'
run 6 invalid employees get 123
run 7 unreachable employees get 198803032012011003 --server 127.0.0.1:1

# Logout: the file goes, the session ends on the server.
token="$(sed -n 's/^token=//p' "$XDG_CONFIG_HOME/kinerja/session")"
run 0 logout logout
[[ ! -e "$XDG_CONFIG_HOME/kinerja/session" ]] || fail "logout left the session file"
run 3 afterlogout employees get 198803032012011003 --server "$ADDR"
KINERJA_TOKEN="$token" run 3 oldtoken employees get 198803032012011003 --server "$ADDR"
expect "$WORK/oldtoken.err" 'UNAUTHENTICATED'
kinerja_log "kinerjactl: login, import, reads in three formats, exit codes 2/3/5/6/7 and logout passed"
