// No container engine runs here, so the images are not built; these checks read
// deploy/docker/Dockerfile and .dockerignore and hold them to the same facts as the manifests:
// Debian 12, user 10001, Asia/Jakarta, runtime libraries only, the gateway's web directory.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { container, environment, find } from './lib/lookup.mjs';
import { kustomize, ROOT } from './lib/render.mjs';

// Stages of a Dockerfile: [{from, name, instructions: [{op, args}]}], continuation lines joined.
function parseDockerfile(text) {
  const stages = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of lines) {
    const [op, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const m = args.match(/^(\S+)(?:\s+AS\s+(\S+))?$/i);
      stages.push({ from: m[1], name: m[2], instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1).instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

const dockerfile = parseDockerfile(readFileSync(path.join(ROOT, 'deploy/docker/Dockerfile'), 'utf8'));
const stage = (name) => dockerfile.find((s) => s.name === name);
const ops = (s, op) => s.instructions.filter((i) => i.op === op).map((i) => i.args);
// Packages named after `apt-get install ... ` in a stage's RUN lines.
const aptPackages = (s) => ops(s, 'RUN').flatMap((r) => [...r.matchAll(/apt-get install ((?:-\S+\s+)*)([^&]+)/g)])
  .flatMap((m) => m[2].trim().split(/\s+/));
// Everything a final stage inherits from the stages it is built FROM.
const lineage = (s) => (stage(s.from) ? [...lineage(stage(s.from)), s] : [s]);

const debPackages = (() => {
  const deps = readFileSync(path.join(ROOT, 'scripts/deps.sh'), 'utf8');
  const list = deps.match(/KINERJA_DEB_PACKAGES=\(([^)]*)\)/)[1];
  return new Set(list.split(/\s+/).filter(Boolean));
})();

test('docker: builds on debian:12, runs on debian:12-slim', () => {
  assert.equal(stage('build').from, 'debian:12');
  assert.equal(stage('runtime').from, 'debian:12-slim');
  for (const name of ['server', 'gateway']) assert.equal(lineage(stage(name))[0].from, 'debian:12-slim', name);
});

test('docker: the build stage installs only packages scripts/deps.sh installs', () => {
  const pkgs = aptPackages(stage('build'));
  assert.ok(pkgs.includes('libgrpc++-dev') && pkgs.includes('cmake'));
  for (const p of pkgs) assert.ok(debPackages.has(p), `${p} is not in KINERJA_DEB_PACKAGES`);
});

test('docker: the images hold runtime libraries, tzdata and Asia/Jakarta, and run as 10001', () => {
  for (const name of ['server', 'gateway']) {
    const stages = lineage(stage(name));
    const pkgs = stages.flatMap(aptPackages);
    assert.ok(pkgs.includes('tzdata') && pkgs.includes('libgrpc++1.51'), `${name}: ${pkgs}`);
    for (const p of pkgs) assert.ok(!/-dev$|^build-essential$|^cmake$|compiler/.test(p), `${name}: build package ${p}`);
    assert.ok(stages.flatMap((s) => ops(s, 'ENV')).some((e) => /\bTZ=Asia\/Jakarta\b/.test(e)), `${name}: TZ`);
    assert.equal(ops(stage(name), 'USER').at(-1), '10001:10001', `${name}: USER`);
    assert.match(ops(stage(name), 'ENTRYPOINT').at(-1), /^\["\/usr\/local\/bin\/kinerja_(server|gateway)"\]$/);
  }
  assert.ok(aptPackages(stage('server')).includes('libmysqlcppconn7v5'));
});

test('docker: the images agree with the manifests (user, listen addresses, web directory)', () => {
  const objects = kustomize('deploy/k8s/overlays/prod');
  for (const name of ['server', 'gateway']) {
    const pod = find(objects, 'Deployment', `kinerja-${name}`).spec.template.spec;
    assert.equal(`${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}`, ops(stage(name), 'USER').at(-1));
  }
  const gwEnv = environment(objects, container(find(objects, 'Deployment', 'kinerja-gateway'), 'gateway'));
  const webDir = gwEnv.KINERJA_WEB_DIR;
  const copies = ops(stage('gateway'), 'COPY').filter((c) => c.endsWith(` ${webDir}/`));
  assert.equal(copies.length, 2, 'the console and the OpenAPI files are copied into the web directory');
  assert.ok(ops(stage('gateway'), 'ENV').some((e) => e.includes(`KINERJA_WEB_DIR=${webDir}`)));
  assert.ok(ops(stage('gateway'), 'ENV').some((e) => e.includes('KINERJA_HTTP_HOST=0.0.0.0')));
  assert.ok(ops(stage('server'), 'ENV').some((e) => e.includes('KINERJA_LISTEN_HOST=0.0.0.0')));
});

test('docker: .dockerignore at the repository root keeps build trees, node_modules and git out', () => {
  const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
  for (const p of ['.git', '.local', 'build', 'build-*', '**/node_modules']) assert.ok(ignore.includes(p), p);
});
