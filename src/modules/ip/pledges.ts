/**
 * Pledging IP items for a loan — one set of rules for both ways a pledge loan is recorded: the IP
 * module's pledge loan (a bank lending against a consenting firm's IP) and the financing flow's
 * loan of type ip_pledge (a bank granting the loan on its offer to a financing demand). Items must
 * be the borrower's, in force on the loan date and not under another active pledge; the database's
 * partial unique index (one active pledge per item) is the last word when two banks race.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { AppError, invalid, type FieldProblem } from '../../shared/errors.ts';
import { inForce } from '../../../policy/ip/index.ts';
import { itemOf, readRecords } from './records.ts';

export const NO_PLEDGE_ITEMS: FieldProblem = {
  field: 'ipRecordIds',
  reason: { zh: '请选择至少一项质押的知识产权', en: 'choose at least one item to pledge' },
};

/** An item the borrower could pledge on a date: in force and not under an active pledge. */
export interface PledgeableItem {
  id: number;
  kind: string;
  number: string;
  title: string;
  expiresOn: string | null;
}

export async function pledgeableItems(database: Database, enterpriseId: number, on: string): Promise<PledgeableItem[]> {
  const rows = await readRecords(database, 'r.enterprise_id = $1', [enterpriseId]);
  return rows
    .filter((r) => inForce(itemOf(r), on) === null && !r.pledges.some((p) => p.releasedOn === null))
    .map((r) => ({ id: r.id, kind: r.kind, number: r.number, title: r.title, expiresOn: r.expiresOn }));
}

/**
 * Checks the items named for a pledge loan of `enterpriseId` granted on `grantedOn`; returns the
 * distinct ids. Throws a field error on `ipRecordIds` naming the first item that fails.
 */
export async function checkPledgeItems(
  database: Database,
  enterpriseId: number,
  ipRecordIds: readonly number[],
  grantedOn: string,
): Promise<number[]> {
  const ids = [...new Set(ipRecordIds)];
  if (ids.length === 0) throw invalid(NO_PLEDGE_ITEMS);
  const items = await readRecords(database, 'r.enterprise_id = $1 and r.id = any($2::bigint[])', [enterpriseId, ids]);
  if (items.length !== ids.length)
    throw invalid({ field: 'ipRecordIds', reason: { zh: '所选知识产权不属于该企业', en: 'an item is not this enterprise’s' } });
  const off = items.find((r) => inForce(itemOf(r), grantedOn) !== null);
  if (off)
    throw invalid({
      field: 'ipRecordIds',
      reason: { zh: `“${off.title}”在放款日不是有效的知识产权`, en: `'${off.title}' is not in force on the loan date` },
    });
  const pledged = items.find((r) => r.pledges.some((p) => p.releasedOn === null));
  if (pledged) throw pledgedAlready(pledged.title);
  return ids;
}

/** One active pledge per item for the loan, inside the loan's transaction. */
export async function insertPledges(
  tx: DbOrTx,
  loanId: number,
  ids: readonly number[],
  pledge: { pledgee: string; amount: number; registeredOn: string; recordedBy: number },
): Promise<number[]> {
  const rows = await rowsOf<{ id: number }>(
    tx,
    sql`insert into ip_pledges (ip_record_id, loan_id, pledgee, amount, registered_on, recorded_by)
        select x, ${loanId}, ${pledge.pledgee}, ${pledge.amount}, ${pledge.registeredOn}::date, ${pledge.recordedBy}
          from unnest(${'{' + ids.join(',') + '}'}::bigint[]) as x returning id`,
  );
  return rows.map((r) => Number(r.id));
}

function pledgedAlready(title?: string): AppError {
  return new AppError('conflict', {
    fields: [
      {
        field: 'ipRecordIds',
        reason: title
          ? { zh: `“${title}”已在质押中，不能重复质押`, en: `'${title}' is under an active pledge already` }
          : { zh: '所选知识产权已在质押中，不能重复质押', en: 'an item is under an active pledge already' },
      },
    ],
  });
}

/** Whether a database error is the one-active-pledge index refusing a second pledge of an item. */
export function isActivePledgeClash(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | null;
  const code = err?.code ?? err?.cause?.code;
  const constraint = err?.constraint ?? err?.cause?.constraint;
  return code === '23505' && constraint === 'ip_pledges_one_active';
}

/** The conflict reported when `isActivePledgeClash`. */
export const activePledgeConflict = (): AppError => pledgedAlready();
