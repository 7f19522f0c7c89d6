// Offline checks of deploy/k8s: every overlay (and the mariadb-operator example) renders with
// `kubectl kustomize`, every object validates against its schema with unknown fields refused, the
// project's policies hold, and the pieces fit together (probes, Services, migration Job, Secrets,
// NetworkPolicies, autoscaling, scraping). Run by run_k8s_checks.sh (ctest k8s_manifests).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { container, environment, find, findAll, imageTag, references } from './lib/lookup.mjs';
import { ingressAllowed } from './lib/netpol.mjs';
import { checkPolicies, checkSecretTemplate, podSpecOf } from './lib/policy.mjs';
import { describe, kustomize, readYamlFile, ROOT } from './lib/render.mjs';
import { validateObject } from './lib/schema.mjs';

const K8S = path.join(ROOT, 'deploy/k8s');
const SECRET_TEMPLATES = path.join(K8S, 'secrets');
const TLS_SECRET = 'kinerja-tls'; // made by cert-manager or kubectl create secret tls (README)

const OVERLAYS = [
  { name: 'dev', dir: 'deploy/k8s/overlays/dev', namespace: 'kinerja-dev' },
  { name: 'prod', dir: 'deploy/k8s/overlays/prod', namespace: 'kinerja' },
];
const OPERATOR_EXAMPLE = { dir: 'deploy/k8s/examples/mariadb-operator', namespace: 'kinerja-db' };

const rendered = new Map();
function render(dir) {
  if (!rendered.has(dir)) rendered.set(dir, kustomize(dir));
  return rendered.get(dir);
}

async function schemaProblems(objects) {
  const out = [];
  for (const o of objects) {
    for (const p of await validateObject(o)) out.push(`${describe(o)}: ${p}`);
  }
  return out;
}

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function templateSecretNames() {
  return readdirSync(SECRET_TEMPLATES).filter((f) => f.endsWith('.template.yaml'))
    .flatMap((f) => readYamlFile(path.join(SECRET_TEMPLATES, f)).map((o) => o.metadata.name));
}

// Pods as NetworkPolicy sees them: namespace, labels and container ports of each workload.
function podsOf(objects) {
  const pods = {};
  for (const o of objects) {
    const pod = podSpecOf(o);
    if (!pod) continue;
    const template = o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template;
    pods[template.metadata.labels['app.kubernetes.io/name']] = {
      namespace: o.metadata.namespace,
      labels: template.metadata.labels,
      ports: pod.containers.flatMap((c) => c.ports ?? []),
    };
  }
  return pods;
}

for (const overlay of OVERLAYS) {
  const { name, dir, namespace } = overlay;
  const objects = () => render(dir);

  test(`${name}: kubectl kustomize renders it, all in namespace ${namespace}, all labelled part-of kinerja`, () => {
    assert.ok(objects().length > 10, 'too few objects');
    const ns = findAll(objects(), 'Namespace');
    assert.deepEqual(ns.map((n) => n.metadata.name), [namespace]);
    assert.equal(ns[0].metadata.labels['pod-security.kubernetes.io/enforce'], 'restricted');
    for (const o of objects()) {
      if (o.kind !== 'Namespace') assert.equal(o.metadata.namespace, namespace, describe(o));
      assert.equal(o.metadata.labels?.['app.kubernetes.io/part-of'], 'kinerja', describe(o));
    }
  });

  test(`${name}: every object validates against the Kubernetes schemas, unknown fields refused`, async () => {
    assert.deepEqual(await schemaProblems(objects()), []);
  });

  test(`${name}: policies (probes, requests and limits, non-root, read-only, no capabilities, no Secret)`, () => {
    assert.deepEqual(checkPolicies(objects()), []);
  });

  test(`${name}: server probes grpc.health.v1 natively, migrates only in its init container`, () => {
    const server = find(objects(), 'Deployment', 'kinerja-server');
    const c = container(server, 'server');
    const grpcPort = c.ports.find((p) => p.name === 'grpc').containerPort;
    assert.equal(grpcPort, 50051);
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      assert.equal(c[probe]?.grpc?.port, grpcPort, `${probe} is not a gRPC probe on ${grpcPort}`);
    }
    const env = environment(objects(), c);
    assert.equal(env.KINERJA_MIGRATE, 'false');
    assert.equal(env.KINERJA_LISTEN_HOST, '0.0.0.0');
    assert.equal(env.KINERJA_GRPC_PORT, String(grpcPort));
    assert.equal(env.KINERJA_ADMIN_PORT, String(c.ports.find((p) => p.name === 'admin').containerPort));
    assert.equal(env.KINERJA_DB_PASSWORD, 'secret:kinerja-db/password');
    const init = container(server, 'migrations', { init: true });
    assert.deepEqual(init.args, ['--migrate_only']);
    assert.equal(init.image, c.image);
    assert.equal(environment(objects(), init).KINERJA_DB_PASSWORD, 'secret:kinerja-db/password');
    assert.equal(server.spec.strategy.rollingUpdate.maxUnavailable, 0);
  });

  test(`${name}: a regular and a headless Service for the servers, one for the gateway`, () => {
    const serverLabels = find(objects(), 'Deployment', 'kinerja-server').spec.template.metadata.labels;
    const regular = find(objects(), 'Service', 'kinerja-server');
    const headless = find(objects(), 'Service', 'kinerja-server-headless');
    assert.notEqual(regular.spec.clusterIP, 'None');
    assert.equal(headless.spec.clusterIP, 'None');
    for (const svc of [regular, headless]) {
      for (const [k, v] of Object.entries(svc.spec.selector)) assert.equal(serverLabels[k], v, `${describe(svc)} selector`);
      assert.deepEqual(svc.spec.ports.map((p) => [p.port, p.targetPort]), [[50051, 'grpc']]);
    }
    const gw = find(objects(), 'Service', 'kinerja-gateway');
    assert.equal(gw.spec.ports[0].targetPort, 'http');
  });

  test(`${name}: the gateway balances over the headless Service and serves the console`, () => {
    const gw = container(find(objects(), 'Deployment', 'kinerja-gateway'), 'gateway');
    const env = environment(objects(), gw);
    assert.equal(env.KINERJA_SERVERS, `dns:///kinerja-server-headless.${namespace}.svc.cluster.local:50051`);
    assert.equal(env.KINERJA_HTTP_HOST, '0.0.0.0');
    assert.equal(env.KINERJA_HTTP_PORT, String(gw.ports.find((p) => p.name === 'http').containerPort));
    assert.equal(env.KINERJA_WEB_DIR, '/usr/share/kinerja/web');
    assert.equal(gw.readinessProbe.httpGet.port, 'http');
  });

  test(`${name}: the migration Job is named after the release and reads only stable names`, () => {
    const jobs = findAll(objects(), 'Job');
    assert.equal(jobs.length, 1);
    const job = jobs[0];
    const c = job.spec.template.spec.containers[0];
    const serverImage = container(find(objects(), 'Deployment', 'kinerja-server'), 'server').image;
    assert.equal(c.image, serverImage);
    assert.deepEqual(c.args, ['--migrate_only']);
    assert.equal(job.metadata.name, `kinerja-migrate-${imageTag(serverImage)}`);
    assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    assert.ok(job.spec.backoffLimit >= 3 && job.spec.ttlSecondsAfterFinished > 0);
    // A Job's pod template is immutable: a ConfigMap name with a content hash in it would make the
    // next apply fail after any configuration change.
    for (const from of c.envFrom ?? []) {
      const cm = find(objects(), 'ConfigMap', from.configMapRef.name);
      assert.ok(cm, `ConfigMap ${from.configMapRef.name} is not rendered`);
      assert.ok(!/-[a-z0-9]{10}$/.test(cm.metadata.name), `the Job reads the hashed ConfigMap ${cm.metadata.name}`);
    }
    const env = environment(objects(), c);
    for (const k of ['KINERJA_DB_HOST', 'KINERJA_DB_PORT', 'KINERJA_DB_USER', 'KINERJA_DB_NAME']) assert.ok(env[k], k);
    assert.equal(env.KINERJA_DB_PASSWORD, 'secret:kinerja-db/password');
  });

  test(`${name}: Ingress with TLS for every host, to the gateway Service`, () => {
    const ing = find(objects(), 'Ingress', 'kinerja-gateway');
    const tlsHosts = ing.spec.tls.flatMap((t) => t.hosts);
    assert.equal(ing.spec.tls[0].secretName, TLS_SECRET);
    for (const rule of ing.spec.rules) {
      assert.ok(tlsHosts.includes(rule.host), `${rule.host} has no TLS`);
      for (const p of rule.http.paths) {
        assert.equal(p.backend.service.name, 'kinerja-gateway');
        assert.ok(find(objects(), 'Service', 'kinerja-gateway').spec.ports.some((sp) => sp.name === p.backend.service.port.name));
      }
    }
  });

  test(`${name}: every ConfigMap referenced is rendered; every Secret referenced has a template`, () => {
    const { configMaps, secrets } = references(objects());
    for (const cm of configMaps) assert.ok(find(objects(), 'ConfigMap', cm), `ConfigMap ${cm} is not rendered`);
    const known = new Set([...templateSecretNames(), TLS_SECRET]);
    for (const s of secrets) assert.ok(known.has(s), `Secret ${s} has no template in deploy/k8s/secrets/`);
  });

  test(`${name}: NetworkPolicies: servers only from the gateway and the integration namespace`, () => {
    const pods = podsOf(objects());
    const { 'kinerja-server': server, 'kinerja-gateway': gateway, 'kinerja-migrate': migrate } = pods;
    const integration = { namespace: 'kinerja-integration', labels: { app: 'city-system' } };
    const elsewhere = { namespace: 'other', labels: { app: 'anything' } };
    const ingressController = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
    const prometheus = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
    const allowed = (src, dst, port) => ingressAllowed(objects(), src, dst, port);

    assert.ok(allowed(gateway, server, 50051), 'gateway -> server gRPC');
    assert.ok(allowed(integration, server, 50051), 'integration namespace -> server gRPC');
    for (const src of [elsewhere, ingressController, prometheus, migrate]) {
      assert.ok(!allowed(src, server, 50051), `${src.namespace} ${JSON.stringify(src.labels)} -> server gRPC`);
    }
    assert.ok(allowed(prometheus, server, 9091), 'Prometheus -> server /metrics');
    assert.ok(!allowed(elsewhere, server, 9091) && !allowed(gateway, server, 9091), 'admin port open');
    assert.ok(allowed(ingressController, gateway, 8080), 'ingress controller -> gateway');
    assert.ok(!allowed(elsewhere, gateway, 8080) && !allowed(integration, gateway, 8080), 'gateway open to others');
    assert.ok(!allowed(elsewhere, migrate, 8080), 'default deny does not cover the Job');
  });

  test(`${name}: Prometheus finds the servers' metrics`, () => {
    const server = find(objects(), 'Deployment', 'kinerja-server');
    const a = server.spec.template.metadata.annotations;
    assert.equal(a['prometheus.io/scrape'], 'true');
    assert.equal(a['prometheus.io/path'], '/metrics');
    const admin = container(server, 'server').ports.find((p) => p.name === 'admin');
    assert.equal(a['prometheus.io/port'], String(admin.containerPort));
    for (const pm of findAll(objects(), 'PodMonitor')) {
      for (const [k, v] of Object.entries(pm.spec.selector.matchLabels)) assert.equal(server.spec.template.metadata.labels[k], v);
      assert.deepEqual(pm.spec.podMetricsEndpoints.map((e) => [e.port, e.path]), [['admin', '/metrics']]);
    }
  });
}

test('dev: one replica each, a MariaDB StatefulSet with a volume, reachable only from the server', () => {
  const objects = render('deploy/k8s/overlays/dev');
  for (const d of ['kinerja-server', 'kinerja-gateway']) assert.equal(find(objects, 'Deployment', d).spec.replicas, 1, d);
  const db = find(objects, 'StatefulSet', 'kinerja-mariadb');
  assert.equal(db.spec.replicas, 1);
  const data = db.spec.volumeClaimTemplates.find((v) => v.metadata.name === 'data');
  assert.ok(data.spec.resources.requests.storage);
  assert.ok(container(db, 'mariadb').volumeMounts.some((m) => m.name === 'data' && m.mountPath === '/var/lib/mysql'));
  const svc = find(objects, 'Service', db.spec.serviceName);
  const server = container(find(objects, 'Deployment', 'kinerja-server'), 'server');
  assert.equal(environment(objects, server).KINERJA_DB_HOST, svc.metadata.name);

  const pods = podsOf(objects);
  const mariadb = pods['kinerja-mariadb'];
  assert.ok(ingressAllowed(objects, pods['kinerja-server'], mariadb, 3306), 'server -> database');
  assert.ok(ingressAllowed(objects, pods['kinerja-migrate'], mariadb, 3306), 'migration Job -> database');
  for (const src of [pods['kinerja-gateway'], { namespace: 'kinerja-integration', labels: {} }, { namespace: 'other', labels: {} }]) {
    assert.ok(!ingressAllowed(objects, src, mariadb, 3306), `${JSON.stringify(src.labels)} -> database`);
  }
});

test('prod: autoscaled (3 or more), disruption budgets, anti-affinity, no fixed replicas', () => {
  const objects = render('deploy/k8s/overlays/prod');
  for (const d of ['kinerja-server', 'kinerja-gateway']) {
    const dep = find(objects, 'Deployment', d);
    assert.equal(dep.spec.replicas, undefined, `${d}: replicas would fight the autoscaler`);
    const hpa = findAll(objects, 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === d);
    assert.ok(hpa, `${d}: no HorizontalPodAutoscaler`);
    assert.equal(hpa.spec.scaleTargetRef.kind, 'Deployment');
    assert.ok(hpa.spec.minReplicas >= 3 && hpa.spec.maxReplicas > hpa.spec.minReplicas, `${d}: replicas`);
    const labels = dep.spec.template.metadata.labels;
    const pdb = findAll(objects, 'PodDisruptionBudget')
      .find((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
    assert.ok(pdb, `${d}: no PodDisruptionBudget`);
    const anti = dep.spec.template.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    assert.ok(anti.some((t) => t.podAffinityTerm.topologyKey === 'kubernetes.io/hostname'), `${d}: no anti-affinity`);
  }
  const server = container(find(objects, 'Deployment', 'kinerja-server'), 'server');
  const pool = Number(environment(objects, server).KINERJA_DB_POOL_SIZE);
  const maxServers = findAll(objects, 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === 'kinerja-server').spec.maxReplicas;
  const user = find(render(OPERATOR_EXAMPLE.dir), 'User', 'kinerja');
  assert.ok(maxServers * pool < user.spec.maxUserConnections, 'the servers at most may need more connections than the user may open');
  assert.equal(environment(objects, server).KINERJA_DB_HOST, `kinerja-mariadb-primary.${OPERATOR_EXAMPLE.namespace}.svc.cluster.local`);
});

test('mariadb-operator example: validates, replicated, backed up, reachable only from the server', async () => {
  const objects = render(OPERATOR_EXAMPLE.dir);
  assert.deepEqual(await schemaProblems(objects), []);
  assert.deepEqual(checkPolicies(objects), []);
  for (const o of objects) {
    if (o.kind !== 'Namespace') assert.equal(o.metadata.namespace, OPERATOR_EXAMPLE.namespace, describe(o));
    assert.equal(o.metadata.labels?.['app.kubernetes.io/part-of'], 'kinerja', describe(o));
  }
  const mdb = find(objects, 'MariaDB', 'kinerja-mariadb');
  assert.ok(mdb.spec.replicas >= 3 && mdb.spec.replication.enabled && mdb.spec.replication.primary.automaticFailover);
  assert.ok(mdb.spec.affinity.antiAffinityEnabled);
  assert.match(mdb.spec.myCnf, /log_bin_trust_function_creators=1/, 'the migrations create triggers under binary logging');
  assert.ok(findAll(objects, 'Backup').some((b) => b.spec.schedule?.cron && b.spec.mariaDbRef.name === mdb.metadata.name));
  assert.deepEqual(find(objects, 'User', 'kinerja').spec.passwordSecretKeyRef, { name: 'kinerja-db', key: 'password' });
  assert.ok(templateSecretNames().includes(mdb.spec.rootPasswordSecretKeyRef.name));

  const prodPods = podsOf(render('deploy/k8s/overlays/prod'));
  const db = { namespace: OPERATOR_EXAMPLE.namespace, labels: { 'app.kubernetes.io/name': 'mariadb', 'app.kubernetes.io/instance': 'kinerja-mariadb' }, ports: [] };
  assert.ok(ingressAllowed(objects, prodPods['kinerja-server'], db, 3306), 'server -> database');
  assert.ok(ingressAllowed(objects, prodPods['kinerja-migrate'], db, 3306), 'migration Job -> database');
  for (const src of [prodPods['kinerja-gateway'], { namespace: 'kinerja-integration', labels: {} }, { namespace: 'other', labels: {} }]) {
    assert.ok(!ingressAllowed(objects, src, db, 3306), `${src.namespace} ${JSON.stringify(src.labels)} -> database`);
  }
});

test('Secrets: only templates with ${VARIABLE} placeholders, valid, and nothing else anywhere', async () => {
  const files = readdirSync(SECRET_TEMPLATES).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 3);
  for (const f of files) {
    assert.match(f, /\.template\.yaml$/, `${f}: only templates belong in deploy/k8s/secrets/`);
    for (const o of readYamlFile(path.join(SECRET_TEMPLATES, f))) {
      assert.deepEqual([...checkSecretTemplate(o), ...(await validateObject(o))], [], f);
    }
  }
  for (const file of walk(K8S).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith(SECRET_TEMPLATES))) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/^\s*secretGenerator:/m.test(text), `${path.relative(ROOT, file)}: secretGenerator`);
    for (const o of readYamlFile(file)) assert.notEqual(o.kind, 'Secret', `${path.relative(ROOT, file)}: a Secret`);
  }
});
