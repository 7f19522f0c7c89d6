# shellcheck shell=bash
# Shared helpers for the dev-environment scripts. Source it; do not execute it.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Defines KINERJA_ROOT (the repository root) and small functions for messages, processes,
# ports and secrets. Nothing here starts or stops anything by itself.

if [[ -n "${KINERJA_LIB_SH_LOADED:-}" ]]; then
  return 0
fi
KINERJA_LIB_SH_LOADED=1

# shellcheck disable=SC2034 # used by the scripts that source this file
KINERJA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# ccache: paths relative to the checkout, so a fresh clone (CI) reuses what another checkout built.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$KINERJA_ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"

# Messages go to stderr so that command output (ports, paths) stays clean on stdout.
kinerja_log() { printf '[kinerja] %s\n' "$*" >&2; }
kinerja_warn() { printf '[kinerja] WARNING: %s\n' "$*" >&2; }
kinerja_die() {
  printf '[kinerja] ERROR: %s\n' "$*" >&2
  exit 1
}

kinerja_require_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || kinerja_die "'$c' not found; run scripts/deps.sh first"
  done
}

# kinerja_random_secret [BYTES]: prints 2*BYTES lowercase hex characters from /dev/urandom.
# Hex only, so the value needs no quoting in SQL, env files or shell.
kinerja_random_secret() {
  local bytes="${1:-24}"
  od -An -tx1 -N"$bytes" /dev/urandom | tr -d ' \n'
}

# kinerja_pid_running PID: true if PID exists and is not a zombie (a killed process whose parent
# has not reaped it yet still answers kill -0).
kinerja_pid_running() {
  local pid="$1" stat=""
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != [ZX] ]]
}

# kinerja_pid_alive PID [COMM]: true if PID is running and, when COMM is given, its command name
# (/proc/PID/comm, at most 15 characters) equals COMM. Guards against a recycled pid.
kinerja_pid_alive() {
  local pid="$1" comm="${2:-}"
  kinerja_pid_running "$pid" || return 1
  if [[ -n "$comm" ]]; then
    local actual=""
    actual="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
    [[ "$actual" == "${comm:0:15}" ]] || return 1
  fi
  return 0
}

# kinerja_read_pid FILE: prints the pid stored in FILE, or nothing.
kinerja_read_pid() {
  local f="$1" pid=""
  if [[ -f "$f" ]]; then
    read -r pid 2>/dev/null <"$f" || true
  fi
  [[ "$pid" =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
  return 0
}

# kinerja_wait_pid_exit PID SECONDS: waits until PID is gone; false on timeout.
kinerja_wait_pid_exit() {
  local pid="$1" secs="$2" i
  for ((i = 0; i < secs * 10; i++)); do
    kinerja_pid_running "$pid" || return 0
    sleep 0.1
  done
  ! kinerja_pid_running "$pid"
}

# kinerja_stop_pid PID NAME [GRACE_SECONDS]: SIGTERM, wait up to GRACE (default 20 s), then SIGKILL.
kinerja_stop_pid() {
  local pid="$1" name="$2" grace="${3:-20}"
  if ! kinerja_pid_running "$pid"; then
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  if ! kinerja_wait_pid_exit "$pid" "$grace"; then
    kinerja_warn "$name (pid $pid) did not stop within ${grace}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    kinerja_wait_pid_exit "$pid" 10 || kinerja_warn "$name (pid $pid) is still alive"
  fi
  # Reap it if it was our child; harmless otherwise.
  wait "$pid" 2>/dev/null || true
}

# kinerja_port_in_use PORT: true if something listens on 127.0.0.1:PORT (or on all addresses).
kinerja_port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] && return 0
  fi
  # Fallback without iproute2: try to connect (refused at once on loopback when nothing listens).
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# kinerja_free_port [LOW HIGH]: prints a loopback port that nothing listens on. Chosen below the
# Linux ephemeral range so outgoing connections do not collide with it. Racy by nature: callers
# retry if the bind fails.
kinerja_free_port() {
  local low="${1:-20000}" high="${2:-32000}" p i
  for ((i = 0; i < 200; i++)); do
    p=$((low + (RANDOM * 32768 + RANDOM) % (high - low)))
    if ! kinerja_port_in_use "$p"; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  return 1
}

# kinerja_write_bench_section NAME SECTION_FILE OUT: puts SECTION_FILE (which starts with
# "<!-- bench:NAME:start -->" and ends with "<!-- bench:NAME:end -->") into the report OUT, in place
# of the section of that name when OUT has one, else at the end; then prints it.
kinerja_write_bench_section() {
  local name="$1" section="$2" out="$3" tmp
  tmp="$out.tmp.$$"
  if [[ -f "$out" ]] && grep -q "<!-- bench:$name:start -->" "$out"; then
    awk -v section="$section" -v start="<!-- bench:$name:start -->" -v end="<!-- bench:$name:end -->" '
      $0 == start { while ((getline line < section) > 0) print line; skip = 1; next }
      $0 == end { skip = 0; next }
      !skip { print }' "$out" >"$tmp"
  elif [[ -f "$out" ]]; then
    { cat "$out"; echo; cat "$section"; } >"$tmp"
  else
    cat "$section" >"$tmp"
  fi
  mv -f "$tmp" "$out"
  cat "$section"
}
