/**
 * `useRoute`: the parsed location hash and a `navigate` that writes a new one (so the browser's
 * back button and copied links work).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute } from './route.js';
import type { Route } from './route.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = (): string => window.location.hash;

/** Moves to a route (pushes a history entry), or replaces the current one. */
export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/**
 * The current route and a navigate function.
 * @example const [route, navigate] = useRoute(); navigate({ ...route, params: { segment: '2' } });
 */
export function useRoute(): [Route, Navigate] {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const navigate = useCallback<Navigate>((route, options) => {
    const next = formatRoute(route);
    if (next === window.location.hash) return;
    if (options?.replace === true) {
      window.history.replaceState(null, '', next);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = next;
    }
  }, []);
  return [parseRoute(hash), navigate];
}
