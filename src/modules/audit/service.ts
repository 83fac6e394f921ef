/**
 * Writes audit events inside the caller's transaction and verifies the chain.
 * Appends are serialised with a transaction-scoped advisory lock, so concurrent writers
 * from any number of app instances extend one chain without forks.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { GENESIS_HASH, entryHash, verifyChain, type AuditEntry, type ChainProblem } from './chain.ts';

const AUDIT_LOCK = 727275;

export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export async function recordAudit(
  tx: DbOrTx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [row] = await rowsOf<{ seq: number; hash: string }>(tx, sql`select seq, hash from audit_log order by seq desc limit 1`);
  const entry: AuditEntry = {
    seq: (row ? Number(row.seq) : 0) + 1,
    at: new Date().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action,
    entity,
    entityId: String(entityId),
    before: normalise(before),
    after: normalise(after),
  };
  const prevHash = row?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...entry, prevHash, hash: entryHash(prevHash, entry) });
}

/** Round-trips through JSON so that what is hashed is exactly what jsonb stores. */
function normalise(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

export async function verifyAudit(database: Database, pageSize = 5000): Promise<{ entries: number; problem: ChainProblem | null }> {
  let prev = GENESIS_HASH;
  let nextSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await database.query<{
      seq: number;
      at: string;
      actor_id: number | null;
      actor_name: string;
      action: string;
      entity: string;
      entity_id: string;
      before: unknown;
      after: unknown;
      prev_hash: string;
      hash: string;
    }>('select * from audit_log where seq >= $1 order by seq limit $2', [nextSeq, pageSize]);
    if (rows.length === 0) return { entries: count, problem: null };
    const entries = rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const problem = verifyChain(entries, prev, nextSeq);
    if (problem) return { entries: count, problem };
    const lastEntry = entries[entries.length - 1]!;
    prev = lastEntry.hash;
    nextSeq = lastEntry.seq + 1;
    count += entries.length;
  }
}
