/**
 * Synthetic 督办 data (issue 13): the responsible units, demo users for 市科技局 (`science`) and the
 * general office (`office`), memberships for the city (市工业和信息化局) and finance (市财政局) users,
 * and progress reports for the quarters of 2026 that have ended, in various states with their
 * history. Measures 12 and 13 of the last ended quarter are left unreported, so a reporting cycle
 * can be run on them (the browser test does). Deterministic for a seed.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { unnestInsert } from '../../db/bulk.ts';
import { MEASURES, reportingUnitsOf } from '../../../policy/jinan-quality-sme-measures/measures.ts';
import { dueOn, FIRST_PERIOD, parsePeriod, periodsBetween, reportingPeriod, type ReportStatus } from '../measures/domain.ts';
import { enteredIndicators, ensureResponsibleUnits } from '../measures/service.ts';
import { Rng } from './prng.ts';

/** [username, display name, organisation, responsible unit]. */
const NEW_USERS: [string, string, string, string][] = [
  ['science', '孙科长（市科技局）', '济南市科学技术局', '市科技局'],
  ['office', '周处长（市政府办公厅督查处）', '济南市人民政府办公厅', '市政府办公厅'],
];
const EXISTING_MEMBERS: [string, string][] = [
  ['city', '市工业和信息化局'],
  ['finance', '市财政局'],
];

export const MEASURES_DEMO_USERS = NEW_USERS.map((u) => u[0]);

/** Measures left without reports in the last ended quarter (the reporting cycle the demo runs). */
export const OPEN_MEASURES = [12, 13];

const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const SUMMARIES = [
  '本季度按计划推进，各项任务完成情况良好，已完成阶段性目标。',
  '已召开专题推进会，明确任务分工，相关工作正在有序推进。',
  '受项目申报周期影响，部分任务进度略有滞后，已制定追赶措施。',
  '会同相关部门开展调研，形成工作台账，按月调度推进情况。',
];
const RETURN_REASONS = ['请补充量化指标数据及佐证材料', '进展情况过于笼统，请按任务逐项说明'];

export async function seedMeasures(
  tx: Tx,
  opts: { seed: number; asOf: string; passwordHash: string },
): Promise<{ reports: number }> {
  await ensureResponsibleUnits(tx);
  for (const [username, displayName, organisation] of NEW_USERS)
    await tx.execute(
      sql`insert into users (username, display_name, role, organisation, password_hash)
          values (${username}, ${displayName}, 'city_officer', ${organisation}, ${opts.passwordHash})`,
    );
  for (const [username, unit] of [...NEW_USERS.map((u) => [u[0], u[3]] as [string, string]), ...EXISTING_MEMBERS])
    await tx.execute(
      sql`insert into responsible_unit_members (user_id, unit_id)
          select u.id, r.id from users u, responsible_units r where u.username = ${username} and r.name_zh = ${unit}
          on conflict do nothing`,
    );
  const units = new Map(
    (await rowsOf<{ id: number; name_zh: string }>(tx, sql`select id, name_zh from responsible_units`)).map((r) => [
      r.name_zh,
      Number(r.id),
    ]),
  );
  const [office] = await rowsOf<{ id: number; display_name: string }>(
    tx,
    sql`select id, display_name from users where username = 'office'`,
  );

  const rng = new Rng(opts.seed).fork('measures');
  const last = reportingPeriod(opts.asOf);
  let reports = 0;
  const eventRows: unknown[][] = [];
  for (const period of periodsBetween(FIRST_PERIOD, last)) {
    const q = parsePeriod(period)!;
    const due = dueOn(q).dueOn;
    const isLast = period === last;
    for (const m of MEASURES) {
      if (isLast && OPEN_MEASURES.includes(m.number)) continue;
      for (const unitName of reportingUnitsOf(m)) {
        const roll = rng.next();
        // Past quarters: nearly all accepted, some after a return; the last quarter: every state.
        let status: ReportStatus | null;
        if (!isLast) status = roll < 0.05 ? null : roll < 0.08 ? 'submitted' : 'accepted';
        else
          status = roll < 0.15 ? null : roll < 0.25 ? 'draft' : roll < 0.35 ? 'returned' : roll < 0.55 ? 'submitted' : 'accepted';
        if (status === null) continue;
        const wasReturned = status === 'returned' || (status === 'accepted' && rng.chance(0.2));
        const submittedOn = addDays(due, rng.int(-8, 3));
        const progress = rng.chance(0.85) ? 'on_track' : 'behind';
        const values = enteredIndicators(m).map((i) => ({
          indicatorId: i.id,
          value: i.unitZh === '元' ? rng.int(50, 800) * 10_000 : rng.int(0, 6),
          note: rng.chance(0.3) ? '数据来源：本单位工作台账' : '',
        }));
        const reason = wasReturned ? RETURN_REASONS[rng.int(0, RETURN_REASONS.length - 1)]! : null;
        const decidedOn = addDays(submittedOn, rng.int(1, 5));
        const [row] = await rowsOf<{ id: number }>(
          tx,
          sql`insert into measure_reports (measure, unit_id, period, status, progress, summary, values, due_on, submitted_at, decided_at,
                                           decided_by, return_reason, version, created_at, updated_at)
              values (${m.number}, ${units.get(unitName)!}, ${period}, ${status}, ${status === 'draft' ? null : progress},
                      ${SUMMARIES[rng.int(0, SUMMARIES.length - 1)]!}, ${JSON.stringify(values)}::jsonb, ${due},
                      ${status === 'draft' ? null : at(submittedOn, 10)}::timestamptz,
                      ${status === 'accepted' || status === 'returned' ? at(decidedOn, 15) : null}::timestamptz,
                      ${status === 'accepted' || status === 'returned' ? office!.id : null},
                      ${status === 'returned' ? reason : null}, ${wasReturned ? 4 : 3},
                      ${at(addDays(submittedOn, -3), 9)}::timestamptz, ${at(decidedOn, 15)}::timestamptz)
              returning id`,
        );
        reports++;
        const events: [string, ReportStatus, string | null, string, string][] = [
          ['save', 'draft', null, unitName, at(addDays(submittedOn, -3), 9)],
        ];
        if (status !== 'draft') {
          if (wasReturned) {
            const firstOn = addDays(submittedOn, -2);
            events.push(['submit', 'submitted', null, unitName, at(firstOn, 10)]);
            events.push(['return', 'returned', reason, office!.display_name, at(addDays(firstOn, 1), 11)]);
            if (status !== 'returned') events.push(['submit', 'submitted', null, unitName, at(submittedOn, 10)]);
          } else events.push(['submit', 'submitted', null, unitName, at(submittedOn, 10)]);
          if (status === 'accepted') events.push(['accept', 'accepted', null, office!.display_name, at(decidedOn, 15)]);
        }
        for (const [action, after, why, actor, when] of events) eventRows.push([row!.id, action, after, why, actor, when]);
      }
    }
  }
  // The history in one statement (one insert per event made the seed noticeably slower).
  await unnestInsert(
    tx,
    'measure_report_events',
    [
      ['report_id', 'bigint'],
      ['action', 'text'],
      ['status_after', 'measure_report_status'],
      ['reason', 'text'],
      ['actor_name', 'text'],
      ['at', 'timestamptz'],
    ],
    eventRows,
  );
  return { reports };
}
