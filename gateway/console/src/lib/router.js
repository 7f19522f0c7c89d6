// Hash routing: "#/employees/198507122010011003", "#/employees?opd=DINKES&name=sri".
import { useEffect, useState } from 'preact/hooks';

/** {path, query} of a location hash ("#/a/b?x=1" -> {path: "/a/b", query: URLSearchParams}). */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)) || '/';
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

/** The hash for a path and a query object (empty values left out). */
export function hrefOf(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/** Goes to a path; `replace` keeps the browser history from growing (redirects). */
export function navigate(path, query, replace = false) {
  const href = hrefOf(path, query);
  if (replace) {
    window.history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (window.location.hash !== href) {
    window.location.hash = href;
  }
}

/** The current route, updated on every hash change. */
export function useRoute() {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * Matches a path against patterns like "/employees/:nip". Returns {name, params} of the first match,
 * or null. Parameters are %-decoded.
 */
export function matchRoute(routes, path) {
  const parts = path.split('/').filter(Boolean);
  for (const [pattern, name] of routes) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < want.length && ok; i++) {
      if (want[i].startsWith(':')) {
        try {
          params[want[i].slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
        }
      } else {
        ok = want[i] === parts[i];
      }
    }
    if (ok) return { name, params };
  }
  return null;
}
