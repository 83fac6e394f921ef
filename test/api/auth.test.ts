import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../helpers/server.ts';

describe('sign-in, lockout and sessions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ listen: false, enterprises: 50, lockoutThreshold: 3 });
  });
  afterAll(() => s.close());

  const login = (username: string, password: string) =>
    s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const a = await login('nobody', 'x');
    const b = await login('finance', 'wrong');
    expect(a.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.message.zh).toBe('用户名或密码错误');
  });

  it('locks an account after repeated failures, even with the right password afterwards', async () => {
    await login('judge', 'wrong1');
    await login('judge', 'wrong2');
    const third = await login('judge', 'wrong3');
    expect(third.statusCode).toBe(423);
    const right = await login('judge', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.id).toBe('account_locked');
  });

  it('stores sessions in the database, so another app instance accepts the cookie', async () => {
    const res = await login('city', DEMO_PASSWORD);
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    expect(sid.httpOnly).toBe(true);
    const { buildApp } = await import('../../src/server/app.ts');
    const second = await buildApp(s.ctx);
    const me = await second.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sid=${sid.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('city_officer');
    await second.close();
  });

  it('ends a session at sign-out and when it expires', async () => {
    const res = await login('finance', DEMO_PASSWORD);
    const cookie = `sid=${res.cookies.find((c) => c.name === 'sid')!.value}`;
    const csrf = res.json().csrfToken as string;
    await s.ctx.database.query(`update sessions set expires_at = now() - interval '1 minute' where user_id = (select id from users where username = 'finance')`);
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await login('finance', DEMO_PASSWORD);
    const cookie2 = `sid=${again.cookies.find((c) => c.name === 'sid')!.value}`;
    await s.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookie2, 'x-csrf-token': again.json().csrfToken } });
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie2 } })).statusCode).toBe(401);
    expect(csrf).not.toBe(again.json().csrfToken);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [u] = await s.ctx.database.query<{ h: string }>(`select password_hash as h from users where username = 'city'`);
    expect(u!.h.startsWith('$argon2id$')).toBe(true);
  });
});
