/** Signs in through the real HTTP routes (app.inject) and carries the cookie and CSRF token. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from './server.ts';

export interface ApiClient {
  username: string;
  csrf: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const c = `sid=${cookie.value}`;
  return {
    username,
    csrf,
    cookie: c,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie: c } }),
    send: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie: c, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      }),
  };
}
