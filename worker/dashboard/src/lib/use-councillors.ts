import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import type { User } from './types.ts';

/** The council's councillors by id, for names in lists and filters. */
export function useCouncillors(): Map<string, User> {
  const [map, setMap] = useState(new Map<string, User>());
  useEffect(() => {
    api<{ councillors: User[] }>('/councillors')
      .then((r) => setMap(new Map(r.councillors.map((u) => [u.id, u]))))
      .catch(() => undefined);
  }, []);
  return map;
}
