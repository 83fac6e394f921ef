/**
 * Payment-workflow demo data: after the entitlements are computed, cases are opened from them and
 * a deterministic share is walked along the path by the people who would act (beneficiary,
 * district, city, finance) — some waiting at each step, one open 公示, one closed, a paid batch,
 * some returned — then the dates are spread over the past weeks so queues show real ages.
 * Every step goes through the services (state machine, audit, notifications), nothing is faked
 * except the clock of the finished steps.
 */
import type { Database } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import type { Principal, Role } from '../access/principal.ts';
import { syncCases, transitionCase } from '../cases/service.ts';
import { closeDueNotices, publishNotice } from '../cases/notices.ts';
import { approveBatch, createBatch, payBatch } from '../cases/batches.ts';
import { todayShanghai } from '../../shared/dates.ts';

const BANKS = ['齐鲁银行济南分行', '中国工商银行济南分行', '中国建设银行济南分行', '济南农商银行', '中国银行济南分行'];

interface Row {
  id: number;
  version: number;
  track: string;
  unit_code: string;
  enterprise_id: number | null;
  carrier_id: number | null;
  name: string;
}

function who(role: Role, extra: Partial<Principal>): Principal {
  return {
    userId: 0,
    username: role,
    displayName: role,
    role,
    unitCode: null,
    enterpriseId: null,
    carrierId: null,
    organisation: null,
    ...extra,
  };
}

function addDays(iso: string, days: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Opens the cases and walks up to `limit` of them through the workflow. */
export async function seedCases(
  database: Database,
  opts: { limit?: number; log?: (m: string) => void } = {},
): Promise<{ opened: number; walked: number }> {
  const { opened } = await syncCases(database, SYSTEM_ACTOR);
  const users = await database.query<{
    id: number;
    username: string;
    display_name: string;
    role: Role;
    unit_code: string | null;
  }>(`select id, username, display_name, role, unit_code from users where username in ('city', 'finance', 'lixia', 'gaoxin')`);
  const user = (name: string) => users.find((u) => u.username === name);
  const asUser = (name: string, role: Role, extra: Partial<Principal> = {}) => {
    const u = user(name);
    return who(role, {
      userId: Number(u?.id ?? 0),
      username: name,
      displayName: u?.display_name ?? name,
      unitCode: u?.unit_code ?? null,
      ...extra,
    });
  };
  const city = asUser('city', 'city_officer');
  const finance = asUser('finance', 'finance_officer');
  const district = (unit: string) =>
    user('lixia')?.unit_code === unit
      ? asUser('lixia', 'district_officer')
      : user('gaoxin')?.unit_code === unit
        ? asUser('gaoxin', 'district_officer')
        : who('district_officer', {
            userId: Number(user('city')?.id ?? 0),
            username: `district-${unit}`,
            displayName: `区县审核员（${unit}）`,
            unitCode: unit,
          });
  const rows = (
    await database.query<Row>(
      `select k.id, k.version, k.track, k.unit_code, k.enterprise_id, k.carrier_id, coalesce(e.name, c.name) as name
         from cases k left join enterprises e on e.id = k.enterprise_id left join carriers c on c.id = k.carrier_id
        where k.state = 'opened' order by k.fiscal_year desc, k.id limit $1`,
      [opts.limit ?? 240],
    )
  ).map((r) => ({
    ...r,
    id: Number(r.id),
    enterprise_id: r.enterprise_id === null ? null : Number(r.enterprise_id),
    carrier_id: r.carrier_id === null ? null : Number(r.carrier_id),
  }));
  const version = async (id: number) =>
    Number((await database.query<{ version: number }>(`select version from cases where id = $1`, [id]))[0]!.version);
  const beneficiary = (r: Row) =>
    r.enterprise_id !== null
      ? who('enterprise_user', { enterpriseId: r.enterprise_id, username: r.name, displayName: r.name })
      : who('carrier_operator', { carrierId: r.carrier_id, username: r.name, displayName: r.name });

  // Step k of 10: 0–2 stay opened; 3 returned; 4 district review; 5 city review; 6 in the open notice; 7 finance review; 8–9 paid.
  const step = (i: number) => i % 10;
  const confirmed = rows.filter((_, i) => step(i) >= 3);
  for (const [n, r] of confirmed.entries()) {
    const account = {
      accountName: r.name,
      bankName: BANKS[n % BANKS.length]!,
      accountNo: `62220${String(100000000000 + r.id * 7919).slice(-11)}`,
    };
    const action = r.track === 'no_application' ? 'confirm_account' : 'submit_application';
    await transitionCase(database, beneficiary(r), r.id, {
      action,
      version: await version(r.id),
      account,
      ...(action === 'submit_application'
        ? {
            application: {
              statement: '申请年度运营奖励资金，相关材料已按要求报送。',
              documents: [{ name: '年度工作总结.pdf', ref: `paper:${r.id}` }],
            },
          }
        : {}),
    });
  }
  const at = (k: number) => rows.filter((_, i) => step(i) === k || (k === 8 && step(i) === 9));
  for (const r of at(3))
    await transitionCase(database, district(r.unit_code), r.id, {
      action: 'district_return',
      version: await version(r.id),
      reason: '请补充开户许可证复印件，并核对账户名称与营业执照一致。',
    });
  const approved = rows.filter((_, i) => step(i) >= 5);
  for (const r of approved)
    await transitionCase(database, district(r.unit_code), r.id, { action: 'district_approve', version: await version(r.id) });

  const today = todayShanghai();
  const earlier = addDays(today, -30);
  const passed = [...at(7), ...at(8)].map((r) => r.id);
  if (passed.length) {
    await publishNotice(
      database,
      city,
      { title: `${earlier.slice(0, 4)}年度优质中小企业奖励资金拟支持名单公示（第一批）`, caseIds: passed, publishedOn: earlier },
      earlier,
    );
    await closeDueNotices(database, today);
  }
  const inNotice = at(6).map((r) => r.id);
  if (inNotice.length)
    await publishNotice(database, city, {
      title: `${today.slice(0, 4)}年度优质中小企业奖励资金拟支持名单公示（第二批）`,
      caseIds: inNotice,
    });
  const paid = at(8).map((r) => r.id);
  if (paid.length) {
    const b = await createBatch(database, finance, { title: `${today.slice(0, 4)}年第一批奖励资金拨付`, caseIds: paid });
    await approveBatch(database, finance, b.batch.id, { version: b.batch.version });
    await payBatch(database, finance, b.batch.id, { version: b.batch.version + 1 });
  }
  // Spread the finished steps over the past weeks (0–24 days back, by case), so ages and the time per step are realistic.
  const walked = `(select id from cases where state <> 'opened' or id % 3 = 0)`;
  await database.query(
    // Never before the event that gave rise to the entitlement (the recognition date in its trigger).
    `with r as (select e.id, row_number() over (partition by e.case_id order by e.at desc, e.id desc) as rn,
                       greatest(0, current_date - coalesce((x.trigger ->> 'date')::date, current_date)) as room
                  from case_events e join cases k on k.id = e.case_id join entitlements x on x.id = k.entitlement_id)
     update case_events e set at = e.at - make_interval(days => least(r.room, (e.case_id * 7) % 25 + (r.rn - 1) * (2 + e.case_id % 5))::int)
       from r where r.id = e.id and e.case_id in ${walked}`,
  );
  await database.query(
    `update cases k set state_since = (select max(at) from case_events v where v.case_id = k.id),
                        opened_at = (select min(at) from case_events v where v.case_id = k.id) where k.id in ${walked}`,
  );
  opts.log?.(`cases: ${opened} opened, ${rows.length} walked through the workflow`);
  return { opened, walked: rows.length };
}
