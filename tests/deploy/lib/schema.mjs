// Validates one Kubernetes object against its schema, refusing unknown fields:
// - built-in kinds: the kubernetes-models package (Kubernetes 1.32 OpenAPI schemas);
// - monitoring.coreos.com (PodMonitor, ...): @kubernetes-models/prometheus-operator;
// - k8s.mariadb.com (mariadb-operator): the hand-written schemas of crd_schemas.mjs.
// Unknown fields are found as strict_reads.mjs explains.
import { ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { crdValidator } from './crd_schemas.mjs';
import { trackReads, unreadFields } from './strict_reads.mjs';

// The built-in API versions these manifests may use: the stable (GA) ones that Kubernetes 1.32
// serves. kubernetes-models also has beta and long-removed versions (extensions/v1beta1, ...),
// which a 1.32 cluster refuses.
const GA_API_VERSIONS = new Set([
  'v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1', 'networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'scheduling.k8s.io/v1', 'coordination.k8s.io/v1',
  'discovery.k8s.io/v1', 'node.k8s.io/v1', 'certificates.k8s.io/v1', 'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1', 'events.k8s.io/v1',
]);

// apiVersion prefix (group) -> the npm module that has its models.
const MODEL_PACKAGES = [
  { group: 'monitoring.coreos.com', module: '@kubernetes-models/prometheus-operator' },
];

async function modelFor(apiVersion, kind) {
  const pkg = MODEL_PACKAGES.find((p) => apiVersion.startsWith(`${p.group}/`))?.module;
  if (!pkg && !GA_API_VERSIONS.has(apiVersion)) return null;
  let mod;
  try {
    mod = await import(`${pkg ?? 'kubernetes-models'}/${apiVersion}`);
  } catch {
    return null;
  }
  const Model = mod[kind];
  if (typeof Model !== 'function' || Model.apiVersion !== apiVersion || Model.kind !== kind) return null;
  return Model;
}

// Runs a kubernetes-models validate function on tracked data; returns its problems, each path
// prefixed with `prefix`.
function runModelValidation(Model, data, prefix = '') {
  const reads = new WeakMap();
  const problems = [];
  try {
    Model.prototype.validate.call(trackReads(data, reads));
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    for (const err of e.errors) problems.push(`${prefix}${err.instancePath || '/'}: ${err.message ?? err.keyword}`);
  }
  for (const p of unreadFields(data, reads)) problems.push(`${prefix}${p}: unknown field`);
  return problems;
}

// Returns the problems of `obj` as strings ("/spec/foo: unknown field"); empty when it is valid.
export async function validateObject(obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return ['not an object'];
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['no apiVersion or kind'];
  if (typeof obj.metadata?.name !== 'string' || obj.metadata.name === '') return ['no metadata.name'];

  const crd = crdValidator(apiVersion, kind);
  if (crd) {
    // metadata as for any object; the rest by the CRD's schema.
    const problems = runModelValidation(ObjectMeta, obj.metadata, '/metadata');
    if (!crd({ ...obj, metadata: {} })) {
      for (const err of crd.errors) {
        const path = err.instancePath || '/';
        problems.push(err.keyword === 'additionalProperties'
          ? `${path}/${err.params.additionalProperty}: unknown field`
          : `${path}: ${err.message}`);
      }
    }
    return problems;
  }

  const Model = await modelFor(apiVersion, kind);
  if (!Model) return [`no schema for ${apiVersion} ${kind} (Kubernetes 1.32, stable APIs)`];
  return runModelValidation(Model, obj);
}
