/**
 * Seeds the synthetic Jinan data set (generate.ts) into an empty database: units first (an
 * idempotent insert), then everything else in ONE transaction with multi-row INSERTs. Contacts
 * are encrypted with the platform's SM4 cipher; the demo password is hashed once (argon2 is
 * slow) and shared by all demo accounts.
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { unnestInsert } from '../../db/bulk.ts';
import { carriers, units, users } from '../../db/schema/index.ts';
import { pinyinInitials } from '../../shared/chinese.ts';
import type { PersonalDataCipher } from '../../shared/crypto.ts';
import { hashPassword } from '../auth/service.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { JINAN_UNITS } from '../registry/reference.ts';
import { seedFinancing, type FinancingSeedSummary } from './financing.ts';
import { DEFAULT_AS_OF, DEMO_PASSWORD, generateDataset, summariseDataset, type Dataset } from './generate.ts';
import { seedCredit } from './credit.ts';
import { seedEvents } from './events.ts';
import { seedDeclaredFacts } from './tiers.ts';
import { seedMeasures } from './measures.ts';
import { seedCompetition } from './competition.ts';
import { seedIp } from './ip.ts';
import { seedScorecards } from './scorecards.ts';
import { seedInnovation, type InnovationSeedSummary } from './innovation.ts';

export { DEMO_PASSWORD };

/** Rows per INSERT statement (well under PostgreSQL's 65,535 bind parameters for every table). */
const BATCH = 1000;

export interface SeedOptions {
  seed: number;
  enterprises: number;
  cipher: PersonalDataCipher;
  /** The data set's "today"; default 2026-11-27. */
  asOf?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedSummary {
  seed: number;
  asOf: string;
  units: number;
  enterprises: number;
  formerNames: number;
  yearly: number;
  ip: number;
  honours: number;
  titles: number;
  titlesByKind: Record<string, number>;
  carriers: number;
  residencies: number;
  users: number;
  financing?: FinancingSeedSummary;
  innovation?: InnovationSeedSummary;
}

/** Lower-case pinyin initials of a name (the same function search uses: shared/chinese.ts). */
export const nameInitials = pinyinInitials;

/**
 * Inserts the reference units that are missing. Existing rows are left as they are, so zone
 * overlays and names edited by an administrator survive restarts. Returns the number inserted.
 */
export async function ensureUnits(database: Database): Promise<number> {
  const rows = JINAN_UNITS.map((u, i) => ({
    code: u.code,
    nameZh: u.nameZh,
    nameEn: u.nameEn,
    kind: u.kind,
    overlays: u.overlays,
    sort: (i + 1) * 10,
  }));
  const inserted = await database.db
    .insert(units)
    .values(rows)
    .onConflictDoNothing({ target: units.code })
    .returning({ code: units.code });
  return inserted.length;
}

/** True when the database holds enterprises, or a seed was applied before (even an empty one). */
export async function isSeeded(database: Database): Promise<boolean> {
  const rows = await database.query<{ seeded: boolean }>(
    `select exists(select 1 from enterprises) or exists(select 1 from audit_log where action = 'seed.apply') as seeded`,
  );
  return Boolean(rows[0]?.seeded);
}

async function insertChunks<T>(
  items: T[],
  phase: string,
  insert: (chunk: T[]) => Promise<void>,
  progress: (phase: string, delta: number) => void,
): Promise<void> {
  for (let k = 0; k < items.length; k += BATCH) {
    const chunk = items.slice(k, k + BATCH);
    await insert(chunk);
    progress(phase, chunk.length);
  }
}

export async function seedDatabase(database: Database, opts: SeedOptions): Promise<SeedSummary> {
  if (await isSeeded(database))
    throw new Error(
      'Refusing to seed: the database already has enterprises (or was seeded before). Seeding is only for an empty database.',
    );
  const ds: Dataset = generateDataset({ seed: opts.seed, enterprises: opts.enterprises, asOf: opts.asOf ?? DEFAULT_AS_OF });
  await ensureUnits(database);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const total =
    ds.enterprises.length +
    ds.formerNames.length +
    ds.yearly.length +
    ds.ip.length +
    ds.honours.length +
    ds.titles.length +
    ds.carriers.length +
    ds.residencies.length +
    ds.users.length;
  let done = 0;
  const progress = (phase: string, delta: number) => {
    done += delta;
    opts.onProgress?.(done, total, phase);
  };
  opts.onProgress?.(0, total, 'start');

  const summary = summariseDataset(ds);
  const result: SeedSummary = {
    seed: ds.seed,
    asOf: ds.asOf,
    units: JINAN_UNITS.length,
    enterprises: ds.enterprises.length,
    formerNames: ds.formerNames.length,
    yearly: ds.yearly.length,
    ip: ds.ip.length,
    honours: ds.honours.length,
    titles: ds.titles.length,
    titlesByKind: Object.fromEntries(Object.entries(summary.titlesBy).map(([k, v]) => [k, v.rows])),
    carriers: ds.carriers.length,
    residencies: ds.residencies.length,
    users: ds.users.length,
  };

  await database.db.transaction(async (tx: Tx) => {
    // Enterprises: ids come back with their USCC (unique), so the mapping does not rely on order.
    const enterpriseIds: number[] = new Array(ds.enterprises.length);
    const indexByUscc = new Map(ds.enterprises.map((e, i) => [e.uscc, i]));
    await insertChunks(
      ds.enterprises,
      'enterprises',
      async (chunk) => {
        const rows = await unnestInsert(
          tx,
          'enterprises',
          [
            ['uscc', 'text'],
            ['name', 'text'],
            ['name_initials', 'text'],
            ['unit_code', 'text'],
            ['industry_code', 'text'],
            ['established_on', 'date'],
            ['size_class', 'size_class'],
            ['address', 'text'],
            ['strategic_emerging', 'boolean'],
            ['contact_name_enc', 'text'],
            ['contact_phone_enc', 'text'],
          ],
          chunk.map((e) => [
            e.uscc,
            e.name,
            nameInitials(e.name),
            e.unitCode,
            e.industryCode,
            e.establishedOn,
            e.sizeClass,
            e.address,
            e.strategicEmerging,
            opts.cipher.encrypt(e.contactName),
            opts.cipher.encrypt(e.contactPhone),
          ]),
          'id, uscc',
        );
        for (const r of rows) enterpriseIds[indexByUscc.get(String(r.uscc))!] = Number(r.id);
      },
      progress,
    );
    const eid = (i: number) => enterpriseIds[i]!;

    await insertChunks(
      ds.formerNames,
      'former names',
      async (chunk) => {
        await unnestInsert(
          tx,
          'enterprise_former_names',
          [
            ['enterprise_id', 'bigint'],
            ['name', 'text'],
            ['used_until', 'date'],
          ],
          chunk.map((f) => [eid(f.enterprise), f.name, f.usedUntil]),
        );
      },
      progress,
    );
    await insertChunks(
      ds.yearly,
      'yearly figures',
      async (chunk) => {
        await unnestInsert(
          tx,
          'enterprise_yearly',
          [
            ['enterprise_id', 'bigint'],
            ['year', 'integer'],
            ['revenue', 'bigint'],
            ['main_business_revenue', 'bigint'],
            ['rd_expense', 'bigint'],
            ['net_profit', 'bigint'],
            ['total_assets', 'bigint'],
            ['total_liabilities', 'bigint'],
            ['employees', 'integer'],
            ['rd_staff', 'integer'],
          ],
          chunk.map((y) => [
            eid(y.enterprise),
            y.year,
            y.revenue,
            y.mainBusinessRevenue,
            y.rdExpense,
            y.netProfit,
            y.totalAssets,
            y.totalLiabilities,
            y.employees,
            y.rdStaff,
          ]),
        );
      },
      progress,
    );
    await insertChunks(
      ds.ip,
      'intellectual property',
      async (chunk) => {
        await unnestInsert(
          tx,
          'enterprise_ip',
          [
            ['enterprise_id', 'bigint'],
            ['year', 'integer'],
            ['invention_patents', 'integer'],
            ['utility_models', 'integer'],
            ['design_patents', 'integer'],
            ['software_copyrights', 'integer'],
            ['trademarks', 'integer'],
            ['class1', 'integer'],
            ['class2', 'integer'],
            ['class1_high_value', 'integer'],
          ],
          chunk.map((y) => [
            eid(y.enterprise),
            y.year,
            y.inventionPatents,
            y.utilityModels,
            y.designPatents,
            y.softwareCopyrights,
            y.trademarks,
            y.class1,
            y.class2,
            y.class1HighValue,
          ]),
        );
      },
      progress,
    );
    await insertChunks(
      ds.honours,
      'honours',
      async (chunk) => {
        await unnestInsert(
          tx,
          'enterprise_honours',
          [
            ['enterprise_id', 'bigint'],
            ['kind', 'text'],
            ['name', 'text'],
            ['level', 'title_level'],
            ['year', 'integer'],
          ],
          chunk.map((h) => [eid(h.enterprise), h.kind, h.name, h.level, h.year]),
        );
      },
      progress,
    );
    await insertChunks(
      ds.titles,
      'titles',
      async (chunk) => {
        await unnestInsert(
          tx,
          'titles',
          [
            ['enterprise_id', 'bigint'],
            ['kind', 'title_kind'],
            ['level', 'title_level'],
            ['batch', 'text'],
            ['recognised_on', 'date'],
            ['valid_until', 'date'],
            ['recognition', 'recognition_kind'],
            ['revoked_on', 'date'],
            ['revoke_reason', 'text'],
            ['source', 'text'],
          ],
          chunk.map((t) => [
            eid(t.enterprise),
            t.kind,
            t.level,
            t.batch,
            t.recognisedOn,
            t.validUntil,
            t.recognition,
            t.revokedOn,
            t.revokeReason,
            'seed',
          ]),
        );
      },
      progress,
    );

    const carrierIds: number[] = new Array(ds.carriers.length);
    const carrierIndex = new Map(ds.carriers.map((c, i) => [`${c.kind}|${c.name}`, i]));
    await insertChunks(
      ds.carriers,
      'carriers',
      async (chunk) => {
        const rows = await tx
          .insert(carriers)
          .values(chunk)
          .returning({ id: carriers.id, kind: carriers.kind, name: carriers.name });
        for (const r of rows) carrierIds[carrierIndex.get(`${r.kind}|${r.name}`)!] = r.id;
      },
      progress,
    );
    await insertChunks(
      ds.residencies,
      'residencies',
      async (chunk) => {
        await unnestInsert(
          tx,
          'residencies',
          [
            ['enterprise_id', 'bigint'],
            ['carrier_id', 'bigint'],
            ['from_date', 'date'],
            ['to_date', 'date'],
          ],
          chunk.map((r) => [eid(r.enterprise), carrierIds[r.carrier]!, r.fromDate, r.toDate]),
        );
      },
      progress,
    );
    await insertChunks(
      ds.users,
      'users',
      async (chunk) => {
        await tx.insert(users).values(
          chunk.map((u) => ({
            username: u.username,
            displayName: u.displayName,
            role: u.role,
            unitCode: u.unitCode,
            enterpriseId: u.enterprise === null ? null : eid(u.enterprise),
            carrierId: u.carrier === null ? null : carrierIds[u.carrier]!,
            organisation: u.organisation,
            passwordHash,
          })),
        );
      },
      progress,
    );

    await seedCredit(tx, { seed: ds.seed, asOf: ds.asOf });
    result.financing = await seedFinancing(tx, { seed: ds.seed, asOf: ds.asOf, passwordHash });
    await seedDeclaredFacts(tx, ds.seed, ds.asOf);
    await seedMeasures(tx, { seed: ds.seed, asOf: ds.asOf, passwordHash });
    await seedEvents(tx, { seed: ds.seed, asOf: ds.asOf, cipher: opts.cipher });
    await seedCompetition(tx, { seed: ds.seed, asOf: ds.asOf, passwordHash });
    await seedIp(tx, { seed: ds.seed, asOf: ds.asOf });
    await seedScorecards(tx, { seed: ds.seed, asOf: ds.asOf });
    result.innovation = await seedInnovation(tx, { seed: ds.seed, asOf: ds.asOf, cipher: opts.cipher, enterprises: ds.enterprises.length });
    await recordAudit(tx, SYSTEM_ACTOR, 'seed.apply', 'database', 'seed', null, result);
  });
  // PostgreSQL plans better with fresh statistics after a bulk load (cheap; outside the transaction).
  await database.db.execute(sql`analyze`);
  return result;
}
