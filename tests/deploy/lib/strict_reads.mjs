// Finds the fields a validator never looked at, which are the fields its schema does not declare.
//
// kubernetes-models ships its schemas as precompiled validators (ajv standalone code) without
// additionalProperties: they accept any unknown field, where the API server (kubectl apply
// --validate=strict, the default) refuses it. Those validators read every property their schema
// declares (`data.exec`, `data.failureThreshold`, ...) and every key of a map (labels, data, ...),
// and nothing else. So the data is wrapped in Proxies that record each object's properties as they
// are read, and after validation any own property that was never read is unknown to the schema.

// Wraps `value` so that reads are recorded in `reads` (a WeakMap: object -> Set of property names).
export function trackReads(value, reads) {
  if (value === null || typeof value !== 'object') return value;
  let seen = reads.get(value);
  if (!seen) {
    seen = new Set();
    reads.set(value, seen);
  }
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'string') seen.add(key);
      return trackReads(Reflect.get(target, key, receiver), reads);
    },
  });
}

// The JSON-pointer-like paths of the properties of `value` that were never read.
export function unreadFields(value, reads, path = '') {
  const out = [];
  if (value === null || typeof value !== 'object') return out;
  const seen = reads.get(value);
  for (const key of Object.keys(value)) {
    const child = `${path}/${key}`;
    if (!Array.isArray(value) && !seen?.has(key)) {
      out.push(child);
      continue;
    }
    out.push(...unreadFields(value[key], reads, child));
  }
  return out;
}
