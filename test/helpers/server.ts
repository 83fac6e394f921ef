/**
 * A real server for API and browser tests: migrated, seeded with a small synthetic data set
 * (demo users: password `Jinan@2025!`), listening on a free port.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/env.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import { PersonalDataCipher } from '../../src/shared/crypto.ts';
import { seedDatabase } from '../../src/modules/seed/service.ts';
import { openTestDb } from './db.ts';

export const DEMO_PASSWORD = 'Jinan@2025!';
export const TEST_KEY = '0123456789abcdef0123456789abcdef';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: { engine?: 'pglite' | 'postgres'; enterprises?: number; listen?: boolean; lockoutThreshold?: number } = {},
): Promise<TestServer> {
  const { database, drop } = await openTestDb(opts.engine ?? 'pglite');
  const config = loadConfig({ ...process.env, PORT: '0', SME_DATA_KEY: TEST_KEY, SME_SEED_ON_START: 'false' });
  const cipher = new PersonalDataCipher(TEST_KEY);
  await seedDatabase(database, { seed: 7, enterprises: opts.enterprises ?? 300, cipher });
  const ctx: AppContext = {
    config,
    database,
    cipher,
    auth: { sessionHours: 8, lockoutThreshold: opts.lockoutThreshold ?? 5, lockoutMinutes: 15 },
  };
  const app = await buildApp(ctx);
  let url = '';
  if (opts.listen !== false) {
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  } else {
    await app.ready();
  }
  return {
    url,
    app,
    ctx,
    async close() {
      await app.close();
      await drop();
    },
  };
}
