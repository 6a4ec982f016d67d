import { Hono } from 'hono';
import { WardguardError } from '@wardguard/shared';
import { completeOriginalSchema, startOriginalSchema } from '@wardguard/shared/api/mail-original';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { readJson } from '../http/read-json.ts';
import { completeOriginal, putOriginalPart, startOriginal } from '../mail/original-upload.ts';
import { sendOriginal } from '../mail/send-original.ts';

const uploadParam = (v: string | undefined): string => {
  if (!v) throw new WardguardError('VALIDATION_FAILED', 'upload: required (the uploadId the start answered).');
  return v;
};

/**
 * The mail filter keeps the whole original of a message it filed as a reduced copy, in parts
 * (see shared/src/api/mail-original.ts). Mounted under /mail/service.
 */
export const mailOriginalServiceRoutes = new Hono<AppEnv>()
  .use(requireRole('service'))
  .post('/records/:id/original', async (c) => {
    const body = await readJson(c, startOriginalSchema);
    const upload = await startOriginal(c.env, c.get('config'), c.get('principal'), c.req.param('id'), body.partBytes);
    return c.json(upload, 'stored' in upload ? 200 : 201);
  })
  .put('/records/:id/original/parts/:n', async (c) => {
    const n = /^[0-9]{1,5}$/.test(c.req.param('n')) ? Number(c.req.param('n')) : Number.NaN;
    const part = await putOriginalPart(c.env, c.get('principal'), c.req.param('id'), uploadParam(c.req.query('upload')), n, c.req.raw);
    return c.json(part);
  })
  .post('/records/:id/original/complete', async (c) => {
    const body = await readJson(c, completeOriginalSchema);
    const stored = await completeOriginal(c.env, c.get('principal'), c.req.param('id'), uploadParam(c.req.query('upload')), body.parts);
    return c.json({ stored });
  });

/** Officers download a stored original (a custody event, its bytes checked as they go). Mounted under /mail. */
export const mailOriginalStaffRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  .get('/records/:id/original', (c) => sendOriginal(c, c.get('principal'), c.req.param('id')));
