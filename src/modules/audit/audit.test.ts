import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { recordAudit, verifyAudit } from './service.ts';

describe.each(ENGINES)('audit hash chain on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
    for (let i = 1; i <= 5; i++) {
      await t.database.db.transaction((tx) =>
        recordAudit(tx, { id: 1, name: 'tester' }, 'thing.update', 'thing', i, { n: i - 1, nested: { b: 2, a: 1 } }, { n: i }),
      );
    }
  });
  afterAll(() => t.drop());

  it('verifies an untouched chain', async () => {
    expect(await verifyAudit(t.database)).toEqual({ entries: 5, problem: null });
  });

  it('keeps one unbroken chain when many transactions write at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction((tx) => recordAudit(tx, { id: 2, name: 'parallel' }, 'x', 'thing', 100 + i, null, { i })),
      ),
    );
    expect(await verifyAudit(t.database)).toEqual({ entries: 25, problem: null });
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await expect(t.database.query(`update audit_log set actor_name = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.database.query(`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('reports the first changed entry when someone bypasses the trigger', async () => {
    await t.database.exec(`alter table audit_log disable trigger audit_log_no_update`);
    await t.database.query(`update audit_log set after = '{"n": 99}'::jsonb where seq = 3`);
    const r = await verifyAudit(t.database);
    expect(r.problem).toMatchObject({ seq: 3, kind: 'changed' });
    await t.database.query(`update audit_log set after = '{"n": 3}'::jsonb where seq = 3`);
    expect((await verifyAudit(t.database)).problem).toBeNull();
    await t.database.exec(`alter table audit_log enable trigger audit_log_no_update`);
  });

  it('reports a deleted entry at the place of the gap', async () => {
    await t.database.exec(`alter table audit_log disable trigger audit_log_no_update`);
    await t.database.query(`delete from audit_log where seq = 4`);
    await t.database.exec(`alter table audit_log enable trigger audit_log_no_update`);
    expect((await verifyAudit(t.database)).problem).toMatchObject({ seq: 5, kind: 'inserted_or_deleted' });
  });
});
