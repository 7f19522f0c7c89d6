// The checkers must be able to fail: each case below breaks one rule in a copy of the rendered dev
// overlay (or in a small object) and asserts that the checker reports exactly that.
import assert from 'node:assert/strict';
import test from 'node:test';
import { container, find } from './lib/lookup.mjs';
import { ingressAllowed } from './lib/netpol.mjs';
import { checkPolicies, checkSecretTemplate } from './lib/policy.mjs';
import { kustomize } from './lib/render.mjs';
import { validateObject } from './lib/schema.mjs';

const DEV = kustomize('deploy/k8s/overlays/dev');
const fresh = () => structuredClone(DEV);
const serverOf = (objects) => find(objects, 'Deployment', 'kinerja-server');

test('self-test: the unchanged dev overlay passes the policies', () => {
  assert.deepEqual(checkPolicies(fresh()), []);
});

test('self-test: a container without probes is refused', () => {
  const objects = fresh();
  const c = container(serverOf(objects), 'server');
  delete c.livenessProbe;
  delete c.readinessProbe;
  assert.deepEqual(checkPolicies(objects), [
    'Deployment/kinerja-dev/kinerja-server container server: no livenessProbe',
    'Deployment/kinerja-dev/kinerja-server container server: no readinessProbe',
  ]);
});

test('self-test: missing limits, root, a writable root filesystem and kept capabilities are refused', () => {
  const objects = fresh();
  const gw = container(find(objects, 'Deployment', 'kinerja-gateway'), 'gateway');
  delete gw.resources.limits.memory;
  gw.securityContext = { runAsUser: 0, runAsNonRoot: false, capabilities: { add: ['NET_ADMIN'] } };
  const problems = checkPolicies(objects);
  for (const expected of [
    'no resources.limits.memory',
    'runAsNonRoot is not true',
    'runAsUser is 0 (root)',
    'allowPrivilegeEscalation is not false',
    'readOnlyRootFilesystem is not true',
    'capabilities.drop lacks ALL',
    'capabilities.add is not empty',
  ]) {
    assert.ok(problems.includes(`Deployment/kinerja-dev/kinerja-gateway container gateway: ${expected}`), expected);
  }
  assert.equal(problems.length, 7);
});

test('self-test: an init container without requests, service links, a latest image are refused', () => {
  const objects = fresh();
  const server = serverOf(objects);
  delete container(server, 'migrations', { init: true }).resources.requests;
  server.spec.template.spec.enableServiceLinks = true;
  container(server, 'server').image = 'kinerja-server:latest';
  assert.deepEqual(checkPolicies(objects), [
    'Deployment/kinerja-dev/kinerja-server: enableServiceLinks is not false',
    'Deployment/kinerja-dev/kinerja-server container server: image kinerja-server:latest uses the tag latest',
    'Deployment/kinerja-dev/kinerja-server initContainer migrations: no resources.requests.cpu',
    'Deployment/kinerja-dev/kinerja-server initContainer migrations: no resources.requests.memory',
  ]);
});

test('self-test: a Job needs no probes, but a rendered Secret is refused', () => {
  const objects = fresh();
  const job = objects.find((o) => o.kind === 'Job');
  assert.equal(job.spec.template.spec.containers[0].livenessProbe, undefined);
  objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'kinerja-db', namespace: 'kinerja-dev' }, stringData: { password: 'x' } });
  assert.deepEqual(checkPolicies(objects), ['Secret/kinerja-dev/kinerja-db: a Secret in the rendered manifests']);
});

test('self-test: unknown fields are refused, at any depth', async () => {
  const objects = fresh();
  const server = serverOf(objects);
  const sc = container(server, 'server').securityContext;
  sc.readOnlyRootFileSystem = sc.readOnlyRootFilesystem; // a plausible typo
  server.spec.template.spec.terminationGracePeriod = 30;
  server.spec.strategy.rollingUpdate.maxUnavaliable = 0;
  assert.deepEqual((await validateObject(server)).sort(), [
    '/spec/strategy/rollingUpdate/maxUnavaliable: unknown field',
    '/spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem: unknown field',
    '/spec/template/spec/terminationGracePeriod: unknown field',
  ]);
  const svc = find(objects, 'Service', 'kinerja-server-headless');
  svc.spec.clusterIp = 'None';
  assert.deepEqual(await validateObject(svc), ['/spec/clusterIp: unknown field']);
});

test('self-test: wrong types, unknown kinds and wrong apiVersions are refused', async () => {
  const objects = fresh();
  const server = serverOf(objects);
  server.spec.replicas = '3';
  assert.deepEqual(await validateObject(server), ['/spec/replicas: must be integer']);
  assert.deepEqual(await validateObject({ ...server, apiVersion: 'apps/v1beta2' }),
    ['no schema for apps/v1beta2 Deployment (Kubernetes 1.32, stable APIs)']);
  assert.deepEqual(await validateObject({ apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'x' } }),
    ['no schema for extensions/v1beta1 Ingress (Kubernetes 1.32, stable APIs)']);
  assert.deepEqual(await validateObject({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'x' } }),
    ['no schema for example.org/v1 Widget (Kubernetes 1.32, stable APIs)']);
});

test('self-test: unknown fields in PodMonitor and mariadb-operator resources are refused', async () => {
  const podMonitor = {
    apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'x' },
    spec: { selector: {}, podMetricsEndpoints: [{ port: 'admin', scrapeInterval: '30s' }] },
  };
  assert.deepEqual(await validateObject(podMonitor), ['/spec/podMetricsEndpoints/0/scrapeInterval: unknown field']);
  const mariadb = {
    apiVersion: 'k8s.mariadb.com/v1alpha1', kind: 'MariaDB', metadata: { name: 'x', label: {} },
    spec: {
      rootPasswordSecretKeyRef: { name: 'r', key: 'k' },
      storage: { size: '1Gi' },
      replication: { enabled: true, primary: { autoFailover: true } },
    },
  };
  assert.deepEqual((await validateObject(mariadb)).sort(), [
    '/metadata/label: unknown field',
    '/spec/replication/primary/autoFailover: unknown field',
  ]);
});

test('self-test: a Secret template with a real value or base64 data is refused', () => {
  const base = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'kinerja-db' } };
  assert.deepEqual(checkSecretTemplate({ ...base, stringData: { password: '${KINERJA_DB_PASSWORD}' } }), []);
  assert.deepEqual(checkSecretTemplate({ ...base, stringData: { password: 'hunter2-hunter2' } }),
    ['Secret/kinerja-db: stringData.password is not a ${VARIABLE} placeholder']);
  assert.deepEqual(checkSecretTemplate({ ...base, data: { password: 'aHVudGVyMg==' } }), [
    'Secret/kinerja-db: has data (base64 values); templates use stringData placeholders',
    'Secret/kinerja-db: no stringData',
  ]);
});

test('self-test: without its NetworkPolicy the database would be open to the gateway', () => {
  const pod = (objects, kind, name) => {
    const w = find(objects, kind, name);
    return { namespace: w.metadata.namespace, labels: w.spec.template.metadata.labels, ports: w.spec.template.spec.containers.flatMap((c) => c.ports ?? []) };
  };
  const objects = fresh();
  const gateway = pod(objects, 'Deployment', 'kinerja-gateway');
  const db = pod(objects, 'StatefulSet', 'kinerja-mariadb');
  assert.ok(!ingressAllowed(objects, gateway, db, 3306));
  const withoutDbPolicy = objects.filter((o) => !(o.kind === 'NetworkPolicy' && o.metadata.name === 'kinerja-mariadb-ingress'));
  assert.ok(!ingressAllowed(withoutDbPolicy, gateway, db, 3306), 'the default deny still holds');
  const noPolicies = objects.filter((o) => o.kind !== 'NetworkPolicy');
  assert.ok(ingressAllowed(noPolicies, gateway, db, 3306), 'no policy at all: everything is open');
  // A policy that lets the whole namespace in is caught.
  const loose = structuredClone(objects);
  find(loose, 'NetworkPolicy', 'kinerja-mariadb-ingress').spec.ingress[0].from.push({ podSelector: {} });
  assert.ok(ingressAllowed(loose, gateway, db, 3306));
});
