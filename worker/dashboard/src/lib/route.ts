import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'overview' }
  | { name: 'queue' }
  | { name: 'message'; id: string }
  | { name: 'cases' }
  | { name: 'evidence' }
  | { name: 'case'; id: string }
  | { name: 'perpetrators' }
  | { name: 'perpetrator'; id: string }
  | { name: 'templates' }
  | { name: 'verify' }
  | { name: 'home' }
  | { name: 'diary' }
  | { name: 'diary-entry'; id: string }
  | { name: 'custody'; itemId?: string }
  | { name: 'users' }
  | { name: 'referred' }
  | { name: 'referred-case'; id: string }
  | { name: 'search'; query: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  if (head === 'queue') return { name: 'queue' };
  if (head === 'message' && id) return { name: 'message', id };
  if (head === 'cases') return id ? { name: 'case', id } : { name: 'cases' };
  if (head === 'templates') return { name: 'templates' };
  if (head === 'evidence') return { name: 'evidence' };
  if (head === 'verify') return { name: 'verify' };
  if (head === 'home') return { name: 'home' };
  if (head === 'diary') return id ? { name: 'diary-entry', id } : { name: 'diary' };
  if (head === 'custody') return id ? { name: 'custody', itemId: id } : { name: 'custody' };
  if (head === 'users') return { name: 'users' };
  if (head === 'referred') return id ? { name: 'referred-case', id } : { name: 'referred' };
  if (head === 'perpetrators') return id ? { name: 'perpetrator', id } : { name: 'perpetrators' };
  // #/search/<query string>: the search is in the address, so Back from a result returns to it.
  if (head === 'search') return { name: 'search', query: id ?? '' };
  // The officers' landing page (a councillor's is their home; app.tsx decides).
  return { name: 'overview' };
}

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
