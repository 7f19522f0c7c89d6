#!/usr/bin/env bash
# Installs the Debian 12 packages Kinerja needs to build, test and run locally, then the npm
# packages of the console, the browser tests and the OpenAPI check (from their package-lock.json).
#
# Idempotent and fast when everything is present: one dpkg-query call decides, and apt-get runs only
# when something is missing. Installing mariadb-server never starts the system MariaDB: while apt
# runs, a policy-rc.d that denies service starts is in place (unless one already exists).
#
# npm: `npm ci` runs in a package directory only when its package-lock.json changed since the last
# install there (a checksum kept in node_modules/.kinerja-lock.sha256).
#
# Usage: scripts/deps.sh            (root needed only when something must be installed)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The one list. Add new packages here (README.md explains why each is there).
KINERJA_DEB_PACKAGES=(
  build-essential
  cmake
  ninja-build
  ccache
  pkg-config
  libgrpc++-dev
  protobuf-compiler-grpc
  libprotobuf-dev
  protobuf-compiler
  libabsl-dev
  libmysqlcppconn-dev
  libsodium-dev
  libboost-dev
  libnghttp2-dev
  googletest
  libgtest-dev
  libgmock-dev
  mariadb-server
  mariadb-client
  tzdata
  curl
  clang-14
  libclang-rt-14-dev
  openssl
  chromium
)
# Node.js for the console's build and the browser tests: the machine's own when it has one (>= 18),
# else Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  KINERJA_DEB_PACKAGES+=(nodejs npm)
fi

# Directories with a package.json whose dependencies the build or the tests use.
KINERJA_NPM_DIRS=(
  gateway/console
  gateway/openapi/validate
  tests/browser
  tests/deploy
)

missing_packages() {
  local out
  # Unknown packages make dpkg-query exit non-zero and print nothing for them; that is "missing".
  out="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${KINERJA_DEB_PACKAGES[@]}" 2>/dev/null || true)"
  local p
  for p in "${KINERJA_DEB_PACKAGES[@]}"; do
    grep -qx "$p installed" <<<"$out" || printf '%s\n' "$p"
  done
}

npm_packages() {
  local dir sum stamp
  for dir in "${KINERJA_NPM_DIRS[@]}"; do
    [[ -f "$KINERJA_ROOT/$dir/package-lock.json" ]] || continue
    sum="$(sha256sum "$KINERJA_ROOT/$dir/package-lock.json" | cut -d' ' -f1)"
    stamp="$KINERJA_ROOT/$dir/node_modules/.kinerja-lock.sha256"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then
      continue
    fi
    kinerja_log "dependencies: npm ci in $dir"
    (cd "$KINERJA_ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error) ||
      kinerja_die "dependencies: npm ci failed in $dir"
    printf '%s\n' "$sum" >"$stamp"
  done
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
  kinerja_log "dependencies: all ${#KINERJA_DEB_PACKAGES[@]} Debian packages present"
  npm_packages
  exit 0
fi

kinerja_log "dependencies: missing ${missing[*]}"
if [[ "$(id -u)" != 0 ]]; then
  kinerja_die "installing packages needs root; run as root: apt-get install -y --no-install-recommends ${missing[*]}"
fi
command -v apt-get >/dev/null 2>&1 || kinerja_die "apt-get not found; Kinerja's scripts target Debian 12"

export DEBIAN_FRONTEND=noninteractive

# Keep package maintainer scripts from starting services (the system MariaDB in particular).
# Only our own policy-rc.d is created and removed; an existing one is left untouched.
POLICY_RC=/usr/sbin/policy-rc.d
created_policy=0
remove_policy() {
  if ((created_policy)); then
    rm -f "$POLICY_RC"
  fi
}
trap remove_policy EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [[ ! -e "$POLICY_RC" ]]; then
  printf '#!/bin/sh\n# Temporary, created by kinerja scripts/deps.sh: deny service starts during install.\nexit 101\n' >"$POLICY_RC"
  chmod 755 "$POLICY_RC"
  created_policy=1
fi

kinerja_log "dependencies: apt-get update"
apt-get update -q
kinerja_log "dependencies: apt-get install ${missing[*]}"
apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}"

mapfile -t still_missing < <(missing_packages)
if ((${#still_missing[@]} > 0)); then
  kinerja_die "dependencies: still missing after install: ${still_missing[*]}"
fi
kinerja_log "dependencies: installed ${missing[*]}"
npm_packages
