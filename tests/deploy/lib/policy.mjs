// The project's rules for every rendered object, beyond what the schemas say. checkPolicies()
// returns the broken rules as readable strings; an empty list means all hold.
import { describe } from './render.mjs';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);
const BATCH_KINDS = new Set(['Job', 'CronJob']);

// The pod spec of a workload, or null for other kinds.
export function podSpecOf(obj) {
  if (!WORKLOAD_KINDS.has(obj.kind)) return null;
  if (obj.kind === 'Pod') return obj.spec ?? null;
  if (obj.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template?.spec ?? null;
  return obj.spec?.template?.spec ?? null;
}

// Resources: requests and limits of CPU and memory, so the scheduler places the pod and a leak or a
// busy loop is bounded.
function checkResources(where, c, out) {
  for (const kind of ['requests', 'limits']) {
    for (const res of ['cpu', 'memory']) {
      if (c.resources?.[kind]?.[res] === undefined) out.push(`${where}: no resources.${kind}.${res}`);
    }
  }
}

// Security: non-root, no privilege escalation, read-only root filesystem, no capabilities, seccomp.
function checkSecurity(where, c, pod, out) {
  const sc = c.securityContext ?? {};
  const psc = pod.securityContext ?? {};
  const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
  const runAsUser = sc.runAsUser ?? psc.runAsUser;
  if (runAsNonRoot !== true) out.push(`${where}: runAsNonRoot is not true`);
  if (runAsUser === 0) out.push(`${where}: runAsUser is 0 (root)`);
  if (sc.allowPrivilegeEscalation !== false) out.push(`${where}: allowPrivilegeEscalation is not false`);
  if (sc.readOnlyRootFilesystem !== true) out.push(`${where}: readOnlyRootFilesystem is not true`);
  if (sc.privileged === true) out.push(`${where}: privileged`);
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) out.push(`${where}: capabilities.drop lacks ALL`);
  if ((sc.capabilities?.add ?? []).length > 0) out.push(`${where}: capabilities.add is not empty`);
  const seccomp = (sc.seccompProfile ?? psc.seccompProfile)?.type;
  if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') out.push(`${where}: no RuntimeDefault seccomp profile`);
}

function checkImage(where, c, out) {
  const image = c.image ?? '';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  if (!image) out.push(`${where}: no image`);
  else if (!image.includes('@') && !lastPart.includes(':')) out.push(`${where}: image ${image} has no tag`);
  else if (lastPart.endsWith(':latest')) out.push(`${where}: image ${image} uses the tag latest`);
}

function checkPod(obj, out) {
  const pod = podSpecOf(obj);
  const name = describe(obj);
  if (!pod) {
    out.push(`${name}: no pod template`);
    return;
  }
  // Service links would define KINERJA_SERVER_PORT=tcp://... and the like: names of the form
  // KINERJA_<FLAG> are read as flags by kinerja_server and kinerja_gateway.
  if (pod.enableServiceLinks !== false) out.push(`${name}: enableServiceLinks is not false`);
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) out.push(`${name}: uses the host's namespaces`);
  for (const v of pod.volumes ?? []) {
    if (v.hostPath) out.push(`${name}: hostPath volume ${v.name}`);
  }
  const containers = pod.containers ?? [];
  if (containers.length === 0) out.push(`${name}: no containers`);
  for (const c of containers) {
    const where = `${name} container ${c.name}`;
    // Jobs run to completion: no probes. Everything else is probed.
    if (!BATCH_KINDS.has(obj.kind)) {
      if (!c.livenessProbe) out.push(`${where}: no livenessProbe`);
      if (!c.readinessProbe) out.push(`${where}: no readinessProbe`);
    }
    checkResources(where, c, out);
    checkSecurity(where, c, pod, out);
    checkImage(where, c, out);
  }
  for (const c of pod.initContainers ?? []) {
    const where = `${name} initContainer ${c.name}`;
    // Kubernetes refuses liveness/readiness probes on init containers, except sidecars
    // (restartPolicy: Always), which run beside the main containers and must be probed.
    if (c.restartPolicy === 'Always' && (!c.livenessProbe || !c.readinessProbe)) {
      out.push(`${where}: sidecar without liveness and readiness probes`);
    }
    checkResources(where, c, out);
    checkSecurity(where, c, pod, out);
    checkImage(where, c, out);
  }
}

export function checkPolicies(objects) {
  const out = [];
  for (const obj of objects) {
    if (WORKLOAD_KINDS.has(obj.kind)) checkPod(obj, out);
    // Secrets are made in the cluster (kubectl create secret, deploy/k8s/secrets/*.template.yaml),
    // never rendered from the repository.
    if (obj.kind === 'Secret') out.push(`${describe(obj)}: a Secret in the rendered manifests`);
  }
  return out;
}

// A Secret template must hold only ${VARIABLE} placeholders (for envsubst), nothing real.
const PLACEHOLDER = /^\$\{[A-Z][A-Z0-9_]*\}$/;
export function checkSecretTemplate(obj) {
  const out = [];
  const name = describe(obj);
  if (obj.kind !== 'Secret') return [`${name}: not a Secret`];
  if (obj.data !== undefined) out.push(`${name}: has data (base64 values); templates use stringData placeholders`);
  const entries = Object.entries(obj.stringData ?? {});
  if (entries.length === 0) out.push(`${name}: no stringData`);
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || !PLACEHOLDER.test(value)) out.push(`${name}: stringData.${key} is not a \${VARIABLE} placeholder`);
  }
  return out;
}
