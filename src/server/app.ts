/** Assembles the HTTP application: security, OpenAPI, authentication, module routes, the web app. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.ts';
import { installErrorHandler, installNotFound } from './errors.ts';
import { installAuth } from './auth-plugin.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { registryRoutes } from '../modules/registry/routes.ts';
import { importRoutes } from '../modules/imports/routes.ts';
import { entitlementRoutes } from '../modules/entitlements/routes.ts';
import { tierRoutes } from '../modules/tiers/routes.ts';
import { caseRoutes } from '../modules/cases/routes.ts';
import { caseDocumentRoutes } from '../modules/cases/case-document-routes.ts';
import { dashboardRoutes } from '../modules/dashboard/routes.ts';
import { creditRoutes } from '../modules/credit/routes.ts';
import { financingRoutes } from '../modules/financing/routes.ts';
import { measureRoutes } from '../modules/measures/routes.ts';
import { eventRoutes } from '../modules/events/routes.ts';
import { competitionRoutes } from '../modules/competition/routes.ts';
import { ipRoutes } from '../modules/ip/routes.ts';
import { innovationRoutes } from '../modules/innovation/routes.ts';
import { scorecardRoutes } from '../modules/scorecards/routes.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  });
  installErrorHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'SME Ladder API — 济南市优质中小企业梯度培育平台', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  installAuth(app, ctx);

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'] } }, async () => {
    await ctx.database.query('select 1');
    return { ok: true, database: ctx.database.kind };
  });
  authRoutes(app, ctx);
  registryRoutes(app, ctx);
  await importRoutes(app, ctx);
  entitlementRoutes(app, ctx);
  caseRoutes(app, ctx);
  await caseDocumentRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  creditRoutes(app, ctx);
  financingRoutes(app, ctx);
  ipRoutes(app, ctx);
  tierRoutes(app, ctx);
  measureRoutes(app, ctx);
  eventRoutes(app, ctx);
  await competitionRoutes(app, ctx);
  await innovationRoutes(app, ctx);
  scorecardRoutes(app, ctx);

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: ['index.html'] });
  installNotFound(app, hasWeb ? indexHtmlReader(path.join(WEB_DIST, 'index.html')) : null);
  return app;
}

/**
 * index.html names the hashed asset files of the current build: re-read it when the file changes
 * (checked by mtime), so a server left running across `npm run build:web` serves the new assets.
 */
function indexHtmlReader(file: string): () => Buffer | null {
  let cached: { mtimeMs: number; body: Buffer } | null = null;
  return () => {
    try {
      const { mtimeMs } = fs.statSync(file);
      if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, body: fs.readFileSync(file) };
      return cached.body;
    } catch {
      return cached?.body ?? null;
    }
  };
}
