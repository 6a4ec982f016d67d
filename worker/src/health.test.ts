import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('health', () => {
  it('answers without auth', async () => {
    const res = await exports.default.fetch('http://x/api/v1/health');
    expect(res.status).toBe(200);
  });
});
