/** Drives cases through the workflow in tests, as the people who would do each step. */
import type { Database } from '../../src/db/client.ts';
import type { Principal, Role } from '../../src/modules/access/principal.ts';
import { transitionCase } from '../../src/modules/cases/service.ts';
import { closeDueNotices, publishNotice } from '../../src/modules/cases/notices.ts';

export const ACCOUNT = { accountName: '济南测试收款单位', bankName: '齐鲁银行济南分行', accountNo: '6222021234567890' };
export const APPLICATION = { statement: '申请园区年度资金扶持', documents: [{ name: '年度工作方案.pdf', ref: 'upload:1' }] };

export function principal(role: Role, extra: Partial<Principal> = {}): Principal {
  return { userId: 1, username: role, displayName: role, role, unitCode: null, enterpriseId: null, carrierId: null, organisation: null, ...extra };
}

export const CITY = principal('city_officer');
export const FINANCE = principal('finance_officer');

interface Row {
  id: number;
  version: number;
  track: string;
  unit_code: string;
  enterprise_id: number | null;
  carrier_id: number | null;
}

export async function caseRow(database: Database, id: number): Promise<Row> {
  const [r] = await database.query<Row>(`select id, version, track, unit_code, enterprise_id, carrier_id from cases where id = $1`, [id]);
  if (!r) throw new Error(`no case ${id}`);
  return { ...r, id: Number(r.id), enterprise_id: r.enterprise_id === null ? null : Number(r.enterprise_id), carrier_id: r.carrier_id === null ? null : Number(r.carrier_id) };
}

export function beneficiaryOf(r: Row): Principal {
  return r.enterprise_id !== null ? principal('enterprise_user', { enterpriseId: r.enterprise_id }) : principal('carrier_operator', { carrierId: r.carrier_id });
}

export function districtOf(r: Row): Principal {
  return principal('district_officer', { unitCode: r.unit_code });
}

/** opened → district_review → city_review. */
export async function toCityReview(database: Database, ids: number[]): Promise<void> {
  for (const id of ids) {
    let r = await caseRow(database, id);
    const action = r.track === 'no_application' ? 'confirm_account' : 'submit_application';
    await transitionCase(database, beneficiaryOf(r), id, { action, version: r.version, account: ACCOUNT, ...(action === 'submit_application' ? { application: APPLICATION } : {}) });
    r = await caseRow(database, id);
    await transitionCase(database, districtOf(r), id, { action: 'district_approve', version: r.version });
  }
}

export function dayAfter(iso: string, days = 1): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** city_review → in_notice → (period ends) → finance_review. */
export async function throughNotice(database: Database, ids: number[], today: string): Promise<{ noticeId: number; endsOn: string }> {
  const n = await publishNotice(database, CITY, { title: '测试公示', caseIds: ids }, today);
  const endsOn = String(n.notice.endsOn);
  await closeDueNotices(database, dayAfter(endsOn));
  return { noticeId: n.notice.id, endsOn };
}
