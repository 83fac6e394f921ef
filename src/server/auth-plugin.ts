/**
 * Authentication on every request: the session cookie is looked up in the database; state-
 * changing requests must echo the session's CSRF token in `x-csrf-token`. Routes marked
 * `config: { public: true }` skip the sign-in requirement.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';
import { sessionFor } from '../modules/auth/service.ts';
import type { Principal } from '../modules/access/principal.ts';
import type { AppContext } from './context.ts';

export const SESSION_COOKIE = 'sid';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('preHandler', async (req) => {
    // The browser app and the OpenAPI document are public; everything else under /api needs a session.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await sessionFor(ctx.database, token);
      if (s) {
        req.principal = s.principal;
        req.csrfToken = s.csrfToken;
      }
    }
    if (req.routeOptions.config.public) return;
    if (!req.principal) throw new AppError('unauthenticated');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.csrfToken || !sameToken(sent, req.csrfToken)) throw new AppError('csrf_failed');
    }
  });
}

/** The signed-in principal; routes behind the auth hook always have one. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}
