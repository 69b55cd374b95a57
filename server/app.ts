import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { trustProxySetting, twoFactorPolicy, type Env } from './env.js';
import { loadSecretKey } from './auth/secretBox.js';
import { inspectApiLogin, type ApiLogin } from './data/apiLogin.js';
import { buildModels, type ModelClass } from './data/models.js';
import type { SchemaModel } from './meta/schemaModel.js';
import { encodedMeta, metaOfCaller } from './meta/metaOfCaller.js';
import { chosenEncoding, compressJson } from './http/compressJson.js';
import { serveSpa } from './spa/serveSpa.js';
import { checkTestSwitches, type TestSwitches } from './access/testSwitches.js';
import { authRouter } from './http/authRouter.js';
import { refuseHostileInput } from './http/hostileInput.js';
import { idempotency } from './http/idempotency.js';
import { errorHandler } from './http/errorHandler.js';
import { historyRouter } from './http/historyRouter.js';
import { labelsRouter } from './http/labelsRouter.js';
import { matrixRouter } from './http/matrixRouter.js';
import { notFound } from './http/errors.js';
import { requireSession, resolveUser } from './http/requireUser.js';
import { resourceRouter } from './http/resourceRouter.js';
import { securityEventsRouter } from './http/securityEventsRouter.js';
import { readSessionCookie, requireCsrfToken } from './http/sessionCookies.js';
import { authRateLimit } from './http/rateLimits.js';
import { twoFactorRouter } from './http/twoFactorRouter.js';
import { usersRouter } from './http/usersRouter.js';

export const SPA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/admin');

export interface AppDeps {
  /** The owner's connection, for sign-in and sessions (password hashes live there). */
  knex: Knex;
  /** The data API's connection: a role that owns no table, under RLS. Defaults to `knex`. */
  apiKnex?: Knex;
  env: Env;
  schema: SchemaModel;
  logger: Logger;
  /** Test-only enforcer switches (see testSwitches.ts); refused outside NODE_ENV=test. */
  testSwitches?: TestSwitches;
}

/** Builds the Express app (no listen): API under /api, the built SPA everywhere else. */
export function createApp({ knex, apiKnex = knex, env, schema, logger, testSwitches }: AppDeps): Express {
  const switches = checkTestSwitches(env.NODE_ENV, testSwitches);
  const models: Map<string, ModelClass> = buildModels(schema);
  const app = express();
  app.disable('x-powered-by');
  // No hash of every answer's body for an ETag: API data is never kept (no-store, below), and
  // what is revalidated (/api/meta, the SPA's files) carries a tag of its own.
  app.set('etag', false);
  app.set('trust proxy', trustProxySetting(env));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          // MUI (emotion) injects style tags at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          // Over plain http (development, a LAN address) this directive would break every asset.
          'upgrade-insecure-requests': env.NODE_ENV === 'production' ? [] : null,
        },
      },
    }),
  );
  // JSON compressed on the way out; CSV exports stream as they are, so a million rows cost the
  // database's time, not a compressor's; the built assets come compressed.
  app.use(compressJson());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req.headers['x-request-id'] as string) || randomUUID(),
      autoLogging: env.NODE_ENV !== 'test',
      // A successful read is the common case and tells little: logged at debug (below the default
      // level, so it costs next to nothing); changes at info; refusals warn; failures always.
      customLogLevel: (req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : req.method === 'GET' || req.method === 'HEAD' ? 'debug' : 'info',
      // Only what helps; never headers, which carry the session cookie.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );
  app.use(express.json({ limit: '1mb' }));
  app.use(refuseHostileInput);
  app.use(cookieParser());
  app.use(readSessionCookie(env));

  const secretKey = loadSecretKey(env);
  const policy = twoFactorPolicy(env);
  const api = express.Router();
  // Asked once; a login that cannot even be inspected is treated as one that bypasses policies.
  const apiLogin = inspectApiLogin(apiKnex, schema).catch(
    (err: unknown): ApiLogin => ({ name: 'unknown', bypassesRls: `could not be inspected (${err instanceof Error ? err.message : String(err)})` }),
  );
  api.use(async (req, res, next) => {
    req.apiLogin = await apiLogin;
    // Records and sessions are nobody's to keep: not the browser's disk cache, not a proxy's.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(requireCsrfToken(['/auth/login']));
  api.use('/auth', authRateLimit(env));
  api.use('/auth/2fa', twoFactorRouter(knex, env, secretKey));
  api.use('/auth/security-events', requireSession(policy), securityEventsRouter(apiKnex, () => schema));
  api.use('/auth/users', requireSession(policy), usersRouter({ knex, apiKnex, env, schema: () => schema }));
  api.use('/auth', authRouter(knex, env, secretKey));
  api.use(requireSession(policy));
  // A POST carrying an Idempotency-Key is answered once: a retry gets the first answer.
  api.use(idempotency(knex));
  api.get('/meta', resolveUser(knex, policy), (req, res) => {
    const meta = metaOfCaller(schema, req.user!);
    // Revalidated on every use: an unchanged one costs a 304, a changed matrix is seen at once.
    res.set({ ETag: meta.etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding' });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const encoding = chosenEncoding(req);
    res.type('json');
    if (encoding) res.set('Content-Encoding', encoding).send(encodedMeta(meta, encoding));
    else res.send(meta.json);
  });
  // Before the generic resources, whose /:resource would otherwise claim /matrix.
  api.use('/matrix', matrixRouter(apiKnex, () => schema));
  // A record's audit trail, GET /:resource/:id/history, next to the generic resources.
  api.use(historyRouter({ knex: apiKnex, schema: () => schema, models: () => models, switches }));
  // The labels of what a record refers to, GET /:resource/:field/labels, for whoever may read it.
  api.use(labelsRouter({ knex: apiKnex, schema: () => schema, switches }));
  api.use(resourceRouter({ knex: apiKnex, schema: () => schema, models: () => models, switches }));
  api.use(() => {
    throw notFound('No such API route.');
  });
  app.use('/api', api);

  if (existsSync(SPA_DIR)) serveSpa(app, SPA_DIR);
  app.use(errorHandler(() => schema));
  return app;
}
