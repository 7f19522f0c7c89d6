#!/usr/bin/env bash
# Offline checks of the Kubernetes manifests and the container build (ctest k8s_manifests):
#
#   tests/deploy/run_k8s_checks.sh
#
# Renders deploy/k8s/overlays/dev, overlays/prod and examples/mariadb-operator with
# `kubectl kustomize`, validates every object against the Kubernetes 1.32 schemas of the npm package
# kubernetes-models (unknown fields refused), checks the project's policies (probes, requests and
# limits, non-root, read-only root filesystem, capabilities, Secrets, NetworkPolicies, autoscaling)
# and reads deploy/docker/Dockerfile against the manifests; then checks that the checkers themselves
# refuse broken manifests. No cluster, no container engine, no network.
#
# Needs kubectl (1.27 or later: built-in kustomize v5), Node.js 18 or later and
# `npm ci --prefix tests/deploy` (scripts/deps.sh does it).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/lib.sh
source "$HERE/../../scripts/lib.sh"

command -v kubectl >/dev/null 2>&1 ||
  kinerja_die "kubectl not found: these checks render the manifests with 'kubectl kustomize' (kubectl 1.27 or later); install kubectl and run again"
kubectl kustomize --help >/dev/null 2>&1 ||
  kinerja_die "'kubectl kustomize' does not work with $(command -v kubectl); kubectl 1.27 or later is needed"
command -v node >/dev/null 2>&1 || kinerja_die "node not found: run scripts/deps.sh"
for package in kubernetes-models @kubernetes-models/prometheus-operator yaml ajv; do
  [[ -f "$HERE/node_modules/$package/package.json" ]] ||
    kinerja_die "tests/deploy/node_modules lacks $package: run scripts/deps.sh (npm ci --prefix tests/deploy)"
done

kinerja_log "kubectl $(kubectl version --client 2>/dev/null | head -n 1), node $(node --version)"
cd "$HERE"
exec node --test k8s_manifests.test.mjs docker_image.test.mjs checker_selftest.test.mjs
