import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { bindCommand, inlineSql } from './sql-command.ts';
import { insertCouncilSql, listCouncilsSql, revokeTokenSql } from './principal-sql.ts';

describe('inlineSql', () => {
  it('writes parameters in as literals, doubling quotes, so a name cannot end the string', () => {
    expect(inlineSql({ sql: 'SELECT * FROM users WHERE name = ? AND n = ? AND email IS ?', params: ["O'Brien'); DROP TABLE users; --", 3, null] })).toBe(
      "SELECT * FROM users WHERE name = 'O''Brien''); DROP TABLE users; --' AND n = 3 AND email IS NULL",
    );
  });

  it('fills numbered placeholders by number and leaves a ? inside quotes alone', () => {
    expect(inlineSql({ sql: "SELECT '?' , ?2, ?1, ?2", params: ['a', 'b'] })).toBe("SELECT '?' , 'b', 'a', 'b'");
  });

  it('refuses a command whose parameters and placeholders do not match', () => {
    expect(() => inlineSql({ sql: 'SELECT ?', params: [] })).toThrow(/no parameter/);
    expect(() => inlineSql({ sql: 'SELECT ?', params: ['a', 'b'] })).toThrow(/2 parameters, 1 used/);
  });

  it('gives D1 the same statement inlined as bound: a council inserted through the inlined text reads back through the bound one', async () => {
    const council = { id: crypto.randomUUID(), name: "St Mary's Borough", createdAt: new Date().toISOString() };
    await env.DB.exec(inlineSql(insertCouncilSql(council)).replace(/\n\s*/g, ' '));
    const { results } = await bindCommand(env.DB, listCouncilsSql()).all<{ id: string; name: string }>();
    expect(results).toContainEqual({ id: council.id, name: "St Mary's Borough" });
    // A token of no council's user cannot be revoked through a council's scope.
    const res = await bindCommand(env.DB, revokeTokenSql('no-such-token', council.createdAt, council.id)).run();
    expect(res.meta.changes).toBe(0);
  });
});
