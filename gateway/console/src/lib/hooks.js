// Loading data into components: one request (useAsync) and page-token paging (usePagedList).
import { useCallback, useEffect, useState } from 'preact/hooks';

const sameDeps = (a, b) => Array.isArray(a) && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * Runs `load()` (a promise) when `deps` change. Returns {loading, data, error, reload}. From the render
 * in which the deps change, `loading` is true and `error` null until their answer arrives (`data` keeps
 * the previous answer meanwhile); an answer that arrives after the deps changed again is dropped.
 */
export function useAsync(load, deps) {
  const [state, setState] = useState({ loading: true, data: undefined, error: null, deps: null });
  const [generation, setGeneration] = useState(0);
  const allDeps = [...deps, generation];
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null, deps: allDeps }));
    load().then(
      (data) => current && setState({ loading: false, data, error: null, deps: allDeps }),
      (error) => current && setState({ loading: false, data: undefined, error, deps: allDeps }),
    );
    return () => {
      current = false;
    };
  }, allDeps); // load is re-created on every render; the deps say when it changes
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const stale = !sameDeps(state.deps, allDeps);
  return { loading: state.loading || stale, data: state.data, error: stale ? null : state.error, reload };
}

/**
 * Paging with page tokens. `fetchPage(pageToken)` resolves to {items, nextPageToken}. Page tokens of
 * the pages seen are kept, so Previous goes back without the server's help. Give the component that
 * uses it a `key` of its filters: new filters start again at page 1.
 */
export function usePagedList(fetchPage) {
  const [tokens, setTokens] = useState(['']);
  const [page, setPage] = useState(0);
  const result = useAsync(() => fetchPage(tokens[page]), [page, tokens]);
  const nextToken = result.data?.nextPageToken || '';
  return {
    loading: result.loading,
    error: result.error,
    items: result.data?.items ?? [],
    page: page + 1,
    hasPrevious: page > 0,
    hasNext: !result.loading && nextToken !== '',
    next: () => {
      setTokens((ts) => [...ts.slice(0, page + 1), nextToken]);
      setPage(page + 1);
    },
    previous: () => setPage(Math.max(0, page - 1)),
    reload: result.reload,
  };
}
