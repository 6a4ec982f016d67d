import { Hono } from 'hono';
import { isWardguardError, type ErrorBody } from '@wardguard/shared';
import type { AppEnv } from './env.ts';
import { statusFor } from './http/error-status.ts';
import { loadConfig } from './http/load-config.ts';
import { capBodies, type UploadRoute } from './http/body-cap.ts';
import { authenticate } from './auth/authenticate.ts';
import { confineLiaison } from './auth/roles.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { caseRoutes } from './routes/cases.ts';
import { perpetratorRoutes } from './routes/perpetrators.ts';
import { diaryRoutes } from './routes/diary.ts';
import { custodyRoutes } from './routes/custody.ts';
import { councillorRoutes, tokenRoutes, userRoutes } from './routes/users.ts';
import { benchRoutes } from './routes/bench.ts';
import { mailRoutes } from './routes/mail.ts';
import { sessionRoutes, signInRoute } from './routes/session.ts';
import { digestRoutes } from './routes/digest.ts';
import { templateRoutes } from './routes/templates.ts';
import { replyRoutes } from './routes/replies.ts';
import { labelRoutes } from './routes/labels.ts';
import { exportRoutes } from './routes/exports.ts';
import { wellKnownRoutes } from './routes/well-known.ts';
import { councilRoutes } from './routes/council.ts';
import { referralRoutes } from './routes/referrals.ts';
import { liaisonRoutes } from './routes/liaison.ts';
import { searchRoutes } from './routes/search.ts';
import { overviewRoutes } from './routes/overview.ts';

const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Routes that read their own body at MAX_BUNDLE_BYTES (evidence uploads stream through
 * evidence/receive-bundle.ts, an original's part is read to its declared size, filed mail and
 * bench bytes through `readLimited`); every other body gets MAX_JSON_BYTES.
 */
const UPLOAD_ROUTES: readonly UploadRoute[] = [
  { method: 'POST', path: /^\/api\/v1\/evidence$/ },
  { method: 'POST', path: /^\/api\/v1\/mail\/service\/messages$/ },
  // One part of a reduced message's original (mail/original-upload.ts reads exactly its declared size).
  { method: 'PUT', path: /^\/api\/v1\/mail\/service\/records\/[^/]+\/original\/parts\/[^/]+$/ },
  { method: 'PUT', path: /^\/api\/v1\/bench\/raw\/[^/]+$/ },
];

export function createApp() {
  const api = new Hono<AppEnv>()
    // Before sign-in, so an unauthenticated body is capped too.
    .use(capBodies({ uploads: UPLOAD_ROUTES }))
    .get('/health', (c) => c.json({ ok: true, service: 'wardguard' }))
    .route('/session', signInRoute)
    .use(authenticate())
    .use(confineLiaison())
    .route('/session', sessionRoutes)
    .get('/me', (c) => {
      const { userId, councilId, role, name } = c.get('principal');
      return c.json({ userId, councilId, role, name });
    })
    .route('/evidence', evidenceRoutes)
    .route('/cases', caseRoutes)
    .route('/perpetrators', perpetratorRoutes)
    .route('/diary', diaryRoutes)
    .route('/custody', custodyRoutes)
    .route('/users', userRoutes)
    .route('/councillors', councillorRoutes)
    .route('/tokens', tokenRoutes)
    .route('/mail', mailRoutes)
    .route('/digest', digestRoutes)
    .route('/templates', templateRoutes)
    .route('/replies', replyRoutes)
    .route('/labels', labelRoutes)
    .route('/exports', exportRoutes)
    .route('/council', councilRoutes)
    .route('/referrals', referralRoutes)
    .route('/liaison', liaisonRoutes)
    .route('/search', searchRoutes)
    .route('/overview', overviewRoutes)
    .route('/bench', benchRoutes);

  const app = new Hono<AppEnv>();
  app.use(loadConfig());
  // Hono answers HEAD by running the GET handler and dropping the body, so a HEAD on a view
  // or download would log a custody event for bytes that were never sent. The API has no
  // use for HEAD: refuse it before any handler runs.
  app.use('/api/v1/*', async function refuseHead(c, next) {
    if (c.req.method !== 'HEAD') return next();
    c.header('allow', 'GET, POST, PUT, PATCH, DELETE');
    return c.json(errorBody('METHOD_NOT_ALLOWED', 'HEAD is not supported on the API; use GET.'), 405);
  });
  app.route('/api/v1', api);
  app.route('/.well-known', wellKnownRoutes);
  app.notFound((c) => c.json(errorBody('NOT_FOUND', 'No such route.'), 404));
  app.onError((err, c) => {
    if (isWardguardError(err)) return c.json(errorBody(err.code, err.message, err.details), statusFor(err.code));
    console.error('unhandled', err);
    return c.json(errorBody('INTERNAL', 'Something went wrong; nothing partial was kept.'), 500);
  });
  return app;
}
