import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import argon2 from 'argon2';
import { openTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.ts';
import { PersonalDataCipher } from '../../shared/crypto.ts';
import { verifyAudit } from '../audit/service.ts';
import { generateDataset, summariseDataset } from './generate.ts';
import { FINANCING_DEMO_USERS } from './financing.ts';
import { MEASURES_DEMO_USERS } from './measures.ts';
import { COMPETITION_DEMO_USERS } from './competition.ts';
import { DEMO_PASSWORD, ensureUnits, isSeeded, nameInitials, seedDatabase, type SeedSummary } from './service.ts';

const KEY = '00112233445566778899aabbccddeeff';
const N = 500;

describe('nameInitials', () => {
  it('gives lower-case pinyin initials, letters and digits only', () => {
    expect(nameInitials('济南齐鲁软件有限公司')).toBe('jnqlrjyxgs');
    expect(nameInitials('华凌（山东）精密机械股份有限公司')).toBe('hlsdjmjxgfyxgs');
    expect(nameInitials('济南长清区华凌有限公司')).toBe('jncqqhlyxgs');
  });
});

describe.each(ENGINES)('seedDatabase on %s', (engine) => {
  let t: TestDb;
  let summary: SeedSummary;
  const cipher = new PersonalDataCipher(KEY);
  const progress: string[] = [];

  beforeAll(async () => {
    t = await openTestDb(engine);
    expect(await isSeeded(t.database)).toBe(false);
    summary = await seedDatabase(t.database, {
      seed: 7,
      enterprises: N,
      cipher,
      onProgress: (_done, _total, phase) => {
        if (progress[progress.length - 1] !== phase) progress.push(phase);
      },
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('inserts what the generator produced', async () => {
    const ds = generateDataset({ seed: 7, enterprises: N });
    const s = summariseDataset(ds);
    const count = async (table: string) =>
      Number((await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
    expect(await count('enterprises')).toBe(N);
    expect(await count('enterprise_former_names')).toBe(s.formerNames);
    expect(await count('enterprise_yearly')).toBe(s.yearly);
    expect(await count('enterprise_ip')).toBe(s.ip);
    expect(await count('enterprise_honours')).toBe(s.honours);
    expect(await count('titles')).toBe(s.titles);
    expect(await count('carriers')).toBe(ds.carriers.length);
    expect(await count('residencies')).toBe(s.residencies);
    expect(await count('users')).toBe(
      ds.users.length + FINANCING_DEMO_USERS.length + MEASURES_DEMO_USERS.length + COMPETITION_DEMO_USERS.length,
    );
    expect(await count('financing_loans')).toBe(summary.financing!.loans);
    expect(await count('units')).toBe(15);
    expect(summary.enterprises).toBe(N);
    expect(summary.titles).toBe(s.titles);
    expect(progress[0]).toBe('start');
    expect(progress).toContain('titles');

    // Same data by value: titles per kind, and a sample enterprise.
    const byKind = await t.database.query<{ kind: string; level: string; n: number }>(
      `select kind, level, count(*)::int as n from titles group by kind, level`,
    );
    for (const r of byKind) expect(r.n).toBe(s.titlesBy[`${r.kind}:${r.level}`]!.rows);
    const e0 = ds.enterprises[0]!;
    const [row] = await t.database.query<Record<string, unknown>>(
      `select uscc, name, name_initials, unit_code, established_on, size_class, strategic_emerging from enterprises where uscc = $1`,
      [e0.uscc],
    );
    expect(row).toMatchObject({
      uscc: e0.uscc,
      name: e0.name,
      name_initials: nameInitials(e0.name),
      unit_code: e0.unitCode,
      established_on: e0.establishedOn,
      size_class: e0.sizeClass,
      strategic_emerging: e0.strategicEmerging,
    });
  });

  it('stores contacts encrypted and decryptable', async () => {
    const ds = generateDataset({ seed: 7, enterprises: N });
    const rows = await t.database.query<{ uscc: string; contact_name_enc: string; contact_phone_enc: string }>(
      `select uscc, contact_name_enc, contact_phone_enc from enterprises order by id limit 50`,
    );
    const byUscc = new Map(ds.enterprises.map((e) => [e.uscc, e]));
    for (const r of rows) {
      expect(r.contact_name_enc.startsWith('sm4:')).toBe(true);
      expect(r.contact_phone_enc).not.toContain(byUscc.get(r.uscc)!.contactPhone);
      expect(cipher.decrypt(r.contact_name_enc)).toBe(byUscc.get(r.uscc)!.contactName);
      expect(cipher.decrypt(r.contact_phone_enc)).toBe(byUscc.get(r.uscc)!.contactPhone);
    }
  });

  it('links the demo users and shares one password hash', async () => {
    const users = await t.database.query<{
      username: string;
      role: string;
      unit_code: string | null;
      enterprise_id: number | null;
      carrier_id: number | null;
      password_hash: string;
    }>(`select username, role, unit_code, enterprise_id, carrier_id, password_hash from users order by id`);
    expect(users).toHaveLength(
      11 + FINANCING_DEMO_USERS.length + MEASURES_DEMO_USERS.length + COMPETITION_DEMO_USERS.length,
    );
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    expect(await argon2.verify(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    const ent = users.find((u) => u.username === 'enterprise')!;
    const [e] = await t.database.query<{ unit_code: string; n: number }>(
      `select e.unit_code, (select count(*)::int from titles t where t.enterprise_id = e.id and t.revoked_on is null) as n
         from enterprises e where e.id = $1`,
      [ent.enterprise_id],
    );
    expect(e!.unit_code).toBe('370102');
    expect(e!.n).toBeGreaterThan(0);
    const car = users.find((u) => u.username === 'carrier')!;
    const [c] = await t.database.query<{ kind: string }>(`select kind from carriers where id = $1`, [car.carrier_id]);
    expect(c!.kind).toBe('demo_base');
  });

  it('writes one seed.apply audit event and keeps the chain valid', async () => {
    const events = await t.database.query<{ action: string; after: { enterprises: number } }>(
      `select action, after from audit_log where action = 'seed.apply'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.after.enterprises).toBe(N);
    expect((await verifyAudit(t.database)).problem).toBeNull();
  });

  it('refuses a second seed, and ensureUnits stays idempotent', async () => {
    expect(await isSeeded(t.database)).toBe(true);
    await expect(seedDatabase(t.database, { seed: 8, enterprises: 10, cipher })).rejects.toThrow(/already has enterprises/);
    expect(await ensureUnits(t.database)).toBe(0);
    const n = await t.database.query<{ n: number }>(`select count(*)::int as n from enterprises`);
    expect(n[0]!.n).toBe(N);
  });
});
