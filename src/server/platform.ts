/**
 * Brings the platform up: configuration, database (PGlite or PostgreSQL), migrations, reference
 * data, the synthetic data set on first start, and the HTTP app.
 */
import type { Config } from '../config/env.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { PersonalDataCipher, loadDataKey } from '../shared/crypto.ts';
import type { AppContext } from './context.ts';
import { ensureUnits, isSeeded, seedDatabase } from '../modules/seed/service.ts';
import path from 'node:path';
import { recompute } from '../modules/entitlements/service.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { todayShanghai } from '../shared/dates.ts';
import { seedCases } from '../modules/seed/cases.ts';

export async function openPlatform(config: Config, log: (msg: string) => void = () => {}): Promise<AppContext> {
  const database: Database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  });
  log(`database: ${database.kind === 'pglite' ? 'PGlite in ' + path.join(config.dataDir, 'pglite') : 'PostgreSQL'}`);
  await migrate(database);
  await ensureUnits(database);
  const cipher = new PersonalDataCipher(loadDataKey(config.dataKeyHex, config.dataDir));
  return {
    config,
    database,
    cipher,
    auth: { sessionHours: config.sessionHours, lockoutThreshold: config.lockoutThreshold, lockoutMinutes: config.lockoutMinutes },
  };
}

/** Seeds the synthetic Jinan data set when the database has no enterprises yet. */
export async function seedIfEmpty(ctx: AppContext, log: (msg: string) => void): Promise<void> {
  if (!ctx.config.seedOnFirstStart || (await isSeeded(ctx.database))) return;
  log(`first start: seeding ${ctx.config.seedEnterprises} synthetic enterprises (seed ${ctx.config.seedNumber}) …`);
  const t0 = Date.now();
  let lastPct = -1;
  const summary = await seedDatabase(ctx.database, {
    seed: ctx.config.seedNumber,
    enterprises: ctx.config.seedEnterprises,
    cipher: ctx.cipher,
    onProgress: (done, total, phase) => {
      const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
      if (pct !== lastPct) {
        lastPct = pct;
        log(`  ${phase}: ${pct}%`);
      }
    },
  });
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
  // The entitlement pages should show something on first start: compute the recent fiscal years.
  const thisYear = Number(todayShanghai().slice(0, 4));
  for (let y = thisYear - 3; y <= thisYear; y++) {
    const counts = await recompute(ctx.database, SYSTEM_ACTOR, { fiscalYear: y });
    log(`entitlements ${y}: ${counts.computed} computed`);
  }
  await seedCases(ctx.database, { log });
}
