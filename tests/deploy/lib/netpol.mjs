// A small NetworkPolicy evaluator (ingress only), enough to ask "may pods like this open a TCP
// connection to that port of those pods?" of the rendered manifests, as the Kubernetes
// NetworkPolicy semantics define it: a pod selected by no Ingress policy accepts everything; a
// selected pod accepts a connection when at least one rule of one selecting policy matches both the
// peer and the port. ipBlock peers are not evaluated (treated as matching no pod).

export function matchesSelector(selector, labels) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

// Labels of namespace `ns`: from a rendered Namespace object, plus the one the API server always sets.
function namespaceLabels(objects, ns) {
  const found = objects.find((o) => o.kind === 'Namespace' && o.metadata.name === ns);
  return { ...(found?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns };
}

function peerMatches(objects, peer, policyNs, source) {
  if (peer.ipBlock) return false;
  const nsOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, namespaceLabels(objects, source.namespace))
    : source.namespace === policyNs;
  const podOk = peer.podSelector ? matchesSelector(peer.podSelector, source.labels) : true;
  return nsOk && podOk;
}

// A rule's port entry against the target's port (number) and the target container ports (for names).
function portMatches(entry, port, containerPorts) {
  if ((entry.protocol ?? 'TCP') !== 'TCP') return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') {
    return entry.endPort !== undefined ? port >= entry.port && port <= entry.endPort : port === entry.port;
  }
  return containerPorts.some((p) => p.name === entry.port && p.containerPort === port);
}

// source: {namespace, labels}; target: {namespace, labels, ports: [{name, containerPort}]}.
export function ingressAllowed(objects, source, target, port) {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy'
    && (o.metadata.namespace ?? '') === target.namespace
    && (o.spec.policyTypes ?? ['Ingress']).includes('Ingress')
    && matchesSelector(o.spec.podSelector, target.labels));
  if (policies.length === 0) return true;
  return policies.some((p) => (p.spec.ingress ?? []).some((rule) => {
    const fromOk = !rule.from || rule.from.length === 0
      || rule.from.some((peer) => peerMatches(objects, peer, p.metadata.namespace, source));
    const portOk = !rule.ports || rule.ports.length === 0
      || rule.ports.some((e) => portMatches(e, port, target.ports ?? []));
    return fromOk && portOk;
  }));
}
