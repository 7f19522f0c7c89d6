// Renders kustomize directories with `kubectl kustomize` and parses YAML streams into objects.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

// The repository root (tests/deploy/lib/ -> ../../..).
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Parses a multi-document YAML text; throws on any syntax error. Empty documents are dropped.
export function parseYamlStream(text, source) {
  const objects = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new Error(`${source}: YAML error: ${doc.errors.map((e) => e.message).join('; ')}`);
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

// `kubectl kustomize DIR` (DIR relative to the repository root), parsed.
export function kustomize(dir) {
  const text = execFileSync('kubectl', ['kustomize', path.join(ROOT, dir)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseYamlStream(text, `kubectl kustomize ${dir}`);
}

export function readYamlFile(file) {
  return parseYamlStream(readFileSync(file, 'utf8'), path.relative(ROOT, file));
}

// "Kind/namespace/name" for messages.
export function describe(obj) {
  const m = obj?.metadata ?? {};
  return `${obj?.kind ?? '?'}/${m.namespace ? `${m.namespace}/` : ''}${m.name ?? '?'}`;
}
