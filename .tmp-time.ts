import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { openDatabase } from './src/db/client.ts';
import { migrate } from './src/db/migrate.ts';
import { seedDatabase } from './src/modules/seed/service.ts';
import { seedScorecards } from './src/modules/seed/scorecards.ts';
import { PersonalDataCipher } from './src/shared/crypto.ts';
import { districtResults, districtDetail, digitalStats } from './src/modules/scorecards/service.ts';
import { districtReportDocx } from './src/modules/scorecards/export.ts';
const database = await openDatabase({});
await migrate(database);
let t = performance.now();
await seedDatabase(database, { seed: 42, enterprises: 20000, cipher: new PersonalDataCipher('0123456789abcdef0123456789abcdef') });
console.log('full seed ms', Math.round(performance.now() - t));
// the scorecard part alone, timed again inside a transaction that is rolled back
await database.db.transaction(async (tx) => {
  for (const t of ['digital_assessments', 'scorecard_values', 'scorecard_benchmark_cities']) await tx.execute(sql.raw('delete from ' + t));
  t = performance.now();
  const s = await seedScorecards(tx, { seed: 42, asOf: '2026-11-27' });
  console.log('scorecard seed ms', Math.round(performance.now() - t), s);
  throw new Error('rollback');
}).catch((e) => { if ((e as Error).message !== 'rollback') throw e; });
const p = { userId: 1, username: 'city', displayName: 'c', role: 'city_officer', unitCode: null, enterpriseId: null, carrierId: null, organisation: null } as const;
const time = async (label: string, f: () => Promise<unknown>) => {
  await f();
  const xs: number[] = [];
  for (let k = 0; k < 5; k++) { const a = performance.now(); await f(); xs.push(performance.now() - a); }
  xs.sort((a, b) => a - b);
  console.log(label, 'median ms', Math.round(xs[2]!), 'max', Math.round(xs[4]!));
};
await time('results 2025', () => districtResults(database, p, 2025));
await time('district page 2025', () => districtDetail(database, p, '370102', 2025));
await time('word report', async () => districtReportDocx(await districtDetail(database, p, '370102', 2025), '2026-11-29'));
await time('digital stats', () => digitalStats(database, p));
const stats = await digitalStats(database, p);
console.log('assessed', stats.assessed, 'specialized in force', stats.specializedInForce, 'specialized assessed', stats.specializedAssessed, 'levels', stats.levels);
const r = await districtResults(database, p, 2025);
console.log(r.rows.map((x) => `${x.nameZh} ${x.total} ${x.rank} ${x.entered}/${x.required}`).join('\n'));
console.log('absent', JSON.stringify(r.absent));
await database.close();
