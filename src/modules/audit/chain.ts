/** Pure: the SM3 hash chain of audit entries. */
import { sm3 } from '../../shared/crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted, so a value read back from jsonb hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return (
      '{' +
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, e: AuditEntry): string {
  return sm3(
    prevHash +
      canonicalJson([e.seq, e.at, e.actorId, e.actorName, e.action, e.entity, e.entityId, e.before, e.after]),
  );
}

export interface ChainProblem {
  seq: number;
  kind: 'changed' | 'inserted_or_deleted';
  message: string;
}

/** Walks entries in seq order; returns the first break, or null when the chain holds. */
export function verifyChain(
  entries: Iterable<AuditEntry & { prevHash: string; hash: string }>,
  startPrev = GENESIS_HASH,
  startSeq = 1,
): ChainProblem | null {
  let prev = startPrev;
  let expectedSeq = startSeq;
  for (const e of entries) {
    if (e.seq !== expectedSeq || e.prevHash !== prev) {
      return {
        seq: e.seq,
        kind: 'inserted_or_deleted',
        message:
          e.seq !== expectedSeq
            ? `entry ${e.seq} follows ${expectedSeq - 1}: entries were deleted or inserted before it`
            : `entry ${e.seq} does not link to the entry before it: an entry was deleted, inserted or changed before it`,
      };
    }
    if (entryHash(prev, e) !== e.hash) {
      return { seq: e.seq, kind: 'changed', message: `entry ${e.seq} was changed after it was written` };
    }
    prev = e.hash;
    expectedSeq++;
  }
  return null;
}
