import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { SESSION_COOKIE, principalOf } from '../../server/auth-plugin.ts';
import { login, logout } from './service.ts';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 80 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
      },
    },
    async (req, reply) => {
      const s = await login(ctx.database, ctx.auth, req.body.username, req.body.password);
      void reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        expires: s.expiresAt,
      });
      return { user: s.principal, csrfToken: s.csrfToken };
    },
  );
  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(ctx.database, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  r.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Who am I' } }, async (req) => {
    return { user: principalOf(req), csrfToken: req.csrfToken };
  });
}
