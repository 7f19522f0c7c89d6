// Small helpers to find things in rendered manifests.
import { podSpecOf } from './policy.mjs';

export function find(objects, kind, name) {
  return objects.find((o) => o.kind === kind && o.metadata.name === name);
}

export function findAll(objects, kind) {
  return objects.filter((o) => o.kind === kind);
}

// A container (or init container) of a workload by name.
export function container(workload, name, { init = false } = {}) {
  const pod = podSpecOf(workload);
  return (init ? pod?.initContainers : pod?.containers)?.find((c) => c.name === name);
}

// The environment a container sees: envFrom ConfigMaps, then env. Values from Secrets appear as
// "secret:NAME/KEY".
export function environment(objects, c) {
  const env = {};
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, find(objects, 'ConfigMap', from.configMapRef.name)?.data ?? {});
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    env[e.name] = ref ? `secret:${ref.name}/${ref.key}` : e.value;
  }
  return env;
}

// "registry/x/server:0.1.0" -> "0.1.0"; no tag -> "".
export function imageTag(image) {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.includes(':') ? last.slice(last.indexOf(':') + 1) : '';
}

// Every name the workloads take from ConfigMaps and Secrets.
export function references(objects) {
  const configMaps = new Set();
  const secrets = new Set();
  for (const o of objects) {
    const pod = podSpecOf(o);
    if (!pod) continue;
    for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) configMaps.add(from.configMapRef.name);
        if (from.secretRef) secrets.add(from.secretRef.name);
      }
      for (const e of c.env ?? []) {
        if (e.valueFrom?.configMapKeyRef) configMaps.add(e.valueFrom.configMapKeyRef.name);
        if (e.valueFrom?.secretKeyRef) secrets.add(e.valueFrom.secretKeyRef.name);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.configMap) configMaps.add(v.configMap.name);
      if (v.secret) secrets.add(v.secret.secretName);
    }
  }
  for (const ing of findAll(objects, 'Ingress')) {
    for (const t of ing.spec.tls ?? []) secrets.add(t.secretName);
  }
  return { configMaps, secrets };
}
