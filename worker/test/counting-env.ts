import { env } from 'cloudflare:workers';

/**
 * The bindings a use case sees, counting its D1 round trips: every statement run on its own
 * and every batch is one. `afterStored` counts only those that start once an R2 put has
 * finished: what a request waits for after its bytes are stored.
 */
export function countingEnv() {
  let stored = false;
  let total = 0;
  let afterStored = 0;
  const count = () => {
    total++;
    if (stored) afterStored++;
  };
  const watch = (s: D1PreparedStatement): D1PreparedStatement => {
    const st = s as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['first', 'run', 'all', 'raw']) {
      const real = st[m]!.bind(s);
      st[m] = (...a: unknown[]) => {
        count();
        return real(...a);
      };
    }
    const bind = st.bind!.bind(s);
    st.bind = (...a: unknown[]) => watch(bind(...a) as D1PreparedStatement);
    return s;
  };
  const DB = {
    prepare: (q: string) => watch(env.DB.prepare(q)),
    batch: (s: D1PreparedStatement[]) => {
      count();
      return env.DB.batch(s);
    },
  } as unknown as D1Database;
  const EVIDENCE = new Proxy(env.EVIDENCE, {
    get(target, prop) {
      if (prop === 'put') {
        return async (...a: Parameters<R2Bucket['put']>) => {
          const r = await target.put(...a);
          stored = true;
          return r;
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { bindings: { ...env, DB, EVIDENCE }, total: () => total, afterStored: () => afterStored };
}
