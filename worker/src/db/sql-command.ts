/** A value D1 binds, or `inlineSql` writes as a literal. */
export type SqlValue = string | number | null;

/**
 * One SQL statement and its `?` parameters, so the same statement serves the Worker (bound by
 * D1) and the admin scripts (`wrangler d1 execute --command` takes no parameters, so they are
 * written in as literals). Typed without D1's names: the scripts compile without Workers types.
 */
export interface SqlCommand {
  sql: string;
  params: SqlValue[];
}

/** SQL string literal: quotes doubled, null as NULL. */
export const sqlLiteral = (v: SqlValue): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

/**
 * The command with each `?` or `?N` replaced by its parameter as a literal, for a client that
 * cannot bind. A `?` inside a quoted string in the SQL is left alone. Every parameter must be used.
 *
 * @example
 * inlineSql({ sql: 'SELECT * FROM users WHERE id = ?', params: ["o'brien"] }) // SELECT * FROM users WHERE id = 'o''brien'
 */
export function inlineSql(c: SqlCommand): string {
  let next = 0;
  const used = new Set<number>();
  const out = c.sql.replace(/'(?:[^']|'')*'|\?(\d*)/g, (m, n: string | undefined) => {
    if (m.startsWith("'")) return m;
    const i = n ? Number(n) - 1 : next++;
    if (i < 0 || i >= c.params.length) throw new Error(`inlineSql: no parameter for placeholder ${m} (${c.params.length} given)`);
    used.add(i);
    return sqlLiteral(c.params[i] as SqlValue);
  });
  if (used.size !== c.params.length) throw new Error(`inlineSql: ${c.params.length} parameters, ${used.size} used`);
  return out;
}

/** The command bound for D1 (typed structurally, as above). */
export const bindCommand = <S>(db: { prepare(sql: string): { bind(...values: unknown[]): S } }, c: SqlCommand): S => db.prepare(c.sql).bind(...c.params);
